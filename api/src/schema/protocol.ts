// Regional follow-up protocols (issue 12): the protocol and its items as a tree, with each item's
// owners, deadline, recurrence, references to the appendix, and progress rolled up over the tree.
// Coordinators read every region's; a portal's token with the tasks scope its own region's.
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { fieldError, ValidationError } from '../services/errors.ts';
import { type ItemProgress, protocolProgress } from '../services/protocols.ts';
import { dateOnly, isIsoDate } from '../services/taskSchedule.ts';
import { contains, MAX_PAGE_SIZE } from './lists.ts';
import { addTaskListQueries, idOf, todayOf } from './taskAccess.ts';

export const TaskStatusEnum = builder.enumType('TaskStatus', {
  values: {
    NOT_STARTED: { description: 'Не начато' },
    IN_PROGRESS: { description: 'В работе' },
    DONE: { description: 'Выполнено' },
  },
});

export const TaskRecurrenceEnum = builder.enumType('TaskRecurrence', {
  values: {
    NONE: { description: 'Однократно' },
    MONTHLY: { description: 'Ежемесячно' },
    QUARTERLY: { description: 'Ежеквартально' },
    YEARLY: { description: 'Ежегодно' },
  },
});

const Attendee = builder.objectRef<{ name: string; position: string }>('ProtocolAttendee').implement({
  fields: (t) => ({ name: t.exposeString('name'), position: t.exposeString('position') }),
});

const Progress = builder.objectRef<ItemProgress>('TaskProgress').implement({
  description:
    "Progress on the database's date. A task counts its occurrences due by today (its first while none is due); a parent counts its children that are tasks: progress is the share done.",
  fields: (t) => ({
    status: t.field({
      type: TaskStatusEnum,
      nullable: true,
      description: 'Null for an item that is no task («Принять к сведению»).',
      resolve: (p) => p.status,
    }),
    progress: t.float({ nullable: true, description: 'Share done, 0–1.', resolve: (p) => p.progress }),
    done: t.exposeInt('done'),
    total: t.exposeInt('total', { description: 'Children that are tasks (a parent), or occurrences counted (a task).' }),
    overdue: t.exposeInt('overdue', { description: 'Overdue occurrences of the item and everything under it.' }),
  }),
});

const progresses = new WeakMap<object, Map<number, Promise<Map<number, ItemProgress>>>>();
/** A protocol's roll-up, computed once per request. */
function progressOf(context: Context, protocolId: number): Promise<Map<number, ItemProgress>> {
  let perRequest = progresses.get(context);
  if (!perRequest) {
    perRequest = new Map();
    progresses.set(context, perRequest);
  }
  let found = perRequest.get(protocolId);
  if (!found) {
    found = todayOf(context).then((today) => protocolProgress(context.prisma, protocolId, { today }));
    perRequest.set(protocolId, found);
  }
  return found;
}

const EMPTY: ItemProgress = { status: null, progress: null, done: 0, total: 0, overdue: 0 };

builder.prismaObject('Protocol', {
  description: "A regional government's protocol on the follow-up of the assessment's results (seed 004), as imported.",
  fields: (t) => ({
    id: t.exposeID('id'),
    region: t.relation('region'),
    number: t.exposeString('number'),
    date: t.string({ description: 'YYYY-MM-DD', resolve: (p) => dateOnly(p.date) }),
    title: t.exposeString('title'),
    issuer: t.exposeString('issuer', { description: 'Who issued it (the signatory’s office).' }),
    signedBy: t.exposeString('signedBy', { nullable: true }),
    agenda: t.exposeString('agenda', { nullable: true }),
    speakers: t.exposeStringList('speakers'),
    chair: t.exposeString('chair'),
    attendees: t.field({ type: [Attendee], resolve: (p) => p.attendees as unknown as { name: string; position: string }[] }),
    controller: t.exposeString('controller', { nullable: true, description: 'Who controls execution.' }),
    appendix: t.exposeString('appendix', { nullable: true, description: 'The appendix (methodological recommendations), as written.' }),
    sourceSha256: t.exposeString('sourceSha256', { description: "SHA-256 of the imported document's text." }),
    importedAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    items: t.relation('items', {
      description: 'Top-level items in order; sub-items are under `children`.',
      query: { where: { parentId: null }, orderBy: { position: 'asc' } },
    }),
    itemsCount: t.relationCount('items'),
    progress: t.field({
      type: Progress,
      description: 'The share of top-level tasks done, and the overdue occurrences of the whole protocol.',
      resolve: async (p, _args, context) => (await progressOf(context, p.id)).get(0) ?? EMPTY,
    }),
  }),
});

