// A protocol task's occurrence (one per deadline; a recurring duty has one a period) with its status,
// overdue state and progress reports; the view across regions of what is due and overdue; the
// writes: a status, a report. Coordinators everywhere; a portal's token in its own region (tasks to
// read, taskReports to write — the one write a portal may make).
import { builder } from '../builder.ts';
import type { Context } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { isOverdue, occurrenceSortFields, occurrenceWhere, reportTaskProgress, setTaskStatus, type TaskActor } from '../services/protocols.ts';
import { dateOnly, daysBetween } from '../services/taskSchedule.ts';
import { contains, MAX_PAGE_SIZE } from './lists.ts';
import { TaskStatusEnum } from './protocol.ts';
import { addTaskListQueries, idOf, reportTasks, todayOf } from './taskAccess.ts';

builder.prismaObject('TaskOccurrence', {
  description:
    'One deadline of a protocol item: the only one, or one of a recurring duty’s (sequence 0 is the first). Overdue when its date has passed (the database’s date, Moscow) and it is not done.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sequence: t.exposeInt('sequence'),
    dueOn: t.string({
      nullable: true,
      description: 'YYYY-MM-DD; null for a standing instruction without a deadline.',
      resolve: (o) => (o.dueOn ? dateOnly(o.dueOn) : null),
    }),
    status: t.field({ type: TaskStatusEnum, resolve: (o) => o.status }),
    overdue: t.boolean({ resolve: async (o, _args, context) => isOverdue(o, await todayOf(context)) }),
    daysLeft: t.int({
      nullable: true,
      description: 'Days from today to the date (negative: days late); null without a date.',
      resolve: async (o, _args, context) => (o.dueOn ? daysBetween(await todayOf(context), dateOnly(o.dueOn)) : null),
    }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', nullable: true }),
    statusChangedBy: t.exposeString('statusChangedBy', { nullable: true }),
    item: t.relation('item'),
    reports: t.relation('reports', {
      description: `Newest first (at most ${MAX_PAGE_SIZE}).`,
      args: { first: t.arg.int() },
      query: (args) => ({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: Math.min(Math.max(args.first ?? 20, 1), MAX_PAGE_SIZE) }),
    }),
    reportsCount: t.relationCount('reports'),
  }),
});

builder.prismaObject('TaskReport', {
  description: 'A progress report on a task occurrence: what was done, a link to evidence, who and when.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    evidenceUrl: t.exposeString('evidenceUrl', { nullable: true }),
    status: t.field({ type: TaskStatusEnum, nullable: true, description: 'The status the report set, if it set one.', resolve: (r) => r.status }),
    author: t.exposeString('author', { description: "A coordinator's e-mail, or «Портал <region>: <token name>»." }),
    byPortal: t.boolean({ resolve: (r) => r.portalTokenId !== null }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    occurrence: t.relation('occurrence'),
  }),
});

// ---------------------------------------------------------------------------------------------------
// Lists

const TaskOccurrenceFilter = builder.inputType('TaskOccurrenceFilter', {
  fields: (t) => ({
    ids: t.idList(),
    regionId: t.id(),
    protocolId: t.id(),
    itemId: t.id({ description: 'The item and its direct sub-items.' }),
    ownerId: t.id({ description: 'Tasks this owner answers for (own or inherited).' }),
    owner: t.string({ description: "Part of an owner's name." }),
    status: t.field({ type: [TaskStatusEnum] }),
    overdue: t.boolean({ description: 'true: overdue only (date passed, not done); false: the others.' }),
    dueWithinDays: t.int({ description: 'Not done and due from today through today + N days.' }),
    includeOverdue: t.boolean({ description: 'With dueWithinDays: the overdue ones too (what needs attention).' }),
    dueFrom: t.string({ description: 'YYYY-MM-DD' }),
    dueTo: t.string({ description: 'YYYY-MM-DD' }),
    q: t.string({ description: "Part of the item's text, or its number." }),
  }),
});

addTaskListQueries({
  type: 'TaskOccurrence',
  plural: 'TaskOccurrences',
  description: 'Across regions: what is due, what is overdue (by the database’s date), by region, owner and status.',
  filter: TaskOccurrenceFilter,
  sortFields: occurrenceSortFields,
  defaultSort: 'dueOn',
  delegate: (context) => context.prisma.taskOccurrence,
  regionRule: (regionId): Prisma.TaskOccurrenceWhereInput => ({ item: { protocol: { regionId } } }),
  toWhere: async (filter, context: Context) =>
    occurrenceWhere(
      filter && {
        ...filter,
        ids: filter.ids?.map((id) => idOf(id, 'filter.ids')!),
        regionId: idOf(filter.regionId, 'filter.regionId'),
        protocolId: idOf(filter.protocolId, 'filter.protocolId'),
        itemId: idOf(filter.itemId, 'filter.itemId'),
        ownerId: idOf(filter.ownerId, 'filter.ownerId'),
      },
      await todayOf(context),
    ),
});

