// A cost budget per portal token (issue 11, point 3): what a portal's operation costs is computed before
// it runs, an operation costing more than MAX_COST_PER_OPERATION is refused, and each token may spend
// PORTAL_BUDGET.points a window (a minute). The points spent are kept in PostgreSQL (PortalBudget, one
// row per token), charged by one statement per request, so every server process shares them. Every
// response to a portal reports `extensions.cost` and the RateLimit-* headers; over budget it is HTTP 429
// with Retry-After, and nothing runs. Other callers (anonymous, respondents, coordinators) are not counted.
//
// The cost of an operation (`operationCost`), before it runs:
//   - every field selected costs 1 point (a scalar, an object, `__typename` alike);
//   - a field returning a list of objects costs 1 plus its page size times the cost of what is selected
//     in each item; the page size is its `perPage` (or `first`, `last`, `take`, `limit`) argument, at
//     most 100, and 100 (the most a page may hold) without one; a list without a page argument (a
//     campaign's sections, a region's authorities, a token's scopes) counts as UNPAGED_LIST_SIZE items;
//   - a connection (a field that is not a list but takes a page argument, e.g. `practiceCatalogue(first: 20)
//     { nodes { … } pageInfo { … } }`) passes its page size to the lists directly inside it (`nodes`,
//     `edges`), so they count as that many items; its page size is its argument, else the argument's
//     default, else 100;
//   - fragments count as if written out; @skip and @include are ignored (the cost is an upper bound);
//   - introspection (`__schema`, `__type`) counts 1 per field, its lists not multiplied.
// E.g. `allPractices(perPage: 5) { id text region { name } }` costs 1 + 5 × (1 + 1 + 2) = 21 points.
// `actual` is measured on the answer by the same rule: 1 per field in it, each list item counted.
// A portal is charged what it requested (so a refused request is known before anything runs).
import {
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInterfaceType,
  isListType,
  isObjectType,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import type { Context } from './context.ts';
import type { Db } from './db/client.ts';
import { withDeadline } from './db/client.ts';
import { isPortalWrite } from './services/protocols.ts';

/** Each token's points per window. The one place the numbers are set (README and docs/portal.md repeat them). */
export const PORTAL_BUDGET = { points: 10_000, windowSeconds: 60 } as const;
/** The most points one operation may request. */
export const MAX_COST_PER_OPERATION = 5_000;
/** How many items a list without a page argument is counted as. */
export const UNPAGED_LIST_SIZE = 10;
/** A page's size when the operation does not name one: the most a page may hold (schema/lists.ts). */
export const MAX_LIST_SIZE = 100;
const PAGE_ARGUMENTS = new Set(['perPage', 'first', 'last', 'take', 'limit']);

export const RATE_LIMITED = 'RATE_LIMITED';
export const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

export const budgetMessages = {
  rateLimited: (budget: number, windowSeconds: number, retryAfter: number) =>
    `Превышен лимит запросов токена портала: ${budget} баллов за ${windowSeconds} с. Повторите через ${retryAfter} с (заголовок Retry-After).`,
  tooCostly: (requested: number, max: number) =>
    `Запрос слишком дорогой: ${requested} баллов при максимуме ${max} за один запрос. Запросите меньше полей или страницу поменьше (perPage).`,
};

export interface PortalBudgetOptions {
  points?: number;
  windowSeconds?: number;
  maxCostPerOperation?: number;
  /** The clock (tests); without it the window is taken from the database's clock, shared by all processes. */
  now?: () => Date;
}

function pageSize(value: ValueNode | undefined, variables: Record<string, unknown>): number {
  let size: unknown;
  if (value?.kind === 'IntValue') size = Number(value.value);
  else if (value?.kind === 'Variable') size = variables[value.name.value];
  if (typeof size !== 'number' || !Number.isInteger(size)) return MAX_LIST_SIZE;
  return Math.min(Math.max(size, 0), MAX_LIST_SIZE);
}

/** The points an operation requests (the rule above); an unknown operation costs 0 (validation refuses it). */
export function operationCost(
  schema: GraphQLSchema,
  document: Parameters<typeof getOperationAST>[0],
  operationName: string | null | undefined,
  variables: Record<string, unknown> = {},
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition);
  const root = schema.getRootType(operation.operation);
  const selectionCost = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    introspection: boolean,
    /** The page size a connection passes to the lists directly inside it. */
    connectionPage: number | null = null,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === 'FragmentSpread') {
        const fragment = fragments.get(selection.name.value);
        if (fragment) cost += selectionCost(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), introspection, connectionPage);
        continue;
      }
      if (selection.kind === 'InlineFragment') {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionCost(selection.selectionSet, type, introspection, connectionPage);
        continue;
      }
      const name = selection.name.value;
      cost += 1;
      if (!selection.selectionSet) continue;
      const inIntrospection = introspection || name.startsWith('__');
      let fieldType: GraphQLType | null = null;
      const fieldDefinition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      if (fieldDefinition) fieldType = fieldDefinition.type;
      if (name === '__schema') fieldType = schema.getType('__Schema') ?? null;
      if (name === '__type') fieldType = schema.getType('__Type') ?? null;
      const isList = Boolean(fieldType && isListType(getNullableType(fieldType)));
      const pageArgument = selection.arguments?.find((argument) => PAGE_ARGUMENTS.has(argument.name.value));
      const pageDefinition = fieldDefinition?.args.find((argument) => PAGE_ARGUMENTS.has(argument.name));
      // The page a field asks for: its argument, else the argument's default, else the most a page holds.
      const requestedPage = pageArgument
        ? pageSize(pageArgument.value, variables)
        : typeof pageDefinition?.defaultValue === 'number'
          ? Math.min(pageDefinition.defaultValue, MAX_LIST_SIZE)
          : MAX_LIST_SIZE;
      const passed = !isList && pageDefinition && !inIntrospection ? requestedPage : null;
      const each = selectionCost(selection.selectionSet, fieldType ? getNamedType(fieldType) : null, inIntrospection, passed);
      let items = 1;
      if (isList && !inIntrospection) {
        if (pageArgument || pageDefinition) items = requestedPage;
        else items = connectionPage ?? UNPAGED_LIST_SIZE;
      }
      cost += items * each;
    }
    return cost;
  };
  return selectionCost(operation.selectionSet, root, false);
}

