/** @jsxImportSource react */
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { auditActionLabels, subjectTypeLabels } from '../labels.ts';
import { ChangeField } from './ChangeField.tsx';

export function AuditLogShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="at" showTime locales="ru-RU" />
        <TextField source="actorEmail" emptyText="—" />
        <FunctionField source="action" render={(record: any) => auditActionLabels[record.action] ?? record.action} />
        <FunctionField source="subjectType" render={(record: any) => subjectTypeLabels[record.subjectType] ?? record.subjectType} />
        <TextField source="subjectId" />
        <Labeled label="resources.AuditLog.fields.change">
          <ChangeField />
        </Labeled>
        <TextField source="reason" emptyText="—" />
        <FunctionField source="before" render={(record: any) => <pre style={{ margin: 0 }}>{JSON.stringify(record.before, null, 2)}</pre>} />
        <FunctionField source="after" render={(record: any) => <pre style={{ margin: 0 }}>{JSON.stringify(record.after, null, 2)}</pre>} />
      </SimpleShowLayout>
    </Show>
  );
}
