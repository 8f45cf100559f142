/** @jsxImportSource react */
// Entering the actual value of one year: a number field that takes a decimal comma, an optional
// reason for the audit log, and the refusal (ours before sending, or the API's) shown inside.
import { useEffect, useState } from 'react';
import { TextField } from '@mui/material';
import { ConfirmDialog } from '../ConfirmDialog.tsx';
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
  useEffect(() => {
    if (target) setText(target.actual === null ? '' : ruNumber(target.actual));
  }, [target]);
  if (!target) return null;

  // «45–50 %» but «60 (число субъектов)».
  const inTarget = indicator.unit === '%' ? ' %' : ` (${indicator.unit})`;
  return (
    <ConfirmDialog
      open
      title={`Фактическое значение за ${target.year} год`}
      consequence={`${indicator.name}. Цель на ${target.year} год: ${targetText(target)}${inTarget}.`}
      reason={{ required: false, help: 'Например, источник данных. Будет записана в журнал действий.' }}
      confirmLabel="Сохранить"
      secondary={target.actual === null ? undefined : { label: 'Очистить', onClick: () => onClear(target) }}
      onClose={onClose}
      onConfirm={async (reason) => {
        const parsed = toDecimal(text);
        if ('message' in parsed) return parsed.message;
        const outcome = await dataProvider.setPlanTargetActual(target.id, parsed.value, reason);
        if (!outcome.ok) return outcome;
        onSaved(outcome.data);
        return undefined;
      }}
    >
      {(refusal) => (
        <TextField
          label={`Факт, ${indicator.unit}`}
          value={text}
          onChange={(event) => setText(event.target.value)}
          autoFocus
          required
          error={Boolean(refusal)}
          helperText="Дробную часть отделяйте запятой, например 47,5; не больше двух знаков после запятой."
          slotProps={{ htmlInput: { inputMode: 'decimal', autoComplete: 'off' } }}
        />
      )}
    </ConfirmDialog>
  );
}
