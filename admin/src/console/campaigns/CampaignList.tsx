/** @jsxImportSource react */
import { Datagrid, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { campaignStateLabels, formatMoscow, windowStateLabels } from '../labels.ts';
import { ImportDefinitionButton } from './ImportDefinitionButton.tsx';
import type { CampaignRecord } from '../records.ts';

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
        <FunctionField<CampaignRecord> source="state" sortable={false} render={(record) => campaignStateLabels[record.state] ?? record.state} />
        <FunctionField<CampaignRecord>
          source="windowState"
          sortable={false}
          render={(record) => windowStateLabels[record.windowState] ?? record.windowState}
        />
        <FunctionField<CampaignRecord> source="opensAt" render={(record) => formatMoscow(record.opensAt)} />
        <FunctionField<CampaignRecord> source="closesAt" sortable={false} render={(record) => formatMoscow(record.closesAt)} />
      </Datagrid>
    </List>
  );
}
