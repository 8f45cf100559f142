// When the database cannot serve (overloaded past the request's own timeout, restarting, unreachable)
// the API answers a clean 503 with Retry-After and a Russian message, never «Внутренняя ошибка» or a
// stack; a save that merely waits for a connection waits its turn and succeeds; and once PostgreSQL
// is back, the server serves again by itself.
import { createServer, type Server, type Socket, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { type Database, openDatabase } from '../../api/src/db/client.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createWeb } from '../../api/src/http/web.ts';
import { createApp, type App } from '../../api/src/yoga.ts';
import { createTestDatabase, testDatabaseKind } from '../helpers/db.ts';
import { section1 } from '../helpers/fixtures2021.ts';

const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename ... on MutationSaveSectionSuccess { data { version } } } }`;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

async function post(app: App, query: string, variables: Record<string, unknown> = {}, cookie?: string): Promise<Answer> {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: JSON.parse(text), text };
}

function expectServiceUnavailable(answer: Answer, message: RegExp) {
  expect(answer.status, answer.text).toBe(503);
  expect(answer.retryAfter).toBe('60');
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors![0]!.message).toMatch(message);
  expect(answer.body.errors![0]!.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE' });
  expect(answer.text).not.toMatch(/Внутренняя ошибка|stack|originalError|Prisma|ECONNREFUSED|at .*\.ts:/);
}

async function respondentCookie(app: App, db: Database, email: string): Promise<string> {
  const user = await db.prisma.user.create({ data: { email, role: 'RESPONDENT' } });
  const { cookie } = await startSession(app.auth, user.id);
  return `${cookie.name}=${cookie.value}`;
}

async function openWindow(db: Database) {
  await setCampaignWindow(db.prisma, 'nok-2021', { opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000) });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

it('a database that cannot be reached: 503 with Retry-After, for a signed-in caller and for a read', async () => {
  const db = await openDatabase({ kind: 'postgresql', url: `postgresql://postgres@127.0.0.1:${await closedPort()}/nok`, requestTimeoutMs: 2_000 });
  try {
    const app = createApp({ prisma: db.prisma });
    expectServiceUnavailable(await post(app, '{ campaign(code: "nok-2021") { code } }'), /^Сервер временно недоступен, повторите через минуту\.$/);
    // The session is looked up before any resolver runs.
    const signedIn = await post(
      app,
      SAVE,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } },
      'nok_session=x',
    );
    expectServiceUnavailable(signedIn, /Сервер временно недоступен/);
  } finally {
    await db.close();
  }
});

it('the pages too: 503 with Retry-After and a Russian page, never 500', async () => {
  const db = await openDatabase({ kind: 'postgresql', url: `postgresql://postgres@127.0.0.1:${await closedPort()}/nok`, requestTimeoutMs: 2_000 });
  const web = createWeb({
    prisma: db.prisma,
    mailer: { description: 'none', send: async () => 'none', close() {} },
    publicUrl: 'http://127.0.0.1',
    outboxIntervalMs: 0,
  });
  try {
    const form = { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://127.0.0.1' };
    for (const request of [
      new Request('http://127.0.0.1/'),
      new Request('http://127.0.0.1/auth?e=a%40example.org&h=x'),
      new Request('http://127.0.0.1/auth', { method: 'POST', headers: form, body: 'e=a%40example.org&h=x' }),
      new Request('http://127.0.0.1/link', { method: 'POST', headers: form, body: 'email=a%40example.org' }),
    ]) {
      const response = await web.fetch(request);
      const text = await response.text();
      expect(response.status, `${request.method} ${request.url}: ${text.slice(0, 200)}`).toBe(503);
      expect(response.headers.get('retry-after')).toBe('60');
      expect(text).toMatch(/Сервер временно недоступен, повторите через минуту\./);
      expect(text).not.toMatch(/внутренняя ошибка|stack|Prisma|ECONNREFUSED/i);
    }
  } finally {
    await web.close();
    await db.close();
  }
});

describe('a save waiting for the only connection', () => {
  let db: Database;
  let cookie: string;
  beforeAll(async () => {
    db = await createTestDatabase({ contents: 'bootstrapped', poolMax: 1 });
    await openWindow(db);
  });
  afterAll(() => db?.close());

  /** Keeps the one connection busy in a transaction for `ms`. */
  const holdConnection = (ms: number) =>
    db.prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        await sleep(ms);
      },
      { timeout: ms + 5_000 },
    );

  it('waits its turn, past the 2 s Prisma would wait, and succeeds', async () => {
    const app = createApp({ prisma: db.prisma });
    cookie = await respondentCookie(app, db, 'patient@example.org');
    const others = await Promise.all([1, 2, 3].map((n) => respondentCookie(app, db, `patient${n}@example.org`)));
    const held = holdConnection(2_500);
    await sleep(100);
    const started = Date.now();
    const saves = await Promise.all(
      [cookie, ...others].map((who) =>
        post(app, SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } }, who),
      ),
    );
    await held;
    expect(Date.now() - started).toBeGreaterThan(2_000);
    for (const save of saves) {
      expect(save.status, save.text).toBe(200);
      expect(save.body.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    }
  });

  it("past the request's own timeout: 503 «Сервер перегружен», and nothing stored", async () => {
    const app = createApp({ prisma: db.prisma, requestTimeoutMs: 400 });
    const late = await respondentCookie(app, db, 'late@example.org');
    const held = holdConnection(1_500);
    await sleep(100);
    const started = Date.now();
    const answer = await post(app, SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } }, late);
    expect(Date.now() - started).toBeLessThan(1_300);
    expectServiceUnavailable(answer, /^Сервер перегружен, повторите через минуту\.$/);
    await held;
    expect(await db.prisma.response.count({ where: { respondent: { email: 'late@example.org' } } })).toBe(0);
    // Once the connection is free, the same save goes through.
    const again = await post(app, SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } }, late);
    expect(again.body.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
  });
});

