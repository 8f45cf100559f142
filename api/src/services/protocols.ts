// Tracking the tasks of regional protocols (issue 12): statuses and progress reports by coordinators
// and by a regional portal's token (its own region only), each audited in its transaction; overdue
// by the database's date; a parent's progress as the share of its children done; the occurrences due
// and overdue across regions; the contacts to remind of their owners' deadlines.
import { Kind, type OperationDefinitionNode } from 'graphql';
import { z } from 'zod';
import type { Db, Tx } from '../db/client.ts';
import type { Prisma, TaskStatus } from '../generated/prisma/client.ts';
import { type Actor, recordAudit } from './audit.ts';
import { fieldError, NotFoundError, ValidationError } from './errors.ts';
import { parseInput } from './input.ts';
import type { Portal } from './portalTokens.ts';
import { databaseToday } from './protocolSchedule.ts';
import { addDays, asDateColumn, dateOnly, daysBetween, isIsoDate } from './taskSchedule.ts';

export const TASK_STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'DONE'] as const satisfies readonly TaskStatus[];

export const taskStatusLabels: Record<TaskStatus, string> = {
  NOT_STARTED: 'не начато',
  IN_PROGRESS: 'в работе',
  DONE: 'выполнено',
};

/**
 * The root fields of a mutation a portal's token may call (yoga.ts refuses every other mutation to
 * portals); each still needs the taskReports scope and acts in the token's region only.
 */
export const PORTAL_MUTATIONS: ReadonlySet<string> = new Set(['setTaskStatus', 'reportTaskProgress']);

/** Whether an operation is a mutation of PORTAL_MUTATIONS fields only (plain root fields, no fragments). */
export function isPortalWrite(operation: OperationDefinitionNode | null | undefined): boolean {
  return (
    operation?.operation === 'mutation' &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (PORTAL_MUTATIONS.has(s.name.value) || s.name.value === '__typename'))
  );
}

/** Who acts on a task: a coordinator, or a regional portal's token (its own region only). */
export type TaskActor = { coordinator: Actor } | { portal: Portal };

const occurrenceGone = () => new NotFoundError('Срок задачи не найден: обновите страницу.');

/** The occurrence rows the actor may see: a portal's token only its region's. */
export function occurrencesVisibleTo(actor: TaskActor | { portal: Portal | null }): Prisma.TaskOccurrenceWhereInput | null {
  return 'portal' in actor && actor.portal ? { item: { protocol: { regionId: actor.portal.regionId } } } : null;
}

/** Whether an occurrence is overdue on `today`: its date has passed and it is not done. */
export function isOverdue(occurrence: { dueOn: Date | null; status: TaskStatus }, today: string): boolean {
  return occurrence.dueOn !== null && dateOnly(occurrence.dueOn) < today && occurrence.status !== 'DONE';
}

/** The audit log's actor: the coordinator, or the portal's token by id, region and name. */
async function auditActor(tx: Tx, actor: TaskActor): Promise<{ audit: Actor; author: string; userId: string | null; tokenId: number | null }> {
  if ('coordinator' in actor) return { audit: actor.coordinator, author: actor.coordinator.email, userId: actor.coordinator.id, tokenId: null };
  const token = await tx.portalToken.findUnique({ where: { id: actor.portal.tokenId }, select: { name: true } });
  const author = `Портал ${actor.portal.regionCode}: ${token?.name ?? `токен ${actor.portal.tokenId}`}`;
  return { audit: { id: `portal-token:${actor.portal.tokenId}`, email: author }, author, userId: null, tokenId: actor.portal.tokenId };
}

/** The occurrence for a write, locked for the transaction; NotFoundError when the actor may not see it. */
async function lockedOccurrence(tx: Tx, actor: TaskActor, occurrenceId: number) {
  if (!Number.isSafeInteger(occurrenceId) || occurrenceId <= 0 || occurrenceId > 2_147_483_647) throw occurrenceGone();
  const visible = occurrencesVisibleTo(actor);
  const found = await tx.taskOccurrence.findFirst({
    where: { id: occurrenceId, ...(visible ? { AND: [visible] } : {}) },
    select: { id: true },
  });
  if (!found) throw occurrenceGone();
  await tx.$executeRaw`SELECT 1 FROM "TaskOccurrence" WHERE id = ${occurrenceId} FOR UPDATE`;
  return tx.taskOccurrence.findUniqueOrThrow({
    where: { id: occurrenceId },
    include: { item: { select: { number: true, protocol: { select: { id: true, number: true, region: { select: { code: true } } } } } } },
  });
}

