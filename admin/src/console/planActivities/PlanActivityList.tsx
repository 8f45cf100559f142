/** @jsxImportSource react */
import { BooleanInput, Datagrid, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { planLevelLabels } from '../labels.ts';
import type { PlanActivityRecord } from '../records.ts';

const filters = [
  <TextInput key="q" source="q" label="Поиск" alwaysOn />,
  <SelectInput key="level" source="level" label="Уровень" choices={Object.entries(planLevelLabels).map(([id, name]) => ({ id, name }))} alwaysOn />,
  <BooleanInput key="topLevelOnly" source="topLevelOnly" label="Только мероприятия верхнего уровня" alwaysOn />,
];

export function PlanActivityList() {
  return (
    <List sort={{ field: 'position', order: 'ASC' }} filters={filters} perPage={50}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="number" />
        <TextField source="title" sortable={false} />
        <TextField source="form" sortable={false} emptyText="—" />
        <TextField source="schedule" sortable={false} emptyText="—" />
        <FunctionField<PlanActivityRecord> source="owners" sortable={false} render={(record) => record.owners.join('; ') || '—'} />
        <FunctionField<PlanActivityRecord> source="level" sortable={false} render={(record) => planLevelLabels[record.level] ?? record.level} />
      </Datagrid>
    </List>
  );
}
