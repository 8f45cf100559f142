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
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type BootstrapReport, bootstrapDatabase } from './bootstrap.ts';
import { type Database, databaseConfigFromEnv, openDatabase } from './db/client.ts';
import { applyMigrations } from './db/migrations.ts';
import { PrismaClient } from './generated/prisma/client.ts';

export type SnapshotName = 'blank' | 'migrated' | 'bootstrapped';
export const snapshotNames: SnapshotName[] = ['blank', 'migrated', 'bootstrapped'];

const root = path.resolve(import.meta.dirname, '../..');
const defaultCacheDir = path.join(root, 'node_modules/.cache/nok-databases');
const inputs = ['api/src', 'prisma', 'package-lock.json'];
const generated = path.join(root, 'api/src/generated');

/** A hash of every file that shapes the snapshots, in a stable order. */
export async function snapshotsHash(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of inputs) {
    const absolute = path.join(root, input);
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true }).catch(() => null);
    const files = entries ? entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name)) : [absolute];
    for (const file of files.filter((name) => !name.startsWith(generated)).sort()) {
      hash
        .update(path.relative(root, file))
        .update('\0')
        .update(await readFile(file))
        .update('\0');
    }
  }
  return hash.digest('hex').slice(0, 16);
}

/** The files of the snapshots of the current code, or null when they have not been made. */
export async function findSnapshots(cacheDir = defaultCacheDir): Promise<Record<SnapshotName, string> | null> {
  const files = snapshotFiles(path.join(cacheDir, await snapshotsHash()));
  return snapshotNames.every((name) => existsSync(files[name])) ? files : null;
}

/** The snapshots of the current code, made now if they have not been (a few seconds). */
export async function snapshots(cacheDir = defaultCacheDir): Promise<{ files: Record<SnapshotName, string>; made: boolean }> {
  const found = await findSnapshots(cacheDir);
  if (found) return { files: found, made: false };
  const key = await snapshotsHash();
  const dir = path.join(cacheDir, key);
  // Made beside the final folder and renamed into place, so that nobody reads half a set.
  const making = `${dir}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await mkdir(making, { recursive: true });
  await makeSnapshots(making);
  if (await findSnapshots(cacheDir)) {
    // A concurrent process put the same set in place first: theirs is as good as ours.
    await rm(making, { recursive: true, force: true });
  } else {
    await rm(dir, { recursive: true, force: true });
    await rename(making, dir);
  }
  for (const entry of await readdir(cacheDir)) {
    if (/^[0-9a-f]{16}$/.test(entry) && entry !== key) await rm(path.join(cacheDir, entry), { recursive: true, force: true });
  }
  return { files: snapshotFiles(dir), made: true };
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
