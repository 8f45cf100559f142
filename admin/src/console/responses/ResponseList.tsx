/** @jsxImportSource react */
import { Datagrid, DateField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { choicesOf, responseStatusLabels } from '../labels.ts';
import { LabelField, PercentField } from '../fields.tsx';

const filters = [
  <SelectInput key="status" source="status" label="Статус" choices={choicesOf(responseStatusLabels)} alwaysOn />,
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
];

export function ResponseList() {
  return (
    <List sort={{ field: 'updatedAt', order: 'DESC' }} filters={filters} perPage={25}>
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
