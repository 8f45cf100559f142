// Reminders of protocol tasks' deadlines (issue 12, point 4): one mail per contact a coordinator
// recorded for an owner, listing that owner's items with occurrences not done that are overdue or due
// within N days of the database's date, by protocol and item number (a recurring duty's passed dates
// on one line). The preview renders exactly the mails
// that sending queues: sending renders them again in its transaction and stores the rendered text in
// the outbox row (it holds no secret), so the worker sends what the coordinator read.
import type { Db, Tx } from '../db/client.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { SUPPORT, type RenderedMail } from '../email/templates.ts';
import { countOf } from '../i18n/plural.ts';
import { type Actor, recordAudit } from './audit.ts';
import { ActionRefusedError, fieldError, ValidationError } from './errors.ts';
import { type ContactDue, dueTasksByContact, taskStatusLabels } from './protocols.ts';

export const TASK_REMINDER_TEMPLATE = 'task-reminder';
export const MAX_REMINDER_DAYS = 90;
/** A contact's mail lists at most this many items (the rest are counted). */
export const MAX_ITEMS_PER_MAIL = 50;
/** At most this many mails in one preview or sending. */
export const MAX_REMINDER_MAILS = 500;

export interface TaskReminderInput {
  /** Only owners of this region. */
  regionId?: number | null;
  /** Upcoming: due from today through today + N days (default 30); the overdue are always included. */
  withinDays?: number | null;
  /** Only these contacts (the preview's rows a coordinator kept). */
  contactIds?: number[] | null;
  /** Tests: the database's date. */
  today?: string | null;
}

export interface TaskReminderMail {
  contactId: number;
  to: string;
  name: string | null;
  ownerId: number;
  ownerName: string;
  regionCode: string;
  regionName: string;
  /** Items with a passed date not done. */
  overdueCount: number;
  /** Items with a date coming within the days asked and none passed. */
  upcomingCount: number;
  subject: string;
  text: string;
  html: string;
}

export interface TaskReminderPreview {
  withinDays: number;
  mails: TaskReminderMail[];
}

const DAYS = ['день', 'дня', 'дней'] as const;

