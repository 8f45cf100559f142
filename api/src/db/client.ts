// Opens the database: embedded PostgreSQL (PGlite, persisted in a folder) by default,
// a PostgreSQL server when DATABASE_URL is set. Both go through a Prisma driver adapter.
//
// Under load, work waits for the database instead of failing: transactions (and statements outside
// one) queue in front of the connections (DATABASE_POOL_MAX on PostgreSQL, one on PGlite), each for as
// long as the request it serves may last (REQUEST_TIMEOUT_MS); only past that does it fail, with
// DatabaseUnavailableError, which the API answers as «Сервер перегружен» (HTTP 503, Retry-After).
// Window changes (and the session check) go ahead of that queue (urgently()), so a coordinator's close
// is not stuck behind hundreds of saves.
import { lockDatabaseFolder } from './folderLock.ts';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory, Transaction } from '@prisma/driver-adapter-utils';
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

export interface ConnectionLimits {
  /** Connections to a PostgreSQL server (DATABASE_POOL_MAX, default 10); PGlite has one. */
  poolMax?: number;
  /** How long a request may wait for the database (REQUEST_TIMEOUT_MS, default 30 s). */
  requestTimeoutMs?: number;
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
) &
  ConnectionLimits & {
    /** Called with every SQL statement sent (for statement-count tests and debugging). */
    onQuery?: (sql: string) => void;
  };

