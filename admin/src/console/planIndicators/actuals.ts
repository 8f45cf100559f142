// Actual values of plan targets: reading what a Russian user types, and the status labels (the
// setPlanTargetActual mutation is the data provider's, see operations.ts).
import type { Target, TargetStatus } from '../operations.ts';

export const statusLabels: Record<TargetStatus, string> = {
  MET: 'выполнено',
  NOT_MET: 'не выполнено',
  NO_DATA: 'нет данных',
};

/** "50.5" → "50,5": numbers are shown the Russian way. */
export const ruNumber = (value: string) => value.replace('.', ',');

export function targetText(target: Target): string {
  return target.isRange ? `${ruNumber(target.targetMin)}–${ruNumber(target.targetMax)}` : ruNumber(target.targetMin);
}

/**
 * What a person typed («47,5», «47.5», « 1 000 ») as the API's Decimal ("47.5"), or a message
 * saying what to type instead. Range and precision are the API's to judge.
 */
export function toDecimal(typed: string): { value: string } | { message: string } {
  const compact = typed
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(',', '.')
    .replace(/^\+/, '');
  if (compact === '') return { message: 'Введите значение, например 47,5. Чтобы удалить фактическое значение, нажмите «Очистить».' };
  if (!/^-?\d+(\.\d+)?$/.test(compact)) return { message: `«${typed.trim()}» — не число. Введите число, например 47,5.` };
  return { value: compact };
}
