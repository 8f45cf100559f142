/** @jsxImportSource react */
import { Datagrid, FunctionField, List, NumberField, TextField } from 'react-admin';
import { campaignStateLabels, formatMoscow, windowStateLabels } from '../labels.ts';

export function CampaignList() {
  return (
    <List sort={{ field: 'year', order: 'DESC' }} perPage={25} exporter={false}>
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
