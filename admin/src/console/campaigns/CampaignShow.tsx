/** @jsxImportSource react */
import { NumberField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { campaignStateLabels, windowStateLabels } from '../labels.ts';
import { Questionnaire } from './Questionnaire.tsx';
import { LabelField, MoscowTimeField } from '../fields.tsx';

export function CampaignShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="title" />
        <TextField source="code" />
        <NumberField source="year" options={{ useGrouping: false }} />
        <LabelField source="state" labels={campaignStateLabels} />
        <LabelField source="windowState" labels={windowStateLabels} />
        <MoscowTimeField source="opensAt" />
        <MoscowTimeField source="closesAt" />
      </SimpleShowLayout>
      <Questionnaire />
    </Show>
  );
}
