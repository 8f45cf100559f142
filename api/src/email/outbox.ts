// The transactional outbox: mails are rows written in the same transaction as their cause and
// delivered by a worker. A claimed row is leased (FOR UPDATE SKIP LOCKED + lockedUntil), so two
// workers never send one row; it is marked SENT only after the mail server accepted it; failures
// are retried with exponential backoff, and after MAX_ATTEMPTS the row is FAILED for a person to see.
import type { Db, Tx } from '../db/client.ts';
import type { OutboxMail, Prisma } from '../generated/prisma/client.ts';
import { issueLoginLink, rotateLoginLinks } from '../auth/loginLinks.ts';
import { logAuthEvent } from '../auth/authEvents.ts';
import { windowText } from '../survey/window.ts';
import type { Mailer } from './mailer.ts';
import { loginLinkMail, reminderMail, type RenderedMail } from './templates.ts';

export const MAX_ATTEMPTS = 12;
const LEASE_MS = 2 * 60 * 1000;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 30_000 * 2 ** Math.max(0, attempts - 1));
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

export interface OutboxContext {
  prisma: Db;
  mailer: Mailer;
  /** The site's public address, for links in mails. */
  publicUrl: string;
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
  if (row.template === 'login-link' || row.template === 'reminder') {
    const data = row.data as unknown as LoginLinkMailData;
    const campaign = await tx.campaign.findUnique({ where: { id: data.campaignId } });
    const user = await tx.user.findUnique({ where: { id: data.userId } });
    if (!campaign || !user || user.disabledAt) return null;
    const { token, linkId } = await issueLoginLink(tx, user.id, campaign.id);
    const link = `${context.publicUrl}/auth?e=${encodeURIComponent(user.email)}&h=${token}`;
    const template = row.template === 'reminder' ? reminderMail : loginLinkMail;
    const mail = template({
      link,
      campaignTitle: campaign.title,
      window: windowText(campaign.opensAt, campaign.closesAt),
      siteHost: new URL(context.publicUrl).host,
    });
    return { mail, link, linkId };
  }
  throw new Error(`Unknown mail template ${row.template}`);
}

export interface OutboxRun {
  sent: number;
  failed: number;
  retried: number;
}

/** Claims due rows and sends them; returns what happened. Safe to run in several processes. */
export async function processOutbox(context: OutboxContext, batchSize = 20): Promise<OutboxRun> {
  const { prisma } = context;
  const claimed = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "OutboxMail" SET "lockedUntil" = now() + make_interval(secs => ${LEASE_MS / 1000}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM "OutboxMail"
      WHERE status = 'PENDING' AND "nextAttemptAt" <= now() AND ("lockedUntil" IS NULL OR "lockedUntil" < now())
      ORDER BY "createdAt" LIMIT ${batchSize}
      FOR UPDATE SKIP LOCKED)
    RETURNING id`;
  const run: OutboxRun = { sent: 0, failed: 0, retried: 0 };
  for (const { id } of claimed) {
    const row = await prisma.outboxMail.findUniqueOrThrow({ where: { id } });
    let rendered: Rendered | null = null;
    try {
      rendered = await prisma.$transaction((tx) => render(tx, row, context));
      if (!rendered) {
        await prisma.outboxMail.update({
          where: { id },
          data: { status: 'FAILED', lastError: 'Адресат или опрос больше не существует', lockedUntil: null },
        });
        run.failed += 1;
        continue;
      }
      // Sent outside any transaction: a slow mail server must not hold the database.
      const messageId = await context.mailer.send(row.to, rendered.mail, { link: rendered.link });
      await prisma.$transaction(async (tx) => {
        if (rendered!.linkId) await rotateLoginLinks(tx, rendered!.linkId);
        await tx.outboxMail.update({
          where: { id },
          data: { status: 'SENT', sentAt: new Date(), messageId, subject: rendered!.mail.subject, lockedUntil: null, lastError: null },
        });
        if (row.template === 'login-link' || row.template === 'reminder') {
          await logAuthEvent(
            tx,
            'link_sent',
            { ip: null, userAgent: null },
            { email: row.to, userId: (row.data as unknown as LoginLinkMailData).userId },
          );
        }
      });
      run.sent += 1;
    } catch (error) {
      // The link made for a mail that did not leave is useless: remove it.
      if (rendered?.linkId) await prisma.loginLink.deleteMany({ where: { id: rendered.linkId } });
      const finalAttempt = row.attempts >= MAX_ATTEMPTS;
      await prisma.outboxMail.update({
        where: { id },
        data: {
          status: finalAttempt ? 'FAILED' : 'PENDING',
          lastError: (error as Error).message.slice(0, 1000),
          nextAttemptAt: new Date(Date.now() + retryDelayMs(row.attempts)),
          lockedUntil: null,
        },
      });
      if (finalAttempt) run.failed += 1;
      else run.retried += 1;
    }
  }
  return run;
}

/** Runs the outbox every `intervalMs` (and when poked after a new row); returns a stop function. */
export function startOutboxWorker(context: OutboxContext, intervalMs = 5_000, log: (line: string) => void = console.error) {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = processOutbox(context)
      .catch((error: Error) => log(`outbox: ${error.message}`))
      .finally(() => {
        running = null;
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
