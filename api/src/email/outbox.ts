// The transactional outbox: mails are rows written in the same transaction as their cause and
// delivered by workers, one in each server process, all on one database.
//
// A worker claims one due row at a time (FOR UPDATE SKIP LOCKED) and leases it: `lockedUntil` keeps
// other workers off, and the claim increments `attempts`, which makes the pair (id, attempts) the
// claim's own token. While the mail is rendered and sent the lease is renewed (every third of it), so
// however long the mail server takes to answer, no other worker takes the row over while this one
// lives. Everything the worker writes afterwards — SENT, a retry, FAILED — is conditional on its
// token still being current, so a worker whose lease did lapse (a frozen process, a database it could
// not reach) changes nothing and revokes nobody's link. A row is marked SENT only after the mail
// server accepted the mail; failures are retried with exponential backoff, and after `maxAttempts`
// the row is FAILED for a person to see. A process killed between the server's acceptance and the
// SENT commit sends the mail again once the lease lapses (SMTP has no way to make it exactly once).
import type { Db, Tx } from '../db/client.ts';
import type { OutboxMail, Prisma } from '../generated/prisma/client.ts';
import { issueLoginLink, rotateLoginLinks } from '../auth/loginLinks.ts';
import { logAuthEvent } from '../auth/authEvents.ts';
import { windowText } from '../survey/window.ts';
import type { Mailer } from './mailer.ts';
import { storedTaskReminder, TASK_REMINDER_TEMPLATE } from '../services/taskReminders.ts';
import { answerSheet, answerSheetHtml, answerSheetText, sentAtText } from '../services/answerSheet.ts';
import { loginLinkMail, receiptMail, reminderMail, returnedMail, type RenderedMail } from './templates.ts';

export interface OutboxSettings {
  /** How long a claim keeps other workers off a row; renewed every third of it while the mail is sent. */
  leaseMs: number;
  /** The delay after the first failed attempt; it doubles with each further one, up to `maxRetryMs`. */
  firstRetryMs: number;
  maxRetryMs: number;
  /** After this many attempts the row is FAILED. */
  maxAttempts: number;
}

/** Retries after 30 s, 1 min, 2 min … up to 1 h; FAILED after 12 attempts (about 6 h). */
export const defaultOutboxSettings: OutboxSettings = { leaseMs: 2 * 60_000, firstRetryMs: 30_000, maxRetryMs: 60 * 60_000, maxAttempts: 12 };
export const MAX_ATTEMPTS = defaultOutboxSettings.maxAttempts;

/**
 * The settings of the server's worker: the defaults, changed by OUTBOX_LEASE_MS and
 * OUTBOX_FIRST_RETRY_MS (milliseconds; the fault tests shorten them, and a mail relay known to be
 * slow may want a longer lease).
 */
