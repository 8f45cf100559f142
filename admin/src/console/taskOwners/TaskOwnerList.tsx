/** @jsxImportSource react */
// The bodies protocols name as owners, per region: matched to an authority or not, the contacts
// recorded for reminders, how many items each answers for.
import { BooleanInput, Datagrid, FunctionField, List, NumberField, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import type { TaskOwnerRecord } from '../protocols/tasks.ts';

const filters = [
  <TextInput key="q" source="q" label="Поиск по названию" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" perPage={100} sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Субъект РФ" optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="hasContacts" source="hasContacts" label="Есть адреса для напоминаний" />,
  <BooleanInput key="matched" source="matched" label="Сопоставлен с органом власти" />,
];

export function TaskOwnerList() {
  return (
    <List sort={{ field: 'name', order: 'ASC' }} filters={filters} perPage={50} title="Исполнители поручений">
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="region.name" label="resources.TaskOwner.fields.region" sortBy="region" />
        <FunctionField<TaskOwnerRecord> source="authority" sortable={false} render={(r) => r.authority?.name ?? 'не сопоставлен'} />
        <FunctionField<TaskOwnerRecord>
          source="contacts"
          sortable={false}
          render={(r) => (r.contacts.length ? r.contacts.map((contact) => contact.email).join(', ') : '—')}
        />
        <NumberField source="itemsCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
