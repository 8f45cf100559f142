/** @jsxImportSource react */
import { Create, SimpleForm } from 'react-admin';
import { PracticeInputs } from './PracticeInputs.tsx';

export function PracticeCreate() {
  return (
    <Create redirect="show" title="Новая практика">
      <SimpleForm>
        <PracticeInputs />
      </SimpleForm>
    </Create>
  );
}
