/** @jsxImportSource react */
// «Импортировать определение»: picks a .json file, reads it in the browser, asks the API what the
// import would do (new draft / replaces the draft / unchanged, or every problem of the file with its
// path), and imports it on confirmation.
import { useRef, useState } from 'react';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, TextField, Typography } from '@mui/material';
import { useNotify, useRefresh } from 'react-admin';
import { RefusalAlert } from '../feedback.tsx';
import { useConsoleDataProvider } from '../hooks.ts';
import type { FieldProblem, ImportPlan } from '../operations.ts';

interface Picked {
  fileName: string;
  document?: unknown;
  plan?: ImportPlan;
  message?: string;
  fieldErrors?: FieldProblem[];
}

const outcomeTitles: Record<string, string> = {
  CREATED: 'Новый опрос',
  UPDATED: 'Замена анкеты черновика',
  UNCHANGED: 'Без изменений',
};

export function ImportDefinitionButton() {
  const input = useRef<HTMLInputElement>(null);
  const dataProvider = useConsoleDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const [picked, setPicked] = useState<Picked>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function onFile(file: File | undefined) {
    if (!file) return;
    setReason('');
    let document: unknown;
    try {
      document = JSON.parse(await file.text());
    } catch (failure) {
      setPicked({
        fileName: file.name,
        message: `Файл «${file.name}» не является корректным JSON: ${(failure as Error).message}. Проверьте скобки, запятые и кавычки.`,
      });
      return;
    }
    setBusy(true);
    const preview = await dataProvider.previewDefinition(document);
    setBusy(false);
    setPicked(
      preview.ok
        ? { fileName: file.name, document, plan: preview.data }
        : { fileName: file.name, message: preview.message, fieldErrors: preview.fieldErrors },
    );
  }

  function close() {
    setPicked(undefined);
    // The same file can be picked again after it was fixed.
    if (input.current) input.current.value = '';
  }

  async function confirm() {
    if (!picked?.document) return;
    setBusy(true);
    const outcome = await dataProvider.importDefinition(picked.document, reason.trim());
    setBusy(false);
    if (!outcome.ok) {
      setPicked({ ...picked, plan: undefined, message: outcome.message, fieldErrors: outcome.fieldErrors });
      return;
    }
    close();
    notify(outcome.data.message, { type: 'success' });
    refresh();
  }

  const importable = picked?.plan && picked.plan.outcome !== 'UNCHANGED';
  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label="Файл определения опроса (.json)"
        data-testid="definition-file"
        style={{ display: 'none' }}
        onChange={(event) => onFile(event.target.files?.[0])}
      />
      <Button size="small" startIcon={<UploadFileIcon />} onClick={() => input.current?.click()} disabled={busy}>
        Импортировать определение
      </Button>
      <Dialog open={Boolean(picked)} onClose={() => !busy && close()} aria-labelledby="import-definition-title" fullWidth maxWidth="md">
        <DialogTitle id="import-definition-title">Импорт определения опроса</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <Typography variant="body2" color="text.secondary" sx={{ pt: 1 }}>
            Файл: {picked?.fileName}
          </Typography>
          {picked?.plan && (
            <Alert severity={picked.plan.outcome === 'UNCHANGED' ? 'info' : 'warning'} role="status" data-testid="import-plan">
              <strong>{outcomeTitles[picked.plan.outcome]}.</strong> {picked.plan.message}
            </Alert>
          )}
          {picked?.message && <RefusalAlert refusal={{ message: picked.message, fieldErrors: picked.fieldErrors }} withPaths testId="import-error" />}
          {importable && (
            <TextField
              label="Причина (необязательно)"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              multiline
              minRows={2}
              helperText="Будет записана в журнал действий."
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {importable ? 'Отмена' : 'Закрыть'}
          </Button>
          {importable && (
            <Button variant="contained" onClick={confirm} disabled={busy}>
              Импортировать
            </Button>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
}
