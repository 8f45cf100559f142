// A fresh, migrated database for one test file: in-memory PGlite, or — when TEST_DATABASE_URL names a
// PostgreSQL server — a database of its own on that server, dropped when the file is done.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../api/src/db/client.ts';
import { applyMigrations } from '../../api/src/db/migrations.ts';

export const testDatabaseKind = process.env.TEST_DB_KIND === 'postgresql' ? 'postgresql' : 'pglite';

export async function createTestDatabase(options: { onQuery?: (sql: string) => void } = {}): Promise<Database> {
  if (testDatabaseKind === 'pglite') {
    const db = await openDatabase({ kind: 'pglite', onQuery: options.onQuery });
    await applyMigrations(db.adapterFactory);
    return db;
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DB_KIND=postgresql needs TEST_DATABASE_URL (a PostgreSQL server URL)');
  const name = `nok_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: 'postgresql', url: url.toString(), onQuery: options.onQuery });
  await applyMigrations(db.adapterFactory);
  return {
    ...db,
    close: async () => {
      await db.close();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
