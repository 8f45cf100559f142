/** @jsxImportSource react */
// The mails sent or waiting: of every campaign (and mails about none), so each row says its campaign
// and the list starts filtered by the console's campaign (chosen in the app bar).
import { Datagrid, DateField, FunctionField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { campaignTitle } from '../campaigns/CampaignSelect.tsx';
import { useCampaignChoice } from '../hooks.ts';
import { choicesOf, mailStatusLabels, mailTemplateLabels } from '../labels.ts';
import type { OutboxMailRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

export function OutboxMailList() {
  const { campaigns, campaign } = useCampaignChoice();
  if (!campaigns) return null;
  const filters = [
    <SelectInput
      key="campaignId"
      source="campaignId"
      label="Письма опроса"
      choices={campaigns.map((candidate) => ({ id: candidate.id, name: campaignTitle(candidate) }))}
      alwaysOn
      sx={{ minWidth: 260, maxWidth: 420 }}
    />,
    <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
    <SelectInput key="status" source="status" label="Состояние" choices={choicesOf(mailStatusLabels)} alwaysOn />,
    <SelectInput key="template" source="template" label="Шаблон" choices={choicesOf(mailTemplateLabels)} alwaysOn />,
  ];
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      filterDefaultValues={campaign ? { campaignId: campaign.id } : {}}
      perPage={25}
      title="Отправленные письма"
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="to" />
        <FunctionField<OutboxMailRecord>
          source="campaignId"
          sortable={false}
          render={(record) => {
            const about = campaigns.find((candidate) => String(candidate.id) === String(record.campaignId));
            return about ? String(about.year) : '—';
          }}
        />
        <LabelField source="template" sortable={false} labels={mailTemplateLabels} />
        <TextField source="subject" emptyText="—" sortable={false} />
        <LabelField source="status" sortable={false} labels={mailStatusLabels} />
        <NumberField source="attempts" sortable={false} />
        <DateField source="createdAt" showTime locales="ru-RU" />
        <DateField source="sentAt" showTime locales="ru-RU" emptyText="—" />
        <TextField source="lastError" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
