/** @jsxImportSource react */
// A confirmation that says what will happen, optionally asks for a reason (it goes to the audit
// log), and shows the API's refusal inside the dialog.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';

interface Props {
  open: boolean;
  title: string;
  consequence: ReactNode;
  /** Asks for a reason when set: true makes it required. */
  reason?: { required: boolean };
  confirmLabel?: string;
  danger?: boolean;
  onClose(): void;
  /** Resolves to an error message to show, or undefined when done. */
  onConfirm(reason: string): Promise<string | undefined>;
  children?: ReactNode;
}

export function ConfirmDialog({ open, title, consequence, reason, confirmLabel = 'Подтвердить', danger, onClose, onConfirm, children }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (open) {
      setText('');
      setError(undefined);
    }
  }, [open]);
  const ready = !reason?.required || text.trim().length > 0;

  async function confirm() {
    setBusy(true);
    try {
      const refusal = await onConfirm(text.trim());
      if (refusal) setError(refusal);
    } finally {
      setBusy(false);
    }
  }

  const titleId = `confirm-${title.replace(/\W+/g, '-')}`;
  return (
    <Dialog open={open} onClose={() => !busy && onClose()} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <DialogContentText sx={{ pt: 1 }} data-testid="confirm-consequence">
          {consequence}
        </DialogContentText>
        {children}
        {reason && (
          <TextField
            label={reason.required ? 'Причина' : 'Причина (необязательно)'}
            value={text}
            onChange={(event) => setText(event.target.value)}
            required={reason.required}
            multiline
            minRows={2}
            helperText="Будет записана в журнал действий."
          />
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Отмена
        </Button>
        <Button variant="contained" color={danger ? 'error' : 'primary'} onClick={confirm} disabled={busy || !ready}>
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
