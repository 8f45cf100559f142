/** @jsxImportSource react */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { planLevelLabels } from '../labels.ts';
import type { PlanActivityRecord } from '../records.ts';

export function PlanActivityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="plan.title" label="resources.PlanActivity.fields.plan" />
        <TextField source="number" />
        <TextField source="title" />
        <FunctionField<PlanActivityRecord>
          source="parent"
          render={(record) => (record.parent ? `${record.parent.number}. ${record.parent.title}` : '—')}
        />
        <TextField source="form" emptyText="—" />
        <TextField source="schedule" emptyText="—" />
        <FunctionField<PlanActivityRecord> source="owners" render={(record) => record.owners.join('; ') || '—'} />
        <FunctionField<PlanActivityRecord> source="level" render={(record) => planLevelLabels[record.level] ?? record.level} />
        <FunctionField<PlanActivityRecord>
          source="items"
          render={(record) =>
            record.items.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {record.items.map((item) => (
                  <li key={item.id}>
                    {item.number}. {item.title}
                    {item.schedule ? ` — ${item.schedule}` : ''}
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
