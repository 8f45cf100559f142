/** @jsxImportSource react */
import { FunctionField, NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { campaignStateLabels, formatMoscow, windowStateLabels } from '../labels.ts';
import { Questionnaire } from './Questionnaire.tsx';

export function CampaignShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="code" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <FunctionField source="state" render={(record: any) => campaignStateLabels[record.state] ?? record.state} />
        <FunctionField source="windowState" render={(record: any) => windowStateLabels[record.windowState] ?? record.windowState} />
        <FunctionField source="opensAt" render={(record: any) => formatMoscow(record.opensAt)} />
        <FunctionField source="closesAt" render={(record: any) => formatMoscow(record.closesAt)} />
      </SimpleShowLayout>
      <Questionnaire />
    </Show>
  );
}
