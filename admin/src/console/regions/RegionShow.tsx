/** @jsxImportSource react */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';

export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="code" />
        <TextField source="federalDistrictName" />
        <FunctionField source="aliases" render={(record: any) => (record.aliases?.length ? record.aliases.join('; ') : '—')} />
      </SimpleShowLayout>
    </Show>
  );
}
