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

  await eventually(
    'every mail sent',
    async () => (await sql!.query(`SELECT count(*)::int AS n FROM "OutboxMail" WHERE status = 'SENT'`)).rows[0].n === 3,
    60_000,
  );
  // A second copy would have been sent before the other people's mails (rows go oldest first), so it
  // has arrived by now; a moment more for one in the mailbox's parser.
  await sleep(1_000);
  const slowMails = mailbox.mails.filter((mail) => linkIn(mail).searchParams.get('e') === 'slow@example.org');
  expect(slowMails).toHaveLength(1);
  expect(mailbox.mails).toHaveLength(3);
  const { rows } = await sql.query(`SELECT attempts, status FROM "OutboxMail" WHERE "to" = 'slow@example.org'`);
  expect(rows).toEqual([{ attempts: 1, status: 'SENT' }]);

  // The link works, signing in through either server.
  const person = new Client(b, '10.60.0.4');
  expect((await person.signInWith(linkIn(slowMails[0]!))).status).toBe(303);
  expect((await person.on(a).gql('{ viewer { email } }')).data.viewer).toEqual({ email: 'slow@example.org' });
});