const ProtocolItemOwner = builder.prismaObject('ProtocolItemOwner', {
  description: 'An owner of an item: named in it, or inherited from its parent item.',
  fields: (t) => ({
    owner: t.relation('owner'),
    asWritten: t.exposeString('asWritten', { description: 'As the document names it (dative).' }),
    persons: t.exposeString('persons', { nullable: true, description: 'The people named with it in brackets.' }),
    inherited: t.exposeBoolean('inherited'),
  }),
});
void ProtocolItemOwner;

builder.prismaObject('ProtocolItem', {
  description: 'A numbered item or sub-item of a protocol («2», «2.1»). Its tasks are its occurrences: one per deadline.',
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    depth: t.int({ description: '0 for «2», 1 for «2.1».', resolve: (item) => item.number.split('.').length - 1 }),
    position: t.exposeInt('position'),
    text: t.exposeString('text'),
    protocol: t.relation('protocol'),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: { position: 'asc' } } }),
    deadline: t.string({
      nullable: true,
      description: 'The first (or only) deadline, YYYY-MM-DD.',
      resolve: (item) => (item.deadline ? dateOnly(item.deadline) : null),
    }),
    deadlineText: t.exposeString('deadlineText', { nullable: true, description: 'The «Срок:» line as written.' }),
    recurrence: t.field({ type: TaskRecurrenceEnum, resolve: (item) => item.recurrence }),
    recommendations: t.exposeStringList('recommendations', { description: '«п. 1 приложения к протоколу» as written.' }),
    recommendationNumbers: t.exposeIntList('recommendationNumbers'),
    owners: t.relation('owners', { description: 'Own or inherited (see `inherited`).', query: { orderBy: { position: 'asc' } } }),
    occurrences: t.relation('occurrences', {
      description: `The item's occurrences by date (at most ${MAX_PAGE_SIZE} a page; a monthly duty has one a month).`,
      args: {
        status: t.arg({ type: [TaskStatusEnum] }),
        page: t.arg.int(),
        perPage: t.arg.int(),
      },
      query: (args) => {
        const perPage = Math.min(Math.max(args.perPage ?? 25, 1), MAX_PAGE_SIZE);
        return {
          where: args.status?.length ? { status: { in: args.status } } : {},
          orderBy: [{ sequence: 'asc' }],
          skip: Math.max(args.page ?? 0, 0) * perPage,
          take: perPage,
        };
      },
    }),
    occurrencesCount: t.relationCount('occurrences'),
    nextOccurrence: t.prismaField({
      type: 'TaskOccurrence',
      nullable: true,
      description: 'The earliest occurrence not done (overdue ones first): what the item waits for now.',
      resolve: (query, item, _args, context) =>
        context.prisma.taskOccurrence.findFirst({
          ...query,
          where: { itemId: item.id, status: { not: 'DONE' } },
          orderBy: [{ dueOn: { sort: 'asc', nulls: 'last' } }, { sequence: 'asc' }],
        }),
    }),
    progress: t.field({
      type: Progress,
      resolve: async (item, _args, context) => (await progressOf(context, item.protocolId)).get(item.id) ?? EMPTY,
    }),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Lists

const ProtocolFilter = builder.inputType('ProtocolFilter', {
  fields: (t) => ({
    ids: t.idList(),
    regionId: t.id(),
    q: t.string({ description: 'Part of the title, the number or the issuer.' }),
    dateFrom: t.string({ description: 'YYYY-MM-DD' }),
    dateTo: t.string({ description: 'YYYY-MM-DD' }),
  }),
});

