/** @jsxImportSource react */
import { FunctionField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { campaignStateLabels, formatMoscow, windowStateLabels } from '../labels.ts';
import { Questionnaire } from './Questionnaire.tsx';
import type { CampaignRecord } from '../records.ts';

export function CampaignShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="code" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <FunctionField<CampaignRecord> source="state" render={(record) => campaignStateLabels[record.state] ?? record.state} />
        <FunctionField<CampaignRecord> source="windowState" render={(record) => windowStateLabels[record.windowState] ?? record.windowState} />
        <FunctionField<CampaignRecord> source="opensAt" render={(record) => formatMoscow(record.opensAt)} />
        <FunctionField<CampaignRecord> source="closesAt" render={(record) => formatMoscow(record.closesAt)} />
      </SimpleShowLayout>
      <Questionnaire />
    </Show>
  );
}