const subjectOf = (occurrence: {
  dueOn: Date | null;
  sequence: number;
  item: { number: string; protocol: { id: number; number: string; region: { code: string } } };
}) => ({
  region: occurrence.item.protocol.region.code,
  protocol: occurrence.item.protocol.number,
  item: occurrence.item.number,
  dueOn: occurrence.dueOn ? dateOnly(occurrence.dueOn) : null,
});

const statusSchema = z.object({
  status: z.enum(TASK_STATUSES, { error: 'Статус: одно из NOT_STARTED, IN_PROGRESS, DONE.' }),
  reason: z.string().trim().max(2000, 'Причина слишком длинная: не больше 2000 знаков.').nullish(),
});

/**
 * Sets an occurrence's status (a coordinator's correction, or a portal's report of its region's
 * task). The same status again changes nothing and is not audited.
 */
export async function setTaskStatus(prisma: Db, actor: TaskActor, input: { occurrenceId: number; status: unknown; reason?: unknown }) {
  const change = parseInput(statusSchema, { status: input.status, reason: input.reason });
  return prisma.$transaction(async (tx) => {
    const occurrence = await lockedOccurrence(tx, actor, input.occurrenceId);
    if (occurrence.status === change.status) return occurrence;
    const who = await auditActor(tx, actor);
    const updated = await tx.taskOccurrence.update({
      where: { id: occurrence.id },
      data: { status: change.status, statusChangedAt: new Date(), statusChangedBy: who.author },
    });
    await recordAudit(tx, who.audit, {
      action: 'task.status',
      subjectType: 'TaskOccurrence',
      subjectId: occurrence.id,
      before: { ...subjectOf(occurrence), status: occurrence.status },
      after: { ...subjectOf(occurrence), status: change.status },
      reason: change.reason || null,
    });
    return updated;
  });
}

const reportSchema = z.object({
  text: z
    .string({ error: 'Опишите, что сделано.' })
    .trim()
    .min(1, 'Опишите, что сделано.')
    .max(10_000, 'Отчёт слишком длинный: не больше 10 000 знаков.'),
  evidenceUrl: z
    .string()
    .trim()
    .max(2000, 'Ссылка слишком длинная: не больше 2000 знаков.')
    .refine(
      (value) => value === '' || /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value),
      'Ссылка на подтверждение: адрес, начинающийся с http:// или https://.',
    )
    .nullish(),
  status: z.enum(TASK_STATUSES, { error: 'Статус: одно из NOT_STARTED, IN_PROGRESS, DONE.' }).nullish(),
});

export interface ReportInput {
  occurrenceId: number;
  text: unknown;
  evidenceUrl?: unknown;
  /** The status the report sets, if any. */
  status?: unknown;
}

/** Adds a progress report (and, when it names one, the new status) to an occurrence; audited. */
export async function reportTaskProgress(prisma: Db, actor: TaskActor, input: ReportInput) {
  const report = parseInput(reportSchema, { text: input.text, evidenceUrl: input.evidenceUrl, status: input.status });
  return prisma.$transaction(async (tx) => {
    const occurrence = await lockedOccurrence(tx, actor, input.occurrenceId);
    const who = await auditActor(tx, actor);
    const created = await tx.taskReport.create({
      data: {
        occurrenceId: occurrence.id,
        text: report.text,
        evidenceUrl: report.evidenceUrl || null,
        status: report.status ?? null,
        author: who.author,
        authorUserId: who.userId,
        portalTokenId: who.tokenId,
      },
    });
    const statusChanges = report.status && report.status !== occurrence.status;
    if (statusChanges) {
      await tx.taskOccurrence.update({
        where: { id: occurrence.id },
        data: { status: report.status!, statusChangedAt: created.createdAt, statusChangedBy: who.author },
      });
    }
    await recordAudit(tx, who.audit, {
      action: 'task.report',
      subjectType: 'TaskOccurrence',
      subjectId: occurrence.id,
      before: { ...subjectOf(occurrence), status: occurrence.status },
      after: {
        ...subjectOf(occurrence),
        status: statusChanges ? report.status : occurrence.status,
        report: { id: created.id, text: created.text, evidenceUrl: created.evidenceUrl },
      },
    });
    return created;
  });
}

