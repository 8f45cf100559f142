// SMTP down, then back, under a real server process (PGlite in the db project, PostgreSQL in
// db-postgresql): the mails people asked for while the mail server was down wait in the outbox, are
// retried with backoff, and each is delivered exactly once when it is back; every link works.
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
import { freePort, linkIn, type Mailbox, startMailbox } from '../helpers/smtp.ts';

const PEOPLE = 5;
const OUTBOX = `{ allOutboxMails(perPage: 100) { to status attempts lastError } }`;

let database: ServerDatabase | undefined;
let server: ServerProcess | undefined;
let mailbox: Mailbox | undefined;
afterAll(async () => {
  await server?.kill();
  await mailbox?.close();
  await database?.remove();
});

interface Row {
  to: string;
  status: string;
  attempts: number;
  lastError: string | null;
}

it('delivers every mail queued while SMTP was down exactly once when it is back', { timeout: 120_000 }, async () => {
  database = await createServerDatabase();
  await prepareDatabase(database);
  const smtpPort = await freePort();
  // Nothing listens at the mail server's port yet. The first retry comes after 1 s (then 2 s, 4 s …);
  // the worker looks every 5 s, and at once after each request.
  server = await startServer({ ...database.env, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, OUTBOX_FIRST_RETRY_MS: '1000' });
  const coordinator = new Client(server, '10.40.0.250');
  await coordinator.signInAsCoordinator();
  const rows = async () => ((await coordinator.gql<{ allOutboxMails: Row[] }>(OUTBOX)).data?.allOutboxMails ?? []) as Row[];

  const people = Array.from({ length: PEOPLE }, (_, i) => `outage${i}@example.org`);
  for (const [i, email] of people.entries()) expect((await new Client(server, `10.40.0.${i + 1}`).register(email)).status).toBe(303);

  // Down: every mail failed once, waits in the outbox, and is tried again later (backoff, not a loop).
  const failed = await eventually('every mail tried while SMTP is down', async () => {
    const all = await rows();
    return all.length === PEOPLE && all.every((row) => row.attempts >= 1 && row.lastError !== null) && all;
  });
  for (const row of failed) {
    expect(row.status).toBe('PENDING');
    expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  }
  const retried = await eventually('a retry while SMTP is down', async () => {
    const all = await rows();
    return all.some((row) => row.attempts >= 2) && all;
  });
  expect(Math.max(...retried.map((row) => row.attempts))).toBeLessThanOrEqual(4);

  // Back: each mail leaves once.
  mailbox = await startMailbox(smtpPort);
  await eventually('every mail sent', async () => (await rows()).every((row) => row.status === 'SENT'), 30_000);
  await mailbox.waitFor(PEOPLE);
  await sleep(2_000);
  const recipients = mailbox.mails.map((mail) => (Array.isArray(mail.to) ? mail.to[0] : mail.to)?.value[0]?.address);
  expect(recipients.sort()).toEqual([...people].sort());

  // Every link signs its person in.
  for (const mail of mailbox.mails) {
    const person = new Client(server);
    expect((await person.signInWith(linkIn(mail))).status).toBe(303);
    expect((await person.gql('{ viewer { email } }')).data.viewer.email).toBe(linkIn(mail).searchParams.get('e'));
  }
});
