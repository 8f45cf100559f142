/** @jsxImportSource react */
import { DateField, EditButton, ListButton, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { DeletePracticeButton } from './DeletePracticeButton.tsx';

function ShowActions() {
  return (
    <TopToolbar>
      <ListButton />
      <EditButton />
      <DeletePracticeButton />
    </TopToolbar>
  );
}

export function PracticeShow() {
  return (
    <Show actions={<ShowActions />}>
      <SimpleShowLayout>
        <TextField source="region.name" label="resources.Practice.fields.region" />
        <TextField source="sphere.name" label="resources.Practice.fields.sphere" />
        <TextField source="form.group.name" label="resources.Practice.fields.group" />
        <TextField source="form.name" label="resources.Practice.fields.form" />
        <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="source" emptyText="добавлена в консоли" />
        <DateField source="createdAt" locales="ru-RU" />
      </SimpleShowLayout>
    </Show>
  );
}
