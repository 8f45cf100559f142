import { builder } from '../builder.ts';
import { addListQueries, contains } from './lists.ts';

builder.prismaObject('Authority', {
  description: 'A regional executive authority (орган власти).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    region: t.relation('region'),
    sphere: t.relation('sphere', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const AuthorityFilter = builder.inputType('AuthorityFilter', {
  fields: (t) => ({ q: t.string(), regionId: t.id(), sphereId: t.id(), ids: t.idList() }),
});

addListQueries({
  type: 'Authority',
  plural: 'Authorities',
  filter: AuthorityFilter,
  scope: 'public',
  sortFields: { name: (order) => ({ name: order }), region: (order) => ({ region: { position: order } }), createdAt: (order) => ({ createdAt: order }) },
  defaultSort: 'name',
  delegate: (context) => context.prisma.authority,
  toWhere: (filter) => ({
    ...(filter?.regionId ? { regionId: Number(filter.regionId) } : {}),
    ...(filter?.sphereId ? { sphereId: Number(filter.sphereId) } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
    ...(contains(filter?.q) ? { name: contains(filter?.q) } : {}),
  }),
});
