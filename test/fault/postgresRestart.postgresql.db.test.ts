// PostgreSQL restarted under load. The test starts a PostgreSQL cluster of its own (initdb and pg_ctl
// of the machine's PostgreSQL 15 in a temporary folder, its own port; the shared server is never
// touched), runs our server on it, and stops PostgreSQL for two seconds while respondents read and
// save. Meanwhile every answer is either a success or a clean refusal — HTTP 503 with Retry-After and
// a Russian message, never a 500 or a stack trace — and afterwards the same server process serves
// again, without a restart, with every acknowledged save in the database.
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import {
  authoritySection,
  Client,
  type GraphQLAnswer,
  MINE,
  type PrivatePostgres,
  prepareDatabase,
  SAVE,
  type ServerDatabase,
  type ServerProcess,
  sleep,
  startPrivatePostgres,
  startServer,
} from '../helpers/processes.ts';

const RESPONDENTS = 10;
const OUTAGE_MS = 2_000;

let postgres: PrivatePostgres | undefined;
let database: ServerDatabase | undefined;
let server: ServerProcess | undefined;
afterAll(async () => {
  await server?.kill();
  await database?.remove();
  await postgres?.stop();
});

/** What one request got. */
interface Answer {
  at: number;
  kind: 'ok' | 'unavailable' | 'bad';
  detail: string;
}

/** A success; or 503 + Retry-After + a Russian message and nothing of the server's insides; else bad. */
function classify(answer: GraphQLAnswer, expected: string): Answer['kind'] {
  const leaks = /\n\s+at |Error:|prisma|ECONN|postgres|stack/i.test(answer.text);
  if (answer.status === 200 && !answer.errors && answer.data?.[expected] !== undefined && !leaks) return 'ok';
  const message = answer.errors?.[0]?.message ?? '';
  if (answer.status === 503 && answer.headers.get('retry-after') && /[А-Яа-яЁё]/.test(message) && !leaks) return 'unavailable';
  return 'bad';
}

it('answers clean 503s while PostgreSQL restarts and serves again afterwards without a restart', { timeout: 180_000 }, async () => {
  postgres = await startPrivatePostgres();
  database = await postgres.createDatabase();
  // The first start migrates the empty database and loads the reference data and shipped surveys.
  server = await startServer({ ...database.env, REQUEST_TIMEOUT_MS: '5000' }, { timeoutMs: 120_000 });
  const { cookies } = await prepareDatabase(database, { respondents: RESPONDENTS });

  const answers: Answer[] = [];
  const acknowledged = new Map<number, { version: number; name: string }>();
  let stopAt = Number.POSITIVE_INFINITY;
  const respondent = async (i: number) => {
    const client = new Client(server!, `10.70.0.${i + 1}`);
    client.cookie = cookies[i]!;
    for (let n = 1; Date.now() < stopAt; n++) {
      const saving = n % 2 === 0;
      const name = `Сохранение ${n}`;
      let answer: GraphQLAnswer;
      try {
        answer = saving
          ? await client.gql(
              SAVE,
              {
                input: {
                  campaignCode: 'nok-2021',
                  sectionCode: 'authority',
                  version: acknowledged.get(i)?.version ?? 0,
                  answers: authoritySection(name),
                },
              },
              { signal: AbortSignal.timeout(15_000) },
            )
          : await client.gql(MINE, {}, { signal: AbortSignal.timeout(15_000) });
      } catch (error) {
        answers.push({ at: Date.now(), kind: 'bad', detail: `no answer: ${(error as Error).message}` });
        continue;
      }
      const kind = classify(answer, saving ? 'saveSection' : 'myResponse');
      const result = answer.data?.saveSection;
      if (saving && kind === 'ok') {
        // A stale version (the save before went through, its answer did not) is a typed refusal, not a fault.
        if (result.__typename === 'MutationSaveSectionSuccess') acknowledged.set(i, { version: result.data.version, name });
        else if (result.__typename === 'ConflictError') acknowledged.set(i, { version: result.currentVersion, name: '' });
      }
      answers.push({ at: Date.now(), kind, detail: `${answer.status} ${answer.headers.get('retry-after') ?? ''} ${answer.text.slice(0, 400)}` });
      if (kind === 'unavailable') await sleep(100);
    }
  };
  const load = Promise.all(Array.from({ length: RESPONDENTS }, (_, i) => respondent(i)));

  await sleep(1_500);
  const stoppedAt = Date.now();
  await postgres.restart({ downMs: OUTAGE_MS });
  const backAt = Date.now();
  // The server finds PostgreSQL again by itself: give it a few seconds, then watch it serve.
  await sleep(5_000);
  const recoveredBy = Date.now();
  await sleep(2_000);
  stopAt = Date.now();
  await load;

  const bad = answers.filter((answer) => answer.kind === 'bad');
  expect(bad.map((answer) => answer.detail).slice(0, 5), `the server said:\n${server.output().slice(-3000)}`).toEqual([]);
  const during = answers.filter((answer) => answer.at >= stoppedAt && answer.at <= backAt);
  // The outage was seen (else the test proved nothing) …
  expect(during.filter((answer) => answer.kind === 'unavailable').length).toBeGreaterThan(0);
  // … and is over: after it, every request is served.
  const after = answers.filter((answer) => answer.at >= recoveredBy);
  expect(after.length).toBeGreaterThan(RESPONDENTS);
  expect(after.filter((answer) => answer.kind !== 'ok')).toEqual([]);
  expect(server.child.exitCode).toBeNull();

  // Every save the server acknowledged is in the database.
  const sql = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await sql.connect();
  try {
    for (const [i, last] of acknowledged) {
      const { rows } = await sql.query(`SELECT r.version FROM "Response" r JOIN "User" u ON u.id = r."respondentId" WHERE u.email = $1`, [
        `respondent${i}@example.org`,
      ]);
      expect(rows[0]?.version, `respondent ${i}`).toBeGreaterThanOrEqual(last.version);
    }
  } finally {
    await sql.end();
  }
  console.log(
    `postgres restart: ${answers.length} answers, ${answers.filter((answer) => answer.kind === 'unavailable').length} clean 503s, PostgreSQL down ${backAt - stoppedAt} ms`,
  );
});