// ---------------------------------------------------------------------------------------------------
// Progress over the tree

export interface ItemProgress {
  /** null for an item that is no task and has no tasks under it («Принять к сведению»). */
  status: TaskStatus | null;
  /** Share done, 0–1: of the item's due occurrences for a task, of its children for a parent. */
  progress: number | null;
  /** For a parent: children that are tasks, and those done; for a task: occurrences counted, and done. */
  done: number;
  total: number;
  /** Overdue occurrences of the item and everything under it. */
  overdue: number;
}

interface ProgressItem {
  id: number;
  parentId: number | null;
}
interface ProgressOccurrence {
  itemId: number;
  sequence: number;
  dueOn: Date | null;
  status: TaskStatus;
}

/**
 * The progress of every item of a tree on `today`. A task (an item with occurrences) counts the
 * occurrences due by today — or its first one while none is due yet — and is done when they all are.
 * A parent counts its children that are tasks or have tasks: progress = the share of them done;
 * done when all are, not started when none has started. Pure.
 */
export function rollUp(items: ProgressItem[], occurrences: ProgressOccurrence[], today: string): Map<number, ItemProgress> {
  const children = new Map<number | null, ProgressItem[]>();
  for (const item of items) children.set(item.parentId, [...(children.get(item.parentId) ?? []), item]);
  const byItem = new Map<number, ProgressOccurrence[]>();
  for (const o of occurrences) byItem.set(o.itemId, [...(byItem.get(o.itemId) ?? []), o]);
  const result = new Map<number, ItemProgress>();

  const visit = (item: ProgressItem): ItemProgress => {
    const kids = (children.get(item.id) ?? []).map(visit);
    const own = (byItem.get(item.id) ?? []).sort((a, b) => a.sequence - b.sequence);
    const overdue = own.filter((o) => isOverdue(o, today)).length + kids.reduce((sum, k) => sum + k.overdue, 0);
    let progress: ItemProgress;
    if (own.length > 0 && kids.every((k) => k.status === null)) {
      const due = own.filter((o) => o.dueOn === null || dateOnly(o.dueOn) <= today);
      const counted = due.length > 0 ? due : own.slice(0, 1);
      const done = counted.filter((o) => o.status === 'DONE').length;
      const started = counted.some((o) => o.status !== 'NOT_STARTED') || own.some((o) => o.status !== 'NOT_STARTED');
      progress = {
        status: done === counted.length ? 'DONE' : started ? 'IN_PROGRESS' : 'NOT_STARTED',
        progress: done / counted.length,
        done,
        total: counted.length,
        overdue,
      };
    } else {
      const tasks = kids.filter((k) => k.status !== null);
      const done = tasks.filter((k) => k.status === 'DONE').length;
      progress =
        tasks.length === 0
          ? { status: null, progress: null, done: 0, total: 0, overdue }
          : {
              status: done === tasks.length ? 'DONE' : tasks.every((k) => k.status === 'NOT_STARTED') ? 'NOT_STARTED' : 'IN_PROGRESS',
              progress: done / tasks.length,
              done,
              total: tasks.length,
              overdue,
            };
    }
    result.set(item.id, progress);
    return progress;
  };
  const roots = children.get(null) ?? [];
  const top = roots.map(visit);
  // The protocol itself, under the key 0: its top-level items as children.
  const tasks = top.filter((k) => k.status !== null);
  const done = tasks.filter((k) => k.status === 'DONE').length;
  result.set(0, {
    status:
      tasks.length === 0 ? null : done === tasks.length ? 'DONE' : tasks.every((k) => k.status === 'NOT_STARTED') ? 'NOT_STARTED' : 'IN_PROGRESS',
    progress: tasks.length === 0 ? null : done / tasks.length,
    done,
    total: tasks.length,
    overdue: top.reduce((sum, k) => sum + k.overdue, 0),
  });
  return result;
}

