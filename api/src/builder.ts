// The Pothos schema builder: plugins, scalars and auth scopes only; types live in schema/.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import ScopeAuthPlugin, { type AuthFailure, AuthScopeFailureType } from '@pothos/plugin-scope-auth';
// Before any field is defined: every prismaField's query is one Prisma accepts (issue 10, finding 4).
import './schema/prismaFieldQuery.ts';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { type Context, portalMay } from './context.ts';
import { type PortalScope, portalScopes } from './services/portalTokens.ts';
import type PrismaTypes from './generated/pothos-types.ts';
import { getDatamodel } from './generated/pothos-types.ts';

export interface AuthScopes {
  /** Anyone, signed in or not: reference data, the questionnaire, the plan, the practices. */
  public: boolean;
  /** A signed-in regional official: their own questionnaire only. */
  respondent: boolean;
  /** A coordinator of the federal resource centre. */
  coordinator: boolean;
  /** A regional portal's token (`Authorization: Bearer`), whatever its scopes: its own region only. */
  portal: boolean;
  /** A regional portal's token holding this scope (services/portalTokens.ts: portalScopes). */
  portalWith: PortalScope;
}

/** The portal scope a refused field needed, when the refusal is a portal token's lack of one. */
function missingPortalScope(failure: AuthFailure): PortalScope | null {
  if (failure.kind === AuthScopeFailureType.AuthScope && failure.scope === 'portalWith') return failure.parameter as PortalScope;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const inner of failure.failures) {
      const scope = missingPortalScope(inner);
      if (scope) return scope;
    }
  }
  return null;
}

/** A portal's token is told which of its scopes the field needs; anyone else, that they may not. */
function forbiddenMessage(context: Context, failure: AuthFailure): string {
  const scope = context.portal ? missingPortalScope(failure) : null;
  if (!scope) return 'Недостаточно прав для этого действия.';
  return `Недостаточно прав: токену портала нужно право «${scope}» (${portalScopes[scope]}).`;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    Decimal: { Input: string; Output: { toString(): string } | string | number };
  };
}>({
  defaultFieldNullability: false,
  plugins: [ScopeAuthPlugin, ErrorsPlugin, PrismaPlugin],
  scopeAuth: {
    authScopes: (context) => ({
      public: true,
      respondent: context.viewer?.role === 'RESPONDENT',
      coordinator: context.viewer?.role === 'COORDINATOR',
      portal: context.portal !== null,
      portalWith: (scope) => portalMay(context, scope),
    }),
    unauthorizedError: (_parent, context, _info, result) =>
      context.viewer || context.portal
        ? new GraphQLError(forbiddenMessage(context, result.failure), { extensions: { code: 'FORBIDDEN' } })
        : new GraphQLError('Войдите в систему по персональной ссылке из письма.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } }),
  },
  prisma: {
    client: (context) => context.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  errors: { defaultTypes: [] },
});

builder.queryType({});
builder.mutationType({});

builder.scalarType('DateTime', {
  serialize: (value) => value.toISOString(),
  parseValue: (value) => {
    const date = new Date(value as string);
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) throw new GraphQLError('Ожидается дата и время в формате ISO 8601.');
    return date;
  },
});

builder.scalarType('Decimal', {
  description: 'A decimal number, as a string so no precision is lost.',
  serialize: (value) => value.toString(),
  parseValue: (value) => {
    if (typeof value !== 'string' && typeof value !== 'number') throw new GraphQLError('Ожидается число.');
    if (!/^-?\d+(\.\d+)?$/.test(String(value))) throw new GraphQLError('Ожидается число (с точкой в качестве разделителя).');
    return String(value);
  },
});

function literalValue(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.LIST:
      return node.values.map(literalValue);
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value)]));
    default:
      throw new GraphQLError('Variables inside JSON literals are not supported.');
  }
}

builder.addScalarType(
  'JSON',
  new GraphQLScalarType({
    name: 'JSON',
    description: 'Any JSON value (answers, whose shape the survey definition fixes).',
    serialize: (value) => value,
    parseValue: (value) => value,
    parseLiteral: literalValue,
  }),
);

export type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