export function outboxSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): OutboxSettings {
  const milliseconds = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number of milliseconds, not «${raw}»`);
    return value;
  };
  return {
    ...defaultOutboxSettings,
    leaseMs: milliseconds('OUTBOX_LEASE_MS', defaultOutboxSettings.leaseMs),
    firstRetryMs: milliseconds('OUTBOX_FIRST_RETRY_MS', defaultOutboxSettings.firstRetryMs),
  };
}

/** Backoff after the n-th failed attempt. */
export function retryDelayMs(attempts: number, settings: OutboxSettings = defaultOutboxSettings): number {
  return Math.min(settings.maxRetryMs, settings.firstRetryMs * 2 ** Math.max(0, attempts - 1));
}

export interface LoginLinkMailData {
  userId: string;
  campaignId: number;
}

export async function enqueueLoginLinkMail(tx: Tx, to: string, data: LoginLinkMailData): Promise<void> {
  await tx.outboxMail.create({ data: { template: 'login-link', to, data: data as unknown as Prisma.InputJsonValue } });
}

/** A reminder to finish the questionnaire; like a login-link mail it carries a link made at send time. */
export async function enqueueReminderMails(tx: Tx, recipients: { email: string; userId: string }[], campaignId: number): Promise<number> {
  const { count } = await tx.outboxMail.createMany({
    data: recipients.map((recipient) => ({ template: 'reminder', to: recipient.email, data: { userId: recipient.userId, campaignId } })),
  });
  return count;
}

/** Returned for rework (issue 13, item 1): the reason, and a fresh personal link made when the mail leaves. */
export interface ReturnedMailData extends LoginLinkMailData {
  reason: string;
}

export async function enqueueReturnedMail(tx: Tx, data: ReturnedMailData): Promise<void> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: data.userId }, select: { email: true } });
  await tx.outboxMail.create({ data: { template: 'returned', to: user.email, data: data as unknown as Prisma.InputJsonValue } });
}

/** The receipt of a sent questionnaire (issue 13, item 2), written by the submit's own statement. */
export interface ReceiptMailData {
  userId: string;
  campaignId: number;
  responseId: number;
}

export interface OutboxContext {
  prisma: Db;
  mailer: Mailer;
  /** The site's public address, for links in mails. */
  publicUrl: string;
  /** Over the server's settings (`outboxSettingsFromEnv`). */
  settings?: Partial<OutboxSettings>;
  /** Where a worker reports what went wrong outside a mail's own row (default: stderr). */
  log?: (line: string) => void;
}

interface Rendered {
  mail: RenderedMail;
  /** For a login-link mail: the link (printed by the folder mailer) and its row. */
  link?: string;
  linkId?: string;
}

/**
 * Renders a row. A login-link mail gets a fresh token here, so the token exists only in the mail and
 * as a hash: nothing secret waits in the outbox.
 */
async function render(tx: Tx, row: OutboxMail, context: OutboxContext): Promise<Rendered | null> {
  if (row.template === 'login-link' || row.template === 'reminder' || row.template === 'returned') {
    const data = row.data as unknown as ReturnedMailData;
    const campaign = await tx.campaign.findUnique({ where: { id: data.campaignId } });
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!campaign || !user || user.disabledAt) return null;
    const { token, linkId } = await issueLoginLink(tx, user.id, campaign.id);
    const link = `${context.publicUrl}/auth?e=${encodeURIComponent(user.email)}&h=${token}`;
    const options = {
      link,
      campaignTitle: campaign.title,
      window: windowText(campaign.opensAt, campaign.closesAt),
      siteHost: new URL(context.publicUrl).host,
    };
    const mail =
      row.template === 'returned'
        ? returnedMail({ ...options, reason: data.reason })
        : row.template === 'reminder'
          ? reminderMail(options)
          : loginLinkMail(options);
    return { mail, link, linkId };
  }
  if (row.template === 'receipt') {
    const data = row.data as unknown as ReceiptMailData;
    const sheet = await answerSheet(tx as unknown as Db, data.responseId);
    if (!sheet) return null;
    const mail = receiptMail({
      campaignTitle: sheet.campaignTitle,
      sentAt: sentAtText(sheet),
      siteHost: new URL(context.publicUrl).host,
      answersText: answerSheetText(sheet),
      answersHtml: answerSheetHtml(sheet, { headingLevel: 3 }),
    });
    return { mail };
  }
  if (row.template === TASK_REMINDER_TEMPLATE) {
    // Rendered when it was queued (services/taskReminders.ts): the text the coordinator previewed.
    const mail = storedTaskReminder(row.data);
    return mail ? { mail } : null;
  }
  throw new Error(`Unknown mail template ${row.template}`);
}

export interface OutboxRun {
  sent: number;
  failed: number;
  retried: number;
}

/** A worker's hold on one row: the row and the attempt number its claim set. */
interface Claim {
  id: string;
  attempts: number;
}

/** Claims the oldest due row that no live lease holds, or null when there is none. */
async function claimNext(prisma: Db, settings: OutboxSettings): Promise<Claim | null> {
  const [claim] = await prisma.$queryRaw<Claim[]>`
    UPDATE "OutboxMail" SET "lockedUntil" = now() + make_interval(secs => ${settings.leaseMs / 1000}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT 1
      FOR UPDATE SKIP LOCKED)
    RETURNING id, attempts`;
  return claim ?? null;
}

/** Where a write of the claim's holder applies: only while the claim is still the row's current one. */
const held = (claim: Claim) => ({ id: claim.id, attempts: claim.attempts, status: 'PENDING' as const });

/** Renews the lease every third of its length until stopped; `lost` once another claim replaced it. */
function keepLease(context: OutboxContext, claim: Claim, settings: OutboxSettings, log: (line: string) => void) {
  let lost = false;
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = context.prisma.$executeRaw`
      UPDATE "OutboxMail" SET "lockedUntil" = now() + make_interval(secs => ${settings.leaseMs / 1000})
      WHERE id = ${claim.id} AND attempts = ${claim.attempts} AND status = 'PENDING'`.then(
      (count) => {
        if (count === 0) lost = true;
      },
      (error: Error) => log(`outbox: the lease of mail ${claim.id} could not be renewed: ${error.message}`),
    );
  }, settings.leaseMs / 3);
  return {
    lost: () => lost,
    /** Stops renewing; resolves once no renewal is under way (so none lands after the row's next write). */
    async stop() {
      clearInterval(timer);
      await renewing;
    },
  };
}

type Outcome = 'sent' | 'failed' | 'retried' | 'superseded';

/** Renders, sends and records one claimed row. */
async function deliver(context: OutboxContext, claim: Claim, settings: OutboxSettings, log: (line: string) => void): Promise<Outcome> {
  const { prisma } = context;
  const lease = keepLease(context, claim, settings, log);
  let rendered: Rendered | null = null;
  let sent: { messageId: string } | null = null;
  let failure: Error | null = null;
  const row = await prisma.outboxMail.findUniqueOrThrow({ where: { id: claim.id } });
  try {
    rendered = await prisma.$transaction((tx) => render(tx, row, context));
    // A lease that lapsed before the mail left (the database was out of reach): leave it to its new holder.
    if (rendered && !lease.lost()) sent = { messageId: await context.mailer.send(row.to, rendered.mail, { link: rendered.link }) };
  } catch (error) {
    failure = error as Error;
  } finally {
    await lease.stop();
  }

  if (sent && rendered) {
    const { linkId, mail } = rendered;
    const recorded = await prisma.$transaction(async (tx) => {
      const { count } = await tx.outboxMail.updateMany({
        where: held(claim),
        data: { status: 'SENT', sentAt: new Date(), messageId: sent.messageId, subject: mail.subject, lockedUntil: null, lastError: null },
      });
      if (count === 0) return false;
      if (linkId) await rotateLoginLinks(tx, linkId);
      if (row.template === 'login-link' || row.template === 'reminder' || row.template === 'returned') {
        const { userId } = row.data as unknown as LoginLinkMailData;
        await logAuthEvent(tx, 'link_sent', { ip: null, userAgent: null }, { email: row.to, userId });
      }
      return true;
    });
    if (recorded) return 'sent';
    // Our mail left, but the row had passed to another worker meanwhile: it records the row, and the
    // link of whichever mail it sends outlives ours (rotation keeps the newest).
    log(`outbox: mail ${claim.id} to ${row.to} left after its lease had passed to another worker`);
    return 'superseded';
  }

  if (!rendered && !failure) {
    const { count } = await prisma.outboxMail.updateMany({
      where: held(claim),
      data: { status: 'FAILED', lastError: 'Адресат или опрос больше не существует', lockedUntil: null },
    });
    return count === 0 ? 'superseded' : 'failed';
  }

  const finalAttempt = claim.attempts >= settings.maxAttempts;
  const lastError = failure ? failure.message.slice(0, 1000) : 'Письмо передано другому обработчику очереди';
  const delaySeconds = retryDelayMs(claim.attempts, settings) / 1000;
  const count = await prisma.$transaction(async (tx) => {
    // The link made for a mail that did not leave is useless: remove it.
    if (rendered?.linkId) await tx.loginLink.deleteMany({ where: { id: rendered.linkId } });
    return tx.$executeRaw`
      UPDATE "OutboxMail"
      SET status = ${finalAttempt ? 'FAILED' : 'PENDING'}::"MailStatus", "lastError" = ${lastError},
          "nextAttemptAt" = now() + make_interval(secs => ${delaySeconds}), "lockedUntil" = NULL
      WHERE id = ${claim.id} AND attempts = ${claim.attempts} AND status = 'PENDING'`;
  });
  if (count === 0) return 'superseded';
  return finalAttempt ? 'failed' : 'retried';
}

/** Sends up to `batchSize` due rows, one claim at a time; returns what happened. Safe to run in several processes. */
export async function processOutbox(context: OutboxContext, batchSize = 20): Promise<OutboxRun> {
  const settings = { ...outboxSettingsFromEnv(), ...context.settings };
  const log = context.log ?? console.error;
  const run: OutboxRun = { sent: 0, failed: 0, retried: 0 };
  for (let done = 0; done < batchSize; done++) {
    const claim = await claimNext(context.prisma, settings);
    if (!claim) break;
    const outcome = await deliver(context, claim, settings, log);
    if (outcome !== 'superseded') run[outcome] += 1;
  }
  return run;
}

/** Runs the outbox every `intervalMs` (and when poked after a new row); returns a stop function. */
export function startOutboxWorker(context: OutboxContext, intervalMs = 5_000, log: (line: string) => void = console.error) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  /** Poked while a run was under way (its row may have come after the run's last claim), or a full batch: run again. */
  let again = false;
  const batchSize = 20;
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    running = processOutbox({ log, ...context }, batchSize)
      .then((run) => {
        if (run.sent + run.failed + run.retried === batchSize) again = true;
      })
      .catch((error: Error) => log(`outbox: ${error.message}`))
      .finally(() => {
        running = null;
        if (again) tick();
      });
  };
  const timer = setInterval(tick, intervalMs);
  return {
    poke: tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
