/** @jsxImportSource react */
// Counts of registered respondents by status, with shares, and the days left in the window.
import { Box, Card, CardContent, Typography } from '@mui/material';
import { countOf } from '../../../../api/src/i18n/plural.ts';
import { percentOf, windowStateLabels } from '../labels.ts';
import type { CampaignDashboard } from '../operations.ts';

function StatusCard({ label, value, note }: { label: string; value: string | number; note?: string }) {
  return (
    <Card variant="outlined" component="section" aria-label={label}>
      <CardContent>
        <Typography variant="body2" color="text.secondary" component="h2">
          {label}
        </Typography>
        <Typography variant="h4" component="p">
          {value}
        </Typography>
        {note && (
          <Typography variant="body2" color="text.secondary">
            {note}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

export function StatusCards({ dashboard }: { dashboard: CampaignDashboard }) {
  const { registered, notStarted, inProgress, submitted, daysLeft, windowState } = dashboard;
  const share = (count: number) => `${percentOf(count, registered)}% от зарегистрированных`;
  return (
    <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))' }}>
      <StatusCard label="Зарегистрировано" value={registered} note={`Приём ответов: ${windowStateLabels[windowState] ?? windowState}`} />
      <StatusCard label="Не приступили" value={notStarted} note={share(notStarted)} />
      <StatusCard label="Заполняют" value={inProgress} note={share(inProgress)} />
      <StatusCard label="Отправили анкету" value={submitted} note={share(submitted)} />
      <StatusCard
        label="Осталось"
        value={windowState === 'OPEN' ? countOf(daysLeft, ['день', 'дня', 'дней']) : '—'}
        note={windowState === 'OPEN' ? 'до закрытия приёма' : 'приём ответов не идёт'}
      />
    </Box>
  );
}
