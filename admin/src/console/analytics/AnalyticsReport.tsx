/** @jsxImportSource react */
// The published report (issue 14, point 9): a publication of a campaign's analytics exactly as
// anonymous readers and portals read it (disclosure control applied), laid out in seed 002's order —
// who took part, then the questionnaire's figures and tables with their captions («Рисунок 10 – …»,
// «Таблица 17 – …»), charts, n and the method under each, the cost ratios after the questions they
// derive from. The version, the date and the threshold are on top; earlier versions stay readable;
// «Опубликовать» makes a new version from the answers as they are now; «Скачать CSV» saves every
// published table; the browser's print (to PDF) prints the report alone; «Открыть публичную страницу»
// opens what anonymous readers see at /reports/<campaign> (api/src/http/reportPages.ts).
import DownloadIcon from '@mui/icons-material/Download';
import OpenInNewIcon from '@mui/icons-material/OpenInNew';
import PublishIcon from '@mui/icons-material/Publish';
import { Alert, Box, Button, Card, CardContent, CircularProgress, MenuItem, TextField, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { useConsoleDataProvider, useConsoleQuery } from '../hooks.ts';
import type { AnalyticsPublication } from '../operations.ts';
import { RatioTable } from './AnalyticsPage.tsx';
import { formatNumber, questionnaires, regionsCount } from './format.ts';
import { QuestionFigures } from './QuestionFigures.tsx';
import { reportBlocks, reportCsv } from '../../../../api/src/services/analyticsReport.ts';

const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' });

function download(publication: AnalyticsPublication) {
  const blob = new Blob([reportCsv(publication.analytics)], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${publication.campaignCode}-analytics-v${publication.version}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Report({ publication }: { publication: AnalyticsPublication }) {
  const analytics = publication.analytics;
  const regions = analytics.nonParticipatingRegions;
  return (
    <Box component="section" aria-label="Отчёт" sx={{ display: 'grid', gap: 3 }} data-testid="analytics-report">
      <Box>
        <Typography variant="h5" component="h2">
          {analytics.title}
        </Typography>
        <Typography data-testid="report-version">
          Публикация № {publication.version} от {dateTime.format(new Date(publication.publishedAt))} (МСК). Учтены отправленные анкеты:{' '}
          {questionnaires(publication.respondentsCount)}.
        </Typography>
        <Typography variant="body2" color="text.secondary">
          Показатели, основанные на ответах менее чем {publication.threshold} респондентов, скрыты («&lt;{publication.threshold}»), как и ячейки, по
          которым скрытое можно было бы вычислить из итогов.
        </Typography>
      </Box>
      <Box component="section" aria-labelledby="report-participation">
        <Typography variant="h6" component="h3" id="report-participation">
          Участие в опросе
        </Typography>
        <Typography data-testid="report-participation">
          В опросе приняли участие представители {regionsCount(analytics.participatingRegionsCount)} из {formatNumber(analytics.expectedRegionsCount)}{' '}
          ожидаемых.
          {regions.length > 0 && ` Не принимали участия: ${regions.map((region) => region.name).join(', ')}.`}
        </Typography>
      </Box>
      {reportBlocks(analytics).map((block) =>
        block.kind === 'question' ? (
          <QuestionFigures key={block.question.code} question={block.question} threshold={publication.threshold} />
        ) : (
          <RatioTable key={block.ratio.code} ratio={block.ratio} />
        ),
      )}
    </Box>
  );
}

export function AnalyticsReport({ campaignCode }: { campaignCode: string }) {
  const dataProvider = useConsoleDataProvider();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState<number | undefined>(undefined);
  const [confirming, setConfirming] = useState(false);
  const { data: publication, error } = useConsoleQuery(['publishedAnalytics', campaignCode, version ?? 'latest'], (provider) =>
    provider.publishedAnalytics(campaignCode, version),
  );

  async function publish() {
    const outcome = await dataProvider.publishCampaignAnalytics(campaignCode);
    if (!outcome.ok) return outcome.message;
    setVersion(undefined);
    await queryClient.invalidateQueries({ queryKey: ['console', 'publishedAnalytics', campaignCode] });
    setConfirming(false);
    return undefined;
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      <Card variant="outlined" className="no-print">
        <CardContent sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          {publication && (
            <TextField
              select
              size="small"
              label="Версия"
              value={publication.version}
              onChange={(event) => setVersion(Number(event.target.value))}
              sx={{ minWidth: 320 }}
            >
              {publication.versions.map((one) => (
                <MenuItem key={one.version} value={one.version}>
                  № {one.version} от {dateTime.format(new Date(one.publishedAt))} ({questionnaires(one.respondentsCount)})
                </MenuItem>
              ))}
            </TextField>
          )}
          <Button variant="contained" startIcon={<PublishIcon />} onClick={() => setConfirming(true)}>
            Опубликовать
          </Button>
          {publication && (
            <Button variant="outlined" startIcon={<DownloadIcon />} onClick={() => download(publication)}>
              Скачать CSV
            </Button>
          )}
          {publication && (
            <Button
              variant="text"
              startIcon={<OpenInNewIcon />}
              href={`/reports/${encodeURIComponent(campaignCode)}`}
              target="_blank"
              rel="noopener"
              data-testid="public-report-link"
            >
              Открыть публичную страницу
            </Button>
          )}
        </CardContent>
      </Card>
      {error && <Alert severity="error">{error.message}</Alert>}
      {publication === undefined && !error && <CircularProgress aria-label="Загрузка" />}
      {publication === null && <Alert severity="info">Аналитика этого опроса ещё не опубликована: порталы и посетители пока ничего не видят.</Alert>}
      {publication && <Report publication={publication} />}
      <ConfirmDialog
        open={confirming}
        title="Опубликовать аналитику?"
        consequence="Показатели будут рассчитаны по отправленным анкетам на этот момент и опубликованы новой версией; ячейки с малым числом респондентов будут скрыты. Прежние версии останутся доступны. Изменить опубликованную версию нельзя."
        confirmLabel="Опубликовать"
        onClose={() => setConfirming(false)}
        onConfirm={publish}
      />
    </Box>
  );
}