/** The points an answer's data takes by the same rule: 1 per field in it, each item of a list counted. */
export function resultCost(data: unknown): number {
  const valueCost = (value: unknown): number => {
    if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + valueCost(item), 0);
    if (value === null || typeof value !== 'object') return 0;
    let cost = 0;
    for (const field of Object.values(value)) cost += 1 + valueCost(field);
    return cost;
  };
  return valueCost(data);
}

export interface BudgetState {
  /** Whether the points were charged (false: over the budget, nothing charged). */
  charged: boolean;
  spent: number;
  /** When the window ends (epoch ms). */
  resetAt: number;
}

/**
 * Charges `points` to a token in its current window, if they fit in `budget`: one statement. A new
 * window starts over from 0; points that do not fit are not charged, and the row is read as it was.
 */
export async function chargePortalBudget(
  prisma: Db,
  tokenId: number,
  points: number,
  budget: number,
  windowSeconds: number,
  now: Date | null,
): Promise<BudgetState> {
  const epoch = now ? now.getTime() / 1000 : null;
  const rows = await prisma.$queryRaw<{ charged: boolean; spent: number; windowStart: number }[]>`
    WITH moment AS (
      SELECT to_timestamp(floor(COALESCE(${epoch}::float8, extract(epoch FROM now())::float8) / ${windowSeconds}::int) * ${windowSeconds}::int)
               AT TIME ZONE 'UTC' AS "windowStart"
    ), charged AS (
      INSERT INTO "PortalBudget" ("tokenId", "windowStart", spent)
      SELECT ${tokenId}::int, "windowStart", ${points}::int8 FROM moment WHERE ${points}::int8 <= ${budget}::int8
      ON CONFLICT ("tokenId") DO UPDATE SET
        "windowStart" = EXCLUDED."windowStart",
        spent = CASE WHEN "PortalBudget"."windowStart" = EXCLUDED."windowStart" THEN "PortalBudget".spent + EXCLUDED.spent ELSE EXCLUDED.spent END
      WHERE "PortalBudget"."windowStart" <> EXCLUDED."windowStart" OR "PortalBudget".spent + EXCLUDED.spent <= ${budget}::int8
      RETURNING spent, "windowStart"
    )
    SELECT true AS charged, spent::float8 AS spent, extract(epoch FROM "windowStart")::float8 AS "windowStart" FROM charged
    UNION ALL
    SELECT false, (CASE WHEN b."windowStart" = m."windowStart" THEN b.spent ELSE 0 END)::float8, extract(epoch FROM m."windowStart")::float8
      FROM moment m LEFT JOIN "PortalBudget" b ON b."tokenId" = ${tokenId}::int
     WHERE NOT EXISTS (SELECT 1 FROM charged)`;
  const row = rows[0]!;
  // A new window with nothing spent in it (a zero charge that found no row) reads as 0 spent.
  return { charged: row.charged, spent: row.spent ?? 0, resetAt: Math.round((row.windowStart + windowSeconds) * 1000) };
}

