import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { updateAuthority } from '../services/authorities.ts';
import { NotFoundError, ValidationError } from '../services/errors.ts';
import { addListQueries, contains, parseId } from './lists.ts';

builder.prismaObject('Authority', {
  description: 'A regional executive authority (орган власти).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    region: t.relation('region'),
    sphere: t.relation('sphere', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    // Counts for the coordinators' console; the public list stays as it was. Counted from the page's
    // own rows (Response by "authorityId", Measure by "responseId", both indexed), never with Prisma's
    // _count, which groups the whole Response or Measure table for every page.
    responsesCount: t.int({
      authScopes: { coordinator: true },
      description: 'Questionnaires (any campaign, any status) naming this authority.',
      select: { responses: { select: { id: true, measures: { select: { id: true } } } } },
      resolve: (authority) => authority.responses.length,
    }),
    measuresCount: t.int({
      authScopes: { coordinator: true },
      description: 'Measures listed in those questionnaires.',
      select: { responses: { select: { id: true, measures: { select: { id: true } } } } },
      resolve: (authority) => authority.responses.reduce((sum, response) => sum + response.measures.length, 0),
    }),
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
  sortFields: {
    name: (order) => ({ name: order }),
    region: (order) => ({ region: { position: order } }),
    sphere: (order) => ({ sphere: { position: order } }),
    createdAt: (order) => ({ createdAt: order }),
  },
  defaultSort: 'name',
  delegate: (context) => context.prisma.authority,
  // Names come from respondents' free text: only those a sent questionnaire stands behind are public.
  visibleTo: (context): Prisma.AuthorityWhereInput | null =>
    context.viewer?.role === 'COORDINATOR' ? null : { responses: { some: { status: 'SUBMITTED' } } },
  visibilityNote:
    'Anonymous callers and respondents see only confirmed authorities, those named by at least one submitted questionnaire (names typed into drafts stay private); coordinators see all.',
  toWhere: (filter) => ({
    ...(filter?.regionId ? { regionId: Number(filter.regionId) } : {}),
    ...(filter?.sphereId ? { sphereId: Number(filter.sphereId) } : {}),
    ...(filter?.ids ? { id: { in: filter.ids.map(Number) } } : {}),
    ...(contains(filter?.q) ? { name: contains(filter?.q) } : {}),
  }),
});

const UpdateAuthorityInput = builder.inputType('UpdateAuthorityInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: true }),
    sphereId: t.id({ description: 'Null or absent: the sphere is not known.' }),
    reason: t.string(),
  }),
});

builder.mutationField('updateAuthority', (t) =>
  t.prismaField({
    type: 'Authority',
    description: "Corrects an authority's name or sphere (names come from free-text answers); audited as authority.update.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: UpdateAuthorityInput, required: true }) },
    resolve: async (query, _root, { input }, context) => {
      const updated = await updateAuthority(context.prisma, signedIn(context), {
        id: parseId(input.id) as number,
        name: input.name,
        // Null or absent: not known. Any other value must name a sphere (an empty string names none).
        sphereId: input.sphereId != null ? (parseId(input.sphereId) as number) : null,
        reason: input.reason,
      });
      return context.prisma.authority.findUniqueOrThrow({ ...query, where: { id: updated.id } });
    },
  }),
);
