/** @jsxImportSource react */
import { Datagrid, FunctionField, List, NumberField, TextField, TopToolbar } from 'react-admin';
import { campaignStateLabels, formatMoscow, windowStateLabels } from '../labels.ts';
import { ImportDefinitionButton } from './ImportDefinitionButton.tsx';

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
        <FunctionField source="state" sortable={false} render={(record: any) => campaignStateLabels[record.state] ?? record.state} />
        <FunctionField source="windowState" sortable={false} render={(record: any) => windowStateLabels[record.windowState] ?? record.windowState} />
        <FunctionField source="opensAt" render={(record: any) => formatMoscow(record.opensAt)} />
        <FunctionField source="closesAt" sortable={false} render={(record: any) => formatMoscow(record.closesAt)} />
      </Datagrid>
    </List>
  );
}
