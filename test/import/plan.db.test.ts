// Importing the federal plan (seed 001) into a database: counts, idempotency, actual values that
// survive re-imports, and refusals that leave the database as it was.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { importPlan, importPlanFile } from '../../api/src/import/plan.ts';
import { parsePlanDocument, PlanDocumentError, type ParsedPlan } from '../../api/src/import/planDocument.ts';
import { createTestDatabase } from '../helpers/db.ts';

const seedPath = fileURLToPath(new URL('../../prisma/seeds/federal-plan-2016-2018.txt', import.meta.url));
const code = 'mintrud-nok-2016-2018';
const rowsInDocument = 1 + 3 + 9 + 35; // plan, indicators, targets, activities with sub-items

let db: Database;
let dir: string;
let text: string;

beforeAll(async () => {
  db = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'plan-import-'));
  text = await readFile(seedPath, 'utf8');
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Everything the import writes, in a comparable form (Decimals as strings). */
async function snapshot() {
  const plans = await db.prisma.plan.findMany({
    orderBy: { id: 'asc' },
    include: {
      indicators: { orderBy: { number: 'asc' }, include: { targets: { orderBy: { year: 'asc' } } } },
      activities: { orderBy: { position: 'asc' } },
    },
  });
  return JSON.parse(JSON.stringify(plans)) as unknown;
}

async function target(indicator: number, year: number) {
  return db.prisma.planTarget.findFirstOrThrow({ where: { year, indicator: { number: indicator, plan: { code } } } });
}

async function writeDocument(name: string, content: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content, 'utf8');
  return path;
}

function clonePlan(): ParsedPlan {
  return structuredClone(parsePlanDocument(text));
}

