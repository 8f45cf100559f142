/** @jsxImportSource react */
// One authority: its details, a correction of name and sphere (audited, refusals shown in the
// dialog), and the measures its questionnaires list.
import { useState } from 'react';
import { Box, Button, MenuItem, TextField as MuiTextField, Typography } from '@mui/material';
import {
  Datagrid,
  DateField,
  NumberField,
  Pagination,
  ReferenceManyField,
  Show,
  SimpleShowLayout,
  TextField,
  useGetList,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { responseStatusLabels } from '../labels.ts';
import type { AuthorityRecord } from '../records.ts';
import { LabelField } from '../fields.tsx';

function EditAuthority() {
  const record = useRecordContext<AuthorityRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const { data: spheres } = useGetList('Sphere', { pagination: { page: 1, perPage: 100 }, sort: { field: 'position', order: 'ASC' } });
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [sphereId, setSphereId] = useState('');
  const [done, setDone] = useState<string>();
  if (!record) return null;

  function start() {
    setName(record!.name);
    setSphereId(record!.sphere?.id ?? '');
    setDone(undefined);
    setOpen(true);
  }

  return (
    <Box sx={{ display: 'grid', gap: 1.5, px: 2, pb: 2 }}>
      <Box>
        <Button variant="outlined" onClick={start}>
          Исправить наименование или сферу
        </Button>
      </Box>
      <DoneAlert>{done}</DoneAlert>
      <ConfirmDialog
        open={open}
        title="Исправить орган власти"
        confirmLabel="Сохранить"
        reason={{ required: false }}
        consequence={`Наименование пришло из ответа респондента. Исправление увидят все анкеты, где указан этот орган власти (${record.responsesCount}), и их мероприятия; прежнее значение сохранится в журнале действий.`}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          const outcome = await dataProvider.updateAuthority({ id: record.id, name, sphereId: sphereId || null, reason });
          if (!outcome.ok) return outcome;
          setOpen(false);
          setDone('Изменения сохранены.');
          refresh();
          return undefined;
        }}
      >
        <MuiTextField label="Наименование органа власти" value={name} onChange={(event) => setName(event.target.value)} required multiline />
        <MuiTextField
          select
          label="Сфера"
          value={sphereId}
          onChange={(event) => setSphereId(event.target.value)}
          // Shows «Не указана» for the empty value instead of a blank field.
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">Не указана</MenuItem>
          {(spheres ?? []).map((sphere) => (
            <MenuItem key={sphere.id} value={String(sphere.id)}>
              {sphere.name}
            </MenuItem>
          ))}
        </MuiTextField>
      </ConfirmDialog>
    </Box>
  );
}

export function AuthorityShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="region.name" label="resources.Authority.fields.region" />
        <TextField source="sphere.name" label="resources.Authority.fields.sphere" emptyText="Не указана" />
        <NumberField source="responsesCount" />
        <NumberField source="measuresCount" />
        <DateField source="createdAt" showTime locales="ru-RU" />
      </SimpleShowLayout>
      <EditAuthority />
      <Box sx={{ px: 2, pb: 2 }}>
        <Typography variant="h6" component="h2">
          Мероприятия из анкет этого органа власти
        </Typography>
        <ReferenceManyField reference="Measure" target="authorityId" sort={{ field: 'type', order: 'ASC' }} perPage={25} pagination={<Pagination />}>
          <Datagrid rowClick="show" bulkActionButtons={false} empty={<Typography color="text.secondary">Мероприятий нет.</Typography>}>
            <TextField source="type.group.name" label="resources.Measure.fields.group" sortable={false} emptyText="—" />
            <TextField source="type.name" label="resources.Measure.fields.type" sortable={false} emptyText="—" />
            <TextField source="title" label="resources.Measure.fields.title" sortable={false} emptyText="—" />
            <NumberField source="year" label="resources.Measure.fields.year" options={{ useGrouping: false }} sortable={false} emptyText="—" />
            <LabelField source="responseStatus" label="resources.Measure.fields.responseStatus" sortable={false} labels={responseStatusLabels} />
          </Datagrid>
        </ReferenceManyField>
      </Box>
    </Show>
  );
}
