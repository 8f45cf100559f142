/** @jsxImportSource react */
// One measure with the questionnaire, region and authority it comes from.
import { Link } from 'react-router-dom';
import { FunctionField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { responseStatusLabels } from '../labels.ts';
import type { MeasureRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

export function MeasureShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" emptyText="—" />
        <TextField source="type.group.name" label="resources.Measure.fields.group" emptyText="—" />
        <TextField source="type.name" label="resources.Measure.fields.type" emptyText="— (тип не выбран)" />
        <TextField source="description" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <TextField source="result" emptyText="—" sx={{ whiteSpace: 'pre-wrap' }} />
        <NumberField source="year" options={{ useGrouping: false }} emptyText="—" />
        <TextField source="region.name" label="resources.Measure.fields.region" emptyText="—" />
        <FunctionField<MeasureRecord>
          source="authority"
          render={(record) => (record.authority ? <Link to={`/Authority/${record.authority.id}/show`}>{record.authority.name}</Link> : '—')}
        />
        <FunctionField<MeasureRecord>
          source="respondentEmail"
          render={(record) => (
            <Link to={`/ResponseRecord/${record.responseId}/show`}>
              {record.respondentEmail} — анкета «{record.campaignCode}», мероприятие № {record.position + 1}
            </Link>
          )}
        />
        <LabelField source="responseStatus" labels={responseStatusLabels} />
      </SimpleShowLayout>
    </Show>
  );
}
