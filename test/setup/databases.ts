// Vitest global setup of the projects whose tests need a database. Once per run it prepares the
// databases a test file starts from, and tells the test files where they are (inject('testDatabases')):
//   blank         an empty database (for the tests of migrations themselves);
//   migrated      the committed migrations applied;
//   bootstrapped  as after the first `npm start`: migrations, reference data, shipped surveys and documents.
// A test file then gets a copy of its own in a moment (test/helpers/db.ts): PGlite starts from a dump
// of the data folder, PostgreSQL creates a database from a template.
//
// PGlite dumps are kept between runs in node_modules/.cache, under a hash of everything that shapes
// them (the code, the migrations, the shipped documents, the lockfile), so an unchanged tree reuses them.
// PostgreSQL templates live for one run and are dropped at its end.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrapDatabase } from '../../api/src/bootstrap.ts';
import { type Database, openDatabase } from '../../api/src/db/client.ts';
import { applyMigrations } from '../../api/src/db/migrations.ts';
import { PrismaClient } from '../../api/src/generated/prisma/client.ts';

export type TemplateName = 'blank' | 'migrated' | 'bootstrapped';
const templateNames: TemplateName[] = ['blank', 'migrated', 'bootstrapped'];

export type TestDatabases =
  | { kind: 'pglite'; dumps: Record<TemplateName, string> }
  | { kind: 'postgresql'; serverUrl: string; templates: Record<TemplateName, string> };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabases: TestDatabases;
  }
}

const root = path.resolve(import.meta.dirname, '../..');

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (project.config.env?.TEST_DB_KIND === 'postgresql') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('TEST_DB_KIND=postgresql needs TEST_DATABASE_URL (a PostgreSQL server URL)');
    const templates = await preparePostgresTemplates(serverUrl);
    project.provide('testDatabases', { kind: 'postgresql', serverUrl, templates });
    return () => dropDatabases(serverUrl, Object.values(templates));
  }
  project.provide('testDatabases', { kind: 'pglite', dumps: await preparePgliteDumps() });
  return undefined;
}

/** The database as the product leaves it after its first start, built on an open, migrated database. */
async function bootstrap(database: Omit<Database, 'close'>): Promise<void> {
  await bootstrapDatabase({ ...database, close: async () => {} });
}

async function preparePgliteDumps(): Promise<Record<TemplateName, string>> {
  const dir = path.join(root, 'node_modules/.cache/nok-test-databases', await inputsHash());
  const dumps = Object.fromEntries(templateNames.map((name) => [name, path.join(dir, `${name}.tar`)])) as Record<TemplateName, string>;
  if ((await readdir(dir).catch(() => [])).length === templateNames.length) return dumps;

  // Built beside the final folder and renamed into place, so a concurrent run never reads half a dump.
  const building = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(building, { recursive: true });
  const pglite = new PGlite();
  await pglite.waitReady;
  try {
    const dump = async (name: TemplateName) =>
      writeFile(path.join(building, `${name}.tar`), Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await dump('blank');
    const adapterFactory = new PrismaPGlite(pglite);
    await applyMigrations(adapterFactory);
    await dump('migrated');
    const prisma = new PrismaClient({ adapter: adapterFactory });
    await bootstrap({ prisma, adapterFactory, kind: 'pglite', location: 'memory' });
    await prisma.$disconnect();
    await dump('bootstrapped');
  } finally {
    await pglite.close();
  }
  await rename(building, dir).catch(async () => {
    // Another run finished the same dumps first: theirs are as good as ours.
    await rm(building, { recursive: true, force: true });
  });
  // Dumps of earlier trees (about 125 MB each) are not kept.
  const cache = path.dirname(dir);
  for (const entry of await readdir(cache)) {
    if (/^[0-9a-f]{16}$/.test(entry) && entry !== path.basename(dir)) await rm(path.join(cache, entry), { recursive: true, force: true });
  }
  return dumps;
}

/** A hash of every file that shapes the prepared databases. */
async function inputsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['api/src', 'prisma']) {
    const files = (await readdir(path.join(root, dir), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .filter((file) => !file.startsWith(path.join('api', 'src', 'generated')))
      .sort();
    for (const file of files)
      hash
        .update(file)
        .update('\0')
        .update(await readFile(path.join(root, file)))
        .update('\0');
  }
  hash.update(await readFile(path.join(root, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

async function preparePostgresTemplates(serverUrl: string): Promise<Record<TemplateName, string>> {
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
    await bootstrap(bootstrapped);
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
