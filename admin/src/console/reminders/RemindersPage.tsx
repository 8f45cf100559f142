/** @jsxImportSource react */
// Reminders: pick a campaign and an audience, read the mail and its recipients, then send after a confirmation.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import { Link, Title } from 'react-admin';
import { countOf } from '../../../../api/src/i18n/plural.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { currentCampaign, useCampaigns, useConsoleDataProvider } from '../hooks.ts';
import { audienceLabels } from '../labels.ts';
import type { ReminderAudience, ReminderPreview } from '../operations.ts';

const letters = (n: number) => countOf(n, ['письмо', 'письма', 'писем']);

export function RemindersPage() {
  const { campaigns, error: loadError } = useCampaigns();
  const dataProvider = useConsoleDataProvider();
  const [chosen, setChosen] = useState<string>();
  const campaignCode = chosen ?? (campaigns && currentCampaign(campaigns)?.code) ?? '';
  const [audience, setAudience] = useState<ReminderAudience>('NOT_STARTED');
  const [preview, setPreview] = useState<ReminderPreview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<string>();

  /** A preview belongs to one choice: changing the campaign or the audience asks for a new one. */
  function forgetPreview() {
    setPreview(undefined);
    setError(undefined);
  }

  async function showPreview() {
    setBusy(true);
    setSent(undefined);
    const outcome = await dataProvider.reminderPreview(campaignCode, audience);
    setBusy(false);
    if (outcome.ok) {
      setPreview(outcome.data);
      setError(undefined);
    } else setError(outcome.message);
  }

  const campaign = campaigns?.find((candidate) => candidate.code === campaignCode);
  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 960 }}>
      <Title title="Напоминания" />
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {!campaigns && !loadError && <CircularProgress aria-label="Загрузка" />}
      {campaigns && (
        <Card variant="outlined">
          <CardContent sx={{ display: 'grid', gap: 2 }}>
            <TextField
              select
              label="Опрос"
              value={campaignCode}
              onChange={(event) => {
                setChosen(event.target.value);
                forgetPreview();
              }}
              sx={{ maxWidth: 420 }}
            >
              {campaigns.map((candidate) => (
                <MenuItem key={candidate.code} value={candidate.code}>
                  {candidate.title.includes(String(candidate.year)) ? candidate.title : `${candidate.title} (${candidate.year})`}
                </MenuItem>
              ))}
            </TextField>
            <FormControl>
              <FormLabel id="audience-label">Кому</FormLabel>
              <RadioGroup
                row
                aria-labelledby="audience-label"
                value={audience}
                onChange={(event) => {
                  setAudience(event.target.value as ReminderAudience);
                  forgetPreview();
                }}
              >
                {Object.entries(audienceLabels).map(([value, label]) => (
                  <FormControlLabel key={value} value={value} control={<Radio />} label={label.toLowerCase().replace(/^./, (c) => c.toUpperCase())} />
                ))}
              </RadioGroup>
            </FormControl>
            <Box>
              <Button variant="outlined" onClick={showPreview} disabled={busy || !campaignCode}>
                Показать письмо и получателей
              </Button>
            </Box>
            {error && (
              <Alert severity="error" role="alert">
                {error}
              </Alert>
            )}
            {sent && (
              <Alert severity="success" role="status">
                {sent} <Link to="/OutboxMail">Отправленные письма</Link>
              </Alert>
            )}
          </CardContent>
        </Card>
      )}
      {preview && (
        <Card variant="outlined" component="section" aria-labelledby="preview-title">
          <CardContent sx={{ display: 'grid', gap: 1.5 }}>
            <Typography variant="h6" component="h2" id="preview-title">
              Письмо
            </Typography>
            <Typography data-testid="reminder-recipients">
              Получателей: <strong>{preview.recipients}</strong>
              {preview.sample.length > 0 && (
                <>
                  {' '}
                  — например: {preview.sample.join(', ')}
                  {preview.recipients > preview.sample.length ? ' и другие' : ''}
                </>
              )}
            </Typography>
            <Typography>
              Тема: <strong data-testid="reminder-subject">{preview.subject}</strong>
            </Typography>
            <Box
              component="pre"
              data-testid="reminder-text"
              sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 2, bgcolor: 'action.hover', borderRadius: 1 }}
            >
              {preview.text}
            </Box>
            <Box>
              <Button variant="contained" onClick={() => setConfirming(true)} disabled={preview.recipients === 0}>
                Отправить
              </Button>
            </Box>
          </CardContent>
        </Card>
      )}
      <ConfirmDialog
        open={confirming && Boolean(preview)}
        title="Отправить напоминания"
        confirmLabel="Отправить"
        consequence={
          preview
            ? `Будет отправлено ${letters(preview.recipients)} (${audienceLabels[audience]!.toLowerCase()}, «${campaign?.title ?? campaignCode}»). Каждый получит свою новую личную ссылку; прежние ссылки перестанут действовать. Отправку нельзя отменить.`
            : ''
        }
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          const outcome = await dataProvider.sendReminders(campaignCode, audience);
          if (!outcome.ok) return outcome.message;
          setConfirming(false);
          setPreview(undefined);
          setSent(`Поставлено в очередь: ${letters(outcome.data.queued)}.`);
          return undefined;
        }}
      />
    </Box>
  );
}