const TaskReportFilter = builder.inputType('TaskReportFilter', {
  fields: (t) => ({
    ids: t.idList(),
    occurrenceId: t.id(),
    itemId: t.id(),
    protocolId: t.id(),
    regionId: t.id(),
    byPortal: t.boolean(),
    q: t.string({ description: 'Part of the text or the author.' }),
  }),
});

addTaskListQueries({
  type: 'TaskReport',
  plural: 'TaskReports',
  filter: TaskReportFilter,
  sortFields: { createdAt: (order) => ({ createdAt: order }) },
  defaultSort: 'createdAt',
  delegate: (context) => context.prisma.taskReport,
  regionRule: (regionId): Prisma.TaskReportWhereInput => ({ occurrence: { item: { protocol: { regionId } } } }),
  toWhere: (filter): Prisma.TaskReportWhereInput => {
    const and: Prisma.TaskReportWhereInput[] = [];
    if (filter?.ids?.length) and.push({ id: { in: filter.ids.map((id) => idOf(id, 'filter.ids')!) } });
    const occurrenceId = idOf(filter?.occurrenceId, 'filter.occurrenceId');
    if (occurrenceId !== null) and.push({ occurrenceId });
    const itemId = idOf(filter?.itemId, 'filter.itemId');
    if (itemId !== null) and.push({ occurrence: { itemId } });
    const protocolId = idOf(filter?.protocolId, 'filter.protocolId');
    if (protocolId !== null) and.push({ occurrence: { item: { protocolId } } });
    const regionId = idOf(filter?.regionId, 'filter.regionId');
    if (regionId !== null) and.push({ occurrence: { item: { protocol: { regionId } } } });
    if (filter?.byPortal === true) and.push({ portalTokenId: { not: null } });
    if (filter?.byPortal === false) and.push({ portalTokenId: null });
    const q = contains(filter?.q);
    if (q) and.push({ OR: [{ text: q }, { author: q }] });
    return and.length ? { AND: and } : {};
  },
});

// ---------------------------------------------------------------------------------------------------
// Writes

/** The one actor a write has: the portal's token when the request carries one, else the coordinator. */
function taskActor(context: Context): TaskActor {
  if (context.portal) return { portal: context.portal };
  if (!context.viewer) throw new Error('taskActor() called in a field open to anonymous callers');
  return { coordinator: { id: context.viewer.id, email: context.viewer.email } };
}

/** An occurrence id that cannot name a row is the caller's NotFoundError, like an unknown one. */
const occurrenceIdOf = (value: string | number): number => {
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : -1;
};

const SetTaskStatusInput = builder.inputType('SetTaskStatusInput', {
  fields: (t) => ({
    occurrenceId: t.id({ required: true }),
    status: t.field({ type: TaskStatusEnum, required: true }),
    reason: t.string({ description: 'Why (a correction), for the audit log.' }),
  }),
});

builder.mutationField('setTaskStatus', (t) =>
  t.prismaField({
    type: 'TaskOccurrence',
    description:
      "Sets a task occurrence's status (audited). Coordinators: any region's; a portal's token with the taskReports scope: its own region's (another region's is not found).",
    authScopes: reportTasks,
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: SetTaskStatusInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const occurrence = await setTaskStatus(context.prisma, taskActor(context), {
        occurrenceId: occurrenceIdOf(input.occurrenceId),
        status: input.status,
        reason: input.reason,
      });
      return context.prisma.taskOccurrence.findUniqueOrThrow({ ...query, where: { id: occurrence.id } });
    },
  }),
);

const ReportTaskProgressInput = builder.inputType('ReportTaskProgressInput', {
  fields: (t) => ({
    occurrenceId: t.id({ required: true }),
    text: t.string({ required: true, description: 'What was done (up to 10,000 characters).' }),
    evidenceUrl: t.string({ description: 'A link to evidence (http:// or https://).' }),
    status: t.field({ type: TaskStatusEnum, description: 'The status the report sets (e.g. DONE), if any.' }),
  }),
});

builder.mutationField('reportTaskProgress', (t) =>
  t.prismaField({
    type: 'TaskReport',
    description:
      'Adds a progress report to a task occurrence, and sets its status when the report names one (audited). Coordinators: any region’s; a portal’s token with the taskReports scope: its own region’s.',
    authScopes: reportTasks,
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: ReportTaskProgressInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const report = await reportTaskProgress(context.prisma, taskActor(context), {
        occurrenceId: occurrenceIdOf(input.occurrenceId),
        text: input.text,
        evidenceUrl: input.evidenceUrl,
        status: input.status,
      });
      return context.prisma.taskReport.findUniqueOrThrow({ ...query, where: { id: report.id } });
    },
  }),
);
