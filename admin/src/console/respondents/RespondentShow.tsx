/** @jsxImportSource react */
// One respondent: status and progress in the latest campaign, a fresh personal link, and revoking access.
import { useState } from 'react';
import { Box, Button } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useRecordContext, useRefresh } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert, type Refusal, RefusalAlert } from '../feedback.tsx';
import { WithCurrentCampaign } from '../campaigns/CampaignSelect.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { formatMoscow, progressStatusLabels } from '../labels.ts';
import type { CampaignRecord, RespondentRecord } from '../records.ts';
import { PercentField } from '../fields.tsx';

function RespondentActions({ campaignCode, campaignTitle }: { campaignCode: string; campaignTitle: string }) {
  const record = useRecordContext<RespondentRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const [revoking, setRevoking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [refusal, setRefusal] = useState<Refusal>();
  if (!record) return null;

  async function resend() {
    setBusy(true);
    setDone(undefined);
    setRefusal(undefined);
    const outcome = await dataProvider.resendLink(record!.id, campaignCode);
    setBusy(false);
    if (outcome.ok) {
      setDone(`Новая ссылка для входа поставлена в очередь на ${record!.email}. Прежние ссылки перестанут действовать, когда письмо уйдёт.`);
    } else setRefusal(outcome);
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
      <DoneAlert>{done}</DoneAlert>
      {refusal && <RefusalAlert refusal={refusal} />}
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
          if (!outcome.ok) return outcome;
          setRevoking(false);
          setRefusal(undefined);
          setDone(`Доступ закрыт: ${record.email}.`);
          refresh();
          return undefined;
        }}
      />
    </Box>
  );
}

export function RespondentShow() {
  return <WithCurrentCampaign>{(campaign) => <Respondent campaign={campaign} />}</WithCurrentCampaign>;
}

function Respondent({ campaign }: { campaign: CampaignRecord | undefined }) {
  const campaignCode = campaign?.code ?? '';
  return (
    <Show queryOptions={{ meta: { campaignCode } }}>
      <SimpleShowLayout>
        <TextField source="email" />
        <FunctionField<RespondentRecord>
          source="status"
          render={(record) => `${progressStatusLabels[record.status] ?? record.status}${campaign ? ` (опрос ${campaign.year})` : ''}`}
        />
        <PercentField source="progress" />
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
