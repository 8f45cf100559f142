// Reminders to respondents who have not finished: who would get one (preview), and sending — one
// outbox mail per person, all in one transaction with its audit entry. The personal link is made
// when each mail leaves (email/outbox.ts), as for the login-link mail.
import type { Db } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { enqueueReminderMails } from '../email/outbox.ts';
import { reminderMail } from '../email/templates.ts';
import { recordAudit, type Actor } from './audit.ts';
import { windowText } from '../survey/window.ts';
import { assertWindowOpen, campaignByCode } from './campaigns.ts';
import { ActionRefusedError, fieldError, ValidationError } from './errors.ts';

export type ReminderAudience = 'NOT_STARTED' | 'IN_PROGRESS_BELOW_100' | 'RETURNED';
export const REMINDER_AUDIENCES: readonly ReminderAudience[] = ['NOT_STARTED', 'IN_PROGRESS_BELOW_100', 'RETURNED'];

/** One group or several (issue 13, item 8): each person is counted and mailed once, whatever groups they are in. */
export interface ReminderInput {
  campaignCode: string;
  audience?: ReminderAudience | null;
  audiences?: readonly ReminderAudience[] | null;
}

/** The groups asked for, each once, in the usual order; ValidationError naming the field when there is none. */
export function chosenAudiences(input: ReminderInput): ReminderAudience[] {
  const asked = new Set([...(input.audiences ?? []), ...(input.audience ? [input.audience] : [])]);
  if (!asked.size) throw new ValidationError([fieldError('audiences', 'REQUIRED', 'Выберите хотя бы одну группу получателей.')]);
  return REMINDER_AUDIENCES.filter((audience) => asked.has(audience));
}

export const SAMPLE_SIZE = 5;
/** Shown in the preview where each person's own link will be. */
export const LINK_PLACEHOLDER = '[персональная ссылка будет сформирована при отправке]';

/**
 * Active respondents of the audience: registered for the campaign and not started; a draft below
 * 100%; or a questionnaire returned for rework and not sent again (whatever its completion: at 100%
 * it is in no other group). Several audiences: anyone in one of them.
 */
export function audienceWhere(campaignId: number, audience: ReminderAudience | readonly ReminderAudience[]): Prisma.UserWhereInput {
  const active: Prisma.UserWhereInput = { role: 'RESPONDENT', disabledAt: null };
  const one = (group: ReminderAudience): Prisma.UserWhereInput =>
    group === 'NOT_STARTED'
      ? { loginLinks: { some: { campaignId } }, responses: { none: { campaignId } } }
      : group === 'RETURNED'
        ? { responses: { some: { campaignId, status: 'DRAFT', returnedAt: { not: null } } } }
        : { responses: { some: { campaignId, status: 'DRAFT', completion: { lt: 100 } } } };
  const groups = typeof audience === 'string' ? [audience] : audience;
  return groups.length === 1 ? { ...active, ...one(groups[0]!) } : { ...active, OR: groups.map(one) };
}

export interface ReminderPreview {
  recipients: number;
  /** Per group asked for: how many it holds (a person in two groups is in both counts, once in `recipients`). */
  groups: { audience: ReminderAudience; recipients: number }[];
  sample: string[];
  subject: string;
  text: string;
}

export async function reminderPreview(prisma: Db, input: ReminderInput, siteHost: string): Promise<ReminderPreview> {
  const audiences = chosenAudiences(input);
  const campaign = await campaignByCode(prisma, input.campaignCode);
  const where = audienceWhere(campaign.id, audiences);
  const [recipients, sample, groups] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, orderBy: { email: 'asc' }, take: SAMPLE_SIZE, select: { email: true } }),
    Promise.all(
      audiences.map(async (audience) => ({ audience, recipients: await prisma.user.count({ where: audienceWhere(campaign.id, audience) }) })),
    ),
  ]);
  const mail = reminderMail({
    link: LINK_PLACEHOLDER,
    campaignTitle: campaign.title,
    window: windowText(campaign.opensAt, campaign.closesAt),
    siteHost,
  });
  return { recipients, groups, sample: sample.map((user) => user.email), subject: mail.subject, text: mail.text };
}

/** Queues one reminder per recipient; refuses while the window is not open (the links would not work). */
export async function sendReminders(prisma: Db, actor: Actor, input: ReminderInput): Promise<{ queued: number }> {
  const audiences = chosenAudiences(input);
  return prisma.$transaction(
    async (tx) => {
      const campaign = await campaignByCode(tx, input.campaignCode);
      assertWindowOpen(campaign, new Date());
      const recipients = await tx.user.findMany({
        where: audienceWhere(campaign.id, audiences),
        orderBy: { email: 'asc' },
        select: { id: true, email: true },
      });
      if (!recipients.length) throw new ActionRefusedError('NO_RECIPIENTS', 'Напоминание некому отправить: в выбранной группе нет респондентов.');
      const queued = await enqueueReminderMails(
        tx,
        recipients.map((user) => ({ email: user.email, userId: user.id })),
        campaign.id,
      );
      await recordAudit(tx, actor, {
        action: 'campaign.reminders.send',
        subjectType: 'Campaign',
        subjectId: campaign.code,
        // One group keeps the record's old shape; several are listed.
        after: audiences.length === 1 ? { audience: audiences[0], recipients: queued } : { audiences, recipients: queued },
      });
      return { queued };
    },
    { timeout: 60_000 },
  );
}
