/** @jsxImportSource react */
import { DateInput, Datagrid, DateField, FunctionField, List, SelectInput, TextField, TextInput } from 'react-admin';
import { auditActionLabels, choicesOf, subjectTypeLabels } from '../labels.ts';
import { auditSubject } from './describe.ts';
import { ChangeField } from './ChangeField.tsx';
import type { AuditLogRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

const filters = [
  <SelectInput key="action" source="action" label="Действие" choices={choicesOf(auditActionLabels)} alwaysOn />,
  <TextInput key="subjectId" source="subjectId" label="Объект" alwaysOn />,
  <TextInput key="actor" source="actor" label="Кто (адрес)" alwaysOn />,
  <SelectInput key="subjectType" source="subjectType" label="Тип объекта" choices={choicesOf(subjectTypeLabels)} />,
  // Days are Moscow days: «с» is that day's 00:00 МСК, «по» includes the whole day.
  <DateInput key="from" source="from" label="С даты" parse={moscowDayStart(0)} format={moscowDayOf(0)} alwaysOn />,
  <DateInput key="to" source="to" label="По дату" parse={moscowDayStart(1)} format={moscowDayOf(1)} alwaysOn />,
];

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' → the ISO moment of that Moscow day's start, `shift` days later. */
function moscowDayStart(shift: number) {
  return (value: string | null) => (value ? new Date(Date.parse(`${value}T00:00:00+03:00`) + shift * DAY_MS).toISOString() : null);
}

/** The inverse of moscowDayStart, for showing the filter's value in the date input. */
function moscowDayOf(shift: number) {
  return (value: string | null | undefined) => {
    if (!value) return '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    return new Date(Date.parse(value) - shift * DAY_MS + 3 * 3_600_000).toISOString().slice(0, 10);
  };
}

export function AuditLogList() {
  return (
    <List sort={{ field: 'at', order: 'DESC' }} filters={filters} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <DateField source="at" showTime locales="ru-RU" sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="actorEmail" emptyText="—" />
        <LabelField source="action" labels={auditActionLabels} />
        <FunctionField<AuditLogRecord> label="resources.AuditLog.fields.subjectId" render={(record) => auditSubject(record)} />
        <ChangeField label="resources.AuditLog.fields.change" />
        <TextField source="reason" emptyText="—" sortable={false} />
      </Datagrid>
    </List>
  );
}
