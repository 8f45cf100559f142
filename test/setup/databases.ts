// Vitest global setup of the projects whose tests need a database: once per run, it gets the
// databases a test file starts from (blank, migrated, bootstrapped: api/src/snapshots.ts) and tells
// the test files where they are (inject('testDatabases')). A test file then gets a copy of its own
// in a moment (test/helpers/db.ts): PGlite starts from a dump of the data folder (the snapshots that
// `npm install` made, or made now), PostgreSQL creates a database from a template made here and
// dropped at the end of the run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from '../../api/src/bootstrap.ts';
import { openDatabase } from '../../api/src/db/client.ts';
import { applyMigrations } from '../../api/src/db/migrations.ts';
import { type SnapshotName, snapshots } from '../../api/src/snapshots.ts';

export type TestDatabases =
  | { kind: 'pglite'; dumps: Record<SnapshotName, string> }
  | { kind: 'postgresql'; serverUrl: string; templates: Record<SnapshotName, string> };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (project.config.env?.TEST_DB_KIND === 'postgresql') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('TEST_DB_KIND=postgresql needs TEST_DATABASE_URL (a PostgreSQL server URL)');
    const templates = await preparePostgresTemplates(serverUrl);
    project.provide('testDatabases', { kind: 'postgresql', serverUrl, templates });
    return () => dropDatabases(serverUrl, Object.values(templates));
  }
  project.provide('testDatabases', { kind: 'pglite', dumps: (await snapshots()).files });
  return undefined;
}

/** The PostgreSQL counterparts of the snapshots, as templates on the server. */
async function preparePostgresTemplates(serverUrl: string): Promise<Record<SnapshotName, string>> {
  const prefix = `nok_template_${process.pid}_${randomBytes(3).toString('hex')}`;
  const templates = { blank: `${prefix}_blank`, migrated: `${prefix}_migrated`, bootstrapped: `${prefix}_bootstrapped` };
  await adminQuery(serverUrl, `CREATE DATABASE "${templates.blank}"`);
  await adminQuery(serverUrl, `CREATE DATABASE "${templates.migrated}" TEMPLATE "${templates.blank}"`);
  const migrated = await openDatabase({ kind: 'postgresql', url: databaseUrl(serverUrl, templates.migrated) });
  try {
    await applyMigrations(migrated.adapterFactory);
  } finally {
    await migrated.close();
  }
  await adminQuery(serverUrl, `CREATE DATABASE "${templates.bootstrapped}" TEMPLATE "${templates.migrated}"`);
  const bootstrapped = await openDatabase({ kind: 'postgresql', url: databaseUrl(serverUrl, templates.bootstrapped) });
  try {
    await bootstrapDatabase(bootstrapped);
  } finally {
    await bootstrapped.close();
  }
  return templates;
}

export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function dropDatabases(serverUrl: string, names: string[]): Promise<void> {
  for (const name of names) await adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
