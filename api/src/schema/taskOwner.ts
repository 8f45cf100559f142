// The bodies protocols' items name as owners (one per name in a region, matched to the region's
// authority when the names match), the contacts coordinators record for each, and what each
// contact's owner has due or overdue (for reminders).
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import {
  addOwnerContact,
  type ContactDue,
  dueTasksByContact,
  MAX_DUE_WITHIN_DAYS,
  matchTaskOwner,
  removeOwnerContact,
} from '../services/protocols.ts';
import { contains } from './lists.ts';
import { TaskStatusEnum } from './protocol.ts';
import { addTaskListQueries, asUserInput, idOf } from './taskAccess.ts';

builder.prismaObject('TaskOwner', {
  description: "A body protocols name as an owner of their items, in one region: the region's authority when the names match, free text otherwise.",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name', { description: 'In the nominative («Министерство здравоохранения …»).' }),
    region: t.relation('region'),
    authority: t.relation('authority', { nullable: true, description: 'The authority it is, when matched.' }),
    matched: t.boolean({ resolve: (owner) => owner.authorityId !== null }),
    itemsCount: t.relationCount('items', { description: 'Items it answers for (own or inherited).' }),
    contacts: t.relation('contacts', {
      authScopes: { coordinator: true },
      description: 'Whom to remind (coordinators only).',
      query: { orderBy: { email: 'asc' } },
    }),
  }),
});

builder.prismaObject('OwnerContact', {
  description: "An e-mail a coordinator recorded for reminders of an owner's deadlines.",
  fields: (t) => ({
    id: t.exposeID('id'),
    email: t.exposeString('email'),
    name: t.exposeString('name', { nullable: true }),
    owner: t.relation('owner'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    createdBy: t.exposeString('createdBy'),
  }),
});

const TaskOwnerFilter = builder.inputType('TaskOwnerFilter', {
  fields: (t) => ({
    ids: t.idList(),
    regionId: t.id(),
    q: t.string({ description: 'Part of the name.' }),
    matched: t.boolean({ description: 'Matched to an authority, or not.' }),
    hasContacts: t.boolean(),
  }),
});

addTaskListQueries({
  type: 'TaskOwner',
  plural: 'TaskOwners',
  filter: TaskOwnerFilter,
  sortFields: {
    name: (order) => ({ name: order }),
    region: (order) => ({ region: { position: order } }),
  },
  defaultSort: 'name',
  delegate: (context) => context.prisma.taskOwner,
  regionRule: (regionId): Prisma.TaskOwnerWhereInput => ({ regionId }),
  toWhere: (filter): Prisma.TaskOwnerWhereInput => {
    const and: Prisma.TaskOwnerWhereInput[] = [];
    if (filter?.ids?.length) and.push({ id: { in: filter.ids.map((id) => idOf(id, 'filter.ids')!) } });
    const regionId = idOf(filter?.regionId, 'filter.regionId');
    if (regionId !== null) and.push({ regionId });
    const q = contains(filter?.q);
    if (q) and.push({ name: q });
    if (filter?.matched === true) and.push({ authorityId: { not: null } });
    if (filter?.matched === false) and.push({ authorityId: null });
    if (filter?.hasContacts === true) and.push({ contacts: { some: {} } });
    if (filter?.hasContacts === false) and.push({ contacts: { none: {} } });
    return and.length ? { AND: and } : {};
  },
});

// ---------------------------------------------------------------------------------------------------
// What each contact has due (for reminders; the console sends them)

const DueOccurrence = builder.objectRef<ContactDue['occurrences'][number]>('ContactDueOccurrence').implement({
  fields: (t) => ({
    occurrenceId: t.id({ resolve: (o) => o.id }),
    dueOn: t.exposeString('dueOn'),
    status: t.field({ type: TaskStatusEnum, resolve: (o) => o.status }),
    overdue: t.exposeBoolean('overdue'),
    daysLeft: t.exposeInt('daysLeft', { description: 'Negative: days late.' }),
    itemId: t.id({ resolve: (o) => o.item.id }),
    itemNumber: t.string({ resolve: (o) => o.item.number }),
    itemText: t.string({ resolve: (o) => o.item.text }),
    protocolId: t.id({ resolve: (o) => o.protocol.id }),
    protocolNumber: t.string({ resolve: (o) => o.protocol.number }),
    protocolDate: t.string({ resolve: (o) => o.protocol.date }),
    protocolTitle: t.string({ resolve: (o) => o.protocol.title }),
  }),
});

const ContactDueType = builder.objectRef<ContactDue>('ContactDue').implement({
  description: "A recorded contact and its owner's occurrences not done that are overdue or due soon.",
  fields: (t) => ({
    contactId: t.id({ resolve: (c) => c.contact.id }),
    email: t.string({ resolve: (c) => c.contact.email }),
    name: t.string({ nullable: true, resolve: (c) => c.contact.name }),
    ownerId: t.id({ resolve: (c) => c.owner.id }),
    ownerName: t.string({ resolve: (c) => c.owner.name }),
    regionId: t.id({ resolve: (c) => c.owner.regionId }),
    regionCode: t.string({ resolve: (c) => c.owner.regionCode }),
    regionName: t.string({ resolve: (c) => c.owner.regionName }),
    occurrences: t.field({
      type: [DueOccurrence],
      description: 'Overdue first (oldest first), then by date; at most 50.',
      resolve: (c) => c.occurrences,
    }),
    total: t.exposeInt('total', { description: 'All of them (the list stops at 50).' }),
    overdueCount: t.exposeInt('overdueCount'),
  }),
});

builder.queryField('taskContactsDue', (t) =>
  t.field({
    type: [ContactDueType],
    description:
      "For reminders: every contact coordinators recorded whose owner has occurrences not done that are overdue or due within `withinDays` days (default 30) of the database's date; contacts with nothing due are left out.",
    authScopes: { coordinator: true },
    args: { withinDays: t.arg.int(), regionId: t.arg.id() },
    resolve: (_root, args, context) =>
      asUserInput(async () => {
        const withinDays = args.withinDays ?? 30;
        if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_DUE_WITHIN_DAYS) {
          throw new ValidationError([
            { path: 'withinDays', questionCode: null, code: 'OUT_OF_RANGE', message: `withinDays: от 0 до ${MAX_DUE_WITHIN_DAYS}.` },
          ]);
        }
        return dueTasksByContact(context.prisma, { withinDays, regionId: idOf(args.regionId, 'regionId') });
      }),
  }),
);

