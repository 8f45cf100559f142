/** @jsxImportSource react */
// Yearly targets (a value or a range) beside the actual values and whether each target was met,
// base year first; where editable (an indicator's page), a «Внести факт» button per year opens the
// entry dialog; in the list of indicators, one «Внести факт» button asks for the year first.
import { type MouseEvent, useState } from 'react';
import { Box, Button, Chip, Menu, MenuItem, Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext, useRefresh } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert } from '../feedback.tsx';
import { ActualDialog } from './ActualDialog.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import type { Target } from '../operations.ts';
import { ruNumber, statusLabels, targetText } from './actuals.ts';
import type { PlanIndicatorRecord } from '../records.ts';

const statusColors = { MET: 'success', NOT_MET: 'error', NO_DATA: 'default' } as const;

function StatusChip({ target }: { target: Target }) {
  const status = target.status;
  return <Chip size="small" color={statusColors[status]} variant={status === 'NO_DATA' ? 'outlined' : 'filled'} label={statusLabels[status]} />;
}

/**
 * A click inside the list's entry (the button, its menu, the dialogs — React passes events from a
 * portal up through its parents) must not also open the row's page.
 */
const inRow = (event: MouseEvent) => event.stopPropagation();

export function TargetsTable({ editable = false, enterFromList = false }: { label?: string; editable?: boolean; enterFromList?: boolean }) {
  const record = useRecordContext<PlanIndicatorRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const [editing, setEditing] = useState<Target>();
  const [clearing, setClearing] = useState<Target>();
  const [done, setDone] = useState<string>();
  const [yearsAt, setYearsAt] = useState<HTMLElement | null>(null);
  if (!record) return null;
  const entering = editable || enterFromList;
  const targets = [...record.targets].sort((a, b) => a.year - b.year);
  const indicator = { name: record.name, unit: record.unit };

  function saved(target: Target) {
    setEditing(undefined);
    setClearing(undefined);
    setDone(
      target.actual === null
        ? `Фактическое значение за ${target.year} год удалено.`
        : `Сохранено: ${target.year} год — ${ruNumber(target.actual)}, ${statusLabels[target.status]}.`,
    );
    refresh();
  }

  return (
    <Box sx={{ display: 'grid', gap: 1.5, justifyItems: 'start' }}>
      <Table size="small" sx={{ width: 'auto', '& td, & th': { whiteSpace: 'nowrap' } }}>
        <TableHead>
          <TableRow>
            <TableCell component="th">Год</TableCell>
            <TableCell component="th">{record.baseYear} (база)</TableCell>
            {targets.map((target) => (
              <TableCell component="th" key={target.id}>
                {target.year}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow>
            <TableCell component="th" scope="row">
              Цель
            </TableCell>
            <TableCell>—</TableCell>
            {targets.map((target) => (
              <TableCell key={target.id} data-testid={`target-${target.year}`}>
                {targetText(target)}
              </TableCell>
            ))}
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              Факт
            </TableCell>
            <TableCell>{ruNumber(record.baseValue)}</TableCell>
            {targets.map((target) => (
              <TableCell key={target.id} data-testid={`actual-${target.year}`}>
                {target.actual === null ? '—' : ruNumber(target.actual)}
              </TableCell>
            ))}
          </TableRow>
          <TableRow>
            <TableCell component="th" scope="row">
              Выполнение
            </TableCell>
            <TableCell>—</TableCell>
            {targets.map((target) => (
              <TableCell key={target.id} data-testid={`status-${target.year}`}>
                <StatusChip target={target} />
              </TableCell>
            ))}
          </TableRow>
          {editable && (
            <TableRow>
              <TableCell component="th" scope="row">
                Ввод
              </TableCell>
              <TableCell />
              {targets.map((target) => (
                <TableCell key={target.id}>
                  <Button
                    size="small"
                    variant="outlined"
                    aria-label={`Внести факт за ${target.year} год`}
                    onClick={() => {
                      setDone(undefined);
                      setEditing(target);
                    }}
                  >
                    Внести факт
                  </Button>
                </TableCell>
              ))}
            </TableRow>
          )}
        </TableBody>
      </Table>
      {enterFromList && (
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click, the controls inside are buttons
        // biome-ignore lint/a11y/useKeyWithClickEvents: the row opens by click only; keys reach the controls inside
        <span onClick={inRow}>
          <Button
            size="small"
            variant="outlined"
            aria-label={`Внести факт: показатель № ${record.number}`}
            aria-haspopup="menu"
            aria-expanded={Boolean(yearsAt)}
            onClick={(event) => {
              setDone(undefined);
              setYearsAt(event.currentTarget);
            }}
          >
            Внести факт
          </Button>
          <Menu anchorEl={yearsAt} open={Boolean(yearsAt)} onClose={() => setYearsAt(null)}>
            {targets.map((target) => (
              <MenuItem
                key={target.id}
                onClick={() => {
                  setYearsAt(null);
                  setEditing(target);
                }}
              >
                {`За ${target.year} год`}
              </MenuItem>
            ))}
          </Menu>
        </span>
      )}
      <DoneAlert>{done}</DoneAlert>
      {entering && (
        // biome-ignore lint/a11y/noStaticElementInteractions: only stops the row's click, the controls inside are buttons
        // biome-ignore lint/a11y/useKeyWithClickEvents: the row opens by click only; keys reach the controls inside
        <span onClick={inRow}>
          <ActualDialog
            target={editing}
            indicator={indicator}
            onClose={() => setEditing(undefined)}
            onSaved={saved}
            onClear={(target) => {
              setEditing(undefined);
              setClearing(target);
            }}
          />
          <ConfirmDialog
            open={Boolean(clearing)}
            title="Удалить фактическое значение"
            danger
            confirmLabel="Удалить"
            reason={{ required: false }}
            consequence={
              clearing
                ? `Фактическое значение за ${clearing.year} год (${ruNumber(clearing.actual ?? '')}) будет удалено, статус за этот год станет «нет данных». Изменение запишется в журнал действий.`
                : ''
            }
            onClose={() => setClearing(undefined)}
            onConfirm={async (reason) => {
              const outcome = await dataProvider.setPlanTargetActual(clearing!.id, null, reason);
              if (!outcome.ok) return outcome;
              saved(outcome.data);
              return undefined;
            }}
          />
        </span>
      )}
    </Box>
  );
}
