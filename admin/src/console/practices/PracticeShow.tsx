/** @jsxImportSource react */
import { DateField, Show, SimpleShowLayout, TextField } from 'react-admin';

export function PracticeShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="region.name" label="resources.Practice.fields.region" />
        <TextField source="sphere.name" label="resources.Practice.fields.sphere" />
        <TextField source="form.group.name" label="resources.Practice.fields.group" />
        <TextField source="form.name" label="resources.Practice.fields.form" />
        <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="source" emptyText="—" />
        <DateField source="createdAt" locales="ru-RU" />
      </SimpleShowLayout>
    </Show>
  );
}
