/** @jsxImportSource react */
// Reminders of protocol deadlines: choose the region (or all) and how far ahead, read every mail as
// its contact will get it (the owner's overdue and coming items by protocol and item number), untick
// any, then send through the outbox after a confirmation.
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  FormControl,
  FormControlLabel,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Link, Title, useGetList } from 'react-admin';
import { useConsoleDataProvider } from '../hooks.ts';
import type { TaskReminderMail } from '../operations.ts';
import { letters, MailText, SendingOutcome, SendRemindersDialog } from '../reminders/mailParts.tsx';

export function TaskRemindersPage() {
  const dataProvider = useConsoleDataProvider();
  const { data: regions = [] } = useGetList<{ id: string; name: string }>('Region', {
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'position', order: 'ASC' },
  });
  const [regionId, setRegionId] = useState('');
  const [withinDays, setWithinDays] = useState('30');
  const [mails, setMails] = useState<TaskReminderMail[]>();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<string>();

  const input = () => ({ regionId: regionId || null, withinDays: Number(withinDays) });

  async function showPreview() {
    setBusy(true);
    setSent(undefined);
    const outcome = await dataProvider.taskReminderPreview(input());
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.fieldErrors[0]?.message ?? outcome.message);
      setMails(undefined);
      return;
    }
    setError(undefined);
    setMails(outcome.data.mails);
    setChosen(new Set(outcome.data.mails.map((mail) => mail.contactId)));
  }

  const forget = () => {
    setMails(undefined);
    setError(undefined);
  };
  const selected = (mails ?? []).filter((mail) => chosen.has(mail.contactId));

  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 1000 }}>
      <Title title="Напоминания о сроках поручений" />
      <Card variant="outlined">
        <CardContent sx={{ display: 'grid', gap: 2 }}>
          <Typography>
            Письма уходят на адреса, записанные для исполнителей (раздел <Link to="/TaskOwner">Исполнители поручений</Link>): каждому — его
            просроченные пункты и пункты, срок которых подходит.
          </Typography>
          <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
            <FormControl size="small" sx={{ minWidth: 320 }}>
              <InputLabel id="reminder-region-label">Субъект РФ</InputLabel>
              <Select
                labelId="reminder-region-label"
                label="Субъект РФ"
                value={regionId}
                onChange={(event) => {
                  setRegionId(String(event.target.value));
                  forget();
                }}
              >
                <MenuItem value="">Все регионы</MenuItem>
                {regions.map((region) => (
                  <MenuItem key={region.id} value={String(region.id)}>
                    {region.name}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
            <TextField
              size="small"
              type="number"
              label="Сроки на ближайшие, дней"
              value={withinDays}
              onChange={(event) => {
                setWithinDays(event.target.value);
                forget();
              }}
              slotProps={{ htmlInput: { min: 0, max: 90 } }}
            />
          </Box>
          <Box>
            <Button variant="outlined" onClick={showPreview} disabled={busy}>
              Показать письма
            </Button>
          </Box>
          <SendingOutcome error={error} sent={sent} />
        </CardContent>
      </Card>
      {mails && mails.length === 0 && (
        <Alert severity="info">Некому напоминать: у записанных адресатов нет просроченных или подходящих сроков.</Alert>
      )}
      {mails && mails.length > 0 && (
        <Card variant="outlined" component="section" aria-labelledby="task-mails-title">
          <CardContent sx={{ display: 'grid', gap: 2 }}>
            <Typography variant="h6" component="h2" id="task-mails-title">
              Письма ({mails.length})
            </Typography>
            {mails.map((mail) => (
              <Box
                key={mail.contactId}
                component="article"
                sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2, display: 'grid', gap: 1 }}
                data-testid="task-reminder-mail"
              >
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={chosen.has(mail.contactId)}
                      onChange={(event) => {
                        const next = new Set(chosen);
                        if (event.target.checked) next.add(mail.contactId);
                        else next.delete(mail.contactId);
                        setChosen(next);
                      }}
                    />
                  }
                  label={
                    <span>
                      <strong>{mail.to}</strong>
                      {mail.name ? ` (${mail.name})` : ''} — {mail.ownerName}, {mail.regionName}
                    </span>
                  }
                />
                <MailText subject={mail.subject} text={mail.text} />
              </Box>
            ))}
            <Box>
              <Button variant="contained" onClick={() => setConfirming(true)} disabled={selected.length === 0}>
                Отправить выбранные ({selected.length})
              </Button>
            </Box>
          </CardContent>
        </Card>
      )}
      <SendRemindersDialog
        open={confirming}
        consequence={`Будет отправлено ${letters(selected.length)}: ${selected.map((mail) => mail.to).join(', ')}. Отправку нельзя отменить.`}
        onClose={() => setConfirming(false)}
        send={() => dataProvider.sendTaskReminders({ ...input(), contactIds: selected.map((mail) => mail.contactId) })}
        onQueued={(text) => {
          setConfirming(false);
          setMails(undefined);
          setSent(text);
        }}
      />
    </Box>
  );
}
