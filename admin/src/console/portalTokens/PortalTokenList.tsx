/** @jsxImportSource react */
// Regional portals' tokens: name, region, scopes, expiry, last use (time and address), state, the
// size of the operation list; «Выпустить токен» opens the issue form.
import { Box, Chip, Stack, Typography } from '@mui/material';
import { AutocompleteInput, CreateButton, Datagrid, DateField, FunctionField, List, ReferenceInput, TextField, TopToolbar } from 'react-admin';
import { LabelField } from '../fields.tsx';
import { portalScopeLabels, portalTokenStateLabels } from '../labels.ts';

const filters = [
  <ReferenceInput key="regionId" source="regionId" reference="Region" sort={{ field: 'name', order: 'ASC' }} alwaysOn>
    <AutocompleteInput label="Субъект РФ" optionText="name" filterToQuery={(q: string) => ({ q })} sx={{ minWidth: 240 }} />
  </ReferenceInput>,
];

export function ScopeChips({ scopes }: { scopes: string[] }) {
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {scopes.map((scope) => (
        <Chip key={scope} size="small" label={portalScopeLabels[scope] ?? scope} />
      ))}
    </Stack>
  );
}

export function PortalTokenList() {
  return (
    <List
      empty={
        <Box sx={{ p: 3, display: 'grid', gap: 2, justifyItems: 'start' }}>
          <Typography>Токенов порталов пока нет.</Typography>
          <CreateButton label="Выпустить токен" variant="contained" />
        </Box>
      }
      sort={{ field: 'createdAt', order: 'DESC' }}
      filters={filters}
      perPage={25}
      actions={
        <TopToolbar>
          <CreateButton label="Выпустить токен" />
        </TopToolbar>
      }
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="regionName" sortable={false} />
        <FunctionField source="scopes" sortable={false} render={(record: { scopes: string[] }) => <ScopeChips scopes={record.scopes} />} />
        <DateField source="expiresAt" locales="ru-RU" />
        <DateField source="lastUsedAt" showTime locales="ru-RU" emptyText="не использовался" />
        <TextField source="lastUsedFrom" sortable={false} emptyText="—" />
        <LabelField source="state" sortable={false} labels={portalTokenStateLabels} />
        <FunctionField
          source="operationsCount"
          sortable={false}
          render={(record: { operationsCount: number }) => (record.operationsCount ? record.operationsCount : 'любые')}
        />
      </Datagrid>
    </List>
  );
}
