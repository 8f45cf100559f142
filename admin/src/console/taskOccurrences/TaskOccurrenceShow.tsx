/** @jsxImportSource react */
// One deadline of a task: the protocol and item, its owners, the date and whether it is overdue; the
// coordinator sets its status (with an optional reason) or adds a progress report (text, a link to
// evidence, optionally a status): both through the API's audited mutations (setTaskStatus,
// reportTaskProgress). The reports below, newest first.
import { Box, Button, Card, CardContent, FormControl, InputLabel, MenuItem, Select, TextField, Typography } from '@mui/material';
import { type FormEvent, type ReactNode, useState } from 'react';
import { Link, Show, useRefresh, useShowContext } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert, type Refusal, RefusalAlert } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { formatMoscow } from '../labels.ts';
import { FactList } from '../protocols/FactList.tsx';
import { DeadlineMark, StatusChip } from '../protocols/TaskMarks.tsx';
import { ownerNames, recurrenceLabels, ruDate, type TaskOccurrenceRecord, type TaskStatus, taskStatusLabels } from '../protocols/tasks.ts';

const STATUSES = Object.keys(taskStatusLabels) as TaskStatus[];

/** Every status as a select's items (a function, not a component: Select reads its items' values). */
const statusItems = () =>
  STATUSES.map((value) => (
    <MenuItem key={value} value={value}>
      {taskStatusLabels[value]}
    </MenuItem>
  ));

function StatusControl({ occurrence, onDone }: { occurrence: TaskOccurrenceRecord; onDone(message: string): void }) {
  const dataProvider = useConsoleDataProvider();
  const [status, setStatus] = useState<TaskStatus>(occurrence.status);
  const [confirming, setConfirming] = useState(false);
  return (
    <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
      <FormControl size="small" sx={{ minWidth: 200 }}>
        <InputLabel id="task-status-label">Новое состояние</InputLabel>
        <Select labelId="task-status-label" label="Новое состояние" value={status} onChange={(event) => setStatus(event.target.value as TaskStatus)}>
          {statusItems()}
        </Select>
      </FormControl>
      <Button variant="contained" disabled={status === occurrence.status} onClick={() => setConfirming(true)}>
        Изменить состояние
      </Button>
      <ConfirmDialog
        open={confirming}
        title="Изменить состояние"
        confirmLabel="Изменить"
        consequence={`Состояние «${taskStatusLabels[occurrence.status]}» будет заменено на «${taskStatusLabels[status]}». Изменение попадёт в журнал действий.`}
        reason={{ required: false, help: 'Например, почему состояние исправлено.' }}
        onClose={() => setConfirming(false)}
        onConfirm={async (reason) => {
          const outcome = await dataProvider.setTaskStatus(occurrence.id, status, reason);
          if (!outcome.ok) return outcome;
          setConfirming(false);
          onDone(`Состояние изменено: ${taskStatusLabels[status]}.`);
          return undefined;
        }}
      />
    </Box>
  );
}

function ReportForm({ occurrence, onDone }: { occurrence: TaskOccurrenceRecord; onDone(message: string): void }) {
  const dataProvider = useConsoleDataProvider();
  const [text, setText] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const [status, setStatus] = useState<TaskStatus | ''>('');
  const [refusal, setRefusal] = useState<Refusal>();
  const [busy, setBusy] = useState(false);
  const problem = (path: string) => refusal?.fieldErrors?.find((error) => error.path === path || error.path === `input.${path}`)?.message;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await dataProvider.reportTaskProgress({
      occurrenceId: occurrence.id,
      text,
      evidenceUrl: evidenceUrl || null,
      status: status || null,
    });
    setBusy(false);
    if (!outcome.ok) {
      setRefusal(outcome);
      return;
    }
    setRefusal(undefined);
    setText('');
    setEvidenceUrl('');
    setStatus('');
    onDone(status ? `Отчёт добавлен, состояние: ${taskStatusLabels[status]}.` : 'Отчёт добавлен.');
  }

  return (
    <Box component="form" onSubmit={submit} sx={{ display: 'grid', gap: 2, maxWidth: 720 }} aria-labelledby="report-title">
      <Typography variant="h6" component="h2" id="report-title">
        Отчёт о ходе исполнения
      </Typography>
      <TextField
        label="Что сделано"
        multiline
        minRows={3}
        required
        value={text}
        onChange={(event) => setText(event.target.value)}
        error={Boolean(problem('text'))}
        helperText={problem('text')}
      />
      <TextField
        label="Ссылка на подтверждение"
        placeholder="https://…"
        value={evidenceUrl}
        onChange={(event) => setEvidenceUrl(event.target.value)}
        error={Boolean(problem('evidenceUrl'))}
        helperText={problem('evidenceUrl') ?? 'Необязательно: адрес страницы или документа (http:// или https://).'}
      />
      <FormControl size="small" sx={{ maxWidth: 320 }}>
        <InputLabel id="report-status-label">Отметить состояние</InputLabel>
        <Select
          labelId="report-status-label"
          label="Отметить состояние"
          value={status}
          onChange={(event) => setStatus(event.target.value as TaskStatus | '')}
        >
          <MenuItem value="">не менять</MenuItem>
          {statusItems()}
        </Select>
      </FormControl>
      {refusal && <RefusalAlert refusal={refusal} />}
      <Box>
        <Button type="submit" variant="contained" disabled={busy || !text.trim()}>
          Добавить отчёт
        </Button>
      </Box>
    </Box>
  );
}

