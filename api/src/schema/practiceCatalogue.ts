// The best-practice catalogue for regional portals (issue 11, point 3): a cursor list of every
// region's practices (filters sphere, form, region, text), in a stable order (by id), at most 100 a
// page. Open to anyone, like allPractices; the cost budget counts `nodes` as `first` items.
import { builder } from '../builder.ts';
import { practiceSearchQuery, practiceWhere, searchPracticeIds } from '../services/practices.ts';
import { connectionOf, DEFAULT_FIRST, decodeCursor, MAX_FIRST, PageInfo, pageSizeOf } from './cursor.ts';
import { parseId } from './lists.ts';

const CatalogueFilter = builder.inputType('PracticeCatalogueFilter', {
  fields: (t) => ({
    sphereId: t.id(),
    formId: t.id(),
    regionId: t.id(),
    q: t.string({ description: 'Full-text search in Russian, as in allPractices (every word in some form, the last one as a prefix).' }),
  }),
});

const PracticeConnection = builder
  .objectRef<{ nodes: { id: number }[]; totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>('PracticeConnection')
  .implement({
    fields: (t) => ({
      nodes: t.prismaField({
        type: ['Practice'],
        // The page's rows read again with what the caller selects (region, sphere, form …) in one query.
        resolve: (query, page, _args, context) =>
          context.prisma.practice.findMany({ ...query, where: { id: { in: page.nodes.map((node) => node.id) } }, orderBy: { id: 'asc' } }),
      }),
      pageInfo: t.field({ type: PageInfo, resolve: (page) => page.pageInfo }),
      totalCount: t.exposeInt('totalCount', { description: 'How many practices the filter finds, on every page.' }),
    }),
  });

builder.queryField('practiceCatalogue', (t) =>
  t.field({
    type: PracticeConnection,
    description: `The best-practice catalogue of every region as a cursor list for portals: ordered by id (stable across pages), \`first\` 1–${MAX_FIRST} (default ${DEFAULT_FIRST}), \`after\` the previous page's pageInfo.endCursor.`,
    authScopes: { public: true },
    args: {
      first: t.arg.int({ defaultValue: DEFAULT_FIRST }),
      after: t.arg.string({ description: "The previous page's pageInfo.endCursor (opaque)." }),
      filter: t.arg({ type: CatalogueFilter }),
    },
    resolve: async (_root, args, context) => {
      const size = pageSizeOf(args.first);
      const after = decodeCursor('practice', args.after);
      const id = (value: string | number | null | undefined, field: string) =>
        value != null ? (parseId(value, 'int', `filter.${field}`) as number) : null;
      const filter = {
        sphereId: id(args.filter?.sphereId, 'sphereId'),
        formId: id(args.filter?.formId, 'formId'),
        regionId: id(args.filter?.regionId, 'regionId'),
      };
      const tsQuery = practiceSearchQuery(args.filter?.q);
      const found = tsQuery ? await searchPracticeIds(context.prisma, tsQuery, filter) : null;
      const where = { AND: [practiceWhere(filter), ...(found ? [{ id: { in: found } }] : [])] };
      const [rows, totalCount] = await Promise.all([
        context.prisma.practice.findMany({
          where: { AND: [where, ...(after !== null ? [{ id: { gt: after } }] : [])] },
          orderBy: { id: 'asc' },
          take: size + 1,
        }),
        found ? Promise.resolve(found.length) : context.prisma.practice.count({ where }),
      ]);
      return connectionOf('practice', rows, size, totalCount);
    },
  }),
);
