/** @jsxImportSource react */
// Reminders: pick a campaign and one group or several, read the mail and its recipients (each person
// once, and how many each group holds), then send after a confirmation.
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Checkbox,
  CircularProgress,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Typography,
} from '@mui/material';
import { Title } from 'react-admin';
import { CampaignSelect } from '../campaigns/CampaignSelect.tsx';
import { currentCampaign, useCampaignChoice, useConsoleDataProvider } from '../hooks.ts';
import { audienceLabels } from '../labels.ts';
import type { ReminderAudience, ReminderPreview } from '../operations.ts';
import { letters, MailText, SendingOutcome, SendRemindersDialog } from './mailParts.tsx';

export function RemindersPage() {
  const { campaigns, error: loadError, campaignCode, campaign, choose } = useCampaignChoice(currentCampaign);
  const dataProvider = useConsoleDataProvider();
  const [audiences, setAudiences] = useState<ReminderAudience[]>(['NOT_STARTED']);
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
    const outcome = await dataProvider.reminderPreview(campaignCode, audiences);
    setBusy(false);
    if (outcome.ok) {
      setPreview(outcome.data);
      setError(undefined);
    } else setError(outcome.message);
  }

  return (
    <Box sx={{ p: 2, display: 'grid', gap: 2, maxWidth: 960 }}>
      <Title title="Напоминания" />
      {loadError && <Alert severity="error">{loadError}</Alert>}
      {!campaigns && !loadError && <CircularProgress aria-label="Загрузка" />}
      {campaigns && (
        <Card variant="outlined">
          <CardContent sx={{ display: 'grid', gap: 2 }}>
            <CampaignSelect
              campaigns={campaigns}
              value={campaignCode}
              onChange={(code) => {
                choose(code);
                forgetPreview();
              }}
              sx={{ maxWidth: 420 }}
            />
            <FormControl component="fieldset">
              <FormLabel component="legend">Кому (можно выбрать несколько групп)</FormLabel>
              <FormGroup row>
                {(Object.keys(audienceLabels) as ReminderAudience[]).map((value) => (
                  <FormControlLabel
                    key={value}
                    control={
                      <Checkbox
                        checked={audiences.includes(value)}
                        onChange={(event) => {
                          const chosen = event.target.checked ? [...audiences, value] : audiences.filter((other) => other !== value);
                          setAudiences((Object.keys(audienceLabels) as ReminderAudience[]).filter((code) => chosen.includes(code)));
                          forgetPreview();
                        }}
                      />
                    }
                    label={audienceLabels[value]}
                  />
                ))}
              </FormGroup>
            </FormControl>
            <Box>
              <Button variant="outlined" onClick={showPreview} disabled={busy || !campaignCode || audiences.length === 0}>
                Показать письмо и получателей
              </Button>
            </Box>
            <SendingOutcome error={error} sent={sent} />
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
            {preview.groups.length > 1 && (
              <Typography data-testid="reminder-groups">
                По группам: {preview.groups.map((group) => `${audienceLabels[group.audience]!.toLowerCase()} — ${group.recipients}`).join('; ')}. Кто
                входит в несколько групп, получит одно письмо.
              </Typography>
            )}
            <MailText subject={preview.subject} text={preview.text} testIds={{ subject: 'reminder-subject', text: 'reminder-text' }} />
            <Box>
              <Button variant="contained" onClick={() => setConfirming(true)} disabled={preview.recipients === 0}>
                Отправить
              </Button>
            </Box>
          </CardContent>
        </Card>
      )}
      <SendRemindersDialog
        open={confirming && Boolean(preview)}
        consequence={
          preview
            ? `Будет отправлено ${letters(preview.recipients)} (${audiences.map((code) => audienceLabels[code]!.toLowerCase()).join(', ')}, «${campaign?.title ?? campaignCode}»). Каждый получит свою новую личную ссылку; прежние ссылки перестанут действовать. Отправку нельзя отменить.`
            : ''
        }
        onClose={() => setConfirming(false)}
        send={() => dataProvider.sendReminders(campaignCode, audiences)}
        onQueued={(text) => {
          setConfirming(false);
          setPreview(undefined);
          setSent(text);
        }}
      />
    </Box>
  );
}
