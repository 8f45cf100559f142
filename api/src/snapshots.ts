// Prepared copies of an embedded (PGlite) database, so that nothing has to run initdb, the migrations
// and the first-start imports more than once for a given state of the code:
//   blank         an empty database;
//   migrated      the committed migrations applied;
//   bootstrapped  as bootstrapDatabase() leaves it: migrations, reference data, shipped surveys and documents.
// `npm install` (npm run build) makes them; the first `npm start` on an empty data folder starts from
// `bootstrapped` (about 1 s instead of 3–4 s), and the tests copy all three for each test file.
// They are PGlite dumps (tarballs of the data folder) in node_modules/.cache/nok-databases/<hash>/,
// the hash covering everything that shapes them: the API's code, prisma/ (schema, migrations, shipped
// surveys and documents) and the lockfile. A change to any of these makes a new set; stale sets go.
// Nothing secret is in them: the server's own keys are made on first use (auth/secrets.ts).
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type BootstrapReport, bootstrapDatabase } from './bootstrap.ts';
import { cacheFolder, hashOfSources, makeCached } from './buildCache.ts';
import { type Database, databaseConfigFromEnv, openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrations.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export type SnapshotName = 'blank' | 'migrated' | 'bootstrapped';
export const snapshotNames: SnapshotName[] = ['blank', 'migrated', 'bootstrapped'];

const defaultCacheDir = cacheFolder('nok-databases');

/** A hash of every file that shapes the snapshots. */
export function snapshotsHash(): Promise<string> {
  return hashOfSources(['api/src', 'prisma', 'package-lock.json'], ['api/src/generated']);
}

/** The files of the snapshots of the current code, or null when they have not been made. */
export async function findSnapshots(cacheDir = defaultCacheDir): Promise<Record<SnapshotName, string> | null> {
  const dir = path.join(cacheDir, await snapshotsHash());
  return (await complete(dir)) ? snapshotFiles(dir) : null;
}

/** The snapshots of the current code, made now if they have not been (a few seconds). */
export async function snapshots(cacheDir = defaultCacheDir): Promise<{ files: Record<SnapshotName, string>; made: boolean }> {
  const found = await findSnapshots(cacheDir);
  if (found) return { files: found, made: false };
  const dir = await makeCached(cacheDir, await snapshotsHash(), makeSnapshots, complete);
  return { files: snapshotFiles(dir), made: true };
}

async function complete(dir: string): Promise<boolean> {
  return snapshotNames.every((name) => existsSync(snapshotFiles(dir)[name]));
}

function snapshotFiles(dir: string): Record<SnapshotName, string> {
  return { blank: path.join(dir, 'blank.tar'), migrated: path.join(dir, 'migrated.tar'), bootstrapped: path.join(dir, 'bootstrapped.tar') };
}

async function makeSnapshots(dir: string): Promise<void> {
  const pglite = new PGlite();
  await pglite.waitReady;
  try {
    const dump = async (name: SnapshotName) =>
      writeFile(path.join(dir, `${name}.tar`), Buffer.from(await (await pglite.dumpDataDir('none')).arrayBuffer()));
    await dump('blank');
    const adapterFactory = new PrismaPGlite(pglite);
    await applyMigrations(adapterFactory);
    await dump('migrated');
    const prisma = new PrismaClient({ adapter: adapterFactory });
    await bootstrapDatabase({ prisma, adapterFactory, kind: 'pglite', location: 'memory', close: () => prisma.$disconnect() });
    await prisma.$disconnect();
    await dump('bootstrapped');
  } finally {
    await pglite.close();
  }
}

/** Whether a PGlite data folder holds a database already (else it is new, or empty). */
export function holdsDatabase(dataDir: string): boolean {
  return existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Opens the database the product runs on (DATABASE_URL, else PGlite under DATA_DIR) and brings it up
 * to date. A new embedded database starts as a copy of the `bootstrapped` snapshot when `npm install`
 * made one for this code; otherwise the migrations and the first-start imports run as usual.
 */
export async function openProductDatabase(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ db: Database; report: BootstrapReport; fromSnapshot: boolean }> {
  const config = databaseConfigFromEnv(env);
  let fromSnapshot = false;
  if (config.kind === 'pglite' && config.dataDir && !holdsDatabase(config.dataDir)) {
    const found = await findSnapshots();
    if (found) {
      config.loadDataDir = new Blob([await readFile(found.bootstrapped)]);
      fromSnapshot = true;
    }
  }
  const db = await openDatabase(config);
  try {
    return { db, report: await bootstrapDatabase(db), fromSnapshot };
  } catch (error) {
    await db.close();
    throw error;
  }
}
