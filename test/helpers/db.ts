// A database of the test file's own, copied from one that test/setup/databases.ts prepared once per
// run: in-memory PGlite loaded from a dump, or — in the db-postgresql project — a database created
// from a template on the TEST_DATABASE_URL server and dropped when the file closes it.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import { type ConnectionLimits, type Database, openDatabase } from '../../api/src/db/client.ts';
import type { SnapshotName } from '../../api/src/snapshots.ts';
import { adminQuery, databaseUrl, dropDatabases } from '../setup/databases.ts';

export interface TestDatabaseOptions extends ConnectionLimits {
  /** What the database holds to begin with (default: the migrations applied, no data). */
  contents?: SnapshotName;
  /** Called with every SQL statement sent. */
  onQuery?: (sql: string) => void;
}

export function testDatabaseKind(): 'pglite' | 'postgresql' {
  return inject('testDatabases').kind;
}

export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const databases = inject('testDatabases');
  if (!databases) throw new Error('No prepared databases: database tests are named *.db.test.ts (or *.e2e.test.ts) and run in those projects');
  const contents = options.contents ?? 'migrated';
  if (databases.kind === 'pglite') {
    const dump = new Blob([await readFile(databases.dumps[contents])]);
    return openDatabase({ kind: 'pglite', loadDataDir: dump, onQuery: options.onQuery, requestTimeoutMs: options.requestTimeoutMs });
  }
  const name = `nok_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createFromTemplate(databases.serverUrl, name, databases.templates[contents]);
  const db = await openDatabase({
    kind: 'postgresql',
    url: databaseUrl(databases.serverUrl, name),
    onQuery: options.onQuery,
    poolMax: options.poolMax,
    requestTimeoutMs: options.requestTimeoutMs,
  });
  return {
    ...db,
    close: async () => {
      await db.close();
      await dropDatabases(databases.serverUrl, [name]);
    },
  };
}

/** CREATE DATABASE … TEMPLATE, retried while another file's copy briefly holds the template. */
async function createFromTemplate(serverUrl: string, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      const busy = error instanceof Error && /is being accessed by other users/.test(error.message);
      if (!busy || attempt === 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}

/** Tables that record refusals: a refused request may write them (the fingerprint leaves them out). */
export const REFUSAL_LOGS: ReadonlySet<string> = new Set(['AuthEvent', 'RateLimitHit', '_prisma_migrations']);

/**
 * Each table's row count and the md5 of its rows, for every table but `except`: equal before and
 * after a request when it changed nothing.
 */
export async function databaseFingerprint(db: Database, except: ReadonlySet<string> = REFUSAL_LOGS): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name::text AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`;
  const parts = tables
    .map(({ name }) => name)
    .filter((name) => !except.has(name))
    .map(
      (name) => `SELECT '${name}' AS name, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    );
  const rows = await db.prisma.$queryRawUnsafe<{ name: string; n: number; h: string }[]>(parts.join(' UNION ALL '));
  return Object.fromEntries(rows.map((row) => [row.name, `${row.n} rows, ${row.h}`]));
}
