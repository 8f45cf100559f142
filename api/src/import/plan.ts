// Imports a parsed federal plan (planDocument.ts reads the document) in one transaction: rows are
// matched by plan code, indicator number, target year and activity number, so a second import changes
// nothing, and actual values entered on targets survive every re-import. Each activity keeps whether its
// number and its owners were printed in the document or inferred by the parser (numberPrinted,
// ownersInherited).
import { readFile } from 'node:fs/promises';
import type { Db, Tx } from '../db/client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import {
  type ParsedActivity,
  type ParsedIndicator,
  type ParsedPlan,
  parsePlanDocument,
  PlanDocumentError,
  validateParsedPlan,
} from './planDocument.ts';

/** Every row of the plan counts once in created, updated, unchanged or deleted. */
export interface PlanImportReport {
  plan: { id: number; code: string; title: string };
  indicators: number;
  targets: number;
  /** Top-level activities. */
  activities: number;
  /** Sub-items of activities. */
  subItems: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows of this plan that the document no longer has (removed). */
  deleted: number;
}

type Counts = { created: number; updated: number; unchanged: number; deleted: number };

const sameDecimal = (a: Prisma.Decimal | null, b: string) => a?.equals(new Prisma.Decimal(b)) === true;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/**
 * Writes the plan in one transaction, matching rows by plan code, indicator number, target year and
 * activity number. Rows equal to the document are left alone, so a second import changes nothing.
 * Actual values entered on targets are never touched. Rows the document no longer has are deleted,
 * except targets holding an actual value: then the import is refused and nothing is written.
 */
export async function importPlan(prisma: Db, plan: ParsedPlan): Promise<PlanImportReport> {
  validateParsedPlan(plan);
  return prisma.$transaction(
    async (tx) => {
      const counts: Counts = { created: 0, updated: 0, unchanged: 0, deleted: 0 };
      const planRow = await writePlan(tx, plan, counts);
      await writeIndicators(tx, planRow.id, plan.indicators, counts);
      await writeActivities(tx, planRow.id, plan.activities, counts);
      return {
        plan: { id: planRow.id, code: planRow.code, title: planRow.title },
        indicators: plan.indicators.length,
        targets: plan.indicators.reduce((sum, indicator) => sum + indicator.targets.length, 0),
        activities: plan.activities.length,
        subItems: plan.activities.reduce((sum, activity) => sum + activity.items.length, 0),
        ...counts,
      };
    },
    { timeout: 120_000 },
  );
}

async function writePlan(tx: Tx, plan: ParsedPlan, counts: Counts) {
  const data = { title: plan.title, yearFrom: plan.yearFrom, yearTo: plan.yearTo, approvedBy: plan.approvedBy };
  const existing = await tx.plan.findUnique({ where: { code: plan.code } });
  if (!existing) {
    counts.created++;
    return tx.plan.create({ data: { code: plan.code, ...data } });
  }
  if (
    existing.title === data.title &&
    existing.yearFrom === data.yearFrom &&
    existing.yearTo === data.yearTo &&
    existing.approvedBy === data.approvedBy
  ) {
    counts.unchanged++;
    return existing;
  }
  counts.updated++;
  return tx.plan.update({ where: { id: existing.id }, data });
}

