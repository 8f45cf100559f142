/** @jsxImportSource react */
// The console's one dialog for a step that changes something: it says what will happen, holds the
// step's own fields, optionally asks for a reason (it goes to the audit log), confirms on the button
// or Enter, and shows the API's refusal inside, keeping what was typed.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { RefusalAlert, type Refusal } from './feedback.tsx';

interface Props {
  open: boolean;
  title: string;
  /** What will happen, in words. */
  consequence?: ReactNode;
  /** Asks for a reason when set: required or not, and what to say under it. */
  reason?: { required: boolean; help?: string };
  confirmLabel?: string;
  danger?: boolean;
  /** False while the step's own fields are incomplete. */
  ready?: boolean;
  /** Another way out on the left, e.g. «Очистить». */
  secondary?: { label: string; onClick(): void };
  maxWidth?: 'sm' | 'md';
  onClose(): void;
  /** Resolves to the refusal to show (a message, or an Outcome that was refused), or undefined when done. */
  onConfirm(reason: string): Promise<Refusal | string | undefined>;
  /** The step's own fields; given the refusal shown, so they can mark the ones it is about. */
  children?: ReactNode | ((refusal: Refusal | undefined) => ReactNode);
}

export function ConfirmDialog({
  open,
  title,
  consequence,
  reason,
  confirmLabel = 'Подтвердить',
  danger,
  ready = true,
  secondary,
  maxWidth = 'sm',
  onClose,
  onConfirm,
  children,
}: Props) {
  const titleId = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>();
  useEffect(() => {
    if (open) {
      setText('');
      setRefusal(undefined);
    }
  }, [open]);
  const complete = ready && (!reason?.required || text.trim().length > 0);

  async function confirm(event: FormEvent) {
    event.preventDefault();
    if (!complete || busy) return;
    setBusy(true);
    try {
      const refused = await onConfirm(text.trim());
      setRefusal(typeof refused === 'string' ? { message: refused } : refused && { message: refused.message, fieldErrors: refused.fieldErrors });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={() => !busy && onClose()} aria-labelledby={titleId} fullWidth maxWidth={maxWidth}>
      {/* A flex column like the dialog's paper, so a long content scrolls between the title and the buttons;
          noValidate: our own messages, not the browser's, say what is missing. */}
      <form onSubmit={confirm} noValidate style={{ display: 'flex', flexDirection: 'column', flex: '1 1 auto', minHeight: 0 }}>
        <DialogTitle id={titleId}>{title}</DialogTitle>
        <DialogContent sx={{ display: 'grid', gap: 2 }}>
          {consequence && (
            <DialogContentText sx={{ pt: 1 }} data-testid="confirm-consequence">
              {consequence}
            </DialogContentText>
          )}
          {typeof children === 'function' ? children(refusal) : children}
          {reason && (
            <TextField
              label={reason.required ? 'Причина' : 'Причина (необязательно)'}
              value={text}
              onChange={(event) => setText(event.target.value)}
              required={reason.required}
              multiline
              minRows={2}
              helperText={reason.help ?? 'Будет записана в журнал действий.'}
            />
          )}
          {refusal && <RefusalAlert refusal={refusal} testId="confirm-refusal" />}
        </DialogContent>
        <DialogActions>
          {secondary && (
            <Button color="error" onClick={secondary.onClick} disabled={busy} sx={{ mr: 'auto' }}>
              {secondary.label}
            </Button>
          )}
          <Button onClick={onClose} disabled={busy}>
            Отмена
          </Button>
          <Button type="submit" variant="contained" color={danger ? 'error' : 'primary'} disabled={busy || !complete}>
            {confirmLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
