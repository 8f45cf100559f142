/** @jsxImportSource react */
// Respondents with their status and progress in the latest campaign.
import { Alert, CircularProgress } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { currentCampaign, useCampaigns } from '../hooks.ts';
import { formatMoscow, progressStatusLabels } from '../labels.ts';
import type { RespondentRecord } from '../records.ts';

const filters = [
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="Статус"
    choices={Object.entries(progressStatusLabels).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
];

export function RespondentList() {
  const { campaigns, error } = useCampaigns();
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!campaigns) return <CircularProgress aria-label="Загрузка" sx={{ m: 4 }} />;
  const campaign = currentCampaign(campaigns);
  const campaignCode = campaign?.code ?? '';
  return (
    <List
      sort={{ field: 'email', order: 'ASC' }}
      filters={filters}
      filter={{ campaignCode }}
      perPage={25}
      title={campaign ? `Респонденты — опрос ${campaign.year}` : 'Респонденты'}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="email" />
        <FunctionField<RespondentRecord> source="status" sortable={false} render={(record) => progressStatusLabels[record.status] ?? record.status} />
        <FunctionField<RespondentRecord> source="progress" sortable={false} render={(record) => `${record.progress}%`} />
        <DateField source="lastActivity" showTime locales="ru-RU" emptyText="—" sortable={false} />
        <FunctionField<RespondentRecord>
          source="disabledAt"
          sortable={false}
          render={(record) => (record.disabledAt ? `с ${formatMoscow(record.disabledAt)}` : 'нет')}
        />
      </Datagrid>
    </List>
  );
}
