/** @jsxImportSource react */
import { Datagrid, DateField, FunctionField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { mailStatusLabels, mailTemplateLabels } from '../labels.ts';
import type { OutboxMailRecord } from '../records.ts';

const filters = [
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
  <SelectInput
    key="status"
    source="status"
    label="Состояние"
    choices={Object.entries(mailStatusLabels).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <SelectInput
    key="template"
    source="template"
    label="Шаблон"
    choices={Object.entries(mailTemplateLabels).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
];

export function OutboxMailList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} perPage={25} title="Отправленные письма">
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="to" />
        <FunctionField<OutboxMailRecord>
          source="template"
          sortable={false}
          render={(record) => mailTemplateLabels[record.template] ?? record.template}
        />
        <TextField source="subject" emptyText="—" sortable={false} />
        <FunctionField<OutboxMailRecord> source="status" sortable={false} render={(record) => mailStatusLabels[record.status] ?? record.status} />
        <NumberField source="attempts" sortable={false} />
        <DateField source="createdAt" showTime locales="ru-RU" />
        <DateField source="sentAt" showTime locales="ru-RU" emptyText="—" />
        <TextField source="lastError" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
