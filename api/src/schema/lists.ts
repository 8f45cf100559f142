// Listing conventions of ra-data-graphql-simple, which the coordinators' console speaks:
// allXs(page, perPage, sortField, sortOrder, filter), _allXsMeta(filter) { count } and X(id).
// Pages are bounded (MAX_PAGE_SIZE) so no query can ask for everything at once.
import type { ArgBuilder, InputObjectRef } from '@pothos/core';
import { GraphQLError, type GraphQLResolveInfo, getNamedType, isInputObjectType } from 'graphql';
import { builder, type AuthScopes, type SchemaTypes } from '../builder.ts';
import type { Context } from '../context.ts';
import { ActionRefusedError, NotFoundError } from '../services/errors.ts';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

export const SortOrder = builder.enumType('SortOrder', { values: ['ASC', 'DESC'] as const });

export const ListMetadata = builder.objectRef<{ count: number }>('ListMetadata').implement({
  fields: (t) => ({ count: t.exposeInt('count') }),
});

interface Delegate {
  findMany(args: object): Promise<unknown[]>;
  count(args: object): Promise<number>;
  findUnique(args: object): Promise<unknown>;
}

export interface ListOptions<Filter extends object, Where extends object> {
  /** The Prisma model and GraphQL type, e.g. 'Region'. */
  type: string;
  /** The plural used in field names, e.g. 'Regions' → allRegions, _allRegionsMeta. */
  plural: string;
  filter: InputObjectRef<SchemaTypes, Filter>;
  /** GraphQL sortField values → Prisma orderBy builders. */
  sortFields: Record<string, (order: 'asc' | 'desc') => object>;
  defaultSort: string;
  scope: keyof AuthScopes;
  delegate: (context: Context) => Delegate;
  /**
   * The server's rule: what this caller may see at all (e.g. no drafts but for coordinators), or
   * null for everything. Every field of the list (the page, the count, the row by id) combines it
   * with the client's filter by AND, so a filter can only narrow it, never replace it.
   */
  visibleTo?: (context: Context) => Where | null;
  /** Says who sees what (`visibleTo`) in the fields' descriptions. */
  visibilityNote?: string;
  /** The client's filter as a condition; it does not see the caller (that is `visibleTo`'s business). */
  toWhere: (filter: Filter | null | undefined) => Where;
  /** The numeric id type used by the model (Int ids are parsed from the GraphQL ID). */
  idKind?: 'int' | 'string';
}

