/** @jsxImportSource react */
// Authorities registered from the respondents' answers, with how many questionnaires and measures name them.
import { AutocompleteInput, Datagrid, DateField, List, NumberField, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';

const filters = [
  <TextInput key="q" source="q" label="Поиск по наименованию" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Субъект РФ" optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
  <ReferenceInput key="sphereId" source="sphereId" reference="Sphere" sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Сфера" optionText="name" />
  </ReferenceInput>,
];

export function AuthorityList() {
  return (
    <List sort={{ field: 'region', order: 'ASC' }} filters={filters} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="region.name" label="resources.Authority.fields.region" sortBy="region" />
        <TextField source="sphere.name" label="resources.Authority.fields.sphere" sortBy="sphere" emptyText="—" />
        <NumberField source="responsesCount" sortable={false} />
        <NumberField source="measuresCount" sortable={false} />
        <DateField source="createdAt" locales="ru-RU" />
      </Datagrid>
    </List>
  );
}
