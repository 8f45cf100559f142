/** @jsxImportSource react */
import { BooleanInput, Datagrid, List, SelectInput, TextField, TextInput } from 'react-admin';
import { ActivityNumberField, ActivityOwnersField } from './provenance.tsx';
import { choicesOf, planLevelLabels } from '../labels.ts';
import { LabelField } from '../fields.tsx';

const filters = [
  <TextInput key="q" source="q" label="Поиск" alwaysOn />,
  <SelectInput key="level" source="level" label="Уровень" choices={choicesOf(planLevelLabels)} alwaysOn />,
  <BooleanInput key="topLevelOnly" source="topLevelOnly" label="Только мероприятия верхнего уровня" alwaysOn />,
];

export function PlanActivityList() {
  return (
    <List sort={{ field: 'position', order: 'ASC' }} filters={filters} perPage={50}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <ActivityNumberField source="number" />
        <TextField source="title" sortable={false} />
        <TextField source="form" sortable={false} emptyText="—" />
        <TextField source="schedule" sortable={false} emptyText="—" />
        <ActivityOwnersField source="owners" sortable={false} />
        <LabelField source="level" sortable={false} labels={planLevelLabels} />
      </Datagrid>
    </List>
  );
}
