/** @jsxImportSource react */
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { auditActionLabels, subjectTypeLabels } from '../labels.ts';
import { ChangeField } from './ChangeField.tsx';
import type { AuditLogRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

export function AuditLogShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="at" showTime locales="ru-RU" />
        <TextField source="actorEmail" emptyText="—" />
        <LabelField source="action" labels={auditActionLabels} />
        <LabelField source="subjectType" labels={subjectTypeLabels} />
        <TextField source="subjectId" />
        <Labeled label="resources.AuditLog.fields.change">
          <ChangeField />
        </Labeled>
        <TextField source="reason" emptyText="—" />
        <FunctionField<AuditLogRecord>
          source="before"
          render={(record) => <pre style={{ margin: 0 }}>{JSON.stringify(record.before, null, 2)}</pre>}
        />
        <FunctionField<AuditLogRecord> source="after" render={(record) => <pre style={{ margin: 0 }}>{JSON.stringify(record.after, null, 2)}</pre>} />
      </SimpleShowLayout>
    </Show>
  );
}
