// Keeping protocol tasks' occurrences in step with their items (issue 12): one occurrence per
// deadline; a recurring duty's up to the horizon (12 months after the database's date); a standing
// instruction without a deadline gets one undated occurrence. Used by the importer (in its
// transaction) and by the tracking services, which extend recurring duties as the date moves on.
import type { Db, Tx } from '../db/client.ts';
import type { Recurrence } from '../import/protocolDocument.ts';
import { asDateColumn, dateOnly, horizonFrom, occurrenceDates, addMonths, STEP_MONTHS } from './taskSchedule.ts';

/**
 * The database's date: the calendar day in Moscow (the protocols' deadlines are Moscow dates) by the
 * database's clock, or `fake` (tests, a fake clock) when given.
 */
export async function databaseToday(tx: Tx | Db, fake?: string | null): Promise<string> {
  if (fake) return fake;
  const [row] = await tx.$queryRaw<
    { today: string }[]
  >`SELECT to_char((clock_timestamp() AT TIME ZONE 'Europe/Moscow')::date, 'YYYY-MM-DD') AS today`;
  return row!.today;
}

export interface ScheduledItem {
  id: number;
  number: string;
  deadline: Date | null;
  recurrence: Recurrence;
  /** Whether the item is a task without a deadline (a leaf with owners). */
  undatedTask: boolean;
}

export interface OccurrenceChanges {
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  /** Occurrences the schedule no longer has but that carry a status or reports (kept; the caller decides). */
  touched: { itemNumber: string; dueOn: string | null }[];
}

/** The due dates an item should have (null: one undated occurrence); [] when it is no task. */
export function wantedDates(item: Pick<ScheduledItem, 'deadline' | 'recurrence' | 'undatedTask'>, horizon: string): (string | null)[] {
  if (item.deadline) return occurrenceDates(dateOnly(item.deadline), item.recurrence, horizon);
  return item.undatedTask ? [null] : [];
}

/**
 * Brings one item's occurrences to its schedule, matching by sequence (0 = the first deadline):
 * missing ones are created, moved dates updated (status and reports kept), occurrences beyond the
 * schedule deleted when untouched (NOT_STARTED, no reports) and reported in `touched` otherwise.
 * A recurring duty's occurrences past this horizon that fall on its rule (made under a later
 * horizon) are kept.
 */
export async function syncOccurrences(tx: Tx, item: ScheduledItem, horizon: string, changes: OccurrenceChanges): Promise<void> {
  const wanted = wantedDates(item, horizon);
  const existing = await tx.taskOccurrence.findMany({
    where: { itemId: item.id },
    select: { id: true, sequence: true, dueOn: true, status: true, _count: { select: { reports: true } } },
    orderBy: { sequence: 'asc' },
  });
  const bySequence = new Map(existing.map((row) => [row.sequence, row]));
  const create: { itemId: number; sequence: number; dueOn: Date | null }[] = [];
  for (const [sequence, due] of wanted.entries()) {
    const row = bySequence.get(sequence);
    const dueOn = due === null ? null : asDateColumn(due);
    if (!row) create.push({ itemId: item.id, sequence, dueOn });
    else if ((row.dueOn ? dateOnly(row.dueOn) : null) === due) changes.unchanged++;
    else {
      await tx.taskOccurrence.update({ where: { id: row.id }, data: { dueOn } });
      changes.updated++;
    }
  }
  if (create.length > 0) changes.created += (await tx.taskOccurrence.createMany({ data: create })).count;
  const first = item.deadline ? dateOnly(item.deadline) : null;
  const stale = existing.filter((row) => {
    if (row.sequence < wanted.length) return false;
    const onRule =
      first !== null &&
      item.recurrence !== 'NONE' &&
      row.dueOn !== null &&
      dateOnly(row.dueOn) === addMonths(first, row.sequence * STEP_MONTHS[item.recurrence]);
    return !onRule;
  });
  const untouched = stale.filter((row) => row.status === 'NOT_STARTED' && row._count.reports === 0);
  for (const row of stale) {
    if (!untouched.includes(row)) changes.touched.push({ itemNumber: item.number, dueOn: row.dueOn ? dateOnly(row.dueOn) : null });
  }
  if (untouched.length > 0) {
    changes.deleted += (await tx.taskOccurrence.deleteMany({ where: { id: { in: untouched.map((row) => row.id) } } })).count;
  }
}

/**
 * Extends every recurring duty whose occurrences stop short of the horizon (today + 12 months), in
 * one transaction; cheap when nothing is due (one indexed read). Returns how many were created.
 */
export async function extendRecurringOccurrences(prisma: Db, options: { today?: string | null; protocolId?: number } = {}): Promise<number> {
  const today = await databaseToday(prisma, options.today);
  const horizon = horizonFrom(today);
  const behind = await prisma.protocolItem.findMany({
    where: {
      recurrence: { not: 'NONE' },
      deadline: { not: null },
      OR: [{ generatedUntil: null }, { generatedUntil: { lt: asDateColumn(horizon) } }],
      ...(options.protocolId ? { protocolId: options.protocolId } : {}),
    },
    select: { id: true, number: true, deadline: true, recurrence: true },
  });
  if (behind.length === 0) return 0;
  return prisma.$transaction(async (tx) => {
    const changes: OccurrenceChanges = { created: 0, updated: 0, unchanged: 0, deleted: 0, touched: [] };
    for (const item of behind) {
      const wanted = wantedDates({ ...item, undatedTask: false }, horizon);
      const have = await tx.taskOccurrence.findMany({ where: { itemId: item.id }, select: { sequence: true } });
      const known = new Set(have.map((row) => row.sequence));
      const missing = wanted.flatMap((due, sequence) =>
        known.has(sequence) || due === null ? [] : [{ itemId: item.id, sequence, dueOn: asDateColumn(due) }],
      );
      if (missing.length > 0) changes.created += (await tx.taskOccurrence.createMany({ data: missing, skipDuplicates: true })).count;
      await tx.protocolItem.updateMany({
        where: { id: item.id, OR: [{ generatedUntil: null }, { generatedUntil: { lt: asDateColumn(horizon) } }] },
        data: { generatedUntil: asDateColumn(horizon) },
      });
    }
    return changes.created;
  });
}
