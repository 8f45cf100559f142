/** @jsxImportSource react */
import { FunctionField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { planLevelLabels } from '../labels.ts';

export function PlanActivityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="plan.title" label="resources.PlanActivity.fields.plan" />
        <TextField source="number" />
        <TextField source="title" />
        <FunctionField source="parent" render={(record: any) => (record.parent ? `${record.parent.number}. ${record.parent.title}` : '—')} />
        <TextField source="form" emptyText="—" />
        <TextField source="schedule" emptyText="—" />
        <FunctionField source="owners" render={(record: any) => record.owners.join('; ') || '—'} />
        <FunctionField source="level" render={(record: any) => planLevelLabels[record.level] ?? record.level} />
        <FunctionField
          source="items"
          render={(record: any) =>
            record.items?.length ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {record.items.map((item: any) => (
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
