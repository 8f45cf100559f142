// The committed migrations and prisma/schema.prisma describe the same database.
import { expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { applyMigrations, loadMigrationList, pendingSchemaChange } from '../../api/src/db/migrations.ts';

it('schema.prisma has no change that a migration does not cover (run `npm run migrate:new -- <name>`)', async () => {
  const sql = await pendingSchemaChange();
  expect(sql.replace(/^-- This is an empty migration\.\s*$/m, '').trim()).toBe('');
  // The wasm schema engine replays every migration into a shadow PGlite: about 25 s under load.
}, 120_000);

it('applies every migration once, recording them as the Prisma CLI does', async () => {
  const pglite = new PGlite();
  try {
    const factory = new PrismaPGlite(pglite);
    const all = (await loadMigrationList()).migrationDirectories.map((directory) => directory.path);
    expect(await applyMigrations(factory)).toEqual(all);
    expect(await applyMigrations(factory)).toEqual([]);
    const recorded = await pglite.query<{ migration_name: string }>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name',
    );
    expect(recorded.rows.map((row) => row.migration_name)).toEqual(all);
  } finally {
    await pglite.close();
  }
}, 120_000);
