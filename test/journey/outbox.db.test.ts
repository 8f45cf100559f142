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

it('a mail server slower than the lease: the lease is renewed while sending, so one mail leaves and its link works', async () => {
  // The lease is short and the mail server answers only after three times as long: without a
  // renewed lease, a second worker takes the row over, sends it again, and each revokes the other's link.
  const slow = await startMailbox(undefined, { delayMs: 2_400 });
  const settings = { leaseMs: 800 };
  const first = { prisma: t.db.prisma, mailer: smtpMailer(slow.url), publicUrl: PUBLIC_URL, settings };
  const second = { prisma: t.db.prisma, mailer: smtpMailer(slow.url), publicUrl: PUBLIC_URL, settings };
  try {
    expect((await t.register('slow@example.org', {}, '10.23.0.1')).status).toBe(303);
    const running = processOutbox(first);
    while (slow.started < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 2 * settings.leaseMs));
    const [a, b] = await Promise.all([running, processOutbox(second)]);
    expect(a.sent + b.sent).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const mails = slow.mails.filter((mail) => mail.text?.includes('slow%40example.org'));
    expect(mails).toHaveLength(1);
    const link = linkIn(mails[0]!);
    expect((await t.postForm('/auth', { e: 'slow@example.org', h: link.searchParams.get('h')! })).status).toBe(303);
  } finally {
    first.mailer.close();
    second.mailer.close();
    await slow.close();
  }
});

it('two mails to one person completed in either order: the newer link survives, never neither', async () => {
  // Two "send my link again" requests, each mail sent by another worker at once: the one completing
  // last must not revoke a link newer than its own (before, each revoked the other and both died).
  const slow = await startMailbox(undefined, { delayMs: 300 });
  const mailers = [smtpMailer(slow.url), smtpMailer(slow.url)];
  try {
    expect((await t.register('twice@example.org', {}, '10.24.0.1')).status).toBe(303);
    expect((await t.postForm('/link', { email: 'twice@example.org', altcha: await t.captcha() }, { ip: '10.24.0.2' })).status).toBe(303);
    const runs = await Promise.all(mailers.map((mailer) => processOutbox({ prisma: t.db.prisma, mailer, publicUrl: PUBLIC_URL }, 1)));
    expect(runs.map((run) => run.sent)).toEqual([1, 1]);
    await slow.waitFor(2);
    const statuses = [];
    for (const mail of slow.mails) {
      const link = linkIn(mail);
      statuses.push((await t.request(`/auth?e=twice%40example.org&h=${link.searchParams.get('h')}`)).status);
    }
    expect(statuses.sort()).toEqual([200, 400]);
  } finally {
    for (const mailer of mailers) mailer.close();
    await slow.close();
  }
});

it('a worker whose claim passed to another changes nothing when its mail finally leaves', async () => {
  const slow = await startMailbox(undefined, { delayMs: 800 });
  const lines: string[] = [];
  const context = {
    prisma: t.db.prisma,
    mailer: smtpMailer(slow.url),
    publicUrl: PUBLIC_URL,
    settings: { leaseMs: 300 },
    log: (line: string) => lines.push(line),
  };
  try {
    expect((await t.register('fenced@example.org', {}, '10.25.0.1')).status).toBe(303);
    const running = processOutbox(context);
    while (slow.started < 1) await new Promise((resolve) => setTimeout(resolve, 20));
    // Another worker's claim, as after a lease that lapsed while this process could not reach the database.
    const row = await t.db.prisma.outboxMail.findFirstOrThrow({ where: { to: 'fenced@example.org' } });
    await t.db.prisma.outboxMail.update({ where: { id: row.id }, data: { attempts: { increment: 1 }, lockedUntil: new Date(Date.now() + 60_000) } });
    expect(await running).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await t.db.prisma.outboxMail.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'PENDING', sentAt: null });
    expect(lines.join('\n')).toMatch(/left after its lease had passed to another worker/);
    expect(await t.db.prisma.authEvent.count({ where: { kind: 'link_sent', email: 'fenced@example.org' } })).toBe(0);
  } finally {
    context.mailer.close();
    await slow.close();
  }
});
