/** @jsxImportSource react */
// Pessimistic: the API may refuse (a duplicate, an unknown reference), and its message must be seen
// before the screen moves on.
import { useMemo } from 'react';
import { Edit, SaveButton, SimpleForm, TextInput, Toolbar, useRecordContext } from 'react-admin';
import { DeletePracticeButton } from './DeletePracticeButton.tsx';
import { PracticeInputs } from './PracticeInputs.tsx';
import type { PracticeRecord } from '../records.ts';

function EditToolbar() {
  return (
    <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
      <SaveButton />
      <DeletePracticeButton />
    </Toolbar>
  );
}

function PracticeEditForm() {
  const record = useRecordContext<PracticeRecord>();
  // The list reads region/sphere/form as objects; the form edits their ids.
  const values = useMemo(
    () => record && { ...record, regionId: record.region.id, sphereId: record.sphere.id, formId: record.form.id, reason: '' },
    [record],
  );
  if (!values) return null;
  return (
    <SimpleForm record={values} toolbar={<EditToolbar />}>
      <PracticeInputs />
      <TextInput source="reason" label="Причина изменения (необязательно)" helperText="Будет записана в журнал действий." fullWidth />
    </SimpleForm>
  );
}

export function PracticeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <PracticeEditForm />
    </Edit>
  );
}
