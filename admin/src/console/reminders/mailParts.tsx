/** @jsxImportSource react */
// What the two reminder pages (campaign reminders: RemindersPage, protocol deadlines:
// taskReminders/TaskRemindersPage) show alike: a mail as its recipient reads it, and the outcome of a
// preview or a sending (the refusal, or what was queued with a link to the sent mails), and the
// confirmation that sends.
import { Box, Typography } from '@mui/material';
import { Link } from 'react-admin';
import { countOf } from '../../../../api/src/i18n/plural.ts';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import { DoneAlert, RefusalAlert } from '../feedback.tsx';
import type { Outcome } from '../operations.ts';

/** «3 письма» */
export const letters = (n: number) => countOf(n, ['письмо', 'письма', 'писем']);

/** What a sending reports: «Поставлено в очередь: 3 письма.» */
export const queuedText = (queued: number) => `Поставлено в очередь: ${letters(queued)}.`;

/** A mail's subject and its text as the recipient reads it. */
export function MailText({ subject, text, testIds }: { subject: string; text: string; testIds?: { subject: string; text: string } }) {
  return (
    <>
      <Typography>
        Тема: <strong data-testid={testIds?.subject}>{subject}</strong>
      </Typography>
      <Box
        component="pre"
        data-testid={testIds?.text}
        sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', m: 0, p: 2, bgcolor: 'action.hover', borderRadius: 1 }}
      >
        {text}
      </Box>
    </>
  );
}

/** The API's refusal of a preview, or what a sending queued, with the way to the sent mails. */
export function SendingOutcome({ error, sent }: { error?: string; sent?: string }) {
  return (
    <>
      {error && <RefusalAlert refusal={{ message: error }} />}
      <DoneAlert>
        {sent && (
          <>
            {sent} <Link to="/OutboxMail">Отправленные письма</Link>
          </>
        )}
      </DoneAlert>
    </>
  );
}

/** «Отправить напоминания?»: `send` runs on confirmation; a refusal stays in the dialog, else `onQueued` is told what was queued. */
export function SendRemindersDialog({
  open,
  consequence,
  onClose,
  send,
  onQueued,
}: {
  open: boolean;
  consequence: string;
  onClose(): void;
  send(): Promise<Outcome<{ queued: number }>>;
  onQueued(text: string): void;
}) {
  return (
    <ConfirmDialog
      open={open}
      title="Отправить напоминания"
      confirmLabel="Отправить"
      consequence={consequence}
      onClose={onClose}
      onConfirm={async () => {
        const outcome = await send();
        if (!outcome.ok) return outcome;
        onQueued(queuedText(outcome.data.queued));
        return undefined;
      }}
    />
  );
}
