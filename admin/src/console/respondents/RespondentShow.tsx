/** @jsxImportSource react */
// One respondent: status and progress in the latest campaign, a fresh personal link, and revoking access.
import { useState } from 'react';
import { Alert, Box, Button, CircularProgress } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useRecordContext, useRefresh } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { currentCampaign, useCampaigns, useConsoleDataProvider } from '../hooks.ts';
import { formatMoscow, progressStatusLabels } from '../labels.ts';
import type { RespondentRecord } from '../records.ts';

function RespondentActions({ campaignCode, campaignTitle }: { campaignCode: string; campaignTitle: string }) {
  const record = useRecordContext<RespondentRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const [revoking, setRevoking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string }>();
  if (!record) return null;

  async function resend() {
    setBusy(true);
    setMessage(undefined);
    const outcome = await dataProvider.resendLink(record!.id, campaignCode);
    setBusy(false);
    setMessage(
      outcome.ok
        ? {
            severity: 'success',
            text: `Новая ссылка для входа поставлена в очередь на ${record!.email}. Прежние ссылки перестанут действовать, когда письмо уйдёт.`,
          }
        : { severity: 'error', text: outcome.message },
    );
  }

  return (
    <Box sx={{ display: 'grid', gap: 1.5, px: 2, pb: 2 }}>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" onClick={resend} disabled={busy || Boolean(record.disabledAt) || !campaignCode}>
          Отправить ссылку повторно
        </Button>
        <Button variant="outlined" color="error" onClick={() => setRevoking(true)} disabled={Boolean(record.disabledAt)}>
          Заблокировать
        </Button>
      </Box>
      {message && (
        <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>
          {message.text}
        </Alert>
      )}
      <ConfirmDialog
        open={revoking}
        title="Заблокировать респондента"
        danger
        confirmLabel="Заблокировать"
        reason={{ required: true }}
        consequence={`${record.email} больше не сможет входить и заполнять анкету («${campaignTitle}»): все личные ссылки перестанут действовать, открытые сеансы завершатся. Уже сохранённые ответы останутся.`}
        onClose={() => setRevoking(false)}
        onConfirm={async (reason) => {
          const outcome = await dataProvider.revokeRespondent(record.id, reason);
          if (!outcome.ok) return outcome.message;
          setRevoking(false);
          setMessage({ severity: 'success', text: `Доступ закрыт: ${record.email}.` });
          refresh();
          return undefined;
        }}
      />
    </Box>
  );
}

export function RespondentShow() {
  const { campaigns, error } = useCampaigns();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!campaigns) return <CircularProgress aria-label="Загрузка" sx={{ m: 4 }} />;
  const campaign = currentCampaign(campaigns);
  const campaignCode = campaign?.code ?? '';
  return (
    <Show queryOptions={{ meta: { campaignCode } }}>
      <SimpleShowLayout>
        <TextField source="email" />
        <FunctionField<RespondentRecord>
          source="status"
          render={(record) => `${progressStatusLabels[record.status] ?? record.status}${campaign ? ` (опрос ${campaign.year})` : ''}`}
        />
        <FunctionField<RespondentRecord> source="progress" render={(record) => `${record.progress}%`} />
        <DateField source="lastActivity" showTime locales="ru-RU" emptyText="—" />
        <DateField source="createdAt" showTime locales="ru-RU" />
        <FunctionField<RespondentRecord>
          source="disabledAt"
          render={(record) => (record.disabledAt ? `Заблокирован с ${formatMoscow(record.disabledAt)}` : 'Нет')}
        />
      </SimpleShowLayout>
      <RespondentActions campaignCode={campaignCode} campaignTitle={campaign?.title ?? ''} />
    </Show>
  );
}
