// Recurring duties, overdue and reminders on a database with a fake clock (the services take the date
// they count from; without it they read the database's). A protocol of Алтайский край with duties due
// on the 31st (monthly), on 31 August (quarterly) and on 29 February (yearly) shows the month ends.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { importProtocolFile } from '../../api/src/import/protocol.ts';
import { seedReferenceData } from '../../api/src/reference/seed.ts';
import { extendRecurringOccurrences } from '../../api/src/services/protocolSchedule.ts';
import {
  addOwnerContact,
  dueTasksByContact,
  occurrenceWhere,
  protocolProgress,
  reportTaskProgress,
  setTaskStatus,
} from '../../api/src/services/protocols.ts';
import { dateOnly } from '../../api/src/services/taskSchedule.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { MONTH_ENDS_2025 } from '../helpers/monthEnds.ts';

const DOCUMENT = `# ПРОТОКОЛ

совещания у Губернатора Алтайского края по итогам независимой оценки качества

от 10 января 2025 г.

№ 1

ПРЕДСЕДАТЕЛЬСТВОВАЛ

Иванов И.И.

ПРИСУТСТВОВАЛИ:

министр здравоохранения Алтайского края Петров П.П.
министр социальной защиты Алтайского края	Сидорова С.С.

1. Министерству здравоохранения Алтайского края:

1.1. Обеспечить размещение отчётов о ходе выполнения планов.

Срок: 31 января 2025 г., далее – ежемесячно.

1.2. Обеспечить проведение мониторинга сайтов.

Срок: 31 августа 2025 г., далее – ежеквартально.

2. Министерству социальной защиты Алтайского края обеспечить представление сводных сведений.

Срок: 29 февраля 2024 г., далее – ежегодно.

Контроль за исполнением настоящего протокола возложить на Министерство здравоохранения Алтайского края.

Губернатор Алтайского края

В. Томенко
`;

const coordinator = { id: 'test', email: 'coordinator@vcot.example' };
let db: Database;
let dir: string;
let file: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  dir = await mkdtemp(join(tmpdir(), 'protocol-services-'));
  file = join(dir, 'altai.txt');
  await writeFile(file, DOCUMENT);
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function dates(itemNumber: string): Promise<string[]> {
  const rows = await db.prisma.taskOccurrence.findMany({ where: { item: { number: itemNumber } }, orderBy: { sequence: 'asc' } });
  return rows.map((row) => dateOnly(row.dueOn!));
}