/** The progress of every item of a protocol (and of the protocol, key 0) on the database's date. */
export async function protocolProgress(
  prisma: Db | Tx,
  protocolId: number,
  options: { today?: string | null } = {},
): Promise<Map<number, ItemProgress>> {
  const [today, items, occurrences] = await Promise.all([
    databaseToday(prisma, options.today),
    prisma.protocolItem.findMany({ where: { protocolId }, select: { id: true, parentId: true }, orderBy: { position: 'asc' } }),
    prisma.taskOccurrence.findMany({ where: { item: { protocolId } }, select: { itemId: true, sequence: true, dueOn: true, status: true } }),
  ]);
  return rollUp(items, occurrences, today);
}

// ---------------------------------------------------------------------------------------------------
// The occurrences across regions

export interface OccurrenceFilter {
  ids?: (string | number)[] | null;
  regionId?: number | null;
  protocolId?: number | null;
  itemId?: number | null;
  ownerId?: number | null;
  /** Part of an owner's name (case-insensitive). */
  owner?: string | null;
  status?: TaskStatus[] | null;
  /** true: overdue only; false: not overdue only. */
  overdue?: boolean | null;
  /** Due from today through today + N days (not done). */
  dueWithinDays?: number | null;
  /** With dueWithinDays: the overdue ones too. */
  includeOverdue?: boolean | null;
  dueFrom?: string | null;
  dueTo?: string | null;
  /** Words of the item's text or number. */
  q?: string | null;
}

export const MAX_DUE_WITHIN_DAYS = 3660;

/** The overdue condition on `today`. */
export const overdueWhere = (today: string): Prisma.TaskOccurrenceWhereInput => ({
  dueOn: { lt: asDateColumn(today) },
  status: { not: 'DONE' },
});

/** A filter as a condition on occurrences; bad values are refused as a ValidationError naming the field. */
export function occurrenceWhere(filter: OccurrenceFilter | null | undefined, today: string): Prisma.TaskOccurrenceWhereInput {
  if (!filter) return {};
  const and: Prisma.TaskOccurrenceWhereInput[] = [];
  const problems: { path: string; message: string }[] = [];
  if (filter.ids?.length) and.push({ id: { in: filter.ids.map(Number) } });
  if (filter.regionId != null) and.push({ item: { protocol: { regionId: filter.regionId } } });
  if (filter.protocolId != null) and.push({ item: { protocolId: filter.protocolId } });
  if (filter.itemId != null) and.push({ OR: [{ itemId: filter.itemId }, { item: { parentId: filter.itemId } }] });
  if (filter.ownerId != null) and.push({ item: { owners: { some: { ownerId: filter.ownerId } } } });
  const owner = filter.owner?.trim();
  if (owner) and.push({ item: { owners: { some: { owner: { name: { contains: owner, mode: 'insensitive' } } } } } });
  if (filter.status?.length) and.push({ status: { in: filter.status } });
  if (filter.overdue === true) and.push(overdueWhere(today));
  if (filter.overdue === false) and.push({ NOT: overdueWhere(today) });
  if (filter.dueWithinDays != null) {
    const days = filter.dueWithinDays;
    if (!Number.isInteger(days) || days < 0 || days > MAX_DUE_WITHIN_DAYS) {
      problems.push({ path: 'filter.dueWithinDays', message: `Число дней: от 0 до ${MAX_DUE_WITHIN_DAYS}.` });
    } else {
      const upcoming: Prisma.TaskOccurrenceWhereInput = {
        dueOn: { gte: asDateColumn(today), lte: asDateColumn(addDays(today, days)) },
        status: { not: 'DONE' },
      };
      and.push(filter.includeOverdue ? { OR: [upcoming, overdueWhere(today)] } : upcoming);
    }
  }
  for (const [key, value] of [
    ['dueFrom', filter.dueFrom],
    ['dueTo', filter.dueTo],
  ] as const) {
    if (value == null || value === '') continue;
    if (!isIsoDate(value)) problems.push({ path: `filter.${key}`, message: 'Дата в формате ГГГГ-ММ-ДД, например 2017-06-15.' });
    else and.push({ dueOn: key === 'dueFrom' ? { gte: asDateColumn(value) } : { lte: asDateColumn(value) } });
  }
  const q = filter.q?.trim();
  if (q) and.push({ item: { OR: [{ text: { contains: q, mode: 'insensitive' } }, { number: q }] } });
  if (problems.length > 0) throw new ValidationError(problems.map((p) => fieldError(p.path, 'OUT_OF_RANGE', `${p.path}: ${p.message}`)));
  return and.length === 0 ? {} : { AND: and };
}

