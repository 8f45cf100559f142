/** @jsxImportSource react */
// Across regions, what needs attention: by default the tasks due in the next 30 days and the overdue
// ones; filters by region, owner (by name or one of the recorded owners), status, protocol, item and
// words; sortable by deadline, region, protocol, item and status.
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SelectArrayInput,
  SelectInput,
  TextInput,
  AutocompleteInput,
} from 'react-admin';
import { choicesOf } from '../labels.ts';
import { DeadlineMark, StatusChip } from '../protocols/TaskMarks.tsx';
import { excerpt, ownerNames, recurrenceLabels, ruDate, type TaskOccurrenceRecord, taskStatusLabels } from '../protocols/tasks.ts';

const withinChoices = [
  { id: 7, name: '7 дней' },
  { id: 30, name: '30 дней' },
  { id: 90, name: '90 дней' },
  { id: 365, name: 'год' },
];

const filters = [
  <ReferenceInput key="regionId" source="regionId" reference="Region" perPage={100} sort={{ field: 'position', order: 'ASC' }} alwaysOn>
    <SelectInput label="Субъект РФ" optionText="name" />
  </ReferenceInput>,
  <TextInput key="owner" source="owner" label="Исполнитель (часть названия)" alwaysOn />,
  <SelectArrayInput key="status" source="status" label="Состояние" choices={choicesOf(taskStatusLabels)} alwaysOn sx={{ minWidth: 180 }} />,
  <SelectInput key="dueWithinDays" source="dueWithinDays" label="Срок в ближайшие" choices={withinChoices} alwaysOn />,
  <BooleanInput key="includeOverdue" source="includeOverdue" label="И просроченные" alwaysOn />,
  <SelectInput
    key="overdue"
    source="overdue"
    label="Просрочено"
    choices={[
      { id: true, name: 'Только просроченные' },
      { id: false, name: 'Без просроченных' },
    ]}
  />,
  <ReferenceInput key="ownerId" source="ownerId" reference="TaskOwner" perPage={50}>
    <AutocompleteInput label="Исполнитель из списка" optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <ReferenceInput key="protocolId" source="protocolId" reference="Protocol">
    <SelectInput label="Протокол" />
  </ReferenceInput>,
  <TextInput key="q" source="q" label="Поиск по тексту или номеру пункта" />,
];

/** What needs attention, as the issue says: due within 30 days, and what is overdue. */
export const ATTENTION_FILTER = { dueWithinDays: 30, includeOverdue: true };

export function TaskOccurrenceList() {
  return (
    <List sort={{ field: 'dueOn', order: 'ASC' }} filters={filters} filterDefaultValues={ATTENTION_FILTER} perPage={50} title="Сроки поручений">
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <FunctionField<TaskOccurrenceRecord>
          label="resources.TaskOccurrence.fields.region"
          sortBy="region"
          render={(r) => r.item.protocol.region.name}
        />
        <FunctionField<TaskOccurrenceRecord>
          label="resources.TaskOccurrence.fields.protocol"
          sortBy="protocol"
          render={(r) => `№ ${r.item.protocol.number} от ${ruDate(r.item.protocol.date)}`}
        />
        <FunctionField<TaskOccurrenceRecord> label="resources.TaskOccurrence.fields.item" sortBy="item" render={(r) => r.item.number} />
        <FunctionField<TaskOccurrenceRecord> label="resources.TaskOccurrence.fields.text" render={(r) => excerpt(r.item.text, 120)} />
        <FunctionField<TaskOccurrenceRecord> label="resources.TaskOccurrence.fields.owners" render={(r) => ownerNames(r.item.owners)} />
        <FunctionField<TaskOccurrenceRecord>
          source="dueOn"
          render={(r) => (
            <>
              {r.dueOn ? ruDate(r.dueOn) : 'без срока'}
              {r.item.recurrence !== 'NONE' ? ` (${recurrenceLabels[r.item.recurrence]!.toLowerCase()})` : ''}
            </>
          )}
        />
        <FunctionField<TaskOccurrenceRecord> label="resources.TaskOccurrence.fields.overdue" render={(r) => <DeadlineMark {...r} />} />
        <FunctionField<TaskOccurrenceRecord> source="status" render={(r) => <StatusChip status={r.status} />} />
        <NumberField source="reportsCount" sortable={false} />
      </Datagrid>
    </List>
  );
}
