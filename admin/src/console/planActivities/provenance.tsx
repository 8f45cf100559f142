/** @jsxImportSource react */
// Whether an activity's number and owners are printed in the plan document or were inferred by the
// importer (import/planDocument.ts): shown as a visible note beside the value, so a reader — and a
// screen reader — knows which values are not the document's own.
import { Typography } from '@mui/material';
import { FunctionField, type FieldProps } from 'react-admin';
import type { PlanActivityRecord } from '../records.ts';

export const numberNotPrintedNote = 'Номер не напечатан в документе; присвоен по порядку';
export const ownersInheritedNote = (parentNumber: string) => `Исполнители указаны у пункта ${parentNumber} (объединённая ячейка)`;

export function ProvenanceNote({ children }: { children: string }) {
  return (
    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block' }}>
      {children}
    </Typography>
  );
}

/** The activity's number, with a note when the document prints none. */
export function ActivityNumberField(props: FieldProps<PlanActivityRecord>) {
  return (
    <FunctionField<PlanActivityRecord>
      {...props}
      source="number"
      render={(record) => (
        <>
          {record.number}
          {record.numberPrinted === false && <ProvenanceNote>{numberNotPrintedNote}</ProvenanceNote>}
        </>
      )}
    />
  );
}

/** The activity's owners, with a note when they are its parent's (the owners cell is merged). */
export function ActivityOwnersField(props: FieldProps<PlanActivityRecord>) {
  return (
    <FunctionField<PlanActivityRecord>
      {...props}
      source="owners"
      render={(record) => (
        <>
          {record.owners.join('; ') || '—'}
          {record.ownersInherited && record.parent && <ProvenanceNote>{ownersInheritedNote(record.parent.number)}</ProvenanceNote>}
        </>
      )}
    />
  );
}
