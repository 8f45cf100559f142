/** @jsxImportSource react */
// The fields of a practice, shared by the create and edit screens. Lengths, references and
// duplicates are checked by the API, whose Russian messages appear under the fields.
import { AutocompleteInput, ReferenceInput, SelectInput, TextInput } from 'react-admin';
import { PracticeFormInput } from './PracticeFormInput.tsx';

export function PracticeInputs() {
  return (
    <>
      <TextInput
        source="text"
        label="resources.Practice.fields.text"
        multiline
        minRows={6}
        fullWidth
        helperText="От 10 до 5000 символов. Пустые строки в начале и в конце будут убраны."
      />
      <ReferenceInput source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <AutocompleteInput label="resources.Practice.fields.regionId" optionText="name" filterToQuery={(q: string) => ({ q })} fullWidth />
      </ReferenceInput>
      <ReferenceInput source="sphereId" reference="Sphere" sort={{ field: 'position', order: 'ASC' }}>
        <SelectInput label="resources.Practice.fields.sphereId" optionText="name" fullWidth />
      </ReferenceInput>
      <PracticeFormInput source="formId" label="resources.Practice.fields.formId" variant="form" />
    </>
  );
}