export const DEFAULT_POOL_MAX = 10;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number, not "${raw}"`);
  return value;
}

/** DATABASE_POOL_MAX and REQUEST_TIMEOUT_MS, with their defaults. */
export function connectionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): Required<ConnectionLimits> {
  return {
    poolMax: positiveInteger(env, 'DATABASE_POOL_MAX', DEFAULT_POOL_MAX),
    requestTimeoutMs: positiveInteger(env, 'REQUEST_TIMEOUT_MS', DEFAULT_REQUEST_TIMEOUT_MS),
  };
}

export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const limits = connectionLimitsFromEnv(env);
  if (env.DATABASE_URL) return { kind: 'postgresql', url: env.DATABASE_URL, ...limits };
  return { kind: 'pglite', dataDir: path.join(dataDirFromEnv(env), 'pglite'), ...limits };
}

/** The folder for everything the product keeps on disk (the embedded database, later the mail outbox). */
export function dataDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATA_DIR ?? 'data');
}

// ---------------------------------------------------------------------------
// Waiting for the database

/** The database cannot serve now: overloaded past the request's time, or unreachable. */
export class DatabaseUnavailableError extends Error {
  constructor(
    readonly reason: 'busy' | 'unreachable',
    message = reason === 'busy' ? 'No database connection within the request timeout' : 'The database cannot be reached',
  ) {
    super(message);
    this.name = 'DatabaseUnavailableError';
  }
}

interface WaitScope {
  /** Epoch ms after which waiting for the database is pointless: the request has timed out. */
  deadline?: number;
  /** Goes ahead of the queue (window changes). */
  urgent: boolean;
}

const waitScope = new AsyncLocalStorage<WaitScope>();

/** Runs `run` (a request's work) with its database waits bounded by `deadline` (epoch ms), in the ordinary line. */
export function withDeadline<T>(deadline: number, run: () => T): T {
  return waitScope.run({ deadline, urgent: false }, run);
}

/**
 * Runs `run` with its database work ahead of everything waiting in the ordinary line: short work that
 * others depend on (a coordinator's window change; the session check a request starts with).
 */
export function urgently<T>(run: () => T): T {
  return waitScope.run({ deadline: waitScope.getStore()?.deadline, urgent: true }, run);
}

interface Waiter {
  admit(): void;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Lets at most `capacity` transactions (or statements outside one) hold a connection; the others wait
 * in order of arrival (urgent ones first), each until its deadline.
 */
export class TransactionQueue {
  private running = 0;
  private readonly urgent: Waiter[] = [];
  private readonly normal: Waiter[] = [];

  constructor(readonly capacity: number) {}

  /** How many transactions wait. */
  get waiting(): number {
    return this.urgent.length + this.normal.length;
  }

  enter(deadline: number, urgent: boolean): Promise<void> {
    if (this.running < this.capacity && this.waiting === 0) {
      this.running++;
      return Promise.resolve();
    }
    const wait = deadline - Date.now();
    if (wait <= 0) return Promise.reject(new DatabaseUnavailableError('busy'));
    const line = urgent ? this.urgent : this.normal;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { admit: resolve, timer: undefined };
      if (Number.isFinite(wait)) {
        waiter.timer = setTimeout(() => {
          line.splice(line.indexOf(waiter), 1);
          reject(new DatabaseUnavailableError('busy'));
        }, wait);
      }
      line.push(waiter);
    });
  }

  leave(): void {
    const next = this.urgent.shift() ?? this.normal.shift();
    if (!next) {
      this.running--;
      return;
    }
    clearTimeout(next.timer);
    next.admit();
  }
}

/** Binds methods to the wrapped object, so a proxy can stand in for class instances. */
function bound<T extends object>(target: T, property: string | symbol): unknown {
  const value = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}

function queuedTransaction(transaction: Transaction, leave: () => void): Transaction {
  let open = true;
  const finish = (end: () => Promise<void>) => async () => {
    try {
      await end();
    } finally {
      if (open) {
        open = false;
        leave();
      }
    }
  };
  const commit = finish(() => transaction.commit());
  const rollback = finish(() => transaction.rollback());
  return new Proxy(transaction, {
    get: (target, property) => (property === 'commit' ? commit : property === 'rollback' ? rollback : bound(target, property)),
  });
}

function queuedAdapter(adapter: SqlDriverAdapter, queue: TransactionQueue, defaultTimeoutMs: number): SqlDriverAdapter {
  const enter = () => {
    const scope = waitScope.getStore();
    return queue.enter(scope?.deadline ?? Date.now() + defaultTimeoutMs, scope?.urgent ?? false);
  };
  const startTransaction: SqlDriverAdapter['startTransaction'] = async (isolationLevel) => {
    await enter();
    try {
      return queuedTransaction(await adapter.startTransaction(isolationLevel), () => queue.leave());
    } catch (error) {
      queue.leave();
      throw error;
    }
  };
  // A statement outside a transaction takes a connection for its own time, in the same queue.
  const single =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await enter();
      try {
        return await run(...args);
      } finally {
        queue.leave();
      }
    };
  const queryRaw = single(adapter.queryRaw.bind(adapter));
  const executeRaw = single(adapter.executeRaw.bind(adapter));
  const overrides: Partial<Record<string | symbol, unknown>> = { startTransaction, queryRaw, executeRaw };
  return new Proxy(adapter, { get: (target, property) => (property in overrides ? overrides[property] : bound(target, property)) });
}

/** The adapter factory whose adapters queue their transactions (see TransactionQueue). */
function queuedFactory(factory: SqlMigrationAwareDriverAdapterFactory, queue: TransactionQueue, defaultTimeoutMs: number) {
  const connect = async () => queuedAdapter(await factory.connect(), queue, defaultTimeoutMs);
  return new Proxy(factory, { get: (target, property) => (property === 'connect' ? connect : bound(target, property)) });
}

// ---------------------------------------------------------------------------
// Errors that mean "the database cannot serve now" (not a bug): overload or an unreachable server

/** Prisma's codes: can't reach / timed out / server closed the connection / pool timeout / too many connections. */
const unavailableCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** PostgreSQL's: connection exceptions, too many connections, shutting down or starting up. */
const unavailableSqlStates = /^(08|53300|57P0[1-3])/;
const unavailableMessages =
  /Unable to start a transaction in the given time|timeout exceeded when trying to connect|Connection terminated|connection error|ECONNREFUSED|ECONNRESET|terminating connection|the database system is (starting up|shutting down|in recovery mode)|Can't reach database server|Server has closed the connection|Client has encountered a connection error/i;

/**
 * The error as DatabaseUnavailableError when it says the database cannot serve now (overloaded past
 * the request's time, restarting, unreachable); otherwise null. Looks through Prisma's wrappers.
 */
export function databaseUnavailable(error: unknown): DatabaseUnavailableError | null {
  const seen = new Set<unknown>();
  for (let current = error; current && typeof current === 'object' && !seen.has(current); ) {
    seen.add(current);
    if (current instanceof DatabaseUnavailableError) return current;
    const candidate = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (candidate.name === 'PrismaClientInitializationError') return new DatabaseUnavailableError('unreachable');
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    const message = typeof candidate.message === 'string' ? candidate.message : '';
    if (code === 'P2028' && /Unable to start a transaction/i.test(message)) return new DatabaseUnavailableError('busy');
    if (unavailableCodes.has(code) || unavailableSqlStates.test(code)) return new DatabaseUnavailableError('unreachable');
    if (unavailableMessages.test(message)) {
      return new DatabaseUnavailableError(/Unable to start a transaction|timeout exceeded/i.test(message) ? 'busy' : 'unreachable');
    }
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    const driverError = meta?.driverAdapterError as { cause?: { kind?: string; originalCode?: string } } | undefined;
    const kind = driverError?.cause?.kind;
    if (kind && ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'].includes(kind)) {
      return new DatabaseUnavailableError('unreachable');
    }
    if (driverError?.cause?.originalCode && unavailableSqlStates.test(driverError.cause.originalCode)) {
      return new DatabaseUnavailableError('unreachable');
    }
    current = candidate.cause ?? driverError;
  }
  return null;
}

// ---------------------------------------------------------------------------

function createClient(adapter: SqlMigrationAwareDriverAdapterFactory, requestTimeoutMs: number, onQuery?: (sql: string) => void): PrismaClient {
  // The queue in front of the adapter bounds the wait by the request's deadline; Prisma's own limit
  // (2 s by default) would fail saves that are merely waiting their turn, so it only backs that up.
  // A transaction, once started, may last as long as a request (Prisma's default: 5 s).
  const transactionOptions = { maxWait: requestTimeoutMs + 5_000, timeout: requestTimeoutMs };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: 'event', level: 'query' }] });
  client.$on('query', (event) => onQuery(event.query));
  return client;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  const defaults = connectionLimitsFromEnv();
  const requestTimeoutMs = config.requestTimeoutMs ?? defaults.requestTimeoutMs;
  if (config.kind === 'postgresql') {
    const poolMax = config.poolMax ?? defaults.poolMax;
    // pg's pool reconnects by itself: a connection that broke (server restarted) is dropped and the
    // next query opens a new one. A query waits for a free connection at most the request's time.
    const adapterFactory = new PrismaPg({ connectionString: config.url, max: poolMax, connectionTimeoutMillis: requestTimeoutMs });
    const prisma = createClient(queuedFactory(adapterFactory, new TransactionQueue(poolMax), requestTimeoutMs), requestTimeoutMs, config.onQuery);
    return {
      prisma,
      adapterFactory,
      kind: 'postgresql',
      location: redactPassword(config.url),
      close: () => prisma.$disconnect(),
    };
  }
  // One process at a time on a folder (folderLock.ts): a second one is refused before it opens anything.
  const unlock = config.dataDir ? lockDatabaseFolder(config.dataDir) : () => {};
  let pglite: PGlite;
  try {
    if (config.dataDir) await mkdir(config.dataDir, { recursive: true });
    pglite = new PGlite({ dataDir: config.dataDir, loadDataDir: config.loadDataDir });
    await pglite.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  const adapterFactory = new PrismaPGlite(pglite);
  // One connection: transactions take turns.
  const prisma = createClient(queuedFactory(adapterFactory, new TransactionQueue(1), requestTimeoutMs), requestTimeoutMs, config.onQuery);
  return {
    prisma,
    adapterFactory,
    kind: 'pglite',
    location: config.dataDir ?? 'memory',
    close: async () => {
      await prisma.$disconnect();
      // A process that opened PGlite does not exit until it is closed.
      try {
        await pglite.close();
      } finally {
        unlock();
      }
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
