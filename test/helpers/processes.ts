// Real server processes for the fault tests: `node api/start.mjs` (what `npm start` runs) on a port,
// a database and a mail server of the test's own; a client that talks to them over HTTP like a
// browser (cookies, same-origin form posts, the robot check solved); a private PostgreSQL cluster
// that a test may stop and restart (never the shared one).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { inject } from 'vitest';
import { createLucia, startSession } from '../../api/src/auth/sessions.ts';
import { type Database, openDatabase } from '../../api/src/db/client.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { holdsDatabase } from '../../api/src/snapshots.ts';
import { adminQuery, databaseUrl, dropDatabases } from '../setup/databases.ts';
import { section1 } from './fixtures2021.ts';
import { freePort } from './smtp.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The address every test server believes it has (links in mails, the same-origin check). */
export const PUBLIC_URL = 'http://monitoring.test';

/** A cheap robot check, so clients solve it in milliseconds. */
const testEnvironment = {
  HOST: '127.0.0.1',
  PUBLIC_URL,
  ALTCHA_COST: '10',
  ALTCHA_COUNTER: '10-50',
  // Clients say who they are with X-Forwarded-For (rate limits per IP).
  TRUST_PROXY: '1',
};

// -- server processes ----------------------------------------------------------------------------

export interface ServerProcess {
  readonly url: string;
  readonly port: number;
  readonly child: ChildProcess;
  /** Everything the process printed (stdout and stderr), so far. */
  output(): string;
  /** Sends a signal and waits until the process has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (the server's own shutdown), then SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `node api/start.mjs` with the given environment (DATABASE_URL or DATA_DIR, SMTP_URL, …) on a
 * free port and resolves when it answers /healthz. The first start after a change to the sources
 * bundles the server (a few seconds); later starts reuse the bundle.
 */
export async function startServer(env: Record<string, string>, options: { port?: number; timeoutMs?: number } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const inherited = { ...process.env };
  for (const name of ['DATABASE_URL', 'DATA_DIR', 'SMTP_URL', 'PORT', 'NODE_ENV']) delete inherited[name];
  const child = spawn(process.execPath, ['api/start.mjs'], {
    cwd: root,
    env: { ...inherited, ...testEnvironment, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    url,
    port,
    child,
    output: () => output,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited before it answered:\n${output}`);
    const answer = await fetch(`${url}/healthz`).catch(() => null);
    if (answer?.ok) return server;
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`the server did not answer within ${options.timeoutMs ?? 60_000} ms:\n${output}`);
    }
    await sleep(100);
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

// -- databases for server processes --------------------------------------------------------------

export interface ServerDatabase {
  kind: 'pglite' | 'postgresql';
  /** What a server process needs to open it: DATABASE_URL or DATA_DIR. */
  env: Record<string, string>;
  /**
   * Opens it in the test's process, ready for the product (migrated, reference data, shipped surveys).
   * On PGlite only while no server runs on the folder: one process at a time can open it.
   */
  open(): Promise<Database>;
  /** Removes it (drops the database or deletes the folder). */
  remove(): Promise<void>;
}

/**
 * A database for server processes, of the test project's kind: on PGlite a data folder of its own
 * (the run's prepared `bootstrapped` database, loaded at the first open()), on PostgreSQL a database
 * created from the run's `bootstrapped` template.
 */
export async function createServerDatabase(): Promise<ServerDatabase> {
  const databases = inject('testDatabases');
  if (databases.kind === 'pglite') {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'nok-fault-'));
    return {
      kind: 'pglite',
      env: { DATA_DIR: dataDir },
      // The first open loads the run's prepared database into the folder; later ones find it there.
      open: async () =>
        openDatabase({
          kind: 'pglite',
          dataDir: path.join(dataDir, 'pglite'),
          loadDataDir: holdsDatabase(path.join(dataDir, 'pglite')) ? undefined : new Blob([await readFile(databases.dumps.bootstrapped)]),
        }),
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `nok_fault_${process.pid}_${randomBytes(4).toString('hex')}`;
  await createFromTemplate(databases.serverUrl, name, databases.templates.bootstrapped);
  return postgresDatabase(databaseUrl(databases.serverUrl, name), () => dropDatabases(databases.serverUrl, [name]));
}

/** On PostgreSQL the data folder still holds the mail outbox folder (mail without SMTP_URL): a temporary one. */
async function postgresDatabase(url: string, drop: () => Promise<void>): Promise<ServerDatabase> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'nok-fault-'));
  return {
    kind: 'postgresql',
    env: { DATABASE_URL: url, DATA_DIR: dataDir },
    open: () => openDatabase({ kind: 'postgresql', url }),
    async remove() {
      await drop();
      await rm(dataDir, { recursive: true, force: true });
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
      await sleep(100 * attempt);
    }
  }
}

export const COORDINATOR = { email: 'fault-coordinator@example.org', password: 'надёжный-пароль-для-теста' };

/**
 * What the fault tests start from: the 2021 campaign's window open around now, a coordinator
 * (COORDINATOR), and `respondents` respondents with a session each (their cookies are returned).
 * On PGlite call it before a server opens the folder.
 */
export async function prepareDatabase(database: ServerDatabase, options: { respondents?: number } = {}): Promise<{ cookies: string[] }> {
  const db = await database.open();
  try {
    const now = Date.now();
    await setCampaignWindow(db.prisma, 'nok-2021', { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 10 * 86_400_000) });
    await createCoordinator(db.prisma, COORDINATOR);
    const auth = createLucia(db.prisma, { secureCookies: false });
    const cookies: string[] = [];
    for (let i = 0; i < (options.respondents ?? 0); i++) {
      const user = await db.prisma.user.create({ data: { email: `respondent${i}@example.org`, role: 'RESPONDENT' } });
      const { cookie } = await startSession(auth, user.id);
      cookies.push(`${cookie.name}=${cookie.value}`);
    }
    return { cookies };
  } finally {
    await db.close();
  }
}

// -- a private PostgreSQL cluster ----------------------------------------------------------------

export interface PrivatePostgres {
  /** The server's URL (database `postgres`). */
  url: string;
  port: number;
  /** A database on it, empty: a server process started on it migrates it and loads the reference data. */
  createDatabase(): Promise<ServerDatabase>;
  /**
   * Stops the cluster (pg_ctl stop -m fast: sessions are terminated, transactions rolled back), keeps
   * it down for `downMs`, and starts it again; resolves when it accepts connections.
   */
  restart(options?: { downMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const postgresBin = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL tool; as root (which initdb and pg_ctl refuse), as the postgres user. */
function postgresTool(tool: string, args: string[], owner: { uid: number; gid: number } | null): string {
  return execFileSync(path.join(postgresBin, tool), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...(owner ?? {}) });
}

/**
 * initdb and pg_ctl of the machine's PostgreSQL 15 into a temporary folder, on a port of its own,
 * trust authentication on loopback only. About a second on our machine.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const folder = await mkdtemp(path.join(tmpdir(), 'nok-postgres-'));
  const owner =
    process.getuid?.() === 0
      ? {
          uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
          gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
        }
      : null;
  if (owner) chownSync(folder, owner.uid, owner.gid);
  const dataDir = path.join(folder, 'data');
  postgresTool('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions'], owner);
  const port = await freePort();
  // fsync off: this cluster is restarted, never crashed, and lives as long as one test file.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => postgresTool('pg_ctl', ['-D', dataDir, '-l', path.join(folder, 'log'), '-w', '-t', '60', ...args], owner);
  pgCtl('-o', options, 'start');
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    async createDatabase() {
      const name = `nok_fault_${randomBytes(4).toString('hex')}`;
      await adminQuery(url, `CREATE DATABASE "${name}"`);
      return postgresDatabase(databaseUrl(url, name), () => dropDatabases(url, [name]));
    },
    async restart({ downMs = 0 } = {}) {
      pgCtl('-m', 'fast', 'stop');
      await sleep(downMs);
      pgCtl('-o', options, 'start');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        pgCtl('-m', 'immediate', 'stop');
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  };
}

// -- a client of a server process ----------------------------------------------------------------

export interface GraphQLAnswer<T = any> {
  status: number;
  headers: Headers;
  /** The raw body (to check that no stack trace leaks). */
  text: string;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * One person's browser: keeps the session cookie it is given, posts forms from our own origin,
 * solves the robot check. `ip` goes out as X-Forwarded-For (the servers trust it).
 */
export class Client {
  cookie: string | null = null;

  constructor(
    public server: { url: string },
    readonly ip = '127.0.0.1',
  ) {}

  /** The same person (cookie, address) talking to another server process. */
  on(server: { url: string }): Client {
    const other = new Client(server, this.ip);
    other.cookie = this.cookie;
    return other;
  }

  async request(pathname: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('x-forwarded-for', this.ip);
    if (this.cookie) headers.set('cookie', this.cookie);
    const response = await fetch(`${this.server.url}${pathname}`, { redirect: 'manual', ...init, headers });
    const session = response.headers.getSetCookie().find((value) => value.startsWith('nok_session='));
    if (session) this.cookie = session.split(';')[0]!;
    return response;
  }

  async postForm(pathname: string, fields: Record<string, string>): Promise<Response> {
    return this.request(pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PUBLIC_URL },
      body: new URLSearchParams(fields).toString(),
    });
  }

  async captcha(): Promise<string> {
    const challenge = await (await this.request('/altcha/challenge')).json();
    const solution = await solveChallenge({ challenge, deriveKey });
    return Buffer.from(JSON.stringify({ challenge, solution })).toString('base64');
  }

  async register(email: string): Promise<Response> {
    return this.postForm('/register', { email, consent: 'yes', altcha: await this.captcha() });
  }

  async requestLink(email: string): Promise<Response> {
    return this.postForm('/link', { email, altcha: await this.captcha() });
  }

  /** Signs in with a personal link (its POST, as the «Войти» button does). */
  async signInWith(link: URL): Promise<Response> {
    return this.postForm('/auth', { e: link.searchParams.get('e') ?? '', h: link.searchParams.get('h') ?? '' });
  }

  /** Signs in as COORDINATOR (the console's signIn mutation). */
  async signInAsCoordinator(): Promise<void> {
    const answer = await this.gql('mutation($input: SignInInput!) { signIn(input: $input) { __typename } }', { input: COORDINATOR });
    if (answer.data?.signIn.__typename !== 'MutationSignInSuccess') throw new Error(`coordinator sign-in refused: ${answer.text}`);
  }

  async gql<T = any>(query: string, variables: Record<string, unknown> = {}, init: { signal?: AbortSignal } = {}): Promise<GraphQLAnswer<T>> {
    const response = await this.request('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal: init.signal,
    });
    const text = await response.text();
    let body: { data?: T; errors?: GraphQLAnswer['errors'] } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON: the caller looks at status and text.
    }
    return { status: response.status, headers: response.headers, text, data: body.data, errors: body.errors };
  }
}

// -- the 2021 questionnaire over HTTP ------------------------------------------------------------

export const SAVE = /* GraphQL */ `
  mutation Save($input: SaveSectionInput!) {
    saveSection(input: $input) {
      __typename
      ... on MutationSaveSectionSuccess { data { version } }
      ... on Error { code message }
    }
  }`;

export const MINE = /* GraphQL */ `
  query Mine { myResponse(campaignCode: "nok-2021") { version answers { questionCode value } } }`;

/** Section 1 of the 2021 questionnaire, with a name that tells saves apart. */
export const authoritySection = (name: string) => ({ ...section1, respondent_name: name });
