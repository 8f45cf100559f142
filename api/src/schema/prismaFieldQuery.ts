// Every `t.prismaField` resolver is handed a query that Prisma accepts, whatever the client selected.
//
// A field with `errors` returns a union whose success type wraps the row in `data`. When a client
// selects nothing under `data` (only `__typename`, or only the error types' fields), the prisma
// plugin's planner never enters the row's type and hands the resolver `{ select: {} }`, which Prisma
// refuses («The `select` statement … must not be empty»). A mutation that had written its change and
// audit record, and then read the row back with that query, answered «Внутренняя ошибка» for a
// change that was committed (issue 10, finding 4). Here an empty selection becomes the row's own
// columns (`{}`), so the read succeeds and the success is answered, for every `prismaField` of the
// schema, present and future. Loaded by builder.ts before any field is defined.
import { RootFieldBuilder } from '@pothos/core';
import '@pothos/plugin-prisma';

/** The prisma plugin's marker on a query it watches for use (`onUnusedQuery`); it has a setter. */
const USED = Symbol.for('Pothos.isUsed');

type Query = Record<string | symbol, unknown>;
type Resolve = (query: Query, ...rest: unknown[]) => unknown;
type FieldMethod = (this: unknown, options: { resolve: Resolve }) => unknown;

const isEmptyMap = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;

/**
 * `query` itself unless its `select` is empty; then the same query without it (every column of the
 * row, no relation). Looking does not count as the resolver using the query.
 */
export function acceptedQuery<T extends object>(query: T): T {
  const watched = query as Query;
  const tracked = USED in watched;
  const wasUsed = tracked ? watched[USED] : undefined;
  const select = watched.select;
  if (!isEmptyMap(select)) {
    if (tracked) watched[USED] = wasUsed;
    return query;
  }
  const rest: Query = {};
  for (const key of Object.keys(watched)) if (key !== 'select') rest[key] = watched[key];
  return rest as T;
}

const proto = RootFieldBuilder.prototype as unknown as Record<string, FieldMethod | undefined>;

for (const name of ['prismaField', 'prismaFieldWithInput']) {
  const define = proto[name];
  if (!define || (define as { acceptsEveryQuery?: true }).acceptsEveryQuery) continue;
  const wrapped: FieldMethod = function (this: unknown, options) {
    const resolve = options.resolve;
    return define.call(this, { ...options, resolve: (query, ...rest) => resolve(acceptedQuery(query), ...rest) });
  };
  (wrapped as { acceptsEveryQuery?: true }).acceptsEveryQuery = true;
  proto[name] = wrapped;
}
