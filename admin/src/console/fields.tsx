/** @jsxImportSource react */
// Fields the lists and pages share: a coded value by its Russian label, a percentage, a moment in
// Moscow time. Each is a FunctionField, so a Datagrid reads its source, label and sorting as usual.
import { FunctionField, type FunctionFieldProps } from 'react-admin';
import { formatMoscow } from './labels.ts';

type FieldProps = Omit<FunctionFieldProps, 'render' | 'source'> & { source: string };

const valueAt = (record: Record<string, unknown>, source: string) => record[source];

/** A status, state or kind shown by its label (labels.ts), or as stored when it has none. */
export function LabelField({ labels, ...props }: FieldProps & { labels: Record<string, string> }) {
  return (
    <FunctionField
      {...props}
      render={(record: Record<string, unknown>) => {
        const value = String(valueAt(record, props.source) ?? '');
        return labels[value] ?? value;
      }}
    />
  );
}

/** «82%». */
export function PercentField(props: FieldProps) {
  return <FunctionField {...props} render={(record: Record<string, unknown>) => `${String(valueAt(record, props.source))}%`} />;
}

/** «18.11.2021 23:59 МСК». */
export function MoscowTimeField(props: FieldProps) {
  return <FunctionField {...props} render={(record: Record<string, unknown>) => formatMoscow(valueAt(record, props.source) as string | null)} />;
}

/** A list of names joined by «; », or «—» when empty. */
export function JoinedField(props: FieldProps) {
  return (
    <FunctionField
      {...props}
      render={(record: Record<string, unknown>) => {
        const items = valueAt(record, props.source);
        return (Array.isArray(items) && items.join('; ')) || '—';
      }}
    />
  );
}
