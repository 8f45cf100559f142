/** @jsxImportSource react */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { planLevelLabels } from '../labels.ts';
import type { PlanActivityRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';
import { ActivityNumberField, ActivityOwnersField, numberNotPrintedNote, ProvenanceNote } from './provenance.tsx';

export function PlanActivityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="plan.title" label="resources.PlanActivity.fields.plan" />
        <ActivityNumberField source="number" />
        <TextField source="title" />
        <FunctionField<PlanActivityRecord>
          source="parent"
          render={(record) => (record.parent ? `${record.parent.number}. ${record.parent.title}` : '—')}
        />
        <TextField source="form" emptyText="—" />
        <TextField source="schedule" emptyText="—" />
        <ActivityOwnersField source="owners" />
        <LabelField source="level" labels={planLevelLabels} />
        <FunctionField<PlanActivityRecord>
          source="items"
          render={(record) =>
            record.items.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {record.items.map((item) => (
                  <li key={item.id}>
                    {item.number}. {item.title}
                    {item.schedule ? ` — ${item.schedule}` : ''}
                    {item.numberPrinted === false && <ProvenanceNote>{numberNotPrintedNote}</ProvenanceNote>}
                  </li>
                ))}
              </ul>
            ) : (
              '—'
            )
          }
        />
      </SimpleShowLayout>
    </Show>
  );
}
