// The migration that adds PlanActivity.numberPrinted and ownersInherited (issue 14, point 6) fills them
// for a plan imported before it: an importer-given number ("1.6а") was not printed, and the sub-items
// of the shipped plan's activity 1 share its merged owners cell. Other plans keep the defaults.
import { expect, it } from 'vitest';
import { applyMigrations, loadMigrationList } from '../../api/src/db/migrations.ts';
import { createTestDatabase } from '../helpers/db.ts';

const migration = 'plan_activity_provenance';

it('fills numberPrinted and ownersInherited for activities imported before the migration', async () => {
  const db = await createTestDatabase({ contents: 'blank' });
  try {
    const list = await loadMigrationList();
    const index = list.migrationDirectories.findIndex((directory) => directory.path.endsWith(`_${migration}`));
    expect(index).toBeGreaterThan(0);
    await applyMigrations(db.adapterFactory, { ...list, migrationDirectories: list.migrationDirectories.slice(0, index) });

    const run = (sql: string) => db.prisma.$executeRawUnsafe(sql);
    await run(`INSERT INTO "Plan" (id, code, title, "yearFrom", "yearTo") VALUES
      (1, 'mintrud-nok-2016-2018', 'План', 2016, 2018), (2, 'other-plan', 'Другой план', 2019, 2020)`);
    await run(`INSERT INTO "PlanActivity" (id, "planId", "parentId", number, position, title, owners, level) VALUES
      (1, 1, NULL, '1', 0, 'Мероприятие 1', ARRAY['А', 'Б'], 'FEDERAL'),
      (2, 1, 1, '1.1', 1, 'Подпункт', ARRAY['А', 'Б'], 'FEDERAL'),
      (3, 1, 1, '1.6а', 2, 'Подпункт без номера', ARRAY['А', 'Б'], 'FEDERAL'),
      (4, 1, NULL, '6', 3, 'Мероприятие 6', ARRAY['В'], 'FEDERAL'),
      (5, 1, 4, '6.1', 4, 'Свои исполнители', ARRAY['В'], 'FEDERAL'),
      (6, 2, NULL, '1', 0, 'Другое', ARRAY['Г'], 'FEDERAL'),
      (7, 2, 6, '1.1', 1, 'Другое', ARRAY['Г'], 'FEDERAL')`);

    expect(await applyMigrations(db.adapterFactory, list)).toContain(list.migrationDirectories[index]!.path);
    const rows = await db.prisma.planActivity.findMany({
      orderBy: { id: 'asc' },
      select: { planId: true, number: true, numberPrinted: true, ownersInherited: true },
    });
    expect(rows).toEqual([
      { planId: 1, number: '1', numberPrinted: true, ownersInherited: false },
      { planId: 1, number: '1.1', numberPrinted: true, ownersInherited: true },
      { planId: 1, number: '1.6а', numberPrinted: false, ownersInherited: true },
      { planId: 1, number: '6', numberPrinted: true, ownersInherited: false },
      { planId: 1, number: '6.1', numberPrinted: true, ownersInherited: false },
      { planId: 2, number: '1', numberPrinted: true, ownersInherited: false },
      { planId: 2, number: '1.1', numberPrinted: true, ownersInherited: false },
    ]);
  } finally {
    await db.close();
  }
}, 120_000);
