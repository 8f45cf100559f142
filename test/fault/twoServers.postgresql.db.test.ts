// Two server processes on one PostgreSQL database, as behind a load balancer: the state people
// depend on lives in the database, so it holds across both — sessions, the survey window, the mail
// outbox, the robot check and the rate limits.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  authoritySection,
  Client,
  createServerDatabase,
  eventually,
  prepareDatabase,
  SAVE,
  type ServerDatabase,
  type ServerProcess,
  sleep,
  startServer,
} from '../helpers/processes.ts';
import { linkIn, type Mailbox, startMailbox } from '../helpers/smtp.ts';

let database: ServerDatabase;
let mailbox: Mailbox;
let a: ServerProcess;
let b: ServerProcess;
let sql: pg.Client;
let respondentCookie: string;

beforeAll(async () => {
  database = await createServerDatabase();
  ({
    cookies: [respondentCookie = ''],
  } = await prepareDatabase(database, { respondents: 1 }));
  mailbox = await startMailbox();
  const env = { ...database.env, SMTP_URL: mailbox.url };
  // One after the other: the first start may bundle the server, the second reuses the bundle.
  a = await startServer(env);
  b = await startServer(env);
  sql = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await sql.connect();
}, 120_000);
afterAll(async () => {
  await sql?.end();
  await a?.kill();
  await b?.kill();
  await mailbox?.close();
  await database?.remove();
});

/** The mails received for an address. */
const mailsTo = (email: string) => mailbox.mails.filter((mail) => linkIn(mail).searchParams.get('e') === email);

describe('two server processes on one PostgreSQL', () => {
  it('a session started on A works on B, and signing out on B ends it on A', async () => {
    const person = new Client(a, '10.50.0.1');
    expect((await person.register('session@example.org')).status).toBe(303);
    await eventually('the login mail', async () => mailsTo('session@example.org').length === 1);
    expect((await person.signInWith(linkIn(mailsTo('session@example.org')[0]!))).status).toBe(303);

    const onB = person.on(b);
    expect((await onB.gql('{ viewer { email role } }')).data.viewer).toEqual({ email: 'session@example.org', role: 'RESPONDENT' });
    expect((await onB.postForm('/auth/logout', {})).status).toBe(303);
    expect((await person.gql('{ viewer { email } }')).data.viewer).toBeNull();
  });

  it('each mail is sent once although both workers deliver', async () => {
    const people = Array.from({ length: 10 }, (_, i) => `both${i}@example.org`);
    // Asked for on both servers at once: both workers are poked and race for the rows.
    const answers = await Promise.all(people.map((email, i) => new Client(i % 2 ? b : a, `10.51.0.${i + 1}`).register(email)));
    expect(answers.map((answer) => answer.status)).toEqual(people.map(() => 303));
    await eventually('every mail sent', async () => {
      const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "OutboxMail" WHERE "to" LIKE 'both%' AND status = 'SENT'`);
      return rows[0].n === people.length;
    });
    await sleep(1_000);
    for (const email of people) expect(mailsTo(email), email).toHaveLength(1);
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "AuthEvent" WHERE kind = 'link_sent' AND email LIKE 'both%'`);
    expect(rows[0].n).toBe(people.length);
  });

  it('the rate limit of an address counts its requests to both servers; a robot check from A is accepted by B', async () => {
    const email = 'limited@example.org';
    const requestOn = async (server: ServerProcess, from: ServerProcess, ip: string) => {
      const person = new Client(server, ip);
      const altcha = await person.on(from).captcha();
      return (await person.postForm('/link', { email, altcha })).status;
    };
    // 3 per address per hour: two on A and one on B are admitted, the fourth (on B) is refused.
    expect(await requestOn(a, b, '10.52.0.1')).toBe(303);
    expect(await requestOn(b, a, '10.52.0.2')).toBe(303);
    expect(await requestOn(a, b, '10.52.0.3')).toBe(303);
    expect(await requestOn(b, a, '10.52.0.4')).toBe(429);
    expect(await requestOn(a, a, '10.52.0.5')).toBe(429);
  });

  it('a window closed on A refuses saves on B at once; reopened on B, A accepts them again', async () => {
    const respondent = new Client(b, '10.53.0.1');
    respondent.cookie = respondentCookie;
    const save = async (server: ServerProcess, version: number) =>
      (
        await respondent
          .on(server)
          .gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version, answers: authoritySection('Окно') } })
      ).data?.saveSection;
    const first = await save(b, 0);
    expect(first.__typename).toBe('MutationSaveSectionSuccess');

    const coordinatorOnA = new Client(a, '10.53.0.2');
    await coordinatorOnA.signInAsCoordinator();
    const closed = await coordinatorOnA.gql(
      `mutation { closeCampaignWindow(input: { campaignCode: "nok-2021", reason: "Срок истёк" }) { __typename ... on MutationCloseCampaignWindowSuccess { data { windowState } } } }`,
    );
    expect(closed.data.closeCampaignWindow.data.windowState).toBe('CLOSED');
    const refused = await save(b, first.data.version);
    expect(refused).toMatchObject({ __typename: 'WindowClosedError', code: expect.any(String) });
    expect(refused.message).toMatch(/[А-Яа-яЁё]/);

    const coordinatorOnB = coordinatorOnA.on(b);
    const closesAt = new Date(Date.now() + 10 * 86_400_000).toISOString();
    const reopened = await coordinatorOnB.gql(
      `mutation($closesAt: DateTime) { openCampaignWindow(input: { campaignCode: "nok-2021", closesAt: $closesAt, reason: "Продлён" }) { __typename ... on MutationOpenCampaignWindowSuccess { data { windowState } } } }`,
      { closesAt },
    );
    expect(reopened.data.openCampaignWindow.data.windowState).toBe('OPEN');
    expect((await save(a, first.data.version)).__typename).toBe('MutationSaveSectionSuccess');
  });
});
