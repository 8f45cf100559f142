/** @jsxImportSource react */
import { Labeled, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { TargetsTable } from './TargetsTable.tsx';

export function PlanIndicatorShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="plan.title" label="resources.PlanIndicator.fields.plan" />
        <NumberField source="number" />
        <TextField source="name" />
        <TextField source="unit" />
        <Labeled label="resources.PlanIndicator.fields.targets">
          <TargetsTable editable />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
