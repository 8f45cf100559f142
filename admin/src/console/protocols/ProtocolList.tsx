/** @jsxImportSource react */
// The protocols of all regions: body, number, date, title, progress and overdue tasks.
import { Datagrid, FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { type ProtocolRecord, progressText, ruDate } from './tasks.ts';

const filters = [
  <TextInput key="q" source="q" label="Поиск" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" perPage={100} sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Субъект РФ" optionText="name" />
  </ReferenceInput>,
];

export function ProtocolList() {
  return (
    <List sort={{ field: 'date', order: 'DESC' }} filters={filters} empty={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="region.name" label="resources.Protocol.fields.region" sortBy="region" />
        <TextField source="number" />
        <FunctionField<ProtocolRecord> source="date" render={(record) => ruDate(record.date)} />
        <TextField source="title" sortable />
        <TextField source="issuer" sortable={false} />
        <TextField source="itemsCount" sortable={false} />
        <FunctionField<ProtocolRecord> source="progress" sortable={false} render={(record) => progressText(record.progress)} />
        <FunctionField<ProtocolRecord>
          label="resources.Protocol.fields.overdue"
          sortable={false}
          render={(record) => (record.progress.overdue > 0 ? record.progress.overdue : '—')}
        />
      </Datagrid>
    </List>
  );
}
