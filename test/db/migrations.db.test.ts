// The committed migrations apply as the Prisma CLI applies them — on PGlite, and on PostgreSQL in
// the db-postgresql project.
import { createHash } from 'node:crypto';
import { expect, it, vi } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { applyMigrations, loadMigrationList, migrationsUpToDate } from '../../api/src/db/migrations.ts';
import { createTestDatabase } from '../helpers/db.ts';

async function withBlankDatabase(run: (db: Database) => Promise<void>): Promise<void> {
  const db = await createTestDatabase({ contents: 'blank' });
  try {
    await run(db);
  } finally {
    await db.close();
  }
}

it(
  'applies every migration once, recording them as the Prisma CLI does',
  () =>
    withBlankDatabase(async (db) => {
      const all = (await loadMigrationList()).migrationDirectories.map((directory) => directory.path);
      expect(await applyMigrations(db.adapterFactory)).toEqual(all);
      expect(await applyMigrations(db.adapterFactory)).toEqual([]);
      const recorded = await db.prisma.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
      );
      expect(recorded.map((row) => row.migration_name)).toEqual(all);
    }),
  120_000,
);

it(
  'knows without the schema engine when every migration is applied as committed',
  () =>
    withBlankDatabase(async (db) => {
      const list = await loadMigrationList();
      expect(await migrationsUpToDate(db.adapterFactory, list)).toBe(false);
      await applyMigrations(db.adapterFactory);
      expect(await migrationsUpToDate(db.adapterFactory, list)).toBe(true);

      const last = list.migrationDirectories.at(-1)!;
      const content = last.migrationFile.content;
      const checksum = createHash('sha256')
        .update(content.tag === 'ok' ? content.value : '')
        .digest('hex');
      // A migration file edited after it was applied: the engine must see it.
      await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = 'edited' WHERE migration_name = $1`, last.path);
      expect(await migrationsUpToDate(db.adapterFactory, list)).toBe(false);
      await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET checksum = $1 WHERE migration_name = $2`, checksum, last.path);
      expect(await migrationsUpToDate(db.adapterFactory, list)).toBe(true);
      // A migration that failed half-way: the engine must report it.
      await db.prisma.$executeRawUnsafe(`UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = $1`, last.path);
      expect(await migrationsUpToDate(db.adapterFactory, list)).toBe(false);
    }),
  120_000,
);

it('applies migrations to two databases at once, from two copies of the module (as a test runner loads it)', async () => {
  vi.resetModules();
  const copy: typeof import('../../api/src/db/migrations.ts') = await import('../../api/src/db/migrations.ts');
  expect(copy.applyMigrations).not.toBe(applyMigrations);
  const [first, second] = await Promise.all([createTestDatabase({ contents: 'blank' }), createTestDatabase({ contents: 'blank' })]);
  try {
    const all = (await loadMigrationList()).migrationDirectories.map((directory) => directory.path);
    expect(await Promise.all([applyMigrations(first.adapterFactory), copy.applyMigrations(second.adapterFactory)])).toEqual([all, all]);
  } finally {
    await Promise.all([first.close(), second.close()]);
  }
}, 120_000);