/** «15.06.2017». */
const ruDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** The item's text cut at a word's end within `max` characters. */
function excerpt(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).replace(/[\s,;:.–-]+$/, '')}…`;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

type Occurrence = ContactDue['occurrences'][number];

/** One item of a mail: its overdue dates (oldest first) and its next date not yet passed. */
interface ItemDue {
  number: string;
  text: string;
  overdue: Occurrence[];
  next: Occurrence | null;
}

const TERMS = ['срок', 'срока', 'сроков'] as const;
const ITEMS_GENITIVE = ['пункта', 'пунктов', 'пунктов'] as const;

/**
 * «п. 2.1 «…» — срок 15.06.2017 — ПРОСРОЧЕНО на 71 день; состояние: не начато.» A recurring duty's
 * passed dates are one line: «ПРОСРОЧЕНО 3 срока: с 20.06.2017 по 20.08.2017; следующий срок
 * 20.09.2017 — осталось 26 дней».
 */
function itemLine(item: ItemDue): string {
  const parts: string[] = [];
  const [first] = item.overdue;
  const last = item.overdue.at(-1);
  if (first && item.overdue.length === 1) parts.push(`срок ${ruDate(first.dueOn)} — ПРОСРОЧЕНО на ${countOf(-first.daysLeft, DAYS)}`);
  else if (first && last) parts.push(`ПРОСРОЧЕНО ${countOf(item.overdue.length, TERMS)}: с ${ruDate(first.dueOn)} по ${ruDate(last.dueOn)}`);
  if (item.next) {
    const left = item.next.daysLeft === 0 ? 'истекает сегодня' : `осталось ${countOf(item.next.daysLeft, DAYS)}`;
    parts.push(`${item.overdue.length > 0 ? 'следующий срок' : 'срок'} ${ruDate(item.next.dueOn)} — ${left}`);
  }
  const status = (first ?? item.next)!.status as keyof typeof taskStatusLabels;
  return `п. ${item.number} «${excerpt(item.text)}» — ${parts.join('; ')}; состояние: ${taskStatusLabels[status]}.`;
}

/** A contact's occurrences by protocol and item, in the order they come (by date). */
function byProtocolAndItem(occurrences: Occurrence[]) {
  const protocols = new Map<number, { heading: string; items: Map<number, ItemDue> }>();
  for (const occurrence of occurrences) {
    const { protocol, item } = occurrence;
    let group = protocols.get(protocol.id);
    if (!group) {
      group = { heading: `Протокол № ${protocol.number} от ${ruDate(protocol.date)} «${excerpt(protocol.title, 200)}»`, items: new Map() };
      protocols.set(protocol.id, group);
    }
    let due = group.items.get(item.id);
    if (!due) {
      due = { number: item.number, text: item.text, overdue: [], next: null };
      group.items.set(item.id, due);
    }
    if (occurrence.overdue) due.overdue.push(occurrence);
    else due.next ??= occurrence;
  }
  const order = (number: string) =>
    number
      .split('.')
      .map((part) => part.padStart(4, '0'))
      .join('.');
  return [...protocols.values()].map((group) => ({
    heading: group.heading,
    items: [...group.items.values()].sort((a, b) => order(a.number).localeCompare(order(b.number))),
  }));
}

/** The counts a mail is about: items with an overdue date, items with a date coming (not overdue). */
export function reminderCounts(due: ContactDue): { overdueItems: number; upcomingItems: number } {
  const groups = byProtocolAndItem(due.occurrences);
  const items = groups.flatMap((group) => group.items);
  return { overdueItems: items.filter((item) => item.overdue.length > 0).length, upcomingItems: items.filter((item) => !item.overdue.length).length };
}

/** The mail to one contact: its owner's items due or overdue, by protocol and item number. */
export function taskReminderMail(due: ContactDue): RenderedMail {
  const groups = byProtocolAndItem(due.occurrences);
  const { overdueItems, upcomingItems } = reminderCounts(due);
  const subject =
    overdueItems > 0
      ? `Просрочено исполнение ${countOf(overdueItems, ITEMS_GENITIVE)} протокола: ${due.owner.name}`
      : `Напоминание о сроках исполнения протокола: ${due.owner.name}`;
  const summary = [
    overdueItems > 0 ? `просрочено — ${countOf(overdueItems, ['пункт', 'пункта', 'пунктов'])}` : null,
    upcomingItems > 0 ? `срок подходит — ${countOf(upcomingItems, ['пункт', 'пункта', 'пунктов'])}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  const intro = `Напоминаем о сроках исполнения поручений, в которых исполнителем указан(о) ${due.owner.name} (${due.owner.regionName}): ${summary}.`;
  const closing = 'Просим обеспечить исполнение в установленный срок и сообщить о ходе исполнения куратору протокола.';
  const support = `По вопросам работы системы мониторинга обращайтесь в ${SUPPORT.organisation}: телефон ${SUPPORT.phone}, электронная почта ${SUPPORT.email}.`;
  let listed = 0;
  const shown = groups.map((group) => ({ heading: group.heading, items: group.items.filter(() => listed++ < MAX_ITEMS_PER_MAIL) }));
  const rest = Math.max(0, listed - MAX_ITEMS_PER_MAIL);
  const lines = ['Уважаемый коллега!', '', intro, ''];
  for (const group of shown) {
    if (group.items.length === 0) continue;
    lines.push(`${group.heading}:`);
    for (const item of group.items) lines.push(`— ${itemLine(item)}`);
    lines.push('');
  }
  const restText = `И ещё ${countOf(rest, ['пункт', 'пункта', 'пунктов'])} (список сокращён).`;
  if (rest > 0) lines.push(restText, '');
  lines.push(closing, '', support);
  const html = `<!doctype html><html lang="ru"><body style="font-family:Arial,sans-serif;font-size:15px;color:#1b1b1b">
<p>Уважаемый коллега!</p>
<p>${escapeHtml(intro)}</p>
${shown
  .filter((group) => group.items.length > 0)
  .map(
    (group) =>
      `<p><strong>${escapeHtml(group.heading)}:</strong></p>\n<ul>${group.items
        .map((item) => `<li${item.overdue.length ? ' style="color:#a00000"' : ''}>${escapeHtml(itemLine(item))}</li>`)
        .join('')}</ul>`,
  )
  .join('\n')}
${rest > 0 ? `<p>${escapeHtml(restText)}</p>` : ''}
<p>${escapeHtml(closing)}</p>
<p style="color:#555">${escapeHtml(support)}</p></body></html>`;
  return { subject, text: lines.join('\n'), html };
}