/** Sort fields of the occurrence list → Prisma orderBy. */
export const occurrenceSortFields: Record<string, (order: 'asc' | 'desc') => object> = {
  dueOn: (order) => ({ dueOn: { sort: order, nulls: 'last' } }),
  status: (order) => ({ status: order }),
  region: (order) => ({ item: { protocol: { region: { position: order } } } }),
  protocol: (order) => ({ item: { protocol: { date: order } } }),
  item: (order) => ({ item: { position: order } }),
  id: (order) => ({ id: order }),
};

// ---------------------------------------------------------------------------------------------------
// Reminders: what each recorded contact's owners have due or overdue

export interface ContactDue {
  contact: { id: number; email: string; name: string | null };
  owner: { id: number; name: string; regionId: number; regionCode: string; regionName: string };
  /** Overdue first (oldest first), then upcoming by date; at most `perContact`. */
  occurrences: {
    id: number;
    dueOn: string;
    status: TaskStatus;
    overdue: boolean;
    /** Days until the date (negative: days late). */
    daysLeft: number;
    item: { id: number; number: string; text: string };
    protocol: { id: number; number: string; date: string; title: string };
  }[];
  /** How many there are in all (the list may be cut at `perContact`). */
  total: number;
  overdueCount: number;
}

/**
 * For every contact a coordinator recorded: its owner's occurrences not done that are overdue or due
 * within `withinDays` days of the database's date, for reminders. Contacts with nothing due are left out.
 */
export async function dueTasksByContact(
  prisma: Db,
  options: { withinDays?: number; today?: string | null; regionId?: number | null; perContact?: number } = {},
): Promise<ContactDue[]> {
  const withinDays = options.withinDays ?? 30;
  const perContact = options.perContact ?? 50;
  const today = await databaseToday(prisma, options.today);
  const horizon = asDateColumn(addDays(today, withinDays));
  const contacts = await prisma.ownerContact.findMany({
    where: options.regionId ? { owner: { regionId: options.regionId } } : {},
    include: { owner: { include: { region: { select: { code: true, name: true } } } } },
    orderBy: [{ owner: { region: { position: 'asc' } } }, { owner: { name: 'asc' } }, { email: 'asc' }],
  });
  if (contacts.length === 0) return [];
  const ownerIds = [...new Set(contacts.map((c) => c.ownerId))];
  const occurrences = await prisma.taskOccurrence.findMany({
    where: { status: { not: 'DONE' }, dueOn: { not: null, lte: horizon }, item: { owners: { some: { ownerId: { in: ownerIds } } } } },
    include: {
      item: {
        select: {
          id: true,
          number: true,
          text: true,
          owners: { select: { ownerId: true } },
          protocol: { select: { id: true, number: true, date: true, title: true } },
        },
      },
    },
    orderBy: [{ dueOn: 'asc' }, { id: 'asc' }],
  });
  const byOwner = new Map<number, ContactDue['occurrences']>();
  for (const o of occurrences) {
    const dueOn = dateOnly(o.dueOn!);
    const row = {
      id: o.id,
      dueOn,
      status: o.status,
      overdue: dueOn < today,
      daysLeft: daysBetween(today, dueOn),
      item: { id: o.item.id, number: o.item.number, text: o.item.text },
      protocol: { id: o.item.protocol.id, number: o.item.protocol.number, date: dateOnly(o.item.protocol.date), title: o.item.protocol.title },
    };
    for (const { ownerId } of o.item.owners) if (ownerIds.includes(ownerId)) byOwner.set(ownerId, [...(byOwner.get(ownerId) ?? []), row]);
  }
  return contacts.flatMap((c) => {
    const due = byOwner.get(c.ownerId) ?? [];
    if (due.length === 0) return [];
    return [
      {
        contact: { id: c.id, email: c.email, name: c.name },
        owner: { id: c.owner.id, name: c.owner.name, regionId: c.owner.regionId, regionCode: c.owner.region.code, regionName: c.owner.region.name },
        occurrences: due.slice(0, perContact),
        total: due.length,
        overdueCount: due.filter((o) => o.overdue).length,
      },
    ];
  });
}