/** A TCP relay to PostgreSQL that can go down (refusing connections, cutting open ones) and come back. */
class Relay {
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  constructor(
    readonly port: number,
    private readonly upstream: { host: string; port: number },
  ) {}

  async up(): Promise<void> {
    const server = createServer((client) => {
      const server = connect(this.upstream.port, this.upstream.host);
      for (const socket of [client, server]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          server.destroy();
        });
      }
      client.pipe(server).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// PostgreSQL restarting is a PostgreSQL matter: PGlite lives in the server's own process.
if (testDatabaseKind() === 'postgresql') {
  it('PostgreSQL going away under load: clean 503s meanwhile, and it serves again by itself once back', async () => {
    const target = await createTestDatabase({ contents: 'bootstrapped' });
    const upstream = new URL(target.location);
    const relay = new Relay(await closedPort(), { host: upstream.hostname, port: Number(upstream.port || 5432) });
    await relay.up();
    const relayed = new URL(target.location);
    relayed.host = `127.0.0.1:${relay.port}`;
    const db = await openDatabase({ kind: 'postgresql', url: relayed.toString(), requestTimeoutMs: 3_000 });
    try {
      await openWindow(db);
      const app = createApp({ prisma: db.prisma });
      const cookies = await Promise.all([0, 1, 2, 3, 4].map((n) => respondentCookie(app, db, `restart${n}@example.org`)));
      const versions = cookies.map(() => 0);
      const saveAll = () =>
        Promise.all(
          cookies.map((cookie, n) =>
            post(app, SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: versions[n], answers: section1 } }, cookie),
          ),
        );
      const acknowledge = (answers: Answer[]) =>
        answers.forEach((answer, n) => {
          if (answer.body.data?.saveSection?.__typename === 'MutationSaveSectionSuccess') versions[n] = answer.body.data.saveSection.data.version;
        });
      acknowledge(await saveAll());
      expect(versions).toEqual([1, 1, 1, 1, 1]);

      // Down in the middle of saves: each is acknowledged or refused cleanly, none is a 500.
      const during = saveAll();
      await relay.down();
      const cut = await during;
      acknowledge(cut);
      for (const answer of cut) {
        if (answer.status === 200 && !answer.body.errors) continue;
        expectServiceUnavailable(answer, /^Сервер (временно недоступен|перегружен), повторите через минуту\.$/);
      }
      // While it is down: every request, signed in or not, is a clean 503.
      for (const answer of [...(await saveAll()), await post(app, '{ campaign(code: "nok-2021") { code } }')]) {
        expectServiceUnavailable(answer, /^Сервер временно недоступен, повторите через минуту\.$/);
      }

      // Every acknowledged save is stored. (A save cut after its commit was sent may be stored without
      // having been acknowledged: the form then reloads it.)
      const stored = async () =>
        new Map(
          (await target.prisma.response.findMany({ where: { respondent: { email: { startsWith: 'restart' } } }, include: { respondent: true } })).map(
            (row) => [row.respondent.email, row.version],
          ),
        );
      const before = await stored();
      for (const [n, version] of versions.entries()) {
        expect(before.get(`restart${n}@example.org`)).toBeGreaterThanOrEqual(version);
        versions[n] = before.get(`restart${n}@example.org`)!;
      }

      // Back: the next requests are served, without restarting anything.
      await relay.up();
      const after = await saveAll();
      for (const answer of after) expect(answer.body.data?.saveSection?.__typename, answer.text).toBe('MutationSaveSectionSuccess');
      acknowledge(after);
      const last = await stored();
      for (const [n, version] of versions.entries()) expect(last.get(`restart${n}@example.org`)).toBe(version);
    } finally {
      await db.close();
      await relay.down();
      await target.close();
    }
  });
}
