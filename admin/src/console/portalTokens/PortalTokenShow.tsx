/** @jsxImportSource react */
// One regional portal's token: its details and the coordinator's steps — rotate with an overlap (the
// new secret shown once), revoke, and the list of approved operations (a .graphql file uploaded or
// pasted, added to the list or replacing it; cleared). Each step is audited by the API.
import { type ChangeEvent, useRef, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Box, Button, Checkbox, FormControlLabel, TextField as MuiTextField, Typography } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useRecordContext, useRefresh } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert } from '../feedback.tsx';
import { LabelField } from '../fields.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import { portalTokenStateLabels } from '../labels.ts';
import { ScopeChips } from './PortalTokenList.tsx';
import { SecretPanel } from './SecretPanel.tsx';

interface PortalTokenRecord {
  id: string;
  name: string;
  regionName: string;
  state: 'ACTIVE' | 'ROTATING' | 'EXPIRED' | 'REVOKED';
  operationsCount: number;
  allowedOperations?: string[];
}

const when = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }) : '';

function TokenSteps() {
  const record = useRecordContext<PortalTokenRecord>();
  const refresh = useRefresh();
  const dataProvider = useConsoleDataProvider();
  const [dialog, setDialog] = useState<'rotate' | 'revoke' | 'operations' | 'clear'>();
  const [overlap, setOverlap] = useState('24');
  const [secret, setSecret] = useState<{ value: string; note: string }>();
  const [done, setDone] = useState<string>();
  const [document, setDocument] = useState('');
  const [fileName, setFileName] = useState('');
  const [replace, setReplace] = useState(true);
  const [added, setAdded] = useState<{ name: string; hash: string }[]>();
  const fileInput = useRef<HTMLInputElement>(null);
  if (!record) return null;
  const live = record.state === 'ACTIVE' || record.state === 'ROTATING';

  function open(step: typeof dialog) {
    setDone(undefined);
    setSecret(undefined);
    setAdded(undefined);
    if (step === 'operations') {
      setDocument('');
      setFileName('');
      setReplace(true);
    }
    setDialog(step);
  }

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setDocument(await file.text());
  }

  return (
    <Box sx={{ display: 'grid', gap: 1.5, px: 2, pb: 2 }}>
      {live && (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" onClick={() => open('rotate')}>
            Заменить токен
          </Button>
          <Button variant="outlined" onClick={() => open('operations')}>
            Изменить список операций
          </Button>
          {record.operationsCount > 0 && (
            <Button variant="outlined" onClick={() => open('clear')}>
              Снять ограничение операций
            </Button>
          )}
          <Button variant="outlined" color="error" onClick={() => open('revoke')}>
            Отозвать
          </Button>
        </Box>
      )}
      <DoneAlert>{done}</DoneAlert>
      {secret && <SecretPanel secret={secret.value} note={secret.note} />}
      {added && (
        <Box data-testid="added-operations">
          <Typography variant="subtitle2" component="h2">
            Операции из документа
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {added.map((operation) => (
              <li key={operation.hash}>
                {operation.name}{' '}
                <Box component="code" sx={{ fontSize: '0.8em' }}>
                  {operation.hash}
                </Box>
              </li>
            ))}
          </Box>
        </Box>
      )}

      <ConfirmDialog
        open={dialog === 'rotate'}
        title="Заменить токен"
        confirmLabel="Заменить"
        consequence="Будет выпущен новый секрет. Прежний продолжит работать указанное число часов, чтобы портал успел перейти на новый, затем перестанет приниматься."
        ready={/^\d+(\.\d+)?$/.test(overlap)}
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          const outcome = await dataProvider.rotatePortalToken(String(record.id), Number(overlap));
          if (!outcome.ok) return outcome;
          setDialog(undefined);
          const until = outcome.data.token.previousValidUntil;
          setSecret({
            value: outcome.data.secret,
            note: until ? `Прежний токен действует до ${when(until)}.` : 'Прежний токен больше не действует.',
          });
          refresh();
          return undefined;
        }}
      >
        {(refusal) => (
          <MuiTextField
            label="Перекрытие, часов"
            value={overlap}
            onChange={(event) => setOverlap(event.target.value)}
            error={Boolean(refusal?.fieldErrors?.some((error) => error.path === 'overlapHours'))}
            helperText="От 0 до 720; 0 — прежний токен перестаёт работать сразу."
            slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          />
        )}
      </ConfirmDialog>

      <ConfirmDialog
        open={dialog === 'revoke'}
        title="Отозвать токен"
        confirmLabel="Отозвать"
        danger
        consequence={`Токен «${record.name}» (${record.regionName}) перестанет работать сразу — и новый, и ещё действующий прежний секрет. Отменить отзыв нельзя: только выпустить новый токен.`}
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          const outcome = await dataProvider.revokePortalToken(String(record.id));
          if (!outcome.ok) return outcome;
          setDialog(undefined);
          setDone('Токен отозван.');
          refresh();
          return undefined;
        }}
      />

      <ConfirmDialog
        open={dialog === 'clear'}
        title="Снять ограничение операций"
        confirmLabel="Снять"
        consequence="Токен снова сможет выполнять любые запросы на чтение, которые позволяют его права."
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          const outcome = await dataProvider.clearPortalOperations(String(record.id));
          if (!outcome.ok) return outcome;
          setDialog(undefined);
          setDone('Ограничение снято: токен может выполнять любые запросы на чтение.');
          refresh();
          return undefined;
        }}
      />

      <ConfirmDialog
        open={dialog === 'operations'}
        title="Список разрешённых операций"
        confirmLabel="Сохранить"
        maxWidth="md"
        ready={document.trim().length > 0}
        consequence="Токен сможет выполнять только именованные запросы (query Имя { … }) из документа, без изменений; любой другой запрос будет отклонён (OPERATION_NOT_ALLOWED). Загрузите файл .graphql от разработчиков портала или вставьте его текст."
        onClose={() => setDialog(undefined)}
        onConfirm={async () => {
          const outcome = await dataProvider.allowPortalOperations(String(record.id), document, replace);
          if (!outcome.ok) return outcome;
          setDialog(undefined);
          setAdded(outcome.data.operations);
          setDone(`Список сохранён: разрешённых операций — ${outcome.data.token.operationsCount}.`);
          refresh();
          return undefined;
        }}
      >
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
          <input
            ref={fileInput}
            type="file"
            accept=".graphql,.gql,text/plain"
            aria-label="Файл с запросами (.graphql)"
            data-testid="operations-file"
            style={{ display: 'none' }}
            onChange={readFile}
          />
          <Button variant="outlined" startIcon={<UploadFileIcon />} onClick={() => fileInput.current?.click()}>
            Загрузить файл .graphql
          </Button>
          <Typography variant="body2" color="text.secondary">
            {fileName || 'файл не выбран'}
          </Typography>
        </Box>
        <MuiTextField
          label="Текст документа GraphQL"
          value={document}
          onChange={(event) => setDocument(event.target.value)}
          multiline
          minRows={6}
          maxRows={16}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <FormControlLabel
          control={<Checkbox checked={replace} onChange={(event) => setReplace(event.target.checked)} />}
          label="Заменить список (иначе операции документа добавятся к уже разрешённым)"
        />
      </ConfirmDialog>
    </Box>
  );
}

