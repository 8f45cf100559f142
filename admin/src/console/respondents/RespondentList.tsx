/** @jsxImportSource react */
// Respondents with their status and progress in the latest campaign.
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { WithCurrentCampaign } from '../campaigns/CampaignSelect.tsx';
import { choicesOf, formatMoscow, progressStatusLabels } from '../labels.ts';
import type { CampaignRecord, RespondentRecord } from '../records.ts';
import { LabelField, PercentField } from '../fields.tsx';

const filters = [
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
  <SelectInput key="status" source="status" label="Статус" choices={choicesOf(progressStatusLabels)} alwaysOn />,
];

export function RespondentList() {
  return <WithCurrentCampaign>{(campaign) => <Respondents campaign={campaign} />}</WithCurrentCampaign>;
}

function Respondents({ campaign }: { campaign: CampaignRecord | undefined }) {
  return (
    <List
      sort={{ field: 'email', order: 'ASC' }}
      filters={filters}
      filter={{ campaignCode: campaign?.code ?? '' }}
      perPage={25}
      title={campaign ? `Респонденты — опрос ${campaign.year}` : 'Респонденты'}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="email" />
        <LabelField source="status" sortable={false} labels={progressStatusLabels} />
        <PercentField source="progress" sortable={false} />
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
