// Actual values of plan targets: reading what a Russian user types, the status labels, and the
// setPlanTargetActual mutation (its refusal comes back as a message for the dialog).
import { graphql } from '../graphql.ts';

export type TargetStatus = 'NO_DATA' | 'MET' | 'NOT_MET';

export interface Target {
  id: string;
  year: number;
  targetMin: string;
  targetMax: string;
  isRange: boolean;
  actual: string | null;
  status?: TargetStatus;
}

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

export interface SaveOutcome {
  ok: boolean;
  target?: Target;
  message?: string;
}

export async function saveActual(targetId: string, actual: string | null, reason: string): Promise<SaveOutcome> {
  try {
    const { result } = await graphql<{ result: any }>(
      `mutation ConsoleSetPlanTargetActual($input: SetPlanTargetActualInput!) {
        result: setPlanTargetActual(input: $input) {
          __typename
          ... on MutationSetPlanTargetActualSuccess { data { id year targetMin targetMax isRange actual status } }
          ... on Error { message }
        }
      }`,
      { input: { targetId, actual, reason: reason || null } },
    );
    if (result.__typename === 'MutationSetPlanTargetActualSuccess') return { ok: true, target: result.data };
    return { ok: false, message: result.message ?? 'Значение не сохранено.' };
  } catch (failure) {
    return { ok: false, message: (failure as Error).message };
  }
}
