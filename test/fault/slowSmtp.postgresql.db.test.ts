// A mail server that takes longer to accept a mail than the outbox lease lasts, with two server
// processes on one PostgreSQL database. Before the lease was renewed while sending, the second
// worker took the row over when the lease lapsed and sent the mail again, and each worker's
// completion revoked the other's link: two mails, both links dead. Now: one mail, and its link works.
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import {
  Client,
  createServerDatabase,
  eventually,
  prepareDatabase,
  type ServerDatabase,
  type ServerProcess,
  sleep,
  startServer,
} from '../helpers/processes.ts';
import { linkIn, type Mailbox, startMailbox } from '../helpers/smtp.ts';

const LEASE_MS = 2_000;
const SMTP_DELAY_MS = 3 * LEASE_MS;

let database: ServerDatabase | undefined;
let mailbox: Mailbox | undefined;
const servers: ServerProcess[] = [];
let sql: pg.Client | undefined;
afterAll(async () => {
  await sql?.end();
  for (const server of servers) await server.kill();
  await mailbox?.close();
  await database?.remove();
});

it('sends one mail whose link works when SMTP answers after the lease has run out', { timeout: 120_000 }, async () => {
  database = await createServerDatabase();
  await prepareDatabase(database);
  mailbox = await startMailbox(undefined, { delayMs: SMTP_DELAY_MS });
  const env = { ...database.env, SMTP_URL: mailbox.url, OUTBOX_LEASE_MS: String(LEASE_MS) };
  const a = await startServer(env);
  servers.push(a);
  const b = await startServer(env);
  servers.push(b);
  sql = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await sql.connect();

  expect((await new Client(a, '10.60.0.1').register('slow@example.org')).status).toBe(303);
  // One worker is sending it, and the mail server keeps it waiting past the lease …
  await eventually('the mail to start arriving', async () => mailbox!.started >= 1);
  await sleep(1.5 * LEASE_MS);
  // … while both workers are poked by other people's requests: an idle one looks for due rows now.
  const others = await Promise.all([
    new Client(a, '10.60.0.2').register('poke-a@example.org'),
    new Client(b, '10.60.0.3').register('poke-b@example.org'),
  ]);
  expect(others.map((answer) => answer.status)).toEqual([303, 303]);

  // Settled: every row SENT and no mail half-way through the mail server.
  const settled = async () =>
    mailbox!.started === mailbox!.mails.length &&
    (await sql!.query(`SELECT count(*)::int AS n FROM "OutboxMail" WHERE status = 'SENT'`)).rows[0].n === 3;
  await eventually('every mail sent', settled, 60_000);
  await sleep(1_000);
  expect(await settled()).toBe(true);
  const slowMails = mailbox.mails.filter((mail) => linkIn(mail).searchParams.get('e') === 'slow@example.org');
  const { rows } = await sql.query(`SELECT attempts, status FROM "OutboxMail" WHERE "to" = 'slow@example.org'`);
  expect({ mails: slowMails.length, all: mailbox.mails.length, rows }).toEqual({ mails: 1, all: 3, rows: [{ attempts: 1, status: 'SENT' }] });

  // The link works, signing in through either server.
  const person = new Client(b, '10.60.0.4');
  expect((await person.signInWith(linkIn(slowMails[0]!))).status).toBe(303);
  expect((await person.on(a).gql('{ viewer { email } }')).data.viewer).toEqual({ email: 'slow@example.org' });
});