// ---------------------------------------------------------------------------------------------------
// Coordinators' writes

const AddOwnerContactInput = builder.inputType('AddOwnerContactInput', {
  fields: (t) => ({
    ownerId: t.id({ required: true }),
    email: t.string({ required: true }),
    name: t.string({ description: 'Who it is (optional).' }),
  }),
});

const numberOr = (value: string | number) => {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647 ? id : -1;
};

builder.mutationField('addOwnerContact', (t) =>
  t.prismaField({
    type: 'OwnerContact',
    description: "Records an e-mail to remind of an owner's deadlines (audited).",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: AddOwnerContactInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const contact = await addOwnerContact(context.prisma, signedIn(context), {
        ownerId: numberOr(input.ownerId),
        email: input.email,
        name: input.name,
      });
      return context.prisma.ownerContact.findUniqueOrThrow({ ...query, where: { id: contact.id } });
    },
  }),
);

const RemovedOwnerContact = builder.objectRef<{ id: number; email: string }>('RemovedOwnerContact').implement({
  fields: (t) => ({ id: t.exposeID('id'), email: t.exposeString('email') }),
});

const RemoveOwnerContactInput = builder.inputType('RemoveOwnerContactInput', {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

builder.mutationField('removeOwnerContact', (t) =>
  t.field({
    type: RemovedOwnerContact,
    description: 'Removes a recorded contact (audited).',
    authScopes: { coordinator: true },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: RemoveOwnerContactInput, required: true }) },
    resolve: async (_root, { input }, context) => {
      const removed = await removeOwnerContact(context.prisma, signedIn(context), numberOr(input.id));
      return { id: removed.id, email: removed.email };
    },
  }),
);

const MatchTaskOwnerInput = builder.inputType('MatchTaskOwnerInput', {
  fields: (t) => ({
    ownerId: t.id({ required: true }),
    authorityId: t.id({ description: "An authority of the owner's region; null clears the match." }),
  }),
});

builder.mutationField('matchTaskOwner', (t) =>
  t.prismaField({
    type: 'TaskOwner',
    description: "Says which of the region's authorities an owner is, or (null) that it is none (audited).",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: MatchTaskOwnerInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const owner = await matchTaskOwner(context.prisma, signedIn(context), {
        ownerId: numberOr(input.ownerId),
        authorityId: input.authorityId === null || input.authorityId === undefined ? null : numberOr(input.authorityId),
      });
      return context.prisma.taskOwner.findUniqueOrThrow({ ...query, where: { id: owner.id } });
    },
  }),
);
