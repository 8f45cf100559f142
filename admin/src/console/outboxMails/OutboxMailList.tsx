/** @jsxImportSource react */
import { Datagrid, DateField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { choicesOf, mailStatusLabels, mailTemplateLabels } from '../labels.ts';
import { LabelField } from '../fields.tsx';

const filters = [
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
  <SelectInput key="status" source="status" label="Состояние" choices={choicesOf(mailStatusLabels)} alwaysOn />,
  <SelectInput key="template" source="template" label="Шаблон" choices={choicesOf(mailTemplateLabels)} alwaysOn />,
];

export function OutboxMailList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} filters={filters} perPage={25} title="Отправленные письма">
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="to" />
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