const dateBound = (value: string | null | undefined, field: string) => {
  if (!value) return undefined;
  if (!isIsoDate(value)) throw new ValidationError([fieldError(field, 'WRONG_FORMAT', `${field}: дата в формате ГГГГ-ММ-ДД, например 2017-06-02.`)]);
  return new Date(`${value}T00:00:00Z`);
};

addTaskListQueries({
  type: 'Protocol',
  plural: 'Protocols',
  filter: ProtocolFilter,
  sortFields: {
    date: (order) => ({ date: order }),
    region: (order) => ({ region: { position: order } }),
    number: (order) => ({ number: order }),
    title: (order) => ({ title: order }),
  },
  defaultSort: 'date',
  delegate: (context) => context.prisma.protocol,
  regionRule: (regionId): Prisma.ProtocolWhereInput => ({ regionId }),
  toWhere: (filter): Prisma.ProtocolWhereInput => {
    const and: Prisma.ProtocolWhereInput[] = [];
    if (filter?.ids?.length) and.push({ id: { in: filter.ids.map((id) => idOf(id, 'filter.ids')!) } });
    const regionId = idOf(filter?.regionId, 'filter.regionId');
    if (regionId !== null) and.push({ regionId });
    const q = contains(filter?.q);
    if (q) and.push({ OR: [{ title: q }, { number: q }, { issuer: q }] });
    const from = dateBound(filter?.dateFrom, 'filter.dateFrom');
    const to = dateBound(filter?.dateTo, 'filter.dateTo');
    if (from || to) and.push({ date: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
    return and.length ? { AND: and } : {};
  },
});

const ProtocolItemFilter = builder.inputType('ProtocolItemFilter', {
  fields: (t) => ({
    ids: t.idList(),
    protocolId: t.id(),
    parentId: t.id({ description: 'Children of this item.' }),
    topLevel: t.boolean({ description: 'Only top-level items.' }),
    ownerId: t.id({ description: 'Items this owner answers for (own or inherited).' }),
    recurring: t.boolean(),
    q: t.string({ description: 'Part of the text, or the number.' }),
  }),
});

addTaskListQueries({
  type: 'ProtocolItem',
  plural: 'ProtocolItems',
  filter: ProtocolItemFilter,
  sortFields: {
    position: (order) => ({ position: order }),
    deadline: (order) => ({ deadline: { sort: order, nulls: 'last' } }),
    protocol: (order) => ({ protocol: { date: order } }),
  },
  defaultSort: 'position',
  delegate: (context) => context.prisma.protocolItem,
  regionRule: (regionId): Prisma.ProtocolItemWhereInput => ({ protocol: { regionId } }),
  toWhere: (filter): Prisma.ProtocolItemWhereInput => {
    const and: Prisma.ProtocolItemWhereInput[] = [];
    if (filter?.ids?.length) and.push({ id: { in: filter.ids.map((id) => idOf(id, 'filter.ids')!) } });
    const protocolId = idOf(filter?.protocolId, 'filter.protocolId');
    if (protocolId !== null) and.push({ protocolId });
    const parentId = idOf(filter?.parentId, 'filter.parentId');
    if (parentId !== null) and.push({ parentId });
    if (filter?.topLevel === true) and.push({ parentId: null });
    if (filter?.topLevel === false) and.push({ parentId: { not: null } });
    const ownerId = idOf(filter?.ownerId, 'filter.ownerId');
    if (ownerId !== null) and.push({ owners: { some: { ownerId } } });
    if (filter?.recurring === true) and.push({ recurrence: { not: 'NONE' } });
    if (filter?.recurring === false) and.push({ recurrence: 'NONE' });
    const q = filter?.q?.trim();
    if (q) and.push({ OR: [{ text: { contains: q, mode: 'insensitive' } }, { number: q }] });
    return and.length ? { AND: and } : {};
  },
});
