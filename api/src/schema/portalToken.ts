// Regional portals' tokens as coordinators keep them in the console (issue 11): the list, one token,
// and the mutations that issue, rotate, revoke and limit them. Each calls the service the command line
// uses (services/portalTokens.ts, portalOperations.ts), audited the same way, with the coordinator as
// the actor. A token's secret is in the answer to issue and rotate only, never readable afterwards.
import { builder } from '../builder.ts';
import { signedIn } from '../context.ts';
import { fieldError, ValidationError } from '../services/errors.ts';
import { allowPortalOperations, clearPortalOperations, operationsOfFile } from '../services/portalOperations.ts';
import {
  countPortalTokens,
  issuePortalToken,
  PORTAL_SCOPES,
  type PortalTokenInfo,
  PortalTokenInputError,
  type PortalTokenState,
  pagePortalTokens,
  portalTokenById,
  portalTokenState,
  revokePortalToken,
  rotatePortalToken,
} from '../services/portalTokens.ts';
import { listArgs, ListMetadata, listOrder, metaArgs, paging, parseId } from './lists.ts';

const PortalTokenStateType = builder.enumType('PortalTokenState', {
  values: {
    ACTIVE: { description: 'Works.' },
    ROTATING: { description: 'Works; a rotation replaced its secret and the previous one is still accepted until previousValidUntil.' },
    EXPIRED: { description: 'Past its expiry.' },
    REVOKED: { description: 'Revoked: neither secret works.' },
  } satisfies Record<PortalTokenState, { description: string }>,
});

export const PortalTokenType = builder.objectRef<PortalTokenInfo>('PortalToken').implement({
  description: "A regional portal's API token as coordinators see it: never its secret nor the secret's hash.",
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    regionId: t.exposeID('regionId'),
    regionCode: t.exposeString('regionCode'),
    regionName: t.exposeString('regionName'),
    scopes: t.exposeStringList('scopes', { description: `Among: ${PORTAL_SCOPES.join(', ')}.` }),
    state: t.field({ type: PortalTokenStateType, resolve: (token) => portalTokenState(token, new Date()) }),
    expiresAt: t.field({ type: 'DateTime', resolve: (token) => token.expiresAt }),
    createdAt: t.field({ type: 'DateTime', resolve: (token) => token.createdAt }),
    createdBy: t.exposeString('createdBy', { description: "The issuer: a coordinator's e-mail, or the command line and its user." }),
    rotatedAt: t.field({ type: 'DateTime', nullable: true, resolve: (token) => token.rotatedAt }),
    previousValidUntil: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'Until when the secret the last rotation replaced is still accepted.',
      resolve: (token) => token.previousValidUntil,
    }),
    revokedAt: t.field({ type: 'DateTime', nullable: true, resolve: (token) => token.revokedAt }),
    lastUsedAt: t.field({ type: 'DateTime', nullable: true, description: 'Written at most once a minute.', resolve: (token) => token.lastUsedAt }),
    lastUsedFrom: t.exposeString('lastUsedFrom', { nullable: true, description: 'The address of the last use.' }),
    allowedOperations: t.exposeStringList('allowedOperations', {
      description: 'Persisted operations: the SHA-256 of each operation the token may run; empty = any read.',
    }),
    operationsCount: t.int({ resolve: (token) => token.allowedOperations.length }),
  }),
});

const IssuedPortalToken = builder.objectRef<{ token: PortalTokenInfo; secret: string }>('IssuedPortalToken').implement({
  description: 'A token with its secret: the one time the secret is shown.',
  fields: (t) => ({
    token: t.field({ type: PortalTokenType, resolve: (issued) => issued.token }),
    secret: t.exposeString('secret', { description: 'Shown once; only its SHA-256 is stored.' }),
  }),
});

const ApprovedOperation = builder.objectRef<{ name: string; hash: string }>('PortalApprovedOperation').implement({
  fields: (t) => ({ name: t.exposeString('name'), hash: t.exposeString('hash') }),
});

const PortalTokenOperations = builder
  .objectRef<{ token: PortalTokenInfo; operations: { name: string; hash: string }[] }>('PortalTokenOperations')
  .implement({
    fields: (t) => ({
      token: t.field({ type: PortalTokenType, resolve: (result) => result.token }),
      operations: t.field({ type: [ApprovedOperation], description: "The document's operations, as added.", resolve: (result) => result.operations }),
    }),
  });

// ---------------------------------------------------------------------------------------------------
// The list (ra-data-graphql-simple's naming, lists.ts)

const PortalTokenFilter = builder.inputType('PortalTokenFilter', { fields: (t) => ({ regionId: t.id(), ids: t.idList() }) });

const sortFields: Record<string, (order: 'asc' | 'desc') => object> = {
  createdAt: (order) => ({ createdAt: order }),
  expiresAt: (order) => ({ expiresAt: order }),
  lastUsedAt: (order) => ({ lastUsedAt: { sort: order, nulls: 'last' } }),
  name: (order) => ({ name: order }),
};

type FilterArg = { regionId?: string | number | null; ids?: (string | number)[] | null } | null | undefined;
const toFilter = (filter: FilterArg) => ({
  regionId: filter?.regionId != null ? (parseId(filter.regionId, 'int', 'filter.regionId') as number) : null,
  ids: filter?.ids ? filter.ids.map((id) => parseId(id, 'int', 'filter.ids') as number) : null,
});

