/** @jsxImportSource react */
import { AutocompleteInput, Datagrid, FunctionField, List, ReferenceInput, SelectInput, TextField, TextInput } from 'react-admin';
import { PracticeFormInput } from './PracticeFormInput.tsx';

const filters = [
  <TextInput key="q" source="q" label="Поиск по тексту" alwaysOn />,
  <ReferenceInput key="sphereId" source="sphereId" reference="Sphere" sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Сфера" optionText="name" />
  </ReferenceInput>,
  <PracticeFormInput key="formId" source="formId" label="Форма реализации" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Субъект РФ" optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

export function PracticeList() {
  return (
    <List sort={{ field: 'region', order: 'ASC' }} filters={filters} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="region.name" label="resources.Practice.fields.region" sortBy="region" />
        <TextField source="sphere.name" label="resources.Practice.fields.sphere" sortBy="sphere" />
        <TextField source="form.name" label="resources.Practice.fields.form" sortBy="form" />
        <FunctionField source="text" sortable={false} render={(record: any) => excerpt(record.text)} />
      </Datagrid>
    </List>
  );
}