async function listed(filter: Parameters<typeof occurrenceWhere>[0], today: string): Promise<string[]> {
  const rows = await db.prisma.taskOccurrence.findMany({
    where: occurrenceWhere(filter, today),
    include: { item: { select: { number: true } } },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => `${row.item.number} ${dateOnly(row.dueOn!)}`);
}

describe('recurring duties with a fake clock', () => {
  it('are generated 12 months ahead of the date, month ends kept', async () => {
    const report = await importProtocolFile(db.prisma, file, { today: '2025-01-10' });
    expect(report).toMatchObject({
      protocol: { region: 'RU-ALT', number: '1', date: '2025-01-10' },
      items: 4,
      deadlines: 3,
      recurringDuties: 3,
      horizon: '2026-01-10',
    });
    expect(report.owners.unmatched).toEqual(['Министерство здравоохранения Алтайского края', 'Министерство социальной защиты Алтайского края']);
    expect(await dates('1.1')).toEqual(MONTH_ENDS_2025);
    expect(await dates('1.2')).toEqual(['2025-08-31', '2025-11-30']);
    expect(await dates('2')).toEqual(['2024-02-29', '2025-02-28']);
  });

  it('follow the date: extending later adds what the new horizon reaches, once', async () => {
    expect(await extendRecurringOccurrences(db.prisma, { today: '2025-01-10' })).toBe(0);
    expect(await extendRecurringOccurrences(db.prisma, { today: '2025-06-15' })).toBe(5 + 2 + 1);
    expect(await extendRecurringOccurrences(db.prisma, { today: '2025-06-15' })).toBe(0);
    expect((await dates('1.1')).slice(-6)).toEqual(['2025-12-31', '2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(await dates('1.2')).toEqual(['2025-08-31', '2025-11-30', '2026-02-28', '2026-05-31']);
    expect(await dates('2')).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });
});

describe('overdue with a fake clock', () => {
  it('counts a date as overdue from the day after it, until the task is done', async () => {
    expect(await listed({ overdue: true }, '2025-02-28')).toEqual(['2 2024-02-29', '1.1 2025-01-31']);
    expect(await listed({ overdue: true }, '2025-03-01')).toEqual(['2 2024-02-29', '1.1 2025-01-31', '1.1 2025-02-28', '2 2025-02-28']);
    const [january] = await db.prisma.taskOccurrence.findMany({ where: { item: { number: '1.1' } }, orderBy: { sequence: 'asc' }, take: 1 });
    await setTaskStatus(db.prisma, { coordinator }, { occurrenceId: january!.id, status: 'DONE' });
    expect(await listed({ overdue: true }, '2025-03-01')).toEqual(['2 2024-02-29', '1.1 2025-02-28', '2 2025-02-28']);
    expect(await listed({ dueWithinDays: 30 }, '2025-03-01')).toEqual(['1.1 2025-03-31']);
    expect(await listed({ dueWithinDays: 30, includeOverdue: true, owner: 'здравоохранения' }, '2025-03-01')).toEqual([
      '1.1 2025-02-28',
      '1.1 2025-03-31',
    ]);
    expect(await listed({ dueWithinDays: 30, status: ['DONE'] }, '2025-03-01')).toEqual([]);
    expect(await listed({ status: ['DONE'] }, '2025-03-01')).toEqual(['1.1 2025-01-31']);
    expect(() => occurrenceWhere({ dueWithinDays: -1 }, '2025-03-01')).toThrow('filter.dueWithinDays: Число дней: от 0 до 3660.');
  });

  it('rolls up: item 1 is half done on 1 April once February and March are', async () => {
    const protocol = await db.prisma.protocol.findFirstOrThrow({ where: { number: '1' } });
    const items = new Map((await db.prisma.protocolItem.findMany({ where: { protocolId: protocol.id } })).map((item) => [item.number, item.id]));
    for (const due of ['2025-02-28', '2025-03-31']) {
      const occurrence = await db.prisma.taskOccurrence.findFirstOrThrow({
        where: { itemId: items.get('1.1'), dueOn: new Date(`${due}T00:00:00Z`) },
      });
      await reportTaskProgress(db.prisma, { coordinator }, { occurrenceId: occurrence.id, text: `Отчёт за ${due} размещён`, status: 'DONE' });
    }
    const progress = await protocolProgress(db.prisma, protocol.id, { today: '2025-04-01' });
    // 1.1: January–March due and done (April not yet due); 1.2 not yet due (its first date counts).
    expect(progress.get(items.get('1.1')!)).toEqual({ status: 'DONE', progress: 1, done: 3, total: 3, overdue: 0 });
    expect(progress.get(items.get('1.2')!)).toMatchObject({ status: 'NOT_STARTED', total: 1, overdue: 0 });
    expect(progress.get(items.get('1')!)).toEqual({ status: 'IN_PROGRESS', progress: 0.5, done: 1, total: 2, overdue: 0 });
    expect(progress.get(0)).toMatchObject({ status: 'IN_PROGRESS', progress: 0, done: 0, total: 2, overdue: 2 });
    // On 1 May the April report is missing: 1.1 is no longer done.
    const may = await protocolProgress(db.prisma, protocol.id, { today: '2025-05-01' });
    expect(may.get(items.get('1.1')!)).toEqual({ status: 'IN_PROGRESS', progress: 0.75, done: 3, total: 4, overdue: 1 });
    expect(may.get(items.get('1')!)).toMatchObject({ status: 'IN_PROGRESS', progress: 0, done: 0, total: 2 });
  });
});

describe('reminders with a fake clock', () => {
  it("lists each recorded contact's overdue and upcoming occurrences, and leaves out contacts with nothing due", async () => {
    const [health, social] = await db.prisma.taskOwner.findMany({ orderBy: { name: 'asc' } });
    expect(health!.name).toBe('Министерство здравоохранения Алтайского края');
    await addOwnerContact(db.prisma, coordinator, { ownerId: health!.id, email: 'minzdrav@altai.example', name: 'Отдел качества' });
    await addOwnerContact(db.prisma, coordinator, { ownerId: social!.id, email: 'minsoc@altai.example' });
    const due = await dueTasksByContact(db.prisma, { today: '2025-05-05', withinDays: 30 });
    expect(due.map((c) => c.contact.email)).toEqual(['minzdrav@altai.example', 'minsoc@altai.example']);
    const [minzdrav, minsoc] = due;
    // 1.1: April overdue (5 days late), May due in 26 days; June is past the 30 days.
    expect(minzdrav!.occurrences.map((o) => [o.item.number, o.dueOn, o.overdue, o.daysLeft])).toEqual([
      ['1.1', '2025-04-30', true, -5],
      ['1.1', '2025-05-31', false, 26],
    ]);
    expect(minzdrav).toMatchObject({ total: 2, overdueCount: 1, owner: { regionCode: 'RU-ALT' } });
    // Item 2: 29 February 2024 and 28 February 2025 both overdue.
    expect(minsoc!.occurrences.map((o) => o.dueOn)).toEqual(['2024-02-29', '2025-02-28']);
    // On 1 March, within 10 days: the health ministry has nothing (February and March are done), the
    // social ministry its two overdue dates; once those are done, nobody is left.
    const march = await dueTasksByContact(db.prisma, { today: '2025-03-01', withinDays: 10 });
    expect(march.map((c) => c.contact.email)).toEqual(['minsoc@altai.example']);
    const done = await db.prisma.taskOccurrence.findMany({ where: { item: { number: '2' } } });
    for (const occurrence of done) await setTaskStatus(db.prisma, { coordinator }, { occurrenceId: occurrence.id, status: 'DONE' });
    expect(await dueTasksByContact(db.prisma, { today: '2025-03-01', withinDays: 10 })).toEqual([]);
  });
});