builder.queryFields((t) => ({
  allPortalTokens: t.field({
    type: [PortalTokenType],
    description: "A page of regional portals' tokens (at most 100), revoked and expired ones too. Coordinators only.",
    authScopes: { coordinator: true },
    args: listArgs(t.arg, PortalTokenFilter, sortFields),
    resolve: (_root, args, context) =>
      pagePortalTokens(context.prisma, toFilter(args.filter), paging(args), listOrder(sortFields, 'createdAt')(args.sortField, args.sortOrder)),
  }),
  _allPortalTokensMeta: t.field({
    type: ListMetadata,
    authScopes: { coordinator: true },
    args: metaArgs(t.arg, PortalTokenFilter),
    resolve: async (_root, args, context) => ({ count: await countPortalTokens(context.prisma, toFilter(args.filter)) }),
  }),
  PortalToken: t.field({
    type: PortalTokenType,
    nullable: true,
    authScopes: { coordinator: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, args, context) => portalTokenById(context.prisma, parseId(args.id) as number),
  }),
}));

// ---------------------------------------------------------------------------------------------------
// The coordinators' writes: the services' refusals become the field's ValidationError.

async function refusedAsField<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PortalTokenInputError) throw new ValidationError([fieldError(error.field, 'WRONG_VALUE', error.message)]);
    throw error;
  }
}

const tokenId = (id: string | number) => {
  const value = Number(id);
  if (!Number.isInteger(value) || value < 1 || value > 2_147_483_647)
    throw new ValidationError([fieldError('id', 'WRONG_VALUE', 'Некорректный номер токена.')]);
  return value;
};

const IssuePortalTokenInput = builder.inputType('IssuePortalTokenInput', {
  fields: (t) => ({
    regionCode: t.string({ required: true, description: 'ISO 3166-2, e.g. RU-KB.' }),
    name: t.string({ required: true, description: '1–200 characters.' }),
    scopes: t.stringList({ description: `Among: ${PORTAL_SCOPES.join(', ')}; default status.` }),
    expiresAt: t.field({ type: 'DateTime', description: 'Default: a year from now.' }),
  }),
});
const RotatePortalTokenInput = builder.inputType('RotatePortalTokenInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    overlapHours: t.float({ description: 'How long the old secret keeps working (0–720 hours, default 24).' }),
  }),
});
const PortalTokenIdInput = builder.inputType('PortalTokenIdInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const AllowPortalOperationsInput = builder.inputType('AllowPortalOperationsInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    document: t.string({ required: true, description: 'A .graphql document of named queries (fragments in the same document).' }),
    replace: t.boolean({ description: "The document's operations become the whole list (default: added to it)." }),
  }),
});

builder.mutationFields((t) => ({
  issuePortalToken: t.field({
    type: IssuedPortalToken,
    description: "Issues a regional portal's token; the secret is in this answer only. Audited as portalToken.issue.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: IssuePortalTokenInput, required: true }) },
    resolve: (_root, { input }, context) =>
      refusedAsField(() =>
        issuePortalToken(context.prisma, signedIn(context), {
          regionCode: input.regionCode,
          name: input.name,
          scopes: input.scopes ?? undefined,
          expiresAt: input.expiresAt ?? undefined,
        }),
      ),
  }),
  rotatePortalToken: t.field({
    type: IssuedPortalToken,
    description: 'A new secret for a token; the old one keeps working for the overlap. Audited as portalToken.rotate.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: RotatePortalTokenInput, required: true }) },
    resolve: (_root, { input }, context) =>
      refusedAsField(() =>
        rotatePortalToken(context.prisma, signedIn(context), tokenId(input.id), { overlapHours: input.overlapHours ?? undefined }),
      ),
  }),
  revokePortalToken: t.field({
    type: PortalTokenType,
    description: 'Ends a token at once (its current and previous secrets). Audited as portalToken.revoke.',
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: PortalTokenIdInput, required: true }) },
    resolve: (_root, { input }, context) => refusedAsField(() => revokePortalToken(context.prisma, signedIn(context), tokenId(input.id))),
  }),
  allowPortalOperations: t.field({
    type: PortalTokenOperations,
    description:
      "Limits a token to the document's named queries (persisted operations), added to its list or replacing it. Audited as portalToken.allowOperations.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: AllowPortalOperationsInput, required: true }) },
    resolve: (_root, { input }, context) =>
      refusedAsField(async () => {
        const id = tokenId(input.id);
        const operations = operationsOfFile(input.document);
        await allowPortalOperations(
          context.prisma,
          signedIn(context),
          id,
          operations.map((operation) => operation.hash),
          { replace: input.replace === true },
        );
        return { token: (await portalTokenById(context.prisma, id))!, operations };
      }),
  }),
  clearPortalOperations: t.field({
    type: PortalTokenType,
    description: "Lifts a token's list of operations: it may run any read again. Audited as portalToken.clearOperations.",
    authScopes: { coordinator: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: PortalTokenIdInput, required: true }) },
    resolve: (_root, { input }, context) =>
      refusedAsField(async () => {
        const id = tokenId(input.id);
        await clearPortalOperations(context.prisma, signedIn(context), id);
        return (await portalTokenById(context.prisma, id))!;
      }),
  }),
}));
