/** @jsxImportSource react */
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { responseStatusLabels } from '../labels.ts';
import type { ResponseRecord } from '../records.ts';

const filters = [
  <SelectInput
    key="status"
    source="status"
    label="Статус"
    choices={Object.entries(responseStatusLabels).map(([id, name]) => ({ id, name }))}
    alwaysOn
  />,
  <TextInput key="q" source="q" label="Поиск по адресу" alwaysOn />,
];

export function ResponseList() {
  return (
    <List sort={{ field: 'updatedAt', order: 'DESC' }} filters={filters} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="respondentEmail" sortable={false} />
        <TextField source="regionName" emptyText="—" sortable={false} />
        <FunctionField<ResponseRecord> source="status" sortable={false} render={(record) => responseStatusLabels[record.status] ?? record.status} />
        <FunctionField<ResponseRecord> source="completion" render={(record) => `${record.completion}%`} />
        <DateField source="updatedAt" showTime locales="ru-RU" />
        <DateField source="submittedAt" showTime locales="ru-RU" emptyText="—" />
      </Datagrid>
    </List>
  );
}
