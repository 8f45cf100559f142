/** @jsxImportSource react */
// Before → after of an audit entry, only the fields that differ, by their Russian names (describe.ts),
// with the regions and spheres an entry names by their names.
import { useGetManyAggregate, useRecordContext } from 'react-admin';
import type { AuditLogRecord } from '../records.ts';
import { changes, type NameLookup, referencedIds, snapshotRows } from './describe.ts';

/** The names of the regions and spheres the entry refers to by id (one request for a whole page). */
export function useAuditNames(record: AuditLogRecord | undefined): NameLookup {
  const ids = referencedIds(record ? [record.before, record.after] : []);
  const { data: regions } = useGetManyAggregate<{ id: string; name: string }>('Region', { ids: ids.regionId }, { enabled: ids.regionId.length > 0 });
  const { data: spheres } = useGetManyAggregate<{ id: string; name: string }>('Sphere', { ids: ids.sphereId }, { enabled: ids.sphereId.length > 0 });
  return {
    regionId: new Map((regions ?? []).map((region) => [String(region.id), region.name])),
    sphereId: new Map((spheres ?? []).map((sphere) => [String(sphere.id), sphere.name])),
  };
}

export function ChangeField(_props: { label?: string }) {
  const record = useRecordContext<AuditLogRecord>();
  const names = useAuditNames(record);
  if (!record) return null;
  const rows = changes(record.before, record.after, names);
  if (rows.length === 0) return <span>—</span>;
  return (
    <span>
      {rows.map((row) => (
        <span key={row.key} style={{ display: 'block' }}>
          {row.key}: {row.from} → {row.to}
        </span>
      ))}
    </span>
  );
}

/** Every field of the entry's «Было» or «Стало», one per line. */
export function SnapshotField({ source }: { source: 'before' | 'after'; label?: string }) {
  const record = useRecordContext<AuditLogRecord>();
  const names = useAuditNames(record);
  if (!record) return null;
  const rows = snapshotRows(record[source], names);
  if (rows.length === 0) return <span>—</span>;
  return (
    <span>
      {rows.map((row) => (
        <span key={row.key} style={{ display: 'block', whiteSpace: 'pre-wrap' }}>
          {row.key}: {row.text}
        </span>
      ))}
    </span>
  );
}
