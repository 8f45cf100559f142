/** @jsxImportSource react */
// One protocol: its header (body, number, date, chair, who controls execution) and the tree of items
// and sub-items with their deadlines as written, recurrence, owners, status, progress and overdue
// marks; each task's next deadline opens its page (status, reports).
import { Box, Card, CardContent, LinearProgress, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link, Show, useShowContext } from 'react-admin';
import { FactList } from './FactList.tsx';
import { DeadlineMark, StatusChip } from './TaskMarks.tsx';
import { type ProtocolItemNode, type ProtocolRecord, ownerNames, progressText, recurrenceLabels, ruDate } from './tasks.ts';

function Header({ protocol }: { protocol: ProtocolRecord }) {
  const rows: [string, string | null | undefined][] = [
    ['Субъект РФ', protocol.region.name],
    ['Орган', protocol.issuer],
    ['Номер', protocol.number],
    ['Дата', ruDate(protocol.date)],
    ['Председательствовал', protocol.chair],
    ['Контроль исполнения', protocol.controller],
    ['Подписал', protocol.signedBy],
  ];
  return (
    <Card variant="outlined" component="section" aria-labelledby="protocol-title">
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Typography variant="h6" component="h2" id="protocol-title">
          Протокол № {protocol.number} от {ruDate(protocol.date)}
        </Typography>
        <Typography>{protocol.title}</Typography>
        <FactList facts={rows.filter(([, value]) => value)} testId="protocol-header" />
        <Typography data-testid="protocol-progress">
          Выполнено пунктов: {progressText(protocol.progress)}; просрочено сроков: <strong>{protocol.progress.overdue}</strong>
        </Typography>
        {protocol.attendees && protocol.attendees.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Присутствовали: {protocol.attendees.length}
          </Typography>
        )}
      </CardContent>
    </Card>
  );
}

function ItemRow({ item }: { item: ProtocolItemNode }) {
  const next = item.nextOccurrence;
  const isTask = item.occurrencesCount > 0;
  return (
    <TableRow data-testid={`item-${item.number}`} sx={{ verticalAlign: 'top', ...(item.depth === 0 ? { bgcolor: 'action.hover' } : {}) }}>
      <TableCell component="th" scope="row" sx={{ pl: 1 + item.depth * 3, fontWeight: item.depth === 0 ? 600 : 400, whiteSpace: 'nowrap' }}>
        {item.number}
      </TableCell>
      <TableCell sx={{ minWidth: 320 }}>
        {item.text}
        {item.recommendations.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Рекомендации: {item.recommendations.join('; ')}
          </Typography>
        )}
      </TableCell>
      <TableCell>{item.owners.length ? ownerNames(item.owners) : '—'}</TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>{item.deadlineText ?? (item.deadline ? ruDate(item.deadline) : '—')}</TableCell>
      <TableCell>
        {item.recurrence !== 'NONE' ? <strong>{recurrenceLabels[item.recurrence]}</strong> : isTask ? recurrenceLabels.NONE : '—'}
      </TableCell>
      <TableCell>
        <StatusChip status={item.progress.status} />
      </TableCell>
      <TableCell sx={{ minWidth: 120 }}>
        {item.progress.total > 0 ? (
          <>
            <LinearProgress
              variant="determinate"
              value={Math.round((item.progress.progress ?? 0) * 100)}
              aria-label={`Пункт ${item.number}: выполнено`}
            />
            <Typography variant="body2">{progressText(item.progress)}</Typography>
          </>
        ) : (
          '—'
        )}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }} data-testid="item-overdue">
        {item.progress.overdue > 0 ? <strong>{item.progress.overdue}</strong> : '—'}
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {next ? (
          <Box sx={{ display: 'grid', gap: 0.5, justifyItems: 'start' }}>
            <Link to={`/TaskOccurrence/${next.id}/show`}>{next.dueOn ? ruDate(next.dueOn) : 'без срока'}</Link>
            <DeadlineMark {...next} />
          </Box>
        ) : isTask ? (
          'всё выполнено'
        ) : (
          '—'
        )}
        {isTask && (
          <Box>
            <Link to={`/TaskOccurrence?filter=${encodeURIComponent(JSON.stringify({ itemId: item.id }))}`}>все сроки ({item.occurrencesCount})</Link>
          </Box>
        )}
      </TableCell>
    </TableRow>
  );
}

function flatten(items: ProtocolItemNode[]): ProtocolItemNode[] {
  return items.flatMap((item) => [item, ...flatten(item.children ?? [])]);
}

function ProtocolPage() {
  const { record } = useShowContext<ProtocolRecord>();
  if (!record) return null;
  return (
    <Box sx={{ display: 'grid', gap: 2, p: 2 }}>
      <Header protocol={record} />
      <Card variant="outlined" component="section" aria-labelledby="items-title">
        <CardContent>
          <Typography variant="h6" component="h2" id="items-title" sx={{ mb: 1 }}>
            Пункты протокола
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" aria-labelledby="items-title" data-testid="protocol-items">
              <TableHead>
                <TableRow>
                  <TableCell>№</TableCell>
                  <TableCell>Поручение</TableCell>
                  <TableCell>Исполнители</TableCell>
                  <TableCell>Срок</TableCell>
                  <TableCell>Периодичность</TableCell>
                  <TableCell>Состояние</TableCell>
                  <TableCell>Выполнено</TableCell>
                  <TableCell>Просрочено</TableCell>
                  <TableCell>Ближайший срок</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {flatten(record.items ?? []).map((item) => (
                  <ItemRow key={item.id} item={item} />
                ))}
              </TableBody>
            </Table>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}

export function ProtocolShow() {
  return (
    <Show component="div">
      <ProtocolPage />
    </Show>
  );
}
