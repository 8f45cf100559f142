/** @jsxImportSource react */
import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { TargetsTable } from './TargetsTable.tsx';

export function PlanIndicatorList() {
  return (
    <List sort={{ field: 'number', order: 'ASC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="number" />
        <TextField source="name" sortable={false} />
        <TextField source="unit" sortable={false} />
        <TargetsTable label="resources.PlanIndicator.fields.targets" />
      </Datagrid>
    </List>
  );
}
