// Opens the database: embedded PostgreSQL (PGlite, persisted in a folder) by default,
// a PostgreSQL server when DATABASE_URL is set. Both go through a Prisma driver adapter.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { type Prisma, PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** The client inside `prisma.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

/** The database's clock, read inside a transaction, so every check in it agrees on the time. */
export async function databaseNow(tx: Tx): Promise<Date> {
  const [row] = await tx.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return new Date(row!.now);
}

export interface Database {
  prisma: Db;
  /** The adapter factory, also used by the schema engine to apply migrations. */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** 'pglite' or 'postgresql'. */
  kind: 'pglite' | 'postgresql';
  /** Where the data lives: the PGlite folder (or "memory") or the server URL without its password. */
  location: string;
  close(): Promise<void>;
}

export type DatabaseConfig = (
  | { kind: 'postgresql'; url: string }
  | {
      kind: 'pglite';
      /** The folder of the database; undefined = in memory. */
      dataDir?: string;
      /** Start from this copy of a database (a PGlite `dumpDataDir()` tarball) instead of an empty one. */
      loadDataDir?: Blob;
    }
) & {
  /** Called with every SQL statement sent (for statement-count tests and debugging). */
  onQuery?: (sql: string) => void;
};

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, onQuery?: (sql: string) => void): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL };
  return { kind: 'pglite', dataDir: path.join(dataDirFromEnv(env), 'pglite') };
}

/** The folder for everything the product keeps on disk (the embedded database, later the mail outbox). */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR ?? 'data');
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === 'postgresql') {
    const adapterFactory = new PrismaPg({ connectionString: config.url, max: 10 });
    const prisma = createClient(adapterFactory, config.onQuery);
    return {
      prisma,
      adapterFactory,
      kind: 'postgresql',
      location: redactPassword(config.url),
      close: () => prisma.$disconnect(),
    };
  }
  if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
  const pglite = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
  await pglite.waitReady;
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = createClient(adapterFactory, config.onQuery);
  return {
    prisma,
    adapterFactory,
    kind: 'pglite',
    location: config.dataDir ?? 'memory',
    close: async () => {
      await prisma.$disconnect();
      // A process that opened PGlite does not exit until it is closed.
      await pglite.close();
    },
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgresql';
  }
}
