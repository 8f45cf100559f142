/** @jsxImportSource react */
import { DateField, FunctionField, Labeled, Show, SimpleShowLayout, TextField } from 'react-admin';
import { auditActionLabels, subjectTypeLabels } from '../labels.ts';
import { ChangeField, SnapshotField } from './ChangeField.tsx';
import { auditSubject } from './describe.ts';
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
        <FunctionField<AuditLogRecord> source="subjectId" render={(record) => auditSubject(record)} />
        <Labeled label="resources.AuditLog.fields.change">
          <ChangeField />
        </Labeled>
        <TextField source="reason" emptyText="—" />
        <Labeled label="resources.AuditLog.fields.before">
          <SnapshotField source="before" />
        </Labeled>
        <Labeled label="resources.AuditLog.fields.after">
          <SnapshotField source="after" />
        </Labeled>
      </SimpleShowLayout>
    </Show>
  );
}
