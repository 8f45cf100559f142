/** @jsxImportSource react */
// One owner: which of its region's authorities it is (or none), the e-mails to remind of its
// deadlines (add, remove: audited), and its tasks' deadlines.
import {
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  InputLabel,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { visuallyHidden } from '@mui/utils';
import { type FormEvent, useState } from 'react';
import { Link, Show, useGetList, useRefresh, useShowContext } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert, type Refusal, RefusalAlert } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { formatMoscow } from '../labels.ts';
import type { OwnerContactRecord, TaskOwnerRecord } from '../protocols/tasks.ts';

function AuthorityMatch({ owner, onDone }: { owner: TaskOwnerRecord; onDone(message: string): void }) {
  const dataProvider = useConsoleDataProvider();
  const { data: authorities = [] } = useGetList<{ id: string; name: string }>('Authority', {
    filter: { regionId: owner.region.id },
    pagination: { page: 1, perPage: 100 },
    sort: { field: 'name', order: 'ASC' },
  });
  const [authorityId, setAuthorityId] = useState(owner.authority?.id ?? '');
  const [refusal, setRefusal] = useState<Refusal>();
  const save = async () => {
    const outcome = await dataProvider.matchTaskOwner(owner.id, authorityId || null);
    if (!outcome.ok) return setRefusal(outcome);
    setRefusal(undefined);
    onDone(authorityId ? 'Исполнитель сопоставлен с органом власти.' : 'Сопоставление снято.');
  };
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ minWidth: 360 }}>
          <InputLabel id="authority-label">Орган власти региона</InputLabel>
          <Select
            labelId="authority-label"
            label="Орган власти региона"
            value={authorityId}
            onChange={(event) => setAuthorityId(String(event.target.value))}
          >
            <MenuItem value="">не сопоставлен</MenuItem>
            {authorities.map((authority) => (
              <MenuItem key={authority.id} value={String(authority.id)}>
                {authority.name}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button variant="outlined" onClick={save} disabled={authorityId === (owner.authority?.id ?? '')}>
          Сохранить сопоставление
        </Button>
      </Box>
      {refusal && <RefusalAlert refusal={refusal} />}
    </Box>
  );
}

function Contacts({ owner, onDone }: { owner: TaskOwnerRecord; onDone(message: string): void }) {
  const dataProvider = useConsoleDataProvider();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [refusal, setRefusal] = useState<Refusal>();
  const [removing, setRemoving] = useState<OwnerContactRecord>();
  const emailProblem = refusal?.fieldErrors?.find((error) => error.path.endsWith('email'))?.message;

  async function add(event: FormEvent) {
    event.preventDefault();
    const outcome = await dataProvider.addOwnerContact({ ownerId: owner.id, email, name: name || null });
    if (!outcome.ok) return setRefusal(outcome);
    setRefusal(undefined);
    setEmail('');
    setName('');
    onDone(`Адрес ${outcome.data.email} записан.`);
  }

  return (
    <Box sx={{ display: 'grid', gap: 2 }}>
      {owner.contacts.length === 0 ? (
        <Typography color="text.secondary">Адресов для напоминаний пока нет.</Typography>
      ) : (
        <Table size="small" aria-label="Адреса для напоминаний" data-testid="owner-contacts">
          <TableHead>
            <TableRow>
              <TableCell>Адрес</TableCell>
              <TableCell>Кто</TableCell>
              <TableCell>Записан</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Действия
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {owner.contacts.map((contact) => (
              <TableRow key={contact.id}>
                <TableCell>{contact.email}</TableCell>
                <TableCell>{contact.name ?? '—'}</TableCell>
                <TableCell>
                  {formatMoscow(contact.createdAt)}, {contact.createdBy}
                </TableCell>
                <TableCell>
                  <Button size="small" color="error" onClick={() => setRemoving(contact)} aria-label={`Удалить ${contact.email}`}>
                    Удалить
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box component="form" onSubmit={add} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }} aria-label="Новый адрес">
        <TextField
          size="small"
          label="Электронная почта"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          error={Boolean(emailProblem)}
          helperText={emailProblem}
        />
        <TextField size="small" label="Кто это (необязательно)" value={name} onChange={(event) => setName(event.target.value)} />
        <Button type="submit" variant="contained" disabled={!email.trim()}>
          Записать адрес
        </Button>
      </Box>
      {refusal && !emailProblem && <RefusalAlert refusal={refusal} />}
      <ConfirmDialog
        open={Boolean(removing)}
        title="Удалить адрес"
        confirmLabel="Удалить"
        danger
        consequence={`Напоминания на ${removing?.email ?? ''} больше не будут отправляться.`}
        onClose={() => setRemoving(undefined)}
        onConfirm={async () => {
          if (!removing) return undefined;
          const outcome = await dataProvider.removeOwnerContact(removing.id);
          if (!outcome.ok) return outcome;
          setRemoving(undefined);
          onDone(`Адрес ${outcome.data.email} удалён.`);
          return undefined;
        }}
      />
    </Box>
  );
}

function OwnerPage() {
  const { record } = useShowContext<TaskOwnerRecord>();
  const refresh = useRefresh();
  const [done, setDone] = useState<string>();
  if (!record) return null;
  const finish = (message: string) => {
    setDone(message);
    refresh();
  };
  return (
    <Box sx={{ display: 'grid', gap: 2, p: 2 }}>
      <Card variant="outlined" component="section" aria-labelledby="owner-title">
        <CardContent sx={{ display: 'grid', gap: 1.5 }}>
          <Typography variant="h6" component="h2" id="owner-title">
            {record.name}
          </Typography>
          <Typography>
            {record.region.name}; пунктов протоколов: {record.itemsCount}.{' '}
            <Link to={`/TaskOccurrence?filter=${encodeURIComponent(JSON.stringify({ ownerId: record.id }))}`}>Сроки исполнителя</Link>
          </Typography>
          <AuthorityMatch key={record.authority?.id ?? 'none'} owner={record} onDone={finish} />
          <DoneAlert>{done}</DoneAlert>
        </CardContent>
      </Card>
      <Card variant="outlined" component="section" aria-labelledby="contacts-title">
        <CardContent sx={{ display: 'grid', gap: 1.5 }}>
          <Typography variant="h6" component="h2" id="contacts-title">
            Адреса для напоминаний о сроках
          </Typography>
          <Contacts owner={record} onDone={finish} />
        </CardContent>
      </Card>
    </Box>
  );
}

export function TaskOwnerShow() {
  return (
    <Show component="div">
      <OwnerPage />
    </Show>
  );
}
