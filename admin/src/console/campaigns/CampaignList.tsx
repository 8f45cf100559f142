/** @jsxImportSource react */
import { Datagrid, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { campaignStateLabels, windowStateLabels } from '../labels.ts';
import { ImportDefinitionButton } from './ImportDefinitionButton.tsx';
import { LabelField, MoscowTimeField } from '../fields.tsx';

export function CampaignList() {
  return (
    <List
      sort={{ field: 'year', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={
        <TopToolbar>
          <ImportDefinitionButton />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="year" options={{ useGrouping: false }} />
        <TextField source="code" sx={{ whiteSpace: 'nowrap' }} />
        <TextField source="title" sortable={false} />
        <LabelField source="state" sortable={false} labels={campaignStateLabels} />
        <LabelField source="windowState" sortable={false} labels={windowStateLabels} />
        <MoscowTimeField source="opensAt" />
        <MoscowTimeField source="closesAt" sortable={false} />
      </Datagrid>
    </List>
  );
}