function OccurrencePage() {
  const { record } = useShowContext<TaskOccurrenceRecord>();
  const refresh = useRefresh();
  const [done, setDone] = useState<string>();
  if (!record) return null;
  const { item } = record;
  const finish = (message: string) => {
    setDone(message);
    refresh();
  };
  const facts: [string, ReactNode][] = [
    ['Субъект РФ', item.protocol.region.name],
    ['Протокол', <Link key="p" to={`/Protocol/${item.protocol.id}/show`}>{`№ ${item.protocol.number} от ${ruDate(item.protocol.date)}`}</Link>],
    ['Пункт', item.number],
    ['Исполнители', ownerNames(item.owners)],
    ['Срок по протоколу', item.deadlineText ?? '—'],
    ['Периодичность', recurrenceLabels[item.recurrence] ?? item.recurrence],
    ['Срок', record.dueOn ? ruDate(record.dueOn) : 'без срока'],
    ['Просрочка', <DeadlineMark key="d" {...record} />],
    ['Состояние', <StatusChip key="s" status={record.status} />],
    ['Изменено', record.statusChangedAt ? `${formatMoscow(record.statusChangedAt)}, ${record.statusChangedBy ?? ''}` : '—'],
  ];
  return (
    <Box sx={{ display: 'grid', gap: 2, p: 2 }}>
      <Card variant="outlined" component="section" aria-labelledby="task-title">
        <CardContent sx={{ display: 'grid', gap: 1.5 }}>
          <Typography variant="h6" component="h2" id="task-title">
            Пункт {item.number}
            {record.dueOn ? `, срок ${ruDate(record.dueOn)}` : ''}
          </Typography>
          <Typography>{item.text}</Typography>
          <FactList facts={facts} testId="task-facts" />
          <StatusControl key={`${record.id}-${record.status}`} occurrence={record} onDone={finish} />
          <DoneAlert>{done}</DoneAlert>
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <ReportForm occurrence={record} onDone={finish} />
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-labelledby="reports-title">
        <CardContent sx={{ display: 'grid', gap: 1 }}>
          <Typography variant="h6" component="h2" id="reports-title">
            Отчёты ({record.reportsCount})
          </Typography>
          {(record.reports ?? []).length === 0 && <Typography color="text.secondary">Отчётов пока нет.</Typography>}
          <Box component="ol" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 1 }} reversed data-testid="task-reports">
            {(record.reports ?? []).map((report) => (
              <li key={report.id}>
                <Typography variant="body2" color="text.secondary">
                  {formatMoscow(report.createdAt)} — {report.author}
                  {report.status ? ` — состояние: ${taskStatusLabels[report.status]}` : ''}
                </Typography>
                <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography>
                {report.evidenceUrl && (
                  <a href={report.evidenceUrl} target="_blank" rel="noreferrer noopener">
                    {report.evidenceUrl}
                  </a>
                )}
              </li>
            ))}
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}

export function TaskOccurrenceShow() {
  return (
    <Show component="div">
      <OccurrencePage />
    </Show>
  );
}
