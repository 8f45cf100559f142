// Importing seed 004 (the protocol of Кабардино-Балкарская Республика of 2 June 2017 № 3) into a
// database with a fake clock: the counts and every deadline checked by hand against the document,
// monthly duties generated to the horizon, idempotency that keeps statuses and reports, owners
// matched to the region's authorities, and refusals that write nothing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { importProtocolFile } from '../../api/src/import/protocol.ts';
import { seedReferenceData } from '../../api/src/reference/seed.ts';
import { reportTaskProgress, setTaskStatus } from '../../api/src/services/protocols.ts';
import { dateOnly } from '../../api/src/services/taskSchedule.ts';
import { createTestDatabase, databaseFingerprint } from '../helpers/db.ts';

const seedPath = fileURLToPath(new URL('../../prisma/seeds/protocol-kbr-2017-06-02-3.txt', import.meta.url));
const TODAY = '2026-12-02';
const coordinator = { coordinator: { id: 'test', email: 'coordinator@vcot.example' } };

let db: Database;
let dir: string;
let text: string;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedReferenceData(db.prisma);
  dir = await mkdtemp(join(tmpdir(), 'protocol-import-'));
  text = await readFile(seedPath, 'utf8');
});
afterAll(async () => {
  await db?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function occurrencesByItem(): Promise<Record<string, string[]>> {
  const rows = await db.prisma.taskOccurrence.findMany({
    include: { item: { select: { number: true } } },
    orderBy: [{ itemId: 'asc' }, { sequence: 'asc' }],
  });
  const result: Record<string, string[]> = {};
  for (const row of rows) result[row.item.number] = [...(result[row.item.number] ?? []), row.dueOn ? dateOnly(row.dueOn) : 'без срока'];
  return result;
}

describe('seed 004', () => {
  it('imports 16 items (5 + 11 sub-items), 11 deadlines, 2 monthly duties, 6 owners, 30 attendees', async () => {
    // An authority registered from a questionnaire, spelt with «КБР»: the owner named in full matches it.
    const region = await db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-KB' } });
    await db.prisma.authority.create({ data: { regionId: region.id, name: 'Министерство здравоохранения КБР' } });

    const report = await importProtocolFile(db.prisma, seedPath, { today: TODAY });
    expect(report).toMatchObject({
      protocol: { region: 'RU-KB', number: '3', date: '2017-06-02' },
      items: 16,
      topLevelItems: 5,
      subItems: 11,
      deadlines: 11,
      recurringDuties: 2,
      tasksWithoutDeadline: 1,
      attendees: 30,
      today: TODAY,
      horizon: '2027-12-02',
      missingRecommendations: [5, 6],
      updated: 0,
      deleted: 0,
    });
    expect(report.owners.matched).toEqual([
      { name: 'Министерство здравоохранения Кабардино-Балкарской Республики', authority: 'Министерство здравоохранения КБР' },
    ]);
    expect(report.owners.unmatched).toHaveLength(5);
    // 9 single deadlines + item 4 (no deadline) + 3.5 monthly from 15.07.2017 to 15.11.2027 (125) + 5.2 from 20.06.2017 to 20.11.2027 (126).
    expect(report.occurrences).toBe(9 + 1 + 125 + 126);

    const byItem = await occurrencesByItem();
    expect(Object.fromEntries(Object.entries(byItem).filter(([n]) => !['3.5', '5.2'].includes(n)))).toEqual({
      '2.1': ['2017-06-15'],
      '2.2': ['2017-06-15'],
      '3.1': ['2017-08-20'],
      '3.2': ['2017-08-30'],
      '3.3': ['2017-09-10'],
      '3.4': ['2017-11-01'],
      '4': ['без срока'],
      '5.1': ['2017-06-20'],
      '5.3': ['2017-09-20'],
      '5.4': ['2017-11-20'],
    });
    expect(byItem['3.5']!.slice(0, 4)).toEqual(['2017-07-15', '2017-08-15', '2017-09-15', '2017-10-15']);
    expect(byItem['3.5']!.at(-1)).toBe('2027-11-15');
    expect(byItem['5.2']!.slice(0, 3)).toEqual(['2017-06-20', '2017-07-20', '2017-08-20']);
    expect(byItem['5.2']!.at(-1)).toBe('2027-11-20');

    const protocol = await db.prisma.protocol.findFirstOrThrow({ include: { region: true } });
    expect(protocol.region.code).toBe('RU-KB');
    expect(protocol.chair).toBe('Ахохов Т.Б.');
    expect(protocol.sourceSha256).toMatch(/^[0-9a-f]{64}$/);
    const owners = await db.prisma.taskOwner.findMany({ orderBy: { id: 'asc' } });
    expect(owners.map((o) => o.name)).toHaveLength(6);
    // Sub-item 3.5 answers to the five ministries of item 3 (inherited).
    const item35 = await db.prisma.protocolItem.findFirstOrThrow({ where: { number: '3.5' }, include: { owners: true, parent: true } });
    expect(item35.parent?.number).toBe('3');
    expect(item35.owners).toHaveLength(5);
    expect(item35.owners.every((o) => o.inherited)).toBe(true);
  });

  it('a second import changes nothing and keeps statuses and reports', async () => {
    const occurrence = await db.prisma.taskOccurrence.findFirstOrThrow({ where: { item: { number: '2.1' } } });
    await setTaskStatus(db.prisma, coordinator, { occurrenceId: occurrence.id, status: 'DONE' });
    const monthly = await db.prisma.taskOccurrence.findFirstOrThrow({ where: { item: { number: '5.2' }, sequence: 3 } });
    await reportTaskProgress(db.prisma, coordinator, {
      occurrenceId: monthly.id,
      text: 'Сводная информация направлена',
      evidenceUrl: 'https://mintrud.kbr.ru/1',
      status: 'IN_PROGRESS',
    });
    const before = await databaseFingerprint(db);

    const again = await importProtocolFile(db.prisma, seedPath, { today: TODAY });
    expect(again).toMatchObject({ created: 0, updated: 0, deleted: 0, occurrences: 261 });
    expect(await databaseFingerprint(db)).toEqual(before);

    // A later date only adds the monthly occurrences the horizon now reaches.
    const later = await importProtocolFile(db.prisma, seedPath, { today: '2027-02-10' });
    expect(later).toMatchObject({ created: 4, updated: 0, deleted: 0, occurrences: 265 });
    expect((await db.prisma.taskOccurrence.findUniqueOrThrow({ where: { id: occurrence.id } })).status).toBe('DONE');
    expect(await db.prisma.taskReport.count({ where: { occurrenceId: monthly.id } })).toBe(1);
    // And an import under the earlier date again keeps them (they fall on the duty's dates).
    expect(await importProtocolFile(db.prisma, seedPath, { today: TODAY })).toMatchObject({ created: 0, deleted: 0, occurrences: 265 });
  });

  it('a document with a broken deadline line is refused with its line, and nothing is written', async () => {
    const before = await databaseFingerprint(db);
    const line = text.split('\n').findIndex((l) => l.startsWith('Срок: 10 сентября 2017 г.')) + 1;
    const file = join(dir, 'broken.txt');
    await writeFile(file, text.replace('Срок: 10 сентября 2017 г.', 'Срок: 10 сентябре 2017'));
    await expect(importProtocolFile(db.prisma, file, { today: TODAY })).rejects.toThrow(new RegExp(`^Строка ${line}: не удалось прочитать срок`));
    expect(line).toBe(161 + 2);
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it('a document that drops a deadline someone reported on is refused whole', async () => {
    const before = await databaseFingerprint(db);
    const file = join(dir, 'dropped.txt');
    // 5.2 stops recurring: its occurrence of 20.09.2017 (reported on above) would go.
    await writeFile(file, text.replace('Срок: 20 июня 2017 г., далее – ежемесячно.', 'Срок: 20 июня 2017 г.'));
    await expect(importProtocolFile(db.prisma, file, { today: TODAY })).rejects.toThrow(
      'Документ убирает сроки, по которым уже есть статус или отчёты (пункт 5.2, срок 2017-09-20). Импорт отменён, ничего не изменено.',
    );
    expect(await databaseFingerprint(db)).toEqual(before);
  });

  it('a moved date keeps the occurrence, its status and reports', async () => {
    const file = join(dir, 'moved.txt');
    await writeFile(file, text.replace('Срок: 20 августа 2017 г.', 'Срок: 21 августа 2017 г.'));
    const occurrence = await db.prisma.taskOccurrence.findFirstOrThrow({ where: { item: { number: '3.1' } } });
    await setTaskStatus(db.prisma, coordinator, { occurrenceId: occurrence.id, status: 'IN_PROGRESS' });
    const report = await importProtocolFile(db.prisma, file, { today: TODAY });
    expect(report).toMatchObject({ deleted: 0 });
    const moved = await db.prisma.taskOccurrence.findUniqueOrThrow({ where: { id: occurrence.id } });
    expect(dateOnly(moved.dueOn!)).toBe('2017-08-21');
    expect(moved.status).toBe('IN_PROGRESS');
  });

  it('the region is read from the document when not given; an unknown code is refused', async () => {
    const before = await databaseFingerprint(db);
    await expect(importProtocolFile(db.prisma, seedPath, { today: TODAY, regionCode: 'RU-XX' })).rejects.toThrow(/Неизвестный код региона «RU-XX»/);
    expect(await databaseFingerprint(db)).toEqual(before);
  });
});
