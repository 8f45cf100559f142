/** @jsxImportSource react */
import { Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { auditActionLabels, subjectTypeLabels } from '../labels.ts';
import { ChangeField } from './ChangeField.tsx';

const filters = [
  <SelectInput key="action" source="action" label="Действие" choices={Object.entries(auditActionLabels).map(([id, name]) => ({ id, name }))} alwaysOn />,
  <TextInput key="subjectId" source="subjectId" label="Объект" alwaysOn />,
];

export function AuditLogList() {
  return (
    <List sort={{ field: 'at', order: 'DESC' }} filters={filters} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateField source="at" showTime locales="ru-RU" sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="actorEmail" emptyText="—" />
        <FunctionField source="action" render={(record: any) => auditActionLabels[record.action] ?? record.action} />
        <FunctionField label="resources.AuditLog.fields.subjectId" render={(record: any) => `${subjectTypeLabels[record.subjectType] ?? record.subjectType} ${record.subjectId}`} />
        <ChangeField label="resources.AuditLog.fields.change" />
        <TextField source="reason" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
