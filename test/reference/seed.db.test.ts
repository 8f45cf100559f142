// Reference data is loaded at every start: a restart must only read it, and a changed row is put back.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { measureTypeGroups } from '../../api/src/reference/measureTypes.ts';
import { regions } from '../../api/src/reference/regions.ts';
import { seedReferenceData } from '../../api/src/reference/seed.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database;
const statements: string[] = [];
const writes = () => statements.filter((sql) => /^\s*(INSERT|UPDATE|DELETE)/i.test(sql));

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (sql) => statements.push(sql) });
});
afterAll(() => db.close());

it('fills an empty database, then writes nothing when nothing changed', async () => {
  const counts = await seedReferenceData(db.prisma);
  expect(counts).toMatchObject({ regions: 89, spheres: 5 });
  expect(writes().length).toBeGreaterThanOrEqual(89);
  expect(await db.prisma.region.count()).toBe(89);

  statements.length = 0;
  await seedReferenceData(db.prisma);
  expect(writes()).toEqual([]);
});

it('puts back a region that was changed, and only that one', async () => {
  const altai = regions.find((region) => region.code === 'RU-AL')!;
  await db.prisma.region.update({ where: { code: 'RU-AL' }, data: { name: 'Искажённое имя', aliases: [] } });
  statements.length = 0;
  await seedReferenceData(db.prisma);
  expect(writes()).toHaveLength(1);
  expect(await db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-AL' } })).toMatchObject({ name: altai.name, aliases: altai.aliases });
});

it('corrects an existing database whose measure types still hold the old wording (issue 14, point 6)', async () => {
  // The texts as they were before they were made equal to seed 000.
  await db.prisma.measureType.update({ where: { code: 'other' }, data: { help: 'Для мер, которые нельзя отнести к другим категориям.' } });
  await db.prisma.measureType.update({
    where: { code: 'management_decisions' },
    data: {
      help: 'Например, изменение порядка включения/исключения организации из реестра поставщиков социальных услуг с учетом результатов НОК и пр.',
    },
  });
  statements.length = 0;
  await seedReferenceData(db.prisma);
  expect(writes()).toHaveLength(2);
  const stored = new Map((await db.prisma.measureType.findMany()).map((type) => [type.code, type]));
  for (const type of measureTypeGroups.flatMap((group) => group.types)) {
    expect(stored.get(type.code)).toMatchObject({ name: type.name, help: type.help });
  }
  expect(stored.get('other')?.help).toBe('для мер, которые нельзя отнести к другим категориям');
});