function checkedDays(input: TaskReminderInput): number {
  const days = input.withinDays ?? 30;
  if (!Number.isInteger(days) || days < 0 || days > MAX_REMINDER_DAYS) {
    throw new ValidationError([fieldError('withinDays', 'OUT_OF_RANGE', `Срок вперёд — от 0 до ${MAX_REMINDER_DAYS} дней.`)]);
  }
  if (input.contactIds && input.contactIds.length > MAX_REMINDER_MAILS) {
    throw new ValidationError([fieldError('contactIds', 'OUT_OF_RANGE', `Не больше ${MAX_REMINDER_MAILS} адресатов за один раз.`)]);
  }
  return days;
}

async function renderMails(db: Db | Tx, input: TaskReminderInput, withinDays: number): Promise<TaskReminderMail[]> {
  const dues = await dueTasksByContact(db as Db, {
    withinDays,
    regionId: input.regionId ?? null,
    today: input.today ?? null,
    // Every occurrence: a monthly duty's passed dates become one line of the mail.
    perContact: Number.MAX_SAFE_INTEGER,
  });
  const chosen = input.contactIds ? new Set(input.contactIds) : null;
  return dues
    .filter((due) => !chosen || chosen.has(due.contact.id))
    .slice(0, MAX_REMINDER_MAILS)
    .map((due) => ({
      contactId: due.contact.id,
      to: due.contact.email,
      name: due.contact.name,
      ownerId: due.owner.id,
      ownerName: due.owner.name,
      regionCode: due.owner.regionCode,
      regionName: due.owner.regionName,
      overdueCount: reminderCounts(due).overdueItems,
      upcomingCount: reminderCounts(due).upcomingItems,
      ...taskReminderMail(due),
    }));
}

/** The mails sending would queue now, each as its contact will read it. */
export async function taskReminderPreview(prisma: Db, input: TaskReminderInput): Promise<TaskReminderPreview> {
  const withinDays = checkedDays(input);
  return { withinDays, mails: await renderMails(prisma, input, withinDays) };
}

/** Queues the mails of the preview through the outbox, with the audit entry, in one transaction. */
export async function sendTaskReminders(prisma: Db, actor: Actor, input: TaskReminderInput): Promise<{ queued: number; mails: TaskReminderMail[] }> {
  const withinDays = checkedDays(input);
  return prisma.$transaction(
    async (tx) => {
      const mails = await renderMails(tx, input, withinDays);
      if (mails.length === 0) {
        throw new ActionRefusedError(
          'NO_RECIPIENTS',
          'Напоминание некому отправить: ни у одного записанного адресата нет просроченных или подходящих сроков.',
        );
      }
      const { count } = await tx.outboxMail.createMany({
        data: mails.map((mail) => ({
          template: TASK_REMINDER_TEMPLATE,
          to: mail.to,
          subject: mail.subject,
          data: {
            contactId: mail.contactId,
            ownerId: mail.ownerId,
            subject: mail.subject,
            text: mail.text,
            html: mail.html,
          } satisfies Prisma.InputJsonValue,
        })),
      });
      await recordAudit(tx, actor, {
        action: 'taskReminders.send',
        subjectType: 'TaskOwner',
        subjectId: input.regionId ? `region:${input.regionId}` : 'all',
        after: {
          withinDays,
          recipients: count,
          contacts: mails.map((mail) => ({ email: mail.to, owner: mail.ownerName, overdue: mail.overdueCount, upcoming: mail.upcomingCount })),
        },
      });
      return { queued: count, mails };
    },
    { timeout: 60_000 },
  );
}

/** What the outbox worker sends for a task reminder: the text stored when it was queued. */
export function storedTaskReminder(data: unknown): RenderedMail | null {
  const stored = data as Partial<RenderedMail> | null;
  if (!stored || typeof stored.subject !== 'string' || typeof stored.text !== 'string' || typeof stored.html !== 'string') return null;
  return { subject: stored.subject, text: stored.text, html: stored.html };
}
