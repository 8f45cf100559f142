// Actual values of the federal plan targets (seed 001): coordinators enter and clear them through
// setPlanTargetActual (audited in the same transaction), bad values are refused in Russian and change
// nothing, the computed status agrees with the targets, and re-importing the plan keeps the actuals.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocumentsDir } from '../../api/src/bootstrap.ts';
import { importPlanFile } from '../../api/src/import/plan.ts';
import { planTargetStatus } from '../../api/src/services/plan.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { COORDINATOR, signInCoordinator } from '../helpers/console.ts';

let t: TestApp;
let coordinator: string;

const SET = `mutation($input: SetPlanTargetActualInput!) {
  setPlanTargetActual(input: $input) {
    __typename
    ... on MutationSetPlanTargetActualSuccess { data { id year targetMin targetMax actual status indicator { number } } }
    ... on Error { code message }
    ... on ValidationError { fieldErrors { path code message } }
  }
}`;

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
});
afterAll(() => t?.close());

async function targetId(indicator: number, year: number): Promise<string> {
  const row = await t.db.prisma.planTarget.findFirstOrThrow({ where: { year, indicator: { number: indicator } } });
  return String(row.id);
}

async function set(input: Record<string, unknown>) {
  const result = await t.gql(SET, { input }, { cookie: coordinator });
  expect(result.errors).toBeUndefined();
  return result.data.setPlanTargetActual;
}

/** Every target and every audit entry, comparable (Decimals as strings). */
async function state() {
  const targets = await t.db.prisma.planTarget.findMany({ orderBy: { id: 'asc' } });
  const audit = await t.db.prisma.auditLog.findMany({ orderBy: { id: 'asc' } });
  return JSON.parse(JSON.stringify({ targets, audit })) as unknown;
}

describe('setPlanTargetActual', () => {
  it('enters an actual value, reports the status and records who did it, before and after', async () => {
    const id = await targetId(1, 2016);
    const result = await set({ targetId: id, actual: '47.5', reason: 'Отчёт Минтруда за 2016 год' });
    expect(result).toEqual({
      __typename: 'MutationSetPlanTargetActualSuccess',
      data: { id, year: 2016, targetMin: '45', targetMax: '50', actual: '47.5', status: 'MET', indicator: { number: 1 } },
    });
    expect((await t.db.prisma.planTarget.findUniqueOrThrow({ where: { id: Number(id) } })).actual?.toString()).toBe('47.5');
    const entries = await t.db.prisma.auditLog.findMany({ where: { action: 'plan.target.actual', subjectId: id } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorEmail: COORDINATOR.email,
      subjectType: 'PlanTarget',
      before: { indicator: 1, year: 2016, actual: null },
      after: { indicator: 1, year: 2016, actual: '47.5' },
      reason: 'Отчёт Минтруда за 2016 год',
    });
  });

  it('corrects a value, and saving the same value again changes nothing and is not audited', async () => {
    const id = await targetId(2, 2016);
    expect((await set({ targetId: id, actual: '58' })).data).toMatchObject({ actual: '58', status: 'NOT_MET' });
    expect((await set({ targetId: id, actual: 61 })).data).toMatchObject({ actual: '61', status: 'MET' });
    const entries = await t.db.prisma.auditLog.findMany({ where: { action: 'plan.target.actual', subjectId: id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.before, entry.after, entry.reason])).toEqual([
      [{ indicator: 2, year: 2016, actual: null }, { indicator: 2, year: 2016, actual: '58' }, null],
      [{ indicator: 2, year: 2016, actual: '58' }, { indicator: 2, year: 2016, actual: '61' }, null],
    ]);
    const before = await state();
    expect((await set({ targetId: id, actual: '61.00' })).data).toMatchObject({ actual: '61', status: 'MET' });
    expect(await state()).toEqual(before);
  });

  it('clears a value with an explicit null, audited with the reason', async () => {
    const id = await targetId(3, 2016);
    await set({ targetId: id, actual: '4' });
    const result = await set({ targetId: id, actual: null, reason: 'Введено по ошибке' });
    expect(result.data).toMatchObject({ actual: null, status: 'NO_DATA' });
    expect((await t.db.prisma.planTarget.findUniqueOrThrow({ where: { id: Number(id) } })).actual).toBeNull();
    const last = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'plan.target.actual', subjectId: id }, orderBy: { id: 'desc' } });
    expect(last).toMatchObject({ before: { actual: '4' }, after: { actual: null }, reason: 'Введено по ошибке' });
  });

  it('refuses bad values with a Russian message and changes nothing', async () => {
    const percent = await targetId(1, 2017);
    const regions = await targetId(2, 2017);
    await set({ targetId: percent, actual: '46' });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ targetId: percent, actual: '-1' }, 'ValidationError', 'Фактическое значение не может быть отрицательным.'],
      [{ targetId: percent, actual: '100.01' }, 'ValidationError', 'Значение в процентах не может быть больше 100.'],
      [{ targetId: percent, actual: '47.125' }, 'ValidationError', 'Укажите не больше двух знаков после запятой, например 47,25.'],
      [{ targetId: regions, actual: '60.5' }, 'ValidationError', 'Показатель считается в единицах («число субъектов»): введите целое число.'],
      [{ targetId: regions, actual: '1000000000000' }, 'ValidationError', 'Слишком большое значение: проверьте, не набраны ли лишние цифры.'],
      [{ targetId: percent }, 'ValidationError', 'Укажите фактическое значение (или пустое значение, чтобы очистить его).'],
      [{ targetId: percent, actual: '47', reason: 'ы'.repeat(2001) }, 'ValidationError', 'Причина слишком длинная: не больше 2000 знаков.'],
      [{ targetId: '999999', actual: '47' }, 'NotFoundError', 'Целевое значение не найдено: возможно, план был переимпортирован. Обновите страницу.'],
      [{ targetId: 'abc', actual: '47' }, 'NotFoundError', 'Целевое значение не найдено: обновите страницу.'],
    ];
    const before = await state();
    for (const [input, typename, message] of cases) {
      const result = await set(input);
      expect(result, JSON.stringify(input).slice(0, 80)).toMatchObject({ __typename: typename, message });
      if (typename === 'ValidationError') expect(result.fieldErrors[0].path).toMatch(/^(actual|reason)$/);
    }
    // The Decimal scalar itself refuses a comma (the console converts «50,5» before sending).
    const comma = await t.gql(SET, { input: { targetId: percent, actual: '50,5' } }, { cookie: coordinator });
    expect(comma.errors?.[0]?.message).toContain('Ожидается число (с точкой в качестве разделителя).');
    expect(await state()).toEqual(before);
    expect((await t.db.prisma.planTarget.findUniqueOrThrow({ where: { id: Number(percent) } })).actual?.toString()).toBe('46');
  });

  it('audits two coordinators saving the same target at once as a chain (the second sees the first)', async () => {
    const id = await targetId(3, 2018);
    const results = await Promise.all([set({ targetId: id, actual: '5' }), set({ targetId: id, actual: '6' })]);
    expect(results.map((result) => result.__typename)).toEqual(['MutationSetPlanTargetActualSuccess', 'MutationSetPlanTargetActualSuccess']);
    const entries = await t.db.prisma.auditLog.findMany({ where: { action: 'plan.target.actual', subjectId: id }, orderBy: { id: 'asc' } });
    expect(entries).toHaveLength(2);
    expect((entries[0]!.before as any).actual).toBeNull();
    expect((entries[1]!.before as any).actual).toBe((entries[0]!.after as any).actual);
    const stored = (await t.db.prisma.planTarget.findUniqueOrThrow({ where: { id: Number(id) } })).actual?.toString();
    expect(stored).toBe((entries[1]!.after as any).actual);
    await set({ targetId: id, actual: null });
  });

  it('accepts the edges: 0, exactly 100 for «%», two decimals', async () => {
    const id = await targetId(1, 2018);
    expect((await set({ targetId: id, actual: '0' })).data).toMatchObject({ actual: '0', status: 'NOT_MET' });
    expect((await set({ targetId: id, actual: '100' })).data).toMatchObject({ actual: '100', status: 'MET' });
    expect((await set({ targetId: id, actual: '44.99' })).data).toMatchObject({ actual: '44.99', status: 'NOT_MET' });
  });
});

