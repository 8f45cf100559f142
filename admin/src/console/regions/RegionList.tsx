/** @jsxImportSource react */
import { Datagrid, FunctionField, List, NumberField, SelectInput, TextField, TextInput } from 'react-admin';
import { choicesOf, federalDistrictLabels } from '../labels.ts';
import type { RegionRecord } from '../records.ts';

const districtChoices = choicesOf(federalDistrictLabels);

const filters = [
  <TextInput key="q" source="q" label="Поиск" alwaysOn />,
  <SelectInput key="federalDistrict" source="federalDistrict" label="Федеральный округ" choices={districtChoices} alwaysOn />,
];

export function RegionList() {
  return (
    <List sort={{ field: 'position', order: 'ASC' }} filters={filters} perPage={100}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="position" />
        <TextField source="name" />
        <TextField source="code" />
        <FunctionField<RegionRecord>
          source="federalDistrict"
          sortable={false}
          render={(record) => federalDistrictLabels[record.federalDistrict] ?? record.federalDistrictName}
        />
      </Datagrid>
    </List>
  );
}
