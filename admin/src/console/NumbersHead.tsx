/** @jsxImportSource react */
// The heading row of the console's tables of figures: the first column names the rows, the others
// hold numbers and are right-aligned under their names.
import { TableCell, TableHead, TableRow } from '@mui/material';

export function NumbersHead({ label, columns }: { label: string; columns: string[] }) {
  return (
    <TableHead>
      <TableRow>
        <TableCell component="th" scope="col">
          {label}
        </TableCell>
        {columns.map((name) => (
          <TableCell key={name} component="th" scope="col" align="right">
            {name}
          </TableCell>
        ))}
      </TableRow>
    </TableHead>
  );
}