describe('PlanTarget.status', () => {
  it('is computed the same way in the service and the API for value and range targets', () => {
    const range = { targetMin: '45', targetMax: '50' };
    const value = { targetMin: '60', targetMax: '60' };
    expect(planTargetStatus({ ...range, actual: null })).toBe('NO_DATA');
    expect(planTargetStatus({ ...range, actual: '44.99' })).toBe('NOT_MET');
    expect(planTargetStatus({ ...range, actual: '45' })).toBe('MET');
    expect(planTargetStatus({ ...range, actual: '50' })).toBe('MET');
    expect(planTargetStatus({ ...range, actual: '55' })).toBe('MET');
    expect(planTargetStatus({ ...value, actual: '59' })).toBe('NOT_MET');
    expect(planTargetStatus({ ...value, actual: '60' })).toBe('MET');
    expect(planTargetStatus({ ...value, actual: '0' })).toBe('NOT_MET');
  });

  it('is readable by anyone (regional portals) beside targets and actuals', async () => {
    const result = await t.gql(`{ allPlanIndicators { number targets { year targetMin targetMax isRange actual status } } }`);
    expect(result.errors).toBeUndefined();
    const rows = result.data.allPlanIndicators.flatMap((indicator: any) =>
      indicator.targets.map(
        (target: any) => `${indicator.number}/${target.year}: ${target.targetMin}–${target.targetMax} ${target.actual ?? '—'} ${target.status}`,
      ),
    );
    expect(rows).toEqual([
      '1/2016: 45–50 47.5 MET',
      '1/2017: 45–50 46 MET',
      '1/2018: 45–50 44.99 NOT_MET',
      '2/2016: 60–60 61 MET',
      '2/2017: 70–70 — NO_DATA',
      '2/2018: 83–83 — NO_DATA',
      '3/2016: 4–4 — NO_DATA',
      '3/2017: 4–4 — NO_DATA',
      '3/2018: 4–4 — NO_DATA',
    ]);
  });
});

describe('re-importing the plan', () => {
  it('keeps the actual values entered through the API, and their status', async () => {
    const before = await t.gql(`{ allPlanIndicators { targets { id actual status } } }`);
    const report = await importPlanFile(t.db.prisma, path.join(seedDocumentsDir, 'federal-plan-2016-2018.txt'));
    expect(report).toMatchObject({ created: 0, updated: 0, deleted: 0 });
    const after = await t.gql(`{ allPlanIndicators { targets { id actual status } } }`);
    expect(after.data).toEqual(before.data);
    expect(JSON.stringify(after.data)).toContain('"actual":"47.5","status":"MET"');
  });
});