export function PortalTokenShow() {
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="regionName" />
        <FunctionField source="scopes" render={(record: { scopes: string[] }) => <ScopeChips scopes={record.scopes} />} />
        <LabelField source="state" labels={portalTokenStateLabels} />
        <DateField source="expiresAt" showTime locales="ru-RU" />
        <DateField source="createdAt" showTime locales="ru-RU" />
        <TextField source="createdBy" />
        <DateField source="rotatedAt" showTime locales="ru-RU" emptyText="—" />
        <DateField source="previousValidUntil" showTime locales="ru-RU" emptyText="—" />
        <DateField source="revokedAt" showTime locales="ru-RU" emptyText="—" />
        <DateField source="lastUsedAt" showTime locales="ru-RU" emptyText="не использовался" />
        <TextField source="lastUsedFrom" emptyText="—" />
        <FunctionField
          source="allowedOperations"
          render={(record: PortalTokenRecord) =>
            // The list's record (without the hashes) may be drawn first, while the token's own is read.
            record.allowedOperations?.length ? (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {record.allowedOperations.map((hash) => (
                  <li key={hash}>
                    <code>{hash}</code>
                  </li>
                ))}
              </Box>
            ) : (
              'Не ограничены: любые запросы на чтение'
            )
          }
        />
      </SimpleShowLayout>
      <TokenSteps />
    </Show>
  );
}