describe('importPlan', () => {
  it('refuses a document with a broken indicator table and writes nothing', async () => {
    // Indicator 2 loses its 2018 value: the number of the next row would be read as that value.
    const path = await writeDocument('broken.txt', text.replace('\t70\n\t83\n', '\t70\n'));
    const error = await importPlanFile(db.prisma, path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlanDocumentError);
    expect((error as Error).message).toContain('Таблица целевых показателей: показатель 2, 2018 г.: ожидалось число или диапазон');
    expect(await db.prisma.plan.count()).toBe(0);
    expect(await db.prisma.planIndicator.count()).toBe(0);
    expect(await db.prisma.planActivity.count()).toBe(0);
  });

  it('imports the plan: 3 indicators, 9 targets, 18 activities and 17 sub-items', async () => {
    const report = await importPlanFile(db.prisma, seedPath);
    expect(report).toMatchObject({
      plan: { code, title: expect.stringMatching(/^План Министерства труда и социальной защиты Российской Федерации/) },
      indicators: 3,
      targets: 9,
      activities: 18,
      subItems: 17,
      created: rowsInDocument,
      updated: 0,
      unchanged: 0,
      deleted: 0,
    });

    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { code } });
    expect(plan).toMatchObject({ yearFrom: 2016, yearTo: 2018, approvedBy: 'Приказ Минтруда России от … февраля 2016 года № …' });
    expect(await db.prisma.planIndicator.count({ where: { planId: plan.id } })).toBe(3);
    expect(await db.prisma.planTarget.count({ where: { indicator: { planId: plan.id } } })).toBe(9);
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id, parentId: null } })).toBe(18);
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id, parentId: { not: null } } })).toBe(17);
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id, level: 'FEDERAL' } })).toBe(29);
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id, level: 'REGIONAL' } })).toBe(6);

    const first = await db.prisma.planIndicator.findFirstOrThrow({ where: { planId: plan.id, number: 1 } });
    expect(first).toMatchObject({ unit: '%', baseYear: 2015 });
    expect(first.baseValue.toString()).toBe('50.5');
    const range = await target(1, 2017);
    expect([range.targetMin.toString(), range.targetMax.toString(), range.actual]).toEqual(['45', '50', null]);
    const single = await target(2, 2018);
    expect([single.targetMin.toString(), single.targetMax.toString()]).toEqual(['83', '83']);

    const parent = await db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: '1' } } });
    const unnumbered = await db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: '1.6а' } } });
    expect(unnumbered).toMatchObject({ parentId: parent.id, schedule: 'III квартал 2017 г.', owners: parent.owners, level: 'FEDERAL' });
    const items = await db.prisma.planActivity.findMany({ where: { parentId: parent.id }, orderBy: { position: 'asc' } });
    expect(items.map((a) => a.number)).toEqual(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.6а', '1.7', '1.8', '1.9', '1.10', '1.11']);
    const last = await db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: '18' } } });
    expect(last).toMatchObject({ parentId: null, level: 'REGIONAL', schedule: 'ежеквартально', form: 'Протокол совещания' });
    expect(last.owners).toEqual(['Вовченко А.В.', 'Ельцова Л.Ю.', 'Петрова С.В.', 'Колбанов В.Ф.']);
    const six = await db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: '6' } } });
    expect(six.form).toBeNull();
  });

  it('stores which numbers and owners the document prints and which the parser inferred', async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { code } });
    const rows = await db.prisma.planActivity.findMany({ where: { planId: plan.id }, orderBy: { position: 'asc' } });
    expect(rows).toHaveLength(35);
    // Only «1.6а» has no number in the document.
    expect(rows.filter((row) => !row.numberPrinted).map((row) => row.number)).toEqual(['1.6а']);
    // The owners cell of 1 is merged over all its sub-items (1.6а included); 6.1–6.5 name their own.
    const inherited = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.6а', '1.7', '1.8', '1.9', '1.10', '1.11'];
    expect(rows.filter((row) => row.ownersInherited).map((row) => row.number)).toEqual(inherited);
    for (const number of ['6.1', '6.2', '6.3', '6.4', '6.5']) {
      expect(rows.find((row) => row.number === number)).toMatchObject({ numberPrinted: true, ownersInherited: false });
    }
  });

  it('changes nothing when the same document is imported again', async () => {
    const before = await snapshot();
    const report = await importPlanFile(db.prisma, seedPath);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: rowsInDocument, deleted: 0 });
    expect(await snapshot()).toEqual(before);
  });

  it('keeps actual values entered between imports', async () => {
    const t1 = await target(1, 2016);
    const t2 = await target(2, 2016);
    await db.prisma.planTarget.update({ where: { id: t1.id }, data: { actual: '47.3' } });
    await db.prisma.planTarget.update({ where: { id: t2.id }, data: { actual: 58 } });
    const before = await snapshot();

    const report = await importPlanFile(db.prisma, seedPath);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: rowsInDocument, deleted: 0 });
    expect(await snapshot()).toEqual(before);
    expect((await target(1, 2016)).actual?.toString()).toBe('47.3');
    expect((await target(2, 2016)).actual?.toString()).toBe('58');
  });

  it('restores rows edited in the database, still keeping actual values', async () => {
    const t2 = await target(2, 2016);
    await db.prisma.planTarget.update({ where: { id: t2.id }, data: { targetMin: 55, targetMax: 65 } });
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { code } });
    await db.prisma.planActivity.update({
      where: { planId_number: { planId: plan.id, number: '13' } },
      data: { title: 'Изменено вручную', owners: [] },
    });

    const report = await importPlanFile(db.prisma, seedPath);
    expect(report).toMatchObject({ created: 0, updated: 2, unchanged: rowsInDocument - 2, deleted: 0 });
    const restored = await target(2, 2016);
    expect([restored.targetMin.toString(), restored.targetMax.toString(), restored.actual?.toString()]).toEqual(['60', '60', '58']);
    const thirteen = await db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number: '13' } } });
    expect(thirteen.title).toMatch(/^Проведение видеоселекторных совещаний/);
    expect(thirteen.owners).toEqual(['Вовченко А.В.', 'Петрова С.В.', 'Китин А.Г.']);
  });

  it('puts back provenance changed in the database on re-import, still keeping actual values', async () => {
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { code } });
    await db.prisma.planActivity.update({ where: { planId_number: { planId: plan.id, number: '1.6а' } }, data: { numberPrinted: true } });
    await db.prisma.planActivity.update({ where: { planId_number: { planId: plan.id, number: '1.3' } }, data: { ownersInherited: false } });
    await db.prisma.planActivity.update({ where: { planId_number: { planId: plan.id, number: '6.2' } }, data: { ownersInherited: true } });

    const report = await importPlanFile(db.prisma, seedPath);
    expect(report).toMatchObject({ created: 0, updated: 3, unchanged: rowsInDocument - 3, deleted: 0 });
    const row = (number: string) => db.prisma.planActivity.findUniqueOrThrow({ where: { planId_number: { planId: plan.id, number } } });
    expect(await row('1.6а')).toMatchObject({ numberPrinted: false, ownersInherited: true });
    expect(await row('1.3')).toMatchObject({ numberPrinted: true, ownersInherited: true });
    expect(await row('6.2')).toMatchObject({ numberPrinted: true, ownersInherited: false });
    expect((await target(1, 2016)).actual?.toString()).toBe('47.3');
    expect((await target(2, 2016)).actual?.toString()).toBe('58');
  });

  it('removes rows the document no longer has, and brings them back with the full document', async () => {
    const shorter = clonePlan();
    shorter.activities[0]!.items.pop(); // 1.11
    shorter.activities.pop(); // 18
    shorter.indicators[2]!.targets.pop(); // indicator 3, 2018 (no actual value)
    const report = await importPlan(db.prisma, shorter);
    // Positions follow the document order, so the 21 activities after 1.11 (2–17, 6.1–6.5) move up by one.
    expect(report).toMatchObject({
      activities: 17,
      subItems: 16,
      targets: 8,
      created: 0,
      updated: 21,
      unchanged: rowsInDocument - 3 - 21,
      deleted: 3,
    });
    const plan = await db.prisma.plan.findUniqueOrThrow({ where: { code } });
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id } })).toBe(33);

    const again = await importPlanFile(db.prisma, seedPath);
    expect(again).toMatchObject({ created: 3, updated: 21, unchanged: rowsInDocument - 3 - 21, deleted: 0 });
    expect(await db.prisma.planActivity.count({ where: { planId: plan.id } })).toBe(35);
    expect((await target(1, 2016)).actual?.toString()).toBe('47.3');
  });

  it('refuses a document that drops a target holding an actual value, and writes nothing', async () => {
    const before = await snapshot();
    const dropped = clonePlan();
    dropped.title = 'Другое наименование';
    dropped.indicators[1]!.targets.shift(); // indicator 2, 2016: actual 58
    await expect(importPlan(db.prisma, dropped)).rejects.toThrow(
      /нет целевых значений, для которых уже введены фактические значения \(показатель 2, 2016 г\.\)/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('rolls everything back when a write fails half-way', async () => {
    const before = await snapshot();
    const bad = clonePlan();
    bad.title = 'Другое наименование';
    bad.indicators[0]!.name = 'Другой показатель';
    // An invalid level slips past the types and fails in the database, after the plan and indicators were written.
    bad.activities[17]!.level = 'MUNICIPAL' as never;
    await expect(importPlan(db.prisma, bad)).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an inconsistent parsed plan before writing', async () => {
    const bad = clonePlan();
    bad.activities[1]!.number = '1';
    bad.indicators[0]!.targets[0]!.min = '60';
    await expect(importPlan(db.prisma, bad)).rejects.toThrow(
      'План не может быть загружен: показатель 1, 2016 г.: начало диапазона больше конца; мероприятие 1 повторяется.',
    );
  });
});
