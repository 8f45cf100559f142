/** @jsxImportSource react */
// Deleting asks for a reason (it goes to the audit log); the API's refusal is shown in the dialog.
import { useState } from 'react';
import { Button } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useDataProvider, useNotify, useRecordContext, useRedirect } from 'react-admin';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
import type { PracticeRecord } from '../records.ts';

export function DeletePracticeButton() {
  const record = useRecordContext<PracticeRecord>();
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  const [open, setOpen] = useState(false);
  if (!record) return null;
  return (
    <>
      {/* red[900]: the theme's error red is too pale on the grey form toolbar (axe color-contrast). */}
      <Button color="error" sx={{ color: '#b71c1c' }} startIcon={<DeleteIcon />} onClick={() => setOpen(true)}>
        Удалить
      </Button>
      <ConfirmDialog
        open={open}
        title="Удалить практику"
        confirmLabel="Удалить"
        danger
        reason={{ required: true }}
        consequence={`Практика «${record.region.name}: ${record.form.name}» исчезнет из каталога и из ответов порталам. Повторный импорт таблицы практик её не вернёт; запись останется в журнале действий.`}
        onClose={() => setOpen(false)}
        onConfirm={async (reason) => {
          try {
            await dataProvider.delete('Practice', { id: record.id, previousData: record, meta: { reason } });
          } catch (error) {
            return (error as Error).message;
          }
          setOpen(false);
          notify('Практика удалена', { type: 'info' });
          redirect('list', 'Practice');
          return undefined;
        }}
      />
    </>
  );
}
