// Applies the committed migrations (prisma/migrations, Prisma's own folder format) and authors new
// ones, through the WebAssembly schema engine. `_prisma_migrations` is filled as the Prisma CLI does.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { openSchemaEngine } from './schemaEngine.ts';

export const prismaDir = path.resolve(import.meta.dirname, '../../../prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');
const lockfileName = 'migration_lock.toml';
const noFilters = { externalTables: [], externalEnums: [] };

export async function loadMigrationList(dir = migrationsDir): Promise<MigrationList> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const lockPath = path.join(dir, lockfileName);
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  const migrationDirectories = await Promise.all(
    entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
      .map(async (name) => {
        const content = await readFile(path.join(dir, name, 'migration.sql'), 'utf8')
          .then((sql) => ({ tag: 'ok' as const, value: sql }))
          .catch((error: Error) => ({ tag: 'error' as const, value: error.message }));
        return { path: name, migrationFile: { path: 'migration.sql', content } };
      }),
  );
  return {
    baseDir: dir,
    lockfile: { path: lockfileName, content: lockContent ?? 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/**
 * @prisma/adapter-pg runs a migration script by splitting it at every ";", which cuts a function body
 * (`$$ … ; … $$`), a string or a comment in pieces and runs the pieces outside one transaction. Sent
 * as one query without parameters, the script goes through PostgreSQL's simple protocol instead: the
 * server parses it, and runs it as one implicit transaction. PGlite's adapter already sends it whole.
 */
function wholeScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  if (adapter.adapterName !== '@prisma/adapter-pg') return adapter;
  return Object.assign(Object.create(adapter) as SqlDriverAdapter, {
    executeScript: async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    },
  });
}

/**
 * Wraps a factory for one engine run: the shadow database is a throwaway in-memory PGlite, and every
 * connection the engine opened is disposed afterwards (the engine does not, and an open connection
 * would keep Prisma's migration advisory lock, stalling the next run for 10 s).
 */
async function withEngine<T>(factory: SqlMigrationAwareDriverAdapterFactory, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const opened: SqlDriverAdapter[] = [];
  const track = async (connect: () => Promise<SqlDriverAdapter>) => {
    const adapter = wholeScripts(await connect());
    opened.push(adapter);
    return adapter;
  };
  const engineFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: () => track(() => factory.connect()),
    connectToShadowDb: () => track(() => new PrismaPGlite(new PGlite()).connect()),
  };
  const schemaText = await readFile(schemaPath, 'utf8');
  const engine = await openSchemaEngine(schemaPath, schemaText, engineFactory);
  try {
    return await run(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/**
 * True when the database records every committed migration as applied, with the checksum of the
 * file as it is now, and no failed one: then there is nothing for the schema engine to do, and a
 * restart need not load it (about a second).
 */
export async function migrationsUpToDate(factory: SqlMigrationAwareDriverAdapterFactory, list: MigrationList): Promise<boolean> {
  const adapter = await factory.connect();
  try {
    const table = await adapter.queryRaw({ sql: "SELECT to_regclass('_prisma_migrations') IS NOT NULL", args: [], argTypes: [] });
    if (table.rows[0]?.[0] !== true) return false;
    const recorded = await adapter.queryRaw({
      sql: 'SELECT migration_name, checksum, finished_at IS NOT NULL FROM _prisma_migrations WHERE rolled_back_at IS NULL',
      args: [],
      argTypes: [],
    });
    const applied = new Map<string, string>();
    for (const [name, checksum, finished] of recorded.rows) {
      if (finished !== true) return false;
      applied.set(String(name), String(checksum));
    }
    if (applied.size !== list.migrationDirectories.length) return false;
    return list.migrationDirectories.every((directory) => {
      const content = directory.migrationFile.content;
      return content.tag === 'ok' && applied.get(directory.path) === createHash('sha256').update(content.value).digest('hex');
    });
  } finally {
    await adapter.dispose();
  }
}

/** Applies every migration of the list (default: the committed ones) not yet applied; returns the names it applied. */
export async function applyMigrations(factory: SqlMigrationAwareDriverAdapterFactory, list?: MigrationList): Promise<string[]> {
  const migrationsList = list ?? (await loadMigrationList());
  if (await migrationsUpToDate(factory, migrationsList)) return [];
  return withEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: noFilters });
    return result.appliedMigrationNames;
  });
}

/** The SQL that takes a database from the committed migrations to schema.prisma ('' if none). */
export async function pendingSchemaChange(): Promise<string> {
  const schemaText = await readFile(schemaPath, 'utf8');
  const migrationsList = await loadMigrationList();
  return withEngine(new PrismaPGlite(new PGlite()), async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationsList },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    // The engine prints the script through its log callback in some builds and returns it in others.
    return (result as unknown as { stdout?: string }).stdout ?? '';
  });
}

/** Writes prisma/migrations/<UTC timestamp>_<name>/migration.sql; returns its path, or null if no change. */
export async function createMigration(name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error('Migration name: lower-case letters, digits and _ only');
  const sql = await pendingSchemaChange();
  if (!sql.trim() || /^-- This is an empty migration\.?\s*$/.test(sql.trim())) return null;
  const stamp = now.toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), sql);
  await writeFile(
    path.join(migrationsDir, lockfileName),
    '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
  );
  return path.join(dir, 'migration.sql');
}
