/** @jsxImportSource react */
// The marks a task carries in lists and the tree: its status and whether it is overdue or due soon.
import { Chip } from '@mui/material';
import { deadlineState, type TaskStatus, taskStatusLabels } from './tasks.ts';

const statusColor = { NOT_STARTED: 'default', IN_PROGRESS: 'info', DONE: 'success' } as const;

export function StatusChip({ status }: { status: TaskStatus | null }) {
  if (!status) return <>—</>;
  return <Chip size="small" variant="outlined" color={statusColor[status]} label={taskStatusLabels[status]} />;
}

/** «Просрочено на 5 дней» in red; «через 3 дня» (within 30) in amber; otherwise plain. */
export function DeadlineMark(props: { dueOn: string | null; daysLeft: number | null; status: TaskStatus; overdue: boolean }) {
  const text = deadlineState(props);
  if (props.overdue) return <Chip size="small" color="error" label={text[0]!.toUpperCase() + text.slice(1)} data-testid="overdue-mark" />;
  if (props.status !== 'DONE' && props.daysLeft !== null && props.daysLeft <= 30)
    // MUI's warning colour is too light for text (axe: 3.1:1); a darker amber reads at 5.9:1.
    return <Chip size="small" variant="outlined" label={text} sx={{ color: '#8a4b00', borderColor: '#8a4b00' }} />;
  return <span>{text}</span>;
}
