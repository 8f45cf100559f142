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
import { ActionRefusedError } from './errors.ts';

export type ReminderAudience = 'NOT_STARTED' | 'IN_PROGRESS_BELOW_100';

export const SAMPLE_SIZE = 5;
/** Shown in the preview where each person's own link will be. */
export const LINK_PLACEHOLDER = '[персональная ссылка будет сформирована при отправке]';

/** Active respondents of the audience: registered for the campaign and not started, or a draft below 100%. */
export function audienceWhere(campaignId: number, audience: ReminderAudience): Prisma.UserWhereInput {
  const active: Prisma.UserWhereInput = { role: 'RESPONDENT', disabledAt: null };
  return audience === 'NOT_STARTED'
    ? { ...active, loginLinks: { some: { campaignId } }, responses: { none: { campaignId } } }
    : { ...active, responses: { some: { campaignId, status: 'DRAFT', completion: { lt: 100 } } } };
}

export interface ReminderPreview {
  recipients: number;
  sample: string[];
  subject: string;
  text: string;
}

export async function reminderPreview(
  prisma: Db,
  input: { campaignCode: string; audience: ReminderAudience },
  siteHost: string,
): Promise<ReminderPreview> {
  const campaign = await campaignByCode(prisma, input.campaignCode);
  const where = audienceWhere(campaign.id, input.audience);
  const [recipients, sample] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({ where, orderBy: { email: 'asc' }, take: SAMPLE_SIZE, select: { email: true } }),
  ]);
  const mail = reminderMail({
    link: LINK_PLACEHOLDER,
    campaignTitle: campaign.title,
    window: windowText(campaign.opensAt, campaign.closesAt),
    siteHost,
  });
  return { recipients, sample: sample.map((user) => user.email), subject: mail.subject, text: mail.text };
}

/** Queues one reminder per recipient; refuses while the window is not open (the links would not work). */
export async function sendReminders(
  prisma: Db,
  actor: Actor,
  input: { campaignCode: string; audience: ReminderAudience },
): Promise<{ queued: number }> {
  return prisma.$transaction(
    async (tx) => {
      const campaign = await campaignByCode(tx, input.campaignCode);
      assertWindowOpen(campaign, new Date());
      const recipients = await tx.user.findMany({
        where: audienceWhere(campaign.id, input.audience),
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
        after: { audience: input.audience, recipients: queued },
      });
      return { queued };
    },
    { timeout: 60_000 },
  );
}
