/** @jsxImportSource react */
// The plan's indicators with their targets and actual values; «Внести факт» on each row enters a
// year's actual value without opening the indicator.
import { Datagrid, List, NumberField, TextField } from 'react-admin';
import { TargetsTable } from './TargetsTable.tsx';

export function PlanIndicatorList() {
  return (
    <List sort={{ field: 'number', order: 'ASC' }} perPage={25} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <NumberField source="number" />
        <TextField source="name" sortable={false} />
        <TextField source="unit" sortable={false} />
        <TargetsTable label="resources.PlanIndicator.fields.targets" enterFromList />
      </Datagrid>
    </List>
  );
}