export function paging(args: { page?: number | null; perPage?: number | null }) {
  const perPage = args.perPage ?? DEFAULT_PAGE_SIZE;
  const page = args.page ?? 0;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PAGE_SIZE) {
    throw new GraphQLError(`perPage: от 1 до ${MAX_PAGE_SIZE}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (!Number.isInteger(page) || page < 0) throw new GraphQLError('page: целое число от 0.', { extensions: { code: 'BAD_USER_INPUT' } });
  return { skip: page * perPage, take: perPage };
}

/** The largest value of a PostgreSQL integer column (the models' Int ids). */
const MAX_INT_ID = 2_147_483_647;

/**
 * An id argument as the model's id: an Int id must be an integer a PostgreSQL integer holds (anything
 * else could name no row, and would reach the database as an error); `field` names it in the refusal.
 */
export function parseId(id: string | number, kind: 'int' | 'string' = 'int', field?: string): number | string {
  if (kind === 'string') return String(id);
  const value = Number(id);
  if (!Number.isInteger(value) || Math.abs(value) > MAX_INT_ID) {
    throw new GraphQLError(field ? `${field}: некорректный идентификатор.` : 'Некорректный идентификатор.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/**
 * Refuses, as BAD_USER_INPUT naming the field, an ID in a list's filter that cannot name a row (its
 * `ids` are the model's ids, any other ID field an Int id), before the filter becomes a condition.
 */
function checkFilterIds(filter: object | null | undefined, info: GraphQLResolveInfo, idKind: 'int' | 'string'): void {
  if (!filter) return;
  const argument = info.parentType.getFields()[info.fieldName]?.args.find((arg) => arg.name === 'filter');
  const type = argument && getNamedType(argument.type);
  if (!type || !isInputObjectType(type)) return;
  const fields = type.getFields();
  for (const [key, value] of Object.entries(filter)) {
    const fieldType = fields[key]?.type;
    if (value === null || value === undefined || !fieldType || getNamedType(fieldType).name !== 'ID') continue;
    for (const id of Array.isArray(value) ? value : [value]) parseId(id as string, key === 'ids' ? idKind : 'int', `filter.${key}`);
  }
}

/**
 * The Prisma orderBy for a list's sortField/sortOrder arguments; an unknown field is refused with
 * the allowed ones named. The id breaks ties, so pages never overlap.
 */
export function listOrder(sortFields: Record<string, (order: 'asc' | 'desc') => object>, defaultSort: string) {
  return (sortField: string | null | undefined, sortOrder: 'ASC' | 'DESC' | null | undefined): object[] => {
    const make = sortFields[sortField ?? defaultSort];
    if (!make) {
      throw new GraphQLError(`sortField: одно из ${Object.keys(sortFields).join(', ')}.`, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    const direction = sortOrder === 'DESC' ? 'desc' : 'asc';
    return [make(direction), { id: direction }];
  };
}

/** The arguments of an allX field: a page, a sort among `sortFields` (`sortNote` adds to its description) and a filter. */
export function listArgs<Filter extends object>(
  arg: ArgBuilder<SchemaTypes>,
  filter: InputObjectRef<SchemaTypes, Filter>,
  sortFields: Record<string, unknown>,
  sortNote = '',
) {
  return {
    page: arg.int(),
    perPage: arg.int(),
    sortField: arg.string({ description: `One of: ${Object.keys(sortFields).join(', ')}.${sortNote}` }),
    sortOrder: arg({ type: SortOrder }),
    filter: arg({ type: filter }),
  };
}

/** The arguments of an _allXMeta field: the console sends its page too, but only the filter counts. */
export function metaArgs<Filter extends object>(arg: ArgBuilder<SchemaTypes>, filter: InputObjectRef<SchemaTypes, Filter>) {
  return { page: arg.int(), perPage: arg.int(), filter: arg({ type: filter }) };
}

/**
 * The server's rule AND the client's condition: rows the rule hides stay hidden whatever the client
 * asks. Never spread a client's filter over a rule (`{ ...rule, ...filter }`): a key of the filter
 * would replace the rule's condition on the same column.
 */
export function narrowedBy<Where extends object>(rule: Where | null | undefined, clientWhere: Where): Where {
  return (rule ? { AND: [rule, clientWhere] } : clientWhere) as Where;
}

/** Adds allX, _allXMeta and X(id) root fields for one model. */
export function addListQueries<Filter extends object, Where extends object>(options: ListOptions<Filter, Where>): void {
  const orderBy = listOrder(options.sortFields, options.defaultSort);
  const rule = (context: Context) => options.visibleTo?.(context) ?? null;
  const where = (filter: Filter | null | undefined, context: Context, info: GraphQLResolveInfo) => {
    checkFilterIds(filter, info, options.idKind ?? 'int');
    return narrowedBy(rule(context), options.toWhere(filter));
  };
  const note = options.visibilityNote ? ` ${options.visibilityNote}` : '';

  builder.queryFields((t) => ({
    [`all${options.plural}`]: t.prismaField({
      type: [options.type as 'Region'],
      description: `A page of ${options.plural}, filtered and sorted (at most ${MAX_PAGE_SIZE} per page).${note}`,
      authScopes: { [options.scope]: true },
      args: listArgs(t.arg, options.filter, options.sortFields),
      resolve: (query, _root, args, context, info) =>
        options.delegate(context).findMany({
          ...query,
          where: where((args as { filter?: Filter | null }).filter, context, info),
          orderBy: orderBy(args.sortField, args.sortOrder),
          ...paging(args),
        }) as never,
    }),
    [`_all${options.plural}Meta`]: t.field({
      type: ListMetadata,
      ...(note ? { description: `How many ${options.plural} the filter finds.${note}` } : {}),
      authScopes: { [options.scope]: true },
      args: metaArgs(t.arg, options.filter),
      resolve: async (_root, args, context, info) => ({
        count: await options.delegate(context).count({ where: where((args as { filter?: Filter | null }).filter, context, info) }),
      }),
    }),
    [options.type]: t.prismaField({
      type: options.type as 'Region',
      nullable: true,
      ...(note ? { description: `One of the ${options.plural} by id, or null.${note}` } : {}),
      authScopes: { [options.scope]: true },
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, args, context) => {
        const visible = rule(context);
        return options
          .delegate(context)
          .findUnique({ ...query, where: { id: parseId(args.id, options.idKind), ...(visible ? { AND: [visible] } : {}) } }) as never;
      },
    }),
  }));
}

/**
 * Runs a list query whose filter can name what does not exist (an unknown campaign) or ask what does
 * not go together (a status without a campaign): the caller's mistake, refused as BAD_USER_INPUT.
 */
export async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ActionRefusedError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    throw error;
  }
}

/** A case-insensitive substring condition, or nothing for an empty search. */
export function contains(q: string | null | undefined): { contains: string; mode: 'insensitive' } | undefined {
  const text = q?.trim();
  return text ? { contains: text, mode: 'insensitive' } : undefined;
}
