// Federal plan targets (seed 001): whether an actual value reaches its yearly target, and entering
// actual values by coordinators (checked, saved and audited in one transaction).
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { Prisma, type PlanTarget } from '../generated/prisma/client.ts';
import { recordAudit, type Actor } from './audit.ts';
import type { FieldErrorCode } from '../survey/engine.ts';
import { fieldError, NotFoundError, ValidationError } from './errors.ts';
import { parseInput } from './input.ts';

export type PlanTargetStatus = 'NO_DATA' | 'MET' | 'NOT_MET';

type DecimalLike = Prisma.Decimal | string | number;

/**
 * Every indicator of the plan counts something where more is better (share of organisations assessed,
 * regions with an online questionnaire, council meetings), so a target is met once the actual reaches
 * its value or, for a range such as 45–50 %, the range's lower bound; being above the range still
 * counts as met.
 */
export function planTargetStatus(target: { targetMin: DecimalLike; actual: DecimalLike | null }): PlanTargetStatus {
  if (target.actual === null) return 'NO_DATA';
  return new Prisma.Decimal(target.actual).greaterThanOrEqualTo(new Prisma.Decimal(target.targetMin)) ? 'MET' : 'NOT_MET';
}

/** Units that count whole things («число субъектов», «число заседаний»). */
const isCount = (unit: string) => /^число(\s|$)/i.test(unit.trim());

const inputSchema = z.object({
  // Omitting the value is not the same as clearing it: null must be said explicitly.
  actual: z.string({ error: 'Укажите фактическое значение (или пустое значение, чтобы очистить его).' }).nullable(),
  reason: z.string().max(2000, 'Причина слишком длинная: не больше 2000 знаков.').nullish(),
});

export interface SetActualInput {
  targetId: number;
  /** undefined is refused: clearing takes an explicit null. */
  actual: string | null | undefined;
  reason?: string | null;
}

const refuse = (message: string, code: FieldErrorCode = 'WRONG_TYPE'): never => {
  throw new ValidationError([fieldError('actual', code, message)]);
};

/**
 * Reads an actual value as people type it ("47,5", "47.5", " 1 000 ") into a normalised decimal
 * string; refuses what cannot be a value of this indicator. null stays null (clears the value).
 */
export function parseActual(raw: string | null, unit: string): string | null {
  if (raw === null) return null;
  const text = raw.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (text === '') refuse('Введите фактическое значение, например 47,5, или очистите его.', 'REQUIRED');
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) refuse(`«${raw.trim()}» — не число. Введите число, например 47,5.`);
  const value = new Prisma.Decimal(text);
  if (!value.isFinite()) refuse('Введите конечное число, например 47,5.');
  if (value.isNegative() && !value.isZero()) refuse('Фактическое значение не может быть отрицательным.', 'OUT_OF_RANGE');
  if (value.decimalPlaces() > 2) refuse('Укажите не больше двух знаков после запятой, например 47,25.', 'TOO_PRECISE');
  if (unit.trim() === '%' && value.greaterThan(100)) refuse('Значение в процентах не может быть больше 100.', 'OUT_OF_RANGE');
  if (isCount(unit) && !value.isInteger()) refuse(`Показатель считается в единицах («${unit}»): введите целое число.`, 'NOT_INTEGER');
  // The column is numeric(65,30); anything near its limit is a typing slip, not a plan value.
  if (value.greaterThanOrEqualTo('1e12')) refuse('Слишком большое значение: проверьте, не набраны ли лишние цифры.', 'OUT_OF_RANGE');
  return value.abs().toFixed();
}

const snapshot = (target: PlanTarget, indicatorNumber: number) => ({
  indicator: indicatorNumber,
  year: target.year,
  actual: target.actual === null ? null : target.actual.toFixed(),
});

/**
 * Sets (or, with null, clears) the actual value of one yearly target. The row is locked for the
 * transaction so two coordinators' saves are audited in the order they happen. Saving the value the
 * target already has changes nothing and is not audited.
 */
export async function setPlanTargetActual(prisma: Db, actor: Actor, input: SetActualInput): Promise<PlanTarget> {
  // An id that is not a number names no target.
  const { targetId } = input;
  if (!Number.isSafeInteger(targetId) || targetId <= 0) throw new NotFoundError('Целевое значение не найдено: обновите страницу.');
  const { actual, reason } = parseInput(inputSchema, input);
  return prisma.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "PlanTarget" WHERE id = ${targetId} FOR UPDATE`;
    if (!locked[0]) throw new NotFoundError('Целевое значение не найдено: возможно, план был переимпортирован. Обновите страницу.');
    const current = await tx.planTarget.findUniqueOrThrow({
      where: { id: targetId },
      include: { indicator: { select: { number: true, unit: true } } },
    });
    const value = parseActual(actual, current.indicator.unit);
    const unchanged = value === null ? current.actual === null : current.actual?.equals(value) === true;
    if (unchanged) return current;
    const updated = await tx.planTarget.update({ where: { id: targetId }, data: { actual: value === null ? null : new Prisma.Decimal(value) } });
    await recordAudit(tx, actor, {
      action: 'plan.target.actual',
      subjectType: 'PlanTarget',
      subjectId: targetId,
      before: snapshot(current, current.indicator.number),
      after: snapshot(updated, current.indicator.number),
      reason: reason?.trim() || null,
    });
    return updated;
  });
}
