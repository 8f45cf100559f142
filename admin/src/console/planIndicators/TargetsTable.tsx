/** @jsxImportSource react */
// Yearly targets (a value or a range) beside the actual values, base year first.
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { useRecordContext } from 'react-admin';

interface Target {
  id: string;
  year: number;
  targetMin: string;
  targetMax: string;
  isRange: boolean;
  actual: string | null;
}

const number = (value: string) => value.replace('.', ',');

export function targetText(target: Target): string {
  return target.isRange ? `${number(target.targetMin)}–${number(target.targetMax)}` : number(target.targetMin);
}

export function TargetsTable(_props: { label?: string }) {
  const record = useRecordContext();
  if (!record) return null;
  const targets = [...((record.targets ?? []) as Target[])].sort((a, b) => a.year - b.year);
  return (
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
            <TableCell key={target.id}>{targetText(target)}</TableCell>
          ))}
        </TableRow>
        <TableRow>
          <TableCell component="th" scope="row">
            Факт
          </TableCell>
          <TableCell>{number(String(record.baseValue))}</TableCell>
          {targets.map((target) => (
            <TableCell key={target.id}>{target.actual === null ? '—' : number(target.actual)}</TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
