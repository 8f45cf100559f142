import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import type { Db } from '../db/client.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import {
  countPractices,
  createPractice,
  deletePractice,
  listPractices,
  updatePractice,
  type PracticeFilter as Filter,
} from '../services/practices.ts';
import { listArgs, ListMetadata, listOrder, metaArgs, paging, parseId } from './lists.ts';

builder.prismaObject('PracticeGroup', {
  description: 'e.g. «Учет результатов НСОК», «Публичные мероприятия по реализации НСОК».',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    forms: t.relation('forms', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.prismaObject('PracticeForm', {
  description: 'A form of implementation, e.g. «Реорганизация, оптимизация структуры сети и организаций».',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    group: t.relation('group'),
    practiceCount: t.relationCount('practices', { where: { deletedAt: null } }),
  }),
});

builder.prismaObject('Practice', {
  description: 'A best practice of a region in a sphere.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    source: t.exposeString('source', { nullable: true }),
    formId: t.exposeID('formId'),
    regionId: t.exposeID('regionId'),
    sphereId: t.exposeID('sphereId'),
    form: t.relation('form'),
    region: t.relation('region'),
    sphere: t.relation('sphere'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

builder.queryField('practiceGroups', (t) =>
  t.prismaField({
    type: ['PracticeGroup'],
    description: 'The catalogue structure: groups and their forms of implementation.',
    authScopes: { public: true },
    resolve: (query, _root, _args, context) => context.prisma.practiceGroup.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
);

const PracticeFilter = builder.inputType('PracticeFilter', {
  fields: (t) => ({
    q: t.string({
      description:
        'Full-text search in Russian: every word must occur in the text in some form (stemmed), the last one as a prefix. Without sortField the most relevant come first.',
    }),
    regionId: t.id(),
    sphereId: t.id(),
    formId: t.id(),
    groupId: t.id(),
    ids: t.idList(),
  }),
});

type FilterArg = {
  q?: string | null;
  regionId?: string | number | null;
  sphereId?: string | number | null;
  formId?: string | number | null;
  groupId?: string | number | null;
  ids?: (string | number)[] | null;
};

const toFilter = (filter: FilterArg | null | undefined): Filter => ({
  q: filter?.q ?? null,
  regionId: filter?.regionId != null ? (parseId(filter.regionId, 'int', 'filter.regionId') as number) : null,
  sphereId: filter?.sphereId != null ? (parseId(filter.sphereId, 'int', 'filter.sphereId') as number) : null,
  formId: filter?.formId != null ? (parseId(filter.formId, 'int', 'filter.formId') as number) : null,
  groupId: filter?.groupId != null ? (parseId(filter.groupId, 'int', 'filter.groupId') as number) : null,
  ids: filter?.ids ? filter.ids.map((id) => parseId(id, 'int', 'filter.ids') as number) : null,
});

const sortFields: Record<string, (order: 'asc' | 'desc') => object> = {
  region: (order) => ({ region: { position: order } }),
  sphere: (order) => ({ sphere: { position: order } }),
  form: (order) => ({ form: { position: order } }),
  createdAt: (order) => ({ createdAt: order }),
};
const orderBy = listOrder(sortFields, 'form');

// allPractices / _allPracticesMeta / Practice(id) in ra-data-graphql-simple's naming (see lists.ts),
// written out because a search is a PostgreSQL full-text query that Prisma's where cannot express.
builder.queryFields((t) => ({
  allPractices: t.prismaField({
    type: ['Practice'],
    description: 'A page of Practices, filtered and sorted (at most 100 per page).',
    authScopes: { public: true },
    args: listArgs(t.arg, PracticeFilter, sortFields, ' Without it, a search lists the most relevant first.'),
    resolve: (query, _root, args, context) =>
      listPractices(
        context.prisma,
        toFilter(args.filter),
        { orderBy: orderBy(args.sortField, args.sortOrder), byRelevance: !args.sortField, ...paging(args) },
        query,
      ),
  }),
  _allPracticesMeta: t.field({
    type: ListMetadata,
    authScopes: { public: true },
    args: metaArgs(t.arg, PracticeFilter),
    resolve: async (_root, args, context) => ({ count: await countPractices(context.prisma, toFilter(args.filter)) }),
  }),
  Practice: t.prismaField({
    type: 'Practice',
    nullable: true,
    authScopes: { public: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, context) =>
      context.prisma.practice.findFirst({ ...query, where: { id: parseId(args.id) as number, deletedAt: null } }),
  }),
}));

// ---------------------------------------------------------------------------------------------------
// Coordinators keep the catalogue: each change is audited in the same transaction (services/practices.ts).

// The written row, read again with what the client selected (region, sphere, form …) in one query.
const reread = (context: { prisma: Db }, query: object, practice: { id: number }) =>
  context.prisma.practice.findUniqueOrThrow({ ...query, where: { id: practice.id } });

const CreatePracticeInput = builder.inputType('CreatePracticeInput', {
  fields: (t) => ({
    text: t.string({ description: '10–5000 characters; surrounding blank space is removed.' }),
    regionId: t.id(),
    sphereId: t.id(),
    formId: t.id(),
  }),
});

const UpdatePracticeInput = builder.inputType('UpdatePracticeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    text: t.string(),
    regionId: t.id(),
    sphereId: t.id(),
    formId: t.id(),
    reason: t.string(),
  }),
});

const DeletePracticeInput = builder.inputType('DeletePracticeInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    reason: t.string({ description: 'Why it is deleted (required, for the audit log).' }),
  }),
});

builder.mutationFields((t) => ({
  createPractice: t.prismaField({
    type: 'Practice',
    description: 'Adds a practice to the catalogue; the same form, region, sphere and text twice is refused.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: CreatePracticeInput, required: true }) },
    resolve: async (query, _root, { input }, context) => reread(context, query, await createPractice(context.prisma, signedIn(context), input)),
  }),
  updatePractice: t.prismaField({
    type: 'Practice',
    description: 'Changes the fields given; the replaced version stays known so a re-import does not bring it back.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdatePracticeInput, required: true }) },
    resolve: async (query, _root, { input }, context) => reread(context, query, await updatePractice(context.prisma, signedIn(context), input)),
  }),
  deletePractice: t.prismaField({
    type: 'Practice',
    description: 'Removes a practice from the catalogue (it stays recorded, so a re-import does not bring it back).',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: DeletePracticeInput, required: true }) },
    resolve: async (query, _root, { input }, context) => reread(context, query, await deletePractice(context.prisma, signedIn(context), input)),
  }),
}));
