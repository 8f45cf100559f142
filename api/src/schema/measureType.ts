import { builder } from '../builder.ts';
import { addListQueries } from './lists.ts';

builder.prismaObject('MeasureTypeGroup', {
  description: 'A group of measure types (организационные меры, прикладные меры, работа с кадрами, иное).',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
    types: t.relation('types', { query: { orderBy: { position: 'asc' } } }),
  }),
});

builder.prismaObject('MeasureType', {
  description: 'A type of measure taken after НОК, with the example text shown as help.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    help: t.exposeString('help'),
    position: t.exposeInt('position'),
    group: t.relation('group'),
  }),
});

builder.queryField('measureTypeGroups', (t) =>
  t.prismaField({
    type: ['MeasureTypeGroup'],
    description: 'The whole measure-type taxonomy, in order.',
    authScopes: { public: true },
    resolve: (query, _root, _args, context) => context.prisma.measureTypeGroup.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
);

const MeasureTypeFilter = builder.inputType('MeasureTypeFilter', { fields: (t) => ({ groupId: t.id(), ids: t.idList() }) });

addListQueries({
  type: 'MeasureType',
  plural: 'MeasureTypes',
  filter: MeasureTypeFilter,
  scope: 'public',
  sortFields: { position: (order) => ({ position: order }), name: (order) => ({ name: order }) },
  defaultSort: 'position',
  delegate: (context) => context.prisma.measureType,
  toWhere: (filter) => ({
    ...(filter?.groupId ? { groupId: Number(filter.groupId) } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
  }),
});
