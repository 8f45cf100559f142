/** @jsxImportSource react */
// Respondents with their status and progress in the latest campaign.
import { Alert, CircularProgress } from '@mui/material';
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { currentCampaign, useCampaigns } from '../hooks.ts';
import { formatMoscow, progressStatusLabels } from '../labels.ts';

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
        <FunctionField source="status" sortable={false} render={(record: any) => progressStatusLabels[record.status] ?? record.status} />
        <FunctionField source="progress" sortable={false} render={(record: any) => `${record.progress}%`} />
        <DateField source="lastActivity" showTime locales="ru-RU" emptyText="—" sortable={false} />
        <FunctionField
          source="disabledAt"
          sortable={false}
          render={(record: any) => (record.disabledAt ? `с ${formatMoscow(record.disabledAt)}` : 'нет')}
        />
      </Datagrid>
    </List>
  );
}
