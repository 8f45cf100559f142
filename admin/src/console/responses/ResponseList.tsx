/** @jsxImportSource react */
// The questionnaires of the console's campaign (chosen in the app bar), a permanent filter of the list.
import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { WithCurrentCampaign } from '../campaigns/CampaignSelect.tsx';
import type { CampaignRecord } from '../records.ts';
import { choicesOf, responseStatusLabels } from '../labels.ts';
import { LabelField, PercentField } from '../fields.tsx';

const filters = [
  <SelectInput key="status" source="status" label="Статус" choices={choicesOf(responseStatusLabels)} alwaysOn />,
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
];

export function ResponseList() {
  return <WithCurrentCampaign>{(campaign) => <Responses campaign={campaign} />}</WithCurrentCampaign>;
}

function Responses({ campaign }: { campaign: CampaignRecord | undefined }) {
  return (
    <List
      sort={{ field: 'updatedAt', order: 'DESC' }}
      filters={filters}
      filter={{ campaignCode: campaign?.code ?? '' }}
      perPage={25}
      title={campaign ? `Анкеты — опрос ${campaign.year}` : 'Анкеты'}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="respondentEmail" sortable={false} />
        <TextField source="regionName" emptyText="—" sortable={false} />
        <LabelField source="status" sortable={false} labels={responseStatusLabels} />
        <PercentField source="completion" />
        <DateField source="updatedAt" showTime locales="ru-RU" />
        <DateField source="submittedAt" showTime locales="ru-RU" emptyText="—" />
      </Datagrid>
    </List>
  );
}
