import { builder } from '../builder.ts';
import { addListQueries, contains } from './lists.ts';

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
    practiceCount: t.relationCount('practices'),
  }),
});

builder.prismaObject('Practice', {
  description: 'A best practice of a region in a sphere.',
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    source: t.exposeString('source', { nullable: true }),
    form: t.relation('form'),
    region: t.relation('region'),
    sphere: t.relation('sphere'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
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
    q: t.string({ description: 'Words in the text (case-insensitive).' }),
    regionId: t.id(),
    sphereId: t.id(),
    formId: t.id(),
    groupId: t.id(),
    ids: t.idList(),
  }),
});

addListQueries({
  type: 'Practice',
  plural: 'Practices',
  filter: PracticeFilter,
  scope: 'public',
  sortFields: {
    region: (order) => ({ region: { position: order } }),
    sphere: (order) => ({ sphere: { position: order } }),
    form: (order) => ({ form: { position: order } }),
    createdAt: (order) => ({ createdAt: order }),
  },
  defaultSort: 'form',
  delegate: (context) => context.prisma.practice,
  toWhere: (filter) => ({
    ...(filter?.regionId ? { regionId: Number(filter.regionId) } : {}),
    ...(filter?.sphereId ? { sphereId: Number(filter.sphereId) } : {}),
    ...(filter?.formId ? { formId: Number(filter.formId) } : {}),
    ...(filter?.groupId ? { form: { groupId: Number(filter.groupId) } } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
    ...(filter?.q?.trim() ? { AND: filter.q.trim().split(/\s+/).map((word) => ({ text: contains(word) })) } : {}),
  }),
});
