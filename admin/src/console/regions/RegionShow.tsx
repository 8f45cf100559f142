/** @jsxImportSource react */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import type { RegionRecord } from '../records.ts';

export function RegionShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="code" />
        <TextField source="federalDistrictName" />
        <FunctionField<RegionRecord> source="aliases" render={(record) => (record.aliases?.length ? record.aliases.join('; ') : '—')} />
      </SimpleShowLayout>
    </Show>
  );
}