// ---------------------------------------------------------------------------------------------------
// Owners and their contacts (coordinators)

const contactSchema = z.object({
  email: z
    .string({ error: 'Укажите адрес электронной почты.' })
    .trim()
    .toLowerCase()
    .max(254, 'Адрес слишком длинный.')
    .pipe(z.email({ error: 'Адрес электронной почты, например minzdrav@kbr.ru.' })),
  name: z.string().trim().max(300, 'Имя слишком длинное: не больше 300 знаков.').nullish(),
});

/** Records whom to remind of an owner's deadlines; the same address twice is refused. Audited. */
export async function addOwnerContact(prisma: Db, actor: Actor, input: { ownerId: number; email: unknown; name?: unknown }) {
  const contact = parseInput(contactSchema, { email: input.email, name: input.name });
  return prisma.$transaction(async (tx) => {
    const owner = Number.isSafeInteger(input.ownerId) ? await tx.taskOwner.findUnique({ where: { id: input.ownerId } }) : null;
    if (!owner) throw new NotFoundError('Исполнитель не найден: обновите страницу.');
    const existing = await tx.ownerContact.findUnique({ where: { ownerId_email: { ownerId: owner.id, email: contact.email } } });
    if (existing) {
      throw new ValidationError([fieldError('email', 'DUPLICATE', `Адрес ${contact.email} уже записан для этого исполнителя.`)]);
    }
    const created = await tx.ownerContact.create({
      data: { ownerId: owner.id, email: contact.email, name: contact.name || null, createdBy: actor.email },
    });
    await recordAudit(tx, actor, {
      action: 'taskOwner.contact.add',
      subjectType: 'TaskOwner',
      subjectId: owner.id,
      after: { owner: owner.name, email: created.email, name: created.name },
    });
    return created;
  });
}

/** Removes a contact; audited. */
export async function removeOwnerContact(prisma: Db, actor: Actor, contactId: number) {
  return prisma.$transaction(async (tx) => {
    const contact = Number.isSafeInteger(contactId)
      ? await tx.ownerContact.findUnique({ where: { id: contactId }, include: { owner: { select: { id: true, name: true } } } })
      : null;
    if (!contact) throw new NotFoundError('Контакт не найден: обновите страницу.');
    await tx.ownerContact.delete({ where: { id: contact.id } });
    await recordAudit(tx, actor, {
      action: 'taskOwner.contact.remove',
      subjectType: 'TaskOwner',
      subjectId: contact.owner.id,
      before: { owner: contact.owner.name, email: contact.email, name: contact.name },
    });
    return contact;
  });
}

/** Sets (or, with null, clears) the authority an owner is; the authority must be of the owner's region. Audited. */
export async function matchTaskOwner(prisma: Db, actor: Actor, input: { ownerId: number; authorityId: number | null }) {
  return prisma.$transaction(async (tx) => {
    const owner = Number.isSafeInteger(input.ownerId)
      ? await tx.taskOwner.findUnique({ where: { id: input.ownerId }, include: { authority: { select: { name: true } } } })
      : null;
    if (!owner) throw new NotFoundError('Исполнитель не найден: обновите страницу.');
    let authority: { id: number; name: string } | null = null;
    if (input.authorityId !== null) {
      authority = Number.isSafeInteger(input.authorityId)
        ? await tx.authority.findFirst({ where: { id: input.authorityId, regionId: owner.regionId }, select: { id: true, name: true } })
        : null;
      if (!authority) {
        throw new ValidationError([fieldError('authorityId', 'UNKNOWN_REFERENCE', 'Орган власти не найден в регионе исполнителя.')]);
      }
    }
    if (owner.authorityId === (authority?.id ?? null)) return owner;
    const updated = await tx.taskOwner.update({ where: { id: owner.id }, data: { authorityId: authority?.id ?? null } });
    await recordAudit(tx, actor, {
      action: 'taskOwner.match',
      subjectType: 'TaskOwner',
      subjectId: owner.id,
      before: { owner: owner.name, authority: owner.authority?.name ?? null },
      after: { owner: owner.name, authority: authority?.name ?? null },
    });
    return updated;
  });
}

export { databaseToday };
