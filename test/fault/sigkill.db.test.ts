// SIGKILL of the server while respondents save (on PGlite in the db project, on PostgreSQL in
// db-postgresql): every save the server acknowledged is there when a new server process opens the
// same data; a save in flight at the kill is either wholly there or not at all.
import { afterAll, expect, it } from 'vitest';
import {
  authoritySection,
  Client,
  type GraphQLAnswer,
  createServerDatabase,
  MINE,
  prepareDatabase,
  SAVE,
  type ServerDatabase,
  type ServerProcess,
  sleep,
  startServer,
} from '../helpers/processes.ts';

const RESPONDENTS = 20;

let database: ServerDatabase | undefined;
const servers: ServerProcess[] = [];
afterAll(async () => {
  for (const server of servers) await server.kill();
  await database?.remove();
});

/** One respondent saving section 1 again and again, each save naming the version the last one returned. */
interface Saver {
  client: Client;
  /** The last save the server acknowledged: its number (in the name) and the version it returned. */
  acknowledged: { n: number; version: number } | null;
  /** The save sent and not answered when the connection broke. */
  inFlight: number | null;
  /** Answers that were neither a success nor a broken connection. */
  unexpected: string[];
}

async function keepSaving(saver: Saver, until: { killed: boolean }): Promise<void> {
  let n = 0;
  while (!until.killed) {
    n += 1;
    saver.inFlight = n;
    const version = saver.acknowledged?.version ?? 0;
    let answer: GraphQLAnswer;
    try {
      answer = await saver.client.gql(SAVE, {
        input: { campaignCode: 'nok-2021', sectionCode: 'authority', version, answers: authoritySection(`Сохранение ${n}`) },
      });
    } catch {
      return; // The connection broke: this save was never acknowledged.
    }
    const result = answer.data?.saveSection;
    if (answer.status !== 200 || result?.__typename !== 'MutationSaveSectionSuccess') {
      saver.unexpected.push(`${answer.status} ${answer.text.slice(0, 300)}`);
      saver.inFlight = null;
      return;
    }
    saver.acknowledged = { n, version: result.data.version };
    saver.inFlight = null;
  }
}

it('keeps every acknowledged save through a SIGKILL of the server', { timeout: 120_000 }, async () => {
  database = await createServerDatabase();
  const { cookies } = await prepareDatabase(database, { respondents: RESPONDENTS });

  const first = await startServer(database.env);
  servers.push(first);
  const savers: Saver[] = cookies.map((cookie, i) => {
    const client = new Client(first, `10.30.0.${i + 1}`);
    client.cookie = cookie;
    return { client, acknowledged: null, inFlight: null, unexpected: [] };
  });
  const until = { killed: false };
  const saving = Promise.all(savers.map((saver) => keepSaving(saver, until)));
  // Saves go on for a while; then the server dies in the middle of some.
  const acknowledged = () => savers.reduce((sum, saver) => sum + (saver.acknowledged?.n ?? 0), 0);
  const start = Date.now();
  while (acknowledged() < 5 * RESPONDENTS && Date.now() - start < 30_000) await sleep(50);
  await sleep(500);
  until.killed = true;
  await first.kill('SIGKILL');
  await saving;

  expect(
    savers.flatMap((saver) => saver.unexpected),
    `the server said:\n${first.output().slice(-3000)}`,
  ).toEqual([]);
  const total = acknowledged();
  expect(total).toBeGreaterThanOrEqual(5 * RESPONDENTS);
  // The kill found saves in flight (else it proved little).
  expect(savers.filter((saver) => saver.inFlight !== null).length).toBeGreaterThan(0);

  const second = await startServer(database.env);
  servers.push(second);
  const lost: string[] = [];
  for (const [i, saver] of savers.entries()) {
    const mine = await saver.client.on(second).gql(MINE);
    expect(mine.errors).toBeUndefined();
    const stored = mine.data.myResponse as { version: number; answers: { questionCode: string; value: unknown }[] } | null;
    const name = stored?.answers.find((answer) => answer.questionCode === 'respondent_name')?.value;
    const { acknowledged: last, inFlight } = saver;
    if (!last) continue;
    const holdsLast = stored?.version === last.version && name === `Сохранение ${last.n}`;
    const holdsInFlight = inFlight !== null && stored?.version === last.version + 1 && name === `Сохранение ${inFlight}`;
    if (!holdsLast && !holdsInFlight) {
      lost.push(`respondent ${i}: acknowledged ${JSON.stringify(last)}, in flight ${inFlight}, stored version ${stored?.version} «${name}»`);
    }
  }
  expect(lost).toEqual([]);
  console.log(`sigkill (${database.kind}): ${total} saves acknowledged before the kill, all of them there after the restart`);
});
