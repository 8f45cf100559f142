import { builder } from '../builder.ts';
import { addListQueries } from './lists.ts';

builder.prismaObject('Sphere', {
  description: 'A sphere of social services (здравоохранение, образование, …).',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    position: t.exposeInt('position'),
  }),
});

const SphereFilter = builder.inputType('SphereFilter', { fields: (t) => ({ ids: t.idList() }) });

addListQueries({
  type: 'Sphere',
  plural: 'Spheres',
  filter: SphereFilter,
  scope: 'public',
  sortFields: { position: (order) => ({ position: order }), name: (order) => ({ name: order }) },
  defaultSort: 'position',
  delegate: (context) => context.prisma.sphere,
  toWhere: (filter) => (filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
});