interface CostReport {
  requested: number;
  executed: boolean;
  spent: number;
  resetAt: number;
  /** For the clock the report's seconds are counted on. */
  at: number;
}

/**
 * The portal's budget: computes each operation's cost before it runs, refuses one over the per-operation
 * maximum (nothing charged) or over the token's remaining budget (HTTP 429, Retry-After), charges the rest,
 * and reports the cost in `extensions.cost` and the RateLimit-* headers. Mutations (refused to portals
 * by portalReadOnlyPlugin) are reported and not charged.
 */
export function portalBudgetPlugin(schema: GraphQLSchema, requestTimeoutMs: number, options: PortalBudgetOptions = {}): Plugin<Context> {
  const budget = options.points ?? PORTAL_BUDGET.points;
  const windowSeconds = options.windowSeconds ?? PORTAL_BUDGET.windowSeconds;
  const maxCost = options.maxCostPerOperation ?? MAX_COST_PER_OPERATION;
  const reports = new WeakMap<Request, CostReport>();
  const secondsUntil = (report: CostReport) => Math.max(1, Math.ceil((report.resetAt - report.at) / 1000));
  return {
    onExecute: async ({ args, setResultAndStopExecution }) => {
      const context = args.contextValue as Context & { request?: Request };
      const portal = context.portal;
      if (!portal || !context.request) return;
      const now = options.now?.() ?? null;
      const requested = operationCost(schema, args.document, args.operationName, (args.variableValues ?? {}) as Record<string, unknown>);
      const operation = getOperationAST(args.document, args.operationName);
      // Queries are charged, and so are the protocol tasks' reports, the one write a portal may make.
      const isQuery = operation?.operation === 'query' || isPortalWrite(operation);
      const chargeable = isQuery && requested <= maxCost;
      const state = await withDeadline(context.receivedAt + requestTimeoutMs, () =>
        chargePortalBudget(context.prisma, portal.tokenId, chargeable ? requested : 0, budget, windowSeconds, now),
      );
      const report: CostReport = { requested, executed: false, spent: state.spent, resetAt: state.resetAt, at: (now ?? new Date()).getTime() };
      reports.set(context.request, report);
      if (!isQuery) return; // Refused by portalReadOnlyPlugin, after this one.
      if (requested > maxCost) {
        setResultAndStopExecution({
          data: null,
          errors: [
            new GraphQLError(budgetMessages.tooCostly(requested, maxCost), { extensions: { code: COST_LIMIT_EXCEEDED, requested, max: maxCost } }),
          ],
        });
        return;
      }
      if (!state.charged) {
        const retryAfter = secondsUntil(report);
        setResultAndStopExecution({
          data: null,
          errors: [
            new GraphQLError(budgetMessages.rateLimited(budget, windowSeconds, retryAfter), {
              extensions: { code: RATE_LIMITED, http: { status: 429, headers: { 'retry-after': String(retryAfter) } } },
            }),
          ],
        });
        return;
      }
      report.executed = true;
    },
    onResultProcess: ({ request, result, setResult }) => {
      const report = reports.get(request);
      if (!report || Array.isArray(result) || isAsyncIterable(result)) return;
      const cost = {
        requested: report.requested,
        actual: report.executed ? resultCost(result.data) : 0,
        remaining: Math.max(0, budget - report.spent),
        budget,
        resetAt: new Date(report.resetAt).toISOString(),
      };
      setResult({ ...result, extensions: { ...result.extensions, cost } });
    },
    onResponse: ({ request, response }) => {
      const report = reports.get(request);
      if (!report) return;
      response.headers.set('ratelimit-limit', String(budget));
      response.headers.set('ratelimit-remaining', String(Math.max(0, budget - report.spent)));
      response.headers.set('ratelimit-reset', String(secondsUntil(report)));
    },
  };
}
