/** @jsxImportSource react */
// Entering the actual value of one year: a number field that takes a decimal comma, an optional
// reason for the audit log, and the API's refusal shown inside the dialog.
import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useConsoleDataProvider } from '../hooks.ts';
import type { Target } from '../operations.ts';
import { ruNumber, targetText, toDecimal } from './actuals.ts';

interface Props {
  target: Target | undefined;
  indicator: { name: string; unit: string };
  onClose(): void;
  /** Called after a successful save with the target as the API returned it. */
  onSaved(target: Target): void;
  /** Asks to clear the value (the caller confirms first). */
  onClear(target: Target): void;
}

export function ActualDialog({ target, indicator, onClose, onSaved, onClear }: Props) {
  const dataProvider = useConsoleDataProvider();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (target) {
      setText(target.actual === null ? '' : ruNumber(target.actual));
      setReason('');
      setError(undefined);
    }
  }, [target]);
  if (!target) return null;

  async function save(event: FormEvent) {
    event.preventDefault();
    const parsed = toDecimal(text);
    if ('message' in parsed) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    setError(undefined);
    const outcome = await dataProvider.setPlanTargetActual(target!.id, parsed.value, reason.trim());
    setBusy(false);
    if (outcome.ok) onSaved(outcome.data);
    else setError(outcome.message);
  }

  // «45–50 %» but «60 (число субъектов)».
  const inTarget = indicator.unit === '%' ? ' %' : ` (${indicator.unit})`;
  const titleId = `actual-${target.id}-title`;
  return (
    <Dialog open onClose={() => !busy && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <form onSubmit={save} noValidate>
        <DialogTitle id={titleId}>Фактическое значение за {target.year} год</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          <DialogContentText sx={{ pt: 1 }}>
            {indicator.name}. Цель на {target.year} год: {targetText(target)}
            {inTarget}.
          </DialogContentText>
          <TextField
            label={`Факт, ${indicator.unit}`}
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoFocus
            required
            error={Boolean(error)}
            helperText="Дробную часть отделяйте запятой, например 47,5; не больше двух знаков после запятой."
            slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
          />
          <TextField
            label="Причина (необязательно)"
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            multiline
            minRows={2}
            helperText="Например, источник данных. Будет записана в журнал действий."
          />
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          {target.actual !== null && (
            <Button color="error" onClick={() => onClear(target)} disabled={busy} sx={{ mr: 'auto' }}>
              Очистить
            </Button>
          )}
          <Button onClick={onClose} disabled={busy}>
            Отмена
          </Button>
          <Button type="submit" variant="contained" disabled={busy}>
            Сохранить
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
