// The committed migrations and prisma/schema.prisma describe the same database. The schema engine
// compares them in an in-memory PGlite of its own, so the db-postgresql project does not repeat this.
import { expect, it } from 'vitest';
import { pendingSchemaChange } from '../../api/src/db/migrations.ts';

it('schema.prisma has no change that a migration does not cover (run `npm run migrate:new -- <name>`)', async () => {
  const sql = await pendingSchemaChange();
  expect(sql.replace(/^-- This is an empty migration\.\s*$/m, '').trim()).toBe('');
  // The wasm schema engine replays every migration into a shadow PGlite: about 25 s under load.
}, 120_000);