async function writeIndicators(tx: Tx, planId: number, indicators: ParsedIndicator[], counts: Counts): Promise<void> {
  const existing = await tx.planIndicator.findMany({ where: { planId }, include: { targets: true } });
  const byNumber = new Map(existing.map((row) => [row.number, row]));

  // Refuse before writing anything if a row to be removed carries an actual value.
  const documentNumbers = new Set(indicators.map((i) => i.number));
  const lost: string[] = [];
  for (const row of existing) {
    const documentYears = documentNumbers.has(row.number)
      ? new Set(indicators.find((i) => i.number === row.number)!.targets.map((t) => t.year))
      : new Set<number>();
    for (const target of row.targets) {
      if (!documentYears.has(target.year) && target.actual !== null) lost.push(`показатель ${row.number}, ${target.year} г.`);
    }
  }
  if (lost.length > 0) {
    throw new PlanDocumentError(
      `В документе нет целевых значений, для которых уже введены фактические значения (${lost.join('; ')}). Импорт отменен, ничего не изменено.`,
    );
  }

  for (const indicator of indicators) {
    const data = { name: indicator.name, unit: indicator.unit, baseYear: indicator.baseYear, baseValue: new Prisma.Decimal(indicator.baseValue) };
    const row = byNumber.get(indicator.number);
    let indicatorId: number;
    let targets: { id: number; year: number; targetMin: Prisma.Decimal; targetMax: Prisma.Decimal }[] = [];
    if (!row) {
      counts.created++;
      indicatorId = (await tx.planIndicator.create({ data: { planId, number: indicator.number, ...data } })).id;
    } else {
      indicatorId = row.id;
      targets = row.targets;
      if (row.name === data.name && row.unit === data.unit && row.baseYear === data.baseYear && sameDecimal(row.baseValue, indicator.baseValue)) {
        counts.unchanged++;
      } else {
        counts.updated++;
        await tx.planIndicator.update({ where: { id: row.id }, data });
      }
    }
    const byYear = new Map(targets.map((t) => [t.year, t]));
    for (const target of indicator.targets) {
      const existingTarget = byYear.get(target.year);
      // `actual` is deliberately absent: it is entered later and must survive re-imports.
      const values = { targetMin: new Prisma.Decimal(target.min), targetMax: new Prisma.Decimal(target.max) };
      if (!existingTarget) {
        counts.created++;
        await tx.planTarget.create({ data: { indicatorId, year: target.year, ...values } });
      } else if (sameDecimal(existingTarget.targetMin, target.min) && sameDecimal(existingTarget.targetMax, target.max)) {
        counts.unchanged++;
      } else {
        counts.updated++;
        await tx.planTarget.update({ where: { id: existingTarget.id }, data: values });
      }
    }
    const documentYears = new Set(indicator.targets.map((t) => t.year));
    const staleTargets = targets.filter((t) => !documentYears.has(t.year)).map((t) => t.id);
    if (staleTargets.length > 0) counts.deleted += (await tx.planTarget.deleteMany({ where: { id: { in: staleTargets } } })).count;
  }
  const staleIndicators = existing.filter((row) => !documentNumbers.has(row.number));
  if (staleIndicators.length > 0) {
    counts.deleted += staleIndicators.reduce((sum, row) => sum + row.targets.length, 0);
    counts.deleted += (await tx.planIndicator.deleteMany({ where: { id: { in: staleIndicators.map((row) => row.id) } } })).count;
  }
}

async function writeActivities(tx: Tx, planId: number, activities: ParsedActivity[], counts: Counts): Promise<void> {
  const existing = await tx.planActivity.findMany({ where: { planId } });
  const byNumber = new Map(existing.map((row) => [row.number, row]));
  const seen = new Set<string>();
  let position = 0;

  const write = async (activity: ParsedActivity, parentId: number | null): Promise<number> => {
    seen.add(activity.number);
    const data = {
      parentId,
      position: position++,
      title: activity.title,
      form: activity.form,
      schedule: activity.schedule,
      owners: activity.owners,
      level: activity.level,
      numberPrinted: activity.numbered,
      ownersInherited: activity.ownersInherited,
    };
    const row = byNumber.get(activity.number);
    if (!row) {
      counts.created++;
      return (await tx.planActivity.create({ data: { planId, number: activity.number, ...data } })).id;
    }
    const same =
      row.parentId === data.parentId &&
      row.position === data.position &&
      row.title === data.title &&
      row.form === data.form &&
      row.schedule === data.schedule &&
      sameList(row.owners, data.owners) &&
      row.level === data.level &&
      row.numberPrinted === data.numberPrinted &&
      row.ownersInherited === data.ownersInherited;
    if (same) counts.unchanged++;
    else {
      counts.updated++;
      await tx.planActivity.update({ where: { id: row.id }, data });
    }
    return row.id;
  };

  for (const activity of activities) {
    const id = await write(activity, null);
    for (const item of activity.items) await write(item, id);
  }
  const stale = existing.filter((row) => !seen.has(row.number)).map((row) => row.id);
  // Every stale sub-item is in `stale` too (its number is not in the document), so the count is exact.
  if (stale.length > 0) counts.deleted += (await tx.planActivity.deleteMany({ where: { id: { in: stale } } })).count;
}

/** Reads the plan document (UTF-8) and imports it. */
export async function importPlanFile(prisma: Db, path: string): Promise<PlanImportReport> {
  return importPlan(prisma, parsePlanDocument(await readFile(path, 'utf8')));
}
