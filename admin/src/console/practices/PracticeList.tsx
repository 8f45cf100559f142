/** @jsxImportSource react */
import {
  AutocompleteInput,
  CreateButton,
  Datagrid,
  FilterButton,
  FunctionField,
  List,
  ReferenceInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';
import { PracticeFormInput } from './PracticeFormInput.tsx';
import type { PracticeRecord } from '../records.ts';

// The search is PostgreSQL full-text search in Russian: word forms match («премирования
// руководителей» finds «Премирование руководителя»), and the last word may be typed in part.
const filters = [
  <TextInput key="q" source="q" label="Поиск по тексту" alwaysOn sx={{ minWidth: 280 }} />,
  <ReferenceInput key="sphereId" source="sphereId" reference="Sphere" sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Сфера" optionText="name" />
  </ReferenceInput>,
  <PracticeFormInput key="formId" source="formId" label="Форма реализации" alwaysOn />,
  <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Субъект РФ" optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

const excerpt = (text: string) => (text.length > 160 ? `${text.slice(0, 157)}…` : text);

function ListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton label="Добавить практику" />
    </TopToolbar>
  );
}

// No sort field by default ('relevance' is not one the API sorts by): the API then lists a search's
// most relevant practices first, and otherwise follows the catalogue's order of forms.
export function PracticeList() {
  return (
    <List sort={{ field: 'relevance', order: 'DESC' }} filters={filters} perPage={25} actions={<ListActions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="region.name" label="resources.Practice.fields.region" sortBy="region" />
        <TextField source="sphere.name" label="resources.Practice.fields.sphere" sortBy="sphere" />
        <TextField source="form.name" label="resources.Practice.fields.form" sortBy="form" />
        <FunctionField<PracticeRecord> source="text" sortable={false} render={(record) => excerpt(record.text)} />
      </Datagrid>
    </List>
  );
}
