/** @jsxImportSource react */
import { Show, SimpleShowLayout, TextField } from 'react-admin';
import { JoinedField } from '../fields.tsx';

export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="code" />
        <TextField source="federalDistrictName" />
        <JoinedField source="aliases" />
      </SimpleShowLayout>
    </Show>
  );
}
