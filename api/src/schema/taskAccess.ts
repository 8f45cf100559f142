// Who reads and writes regional protocols' tasks (issue 12), shared by protocol.ts, taskOccurrence.ts
// and taskOwner.ts: coordinators across regions; a regional portal's token with the `tasks` scope
// reads its own region's (never an argument: the token's region), with `taskReports` it reports
// progress. Also the request's "today" (the database's date, read once per request) and a list
// helper in the console's conventions (lists.ts) for fields open to coordinators and portals.
import type { InputObjectRef } from '@pothos/core';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { builder, type SchemaTypes } from '../builder.ts';
import type { Context } from '../context.ts';
import { DomainError, NotFoundError, ValidationError } from '../services/errors.ts';
import { databaseToday, extendRecurringOccurrences } from '../services/protocolSchedule.ts';
import { ListMetadata, listArgs, listOrder, MAX_PAGE_SIZE, metaArgs, narrowedBy, paging, parseId } from './lists.ts';

/** Reading tasks: coordinators, and portals' tokens with the tasks scope (their own region). */
export const readTasks = { coordinator: true, portalWith: 'tasks' } as const;
/** Reporting on tasks: coordinators, and portals' tokens with the taskReports scope (their own region). */
export const reportTasks = { coordinator: true, portalWith: 'taskReports' } as const;

/** The region a portal's token is bound to, or null for a coordinator (every region). */
export const portalRegionOf = (context: Context): number | null => (context.portal ? context.portal.regionId : null);

const todays = new WeakMap<object, Promise<string>>();
/** The date each database's recurring duties were last extended to its horizon by this process. */
const extendedOn = new WeakMap<object, string>();
/**
 * The database's date (Moscow), read once per request. On the first request of a new day, recurring
 * duties are extended to the horizon (12 months on) first, so a server that runs for months keeps
 * them as the start would (one indexed read when nothing is behind).
 */
export function todayOf(context: Context): Promise<string> {
  let today = todays.get(context);
  if (!today) {
    today = databaseToday(context.prisma).then(async (date) => {
      if (extendedOn.get(context.prisma) !== date) {
        await extendRecurringOccurrences(context.prisma, { today: date });
        extendedOn.set(context.prisma, date);
      }
      return date;
    });
    todays.set(context, today);
  }
  return today;
}

/** An ID argument or filter value as an Int id; null when absent. Refused (BAD_USER_INPUT) when it cannot be one. */
export const idOf = (value: string | number | null | undefined, field: string): number | null =>
  value === null || value === undefined || value === '' ? null : (parseId(value, 'int', field) as number);

/** A service's refusal of a list's filter (ValidationError naming the field) as BAD_USER_INPUT. */
export async function asUserInput<T>(run: () => Promise<T> | T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ValidationError || error instanceof NotFoundError) {
      throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    if (error instanceof DomainError) throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT' } });
    throw error;
  }
}

interface Delegate {
  findMany(args: object): Promise<unknown[]>;
  count(args: object): Promise<number>;
  findFirst(args: object): Promise<unknown>;
}

/**
 * allX, _allXMeta and X(id) for a model readable by coordinators and by portals' tokens with the
 * tasks scope: `regionRule` limits a portal to its region, combined with the client's filter by AND.
 */
export function addTaskListQueries<Filter extends object>(options: {
  type: 'Protocol' | 'ProtocolItem' | 'TaskOccurrence' | 'TaskReport' | 'TaskOwner';
  plural: string;
  filter: InputObjectRef<SchemaTypes, Filter>;
  sortFields: Record<string, (order: 'asc' | 'desc') => object>;
  defaultSort: string;
  delegate: (context: Context) => Delegate;
  /** Rows of one region (a portal's). */
  regionRule: (regionId: number) => object;
  /** The client's filter as a condition (may read the request's today). */
  toWhere: (filter: Filter | null | undefined, context: Context) => Promise<object> | object;
  description?: string;
}): void {
  const orderBy = listOrder(options.sortFields, options.defaultSort);
  const where = async (filter: Filter | null | undefined, context: Context, _info?: GraphQLResolveInfo) => {
    const region = portalRegionOf(context);
    const client = (await asUserInput(() => options.toWhere(filter, context))) as object;
    return narrowedBy(region === null ? null : options.regionRule(region), client);
  };
  const note = ' Coordinators see every region; a portal token (scope tasks) only its own.';
  builder.queryFields((t) => ({
    [`all${options.plural}`]: t.prismaField({
      type: [options.type as 'Protocol'],
      description: `A page of ${options.plural}, filtered and sorted (at most ${MAX_PAGE_SIZE} per page).${options.description ? ` ${options.description}` : ''}${note}`,
      authScopes: readTasks,
      args: listArgs(t.arg, options.filter, options.sortFields),
      resolve: async (query, _root, args, context, info) =>
        options.delegate(context).findMany({
          ...query,
          where: await where((args as { filter?: Filter | null }).filter, context, info),
          orderBy: orderBy(args.sortField, args.sortOrder),
          ...paging(args),
        }) as never,
    }),
    [`_all${options.plural}Meta`]: t.field({
      type: ListMetadata,
      description: `How many ${options.plural} the filter finds.${note}`,
      authScopes: readTasks,
      args: metaArgs(t.arg, options.filter),
      resolve: async (_root, args, context, info) => ({
        count: await options.delegate(context).count({ where: await where((args as { filter?: Filter | null }).filter, context, info) }),
      }),
    }),
    [options.type]: t.prismaField({
      type: options.type as 'Protocol',
      nullable: true,
      description: `One of the ${options.plural} by id, or null.${note}`,
      authScopes: readTasks,
      args: { id: t.arg.id({ required: true }) },
      resolve: (query, _root, args, context) => {
        const region = portalRegionOf(context);
        return options.delegate(context).findFirst({
          ...query,
          where: { id: parseId(args.id), ...(region === null ? {} : { AND: [options.regionRule(region)] }) },
        }) as never;
      },
    }),
  }));
}
