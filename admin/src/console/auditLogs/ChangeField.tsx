/** @jsxImportSource react */
// Before → after of an audit entry, only the keys that differ, with dates in Moscow time.
import { useRecordContext } from 'react-admin';
import { formatMoscow, windowStateLabels } from '../labels.ts';
import type { AuditLogRecord } from '../records.ts';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatMoscow(value);
  if (typeof value === 'string') return windowStateLabels[value] ?? value;
  return JSON.stringify(value);
}

const keyLabels: Record<string, string> = {
  opensAt: 'открытие',
  closesAt: 'закрытие',
  state: 'состояние',
  windowState: 'приём',
  regionCode: 'регион',
  audience: 'кому',
  recipients: 'писем',
};

export function changes(before: unknown, after: unknown): { key: string; from: string; to: string }[] {
  const a = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .map((key) => ({ key: keyLabels[key] ?? key, from: show(a[key]), to: show(b[key]) }));
}

export function ChangeField(_props: { label?: string }) {
  const record = useRecordContext<AuditLogRecord>();
  if (!record) return null;
  const rows = changes(record.before, record.after);
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
