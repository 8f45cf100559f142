// The transactional outbox: no mail is lost while SMTP is down, none is sent twice.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smtpMailer } from '../../api/src/email/mailer.ts';
import { processOutbox, retryDelayMs } from '../../api/src/email/outbox.ts';
import { freePort, linkIn, startMailbox } from '../helpers/smtp.ts';
import { createTestWeb, PUBLIC_URL, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let downPort: number;

beforeAll(async () => {
  downPort = await freePort();
  // The app's mail server is at a port where nothing listens yet: SMTP is down.
  t = await createTestWeb({ mailer: smtpMailer(`smtp://127.0.0.1:${downPort}`) });
  await t.openWindow();
});
afterAll(() => t?.close());

it('keeps the mail while SMTP is down, retries with backoff, and delivers it once when SMTP is back', async () => {
  expect((await t.register('patient@example.org', {}, '10.20.0.1')).status).toBe(303);
  const down = await t.deliver();
  expect(down).toEqual({ sent: 0, failed: 0, retried: 1 });
  const row = await t.db.prisma.outboxMail.findFirstOrThrow();
  expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
  expect(row.lastError).toMatch(/ECONNREFUSED|connect/i);
  expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + retryDelayMs(1) - 5_000);
  // No usable link exists for a mail that did not leave.
  expect(await t.db.prisma.loginLink.count()).toBe(0);
  // Not due yet: nothing happens.
  expect(await t.deliver()).toEqual({ sent: 0, failed: 0, retried: 0 });

  const mailbox = await startMailbox(downPort);
  try {
    await t.db.prisma.outboxMail.update({ where: { id: row.id }, data: { nextAttemptAt: new Date() } });
    expect((await t.deliver()).sent).toBe(1);
    expect((await t.deliver()).sent).toBe(0);
    const mails = await mailbox.waitFor(1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!);
    expect(link.origin).toBe(PUBLIC_URL);
    expect((await t.postForm('/auth', { e: 'patient@example.org', h: link.searchParams.get('h')! })).status).toBe(303);
    expect(await t.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT', attempts: 2 });
  } finally {
    await mailbox.close();
  }
});

it('two workers running at once never send the same row', async () => {
  const mailbox = await startMailbox();
  try {
    for (let i = 0; i < 6; i++) expect((await t.register(`worker${i}@example.org`, {}, `10.21.0.${i}`)).status).toBe(303);
    const mailer = smtpMailer(mailbox.url);
    const context = { prisma: t.db.prisma, mailer, publicUrl: PUBLIC_URL };
    const runs = await Promise.all([processOutbox(context, 3), processOutbox(context, 3), processOutbox(context, 3)]);
    const sent = runs.reduce((sum, run) => sum + run.sent, 0);
    const rest = await processOutbox(context);
    expect(sent + rest.sent).toBe(6);
    await mailbox.waitFor(6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const recipients = mailbox.mails.map((mail) => JSON.stringify(mail.to));
    expect(new Set(recipients).size).toBe(6);
    expect(recipients).toHaveLength(6);
    mailer.close();
  } finally {
    await mailbox.close();
  }
});

it('gives up after the last attempt and marks the row FAILED for a person to see', async () => {
  expect((await t.register('unlucky@example.org', {}, '10.22.0.1')).status).toBe(303);
  const row = await t.db.prisma.outboxMail.findFirstOrThrow({ where: { to: 'unlucky@example.org' } });
  await t.db.prisma.outboxMail.update({ where: { id: row.id }, data: { attempts: 11 } });
  const run = await processOutbox({ prisma: t.db.prisma, mailer: smtpMailer(`smtp://127.0.0.1:${await freePort()}`), publicUrl: PUBLIC_URL });
  expect(run.failed).toBe(1);
  expect(await t.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'FAILED', attempts: 12 });
});
