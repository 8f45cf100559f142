// The queries behind each react-admin call, in ra-data-graphql-simple's naming (see dataProvider.ts).
// Kept apart from the provider so it runs in Node tests without Apollo.
import { parse as gql } from 'graphql';
import type { IntrospectionField } from 'graphql';
import type { BuildQueryFactory, IntrospectionResult } from 'ra-data-graphql';

// react-admin's fetch types (the same strings as ra-core's GET_LIST … constants).
const GET_LIST = 'GET_LIST';
const GET_ONE = 'GET_ONE';
const GET_MANY = 'GET_MANY';
const GET_MANY_REFERENCE = 'GET_MANY_REFERENCE';

/** What the console reads of each type (nested objects included). */
export const selections: Record<string, string> = {
  Region: 'id code name federalDistrict federalDistrictName position aliases',
  Sphere: 'id code name position',
  Authority: 'id name createdAt responsesCount measuresCount region { id name } sphere { id name }',
  MeasureType: 'id code name help position group { id name }',
  Campaign: 'id code title year state windowState opensAt closesAt plannedOpensAt plannedClosesAt',
  Plan: 'id code title yearFrom yearTo approvedBy',
  PlanIndicator: 'id number name unit baseYear baseValue plan { id title } targets { id year targetMin targetMax isRange actual status }',
  PlanActivity:
    'id number numberPrinted title form schedule owners ownersInherited level position plan { id title } parent { id number title } items { id number numberPrinted title form schedule owners ownersInherited }',
  Practice: 'id text source createdAt region { id name } sphere { id name } form { id name group { id name } }',
  AuditLog: 'id at actorEmail action subjectType subjectId before after reason',
  // $campaignCode: the campaign status/progress refer to (filter.campaignCode or meta.campaignCode).
  Respondent:
    'id email createdAt disabledAt lastActivity(campaignCode: $campaignCode) status(campaignCode: $campaignCode) progress(campaignCode: $campaignCode)',
  ResponseRecord: 'id campaignCode respondentId respondentEmail regionId regionName status completion submittedAt updatedAt version',
  OutboxMail: 'id to template subject status attempts sentAt lastError createdAt campaignId',
  Measure:
    'id position questionCode title description result year updatedAt responseId campaignCode respondentEmail responseStatus type { id name group { id name } } region { id name } authority { id name }',
  PortalToken:
    'id name regionId regionCode regionName scopes state expiresAt createdAt createdBy rotatedAt previousValidUntil revokedAt lastUsedAt lastUsedFrom operationsCount',
  // Protocols' tasks (issue 12).
  Protocol: 'id number date title issuer chair controller itemsCount region { id name code } progress { status progress done total overdue }',
  TaskOccurrence:
    'id dueOn status overdue daysLeft sequence reportsCount statusChangedAt statusChangedBy item { id number text recurrence protocol { id number date region { id name } } owners { asWritten inherited owner { id name } } }',
  TaskOwner: 'id name matched itemsCount region { id name } authority { id name } contacts { id email name createdAt createdBy }',
};

/** What getOne reads where it is more than the list's selection. */
export const detailSelections: Record<string, string> = {
  PortalToken: `${selections.PortalToken} allowedOperations`,
  Protocol: `${selections.Protocol} signedBy agenda attendees { name position } items { id number text depth deadline deadlineText recurrence recommendations occurrencesCount owners { asWritten inherited owner { id name } } progress { status progress done total overdue } nextOccurrence { id dueOn status overdue daysLeft } children { id number text depth deadline deadlineText recurrence recommendations occurrencesCount owners { asWritten inherited owner { id name } } progress { status progress done total overdue } nextOccurrence { id dueOn status overdue daysLeft } } }`,
  TaskOccurrence: `${selections.TaskOccurrence} item { id deadlineText protocol { id title } } reports(first: 100) { id text evidenceUrl author byPortal status createdAt }`,
  ResponseRecord: `${selections.ResponseRecord} sections { code title percent answers { questionCode number label text } measureQuestionCodes } measures { position questionCode groupName typeName title description year result }`,
};

/** List queries that do not follow the allX naming (ra-data-graphql then finds no GET_LIST). */
export const listQueries: Record<string, string> = { ResponseRecord: 'allResponses' };

/** Sort fields each list accepts (see the allX descriptions in schema.graphql). */
const sortable: Record<string, string[]> = {
  Region: ['position', 'name', 'code'],
  Sphere: ['position', 'name'],
  Authority: ['name', 'region', 'sphere', 'createdAt'],
  MeasureType: ['position', 'name'],
  Campaign: ['year', 'opensAt', 'code'],
  Plan: ['yearFrom', 'code'],
  PlanIndicator: ['number'],
  PlanActivity: ['position', 'number'],
  Practice: ['region', 'sphere', 'form', 'createdAt'],
  AuditLog: ['at', 'action'],
  Respondent: ['email', 'createdAt'],
  ResponseRecord: ['updatedAt', 'completion', 'submittedAt'],
  OutboxMail: ['createdAt', 'sentAt', 'to'],
  Measure: ['region', 'type', 'year', 'updatedAt'],
  PortalToken: ['createdAt', 'expiresAt', 'lastUsedAt', 'name'],
  Protocol: ['date', 'region', 'number', 'title'],
  TaskOccurrence: ['dueOn', 'status', 'region', 'protocol', 'item'],
  TaskOwner: ['name', 'region'],
};

const MAX_PER_PAGE = 100;

/** What react-admin passes to a data provider method, as far as the queries below read it. */
export interface FetchParams {
  pagination?: { page?: number; perPage?: number };
  sort?: { field?: string; order?: string };
  filter?: Record<string, unknown>;
  /** getManyReference: the filter field that refers to `id`. */
  target?: string;
  id?: string | number;
  ids?: (string | number)[];
  data?: Record<string, unknown>;
  /** Extra input (a write's reason) and the campaign a respondent's status refers to. */
  meta?: Record<string, unknown>;
}

function filterTypeOf(introspection: IntrospectionResult, listQuery: string): string {
  // The typings say IntrospectionObjectType, but the entries are the Query type's fields.
  const queries = introspection.queries as unknown as IntrospectionField[];
  const field = queries.find((query) => query.name === listQuery);
  const arg = field?.args.find((candidate) => candidate.name === 'filter');
  const type = arg?.type;
  return type && 'name' in type && type.name ? type.name : `${listQuery}Filter`;
}

/** Drops empty values react-admin's filter forms leave behind. */
function cleanFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

/** Declares and fills $campaignCode when the selection uses it. */
function campaignVariable(fields: string, params: FetchParams): { declaration: string; variables: Record<string, unknown> } {
  if (!fields.includes('$campaignCode')) return { declaration: '', variables: {} };
  const campaignCode = String(params.filter?.campaignCode ?? params.meta?.campaignCode ?? '');
  return { declaration: ', $campaignCode: String!', variables: { campaignCode } };
}

export const buildQuery: BuildQueryFactory = (introspection) => (fetchType: string, resourceName: string, params: FetchParams) => {
  // Each resource also carries the query field found for each fetch type (typed loosely upstream).
  const resource = introspection.resources.find((candidate) => candidate.type.name === resourceName) as
    | (Record<string, { name: string } | undefined> & { type: { name: string } })
    | undefined;
  const fields = selections[resourceName];
  if (!resource || !fields) throw new Error(`Неизвестный раздел: ${resourceName}`);
  const listQuery = resource[GET_LIST]?.name ?? listQueries[resourceName];
  switch (fetchType) {
    case GET_LIST:
    case GET_MANY_REFERENCE: {
      if (!listQuery) throw new Error(`Список недоступен: ${resourceName}`);
      const filterType = filterTypeOf(introspection, listQuery);
      const perPage = Math.min(params.pagination?.perPage ?? 25, MAX_PER_PAGE);
      const page = Math.max((params.pagination?.page ?? 1) - 1, 0);
      const requested = params.sort?.field;
      const sortField = requested && sortable[resourceName]?.includes(requested) ? requested : undefined;
      const reference = fetchType === GET_MANY_REFERENCE && params.target ? { [params.target]: params.id } : {};
      const filter = cleanFilter({ ...params.filter, ...reference });
      const campaign = campaignVariable(fields, params);
      return {
        query: gql(`
          query ${listQuery}($page: Int, $perPage: Int, $sortField: String, $sortOrder: SortOrder, $filter: ${filterType}${campaign.declaration}) {
            items: ${listQuery}(page: $page, perPage: $perPage, sortField: $sortField, sortOrder: $sortOrder, filter: $filter) { ${fields} }
            total: _${listQuery}Meta(filter: $filter) { count }
          }
        `),
        variables: {
          page,
          perPage,
          sortField,
          sortOrder: sortField ? (params.sort?.order === 'DESC' ? 'DESC' : 'ASC') : undefined,
          filter,
          ...campaign.variables,
        },
        parseResponse: (response) => ({ data: response.data.items, total: response.data.total.count }),
      };
    }
    case GET_MANY: {
      if (!listQuery) throw new Error(`Список недоступен: ${resourceName}`);
      const filterType = filterTypeOf(introspection, listQuery);
      const ids: string[] = (params.ids ?? []).map(String);
      const campaign = campaignVariable(fields, params);
      return {
        query: gql(`
          query ${listQuery}Many($filter: ${filterType}, $perPage: Int${campaign.declaration}) {
            items: ${listQuery}(filter: $filter, perPage: $perPage) { ${fields} }
          }
        `),
        variables: { filter: { ids }, perPage: Math.min(Math.max(ids.length, 1), MAX_PER_PAGE), ...campaign.variables },
        parseResponse: (response) => ({ data: response.data.items }),
      };
    }
    case GET_ONE: {
      const oneQuery = resource[GET_ONE]?.name ?? resourceName;
      const oneFields = detailSelections[resourceName] ?? fields;
      const campaign = campaignVariable(oneFields, params);
      return {
        query: gql(`
          query ${oneQuery}One($id: ID!${campaign.declaration}) {
            data: ${oneQuery}(id: $id) { ${oneFields} }
          }
        `),
        variables: { id: String(params.id), ...campaign.variables },
        parseResponse: (response) => {
          if (!response.data.data) throw new Error('ra.notification.item_doesnt_exist');
          return { data: response.data.data };
        },
      };
    }
    case CREATE:
    case UPDATE:
    case DELETE:
      return buildMutation(fetchType, resourceName, fields, params);
    default:
      throw new Error(`Консоль только читает данные (${fetchType} ${resourceName}).`);
  }
};

// ---------------------------------------------------------------------------------------------------
// Writes: createX / updateX / deleteX(input: CreateXInput! / UpdateXInput! / DeleteXInput!) in
// ra-data-graphql-simple's naming. The console's build-time introspection carries only the Query type
// (build.ts), so the resources it writes and the fields of their inputs are listed here (a test checks
// them, and every query built here, against schema.graphql). The result is the API's typed-error
// union (MutationXSuccess { data } | ValidationError | NotFoundError): an error becomes a thrown
// MutationRefusedError whose message is the API's Russian one (react-admin shows it as a notification)
// and whose `errors` put each field's message under its input (react-admin's server-side validation).

const CREATE = 'CREATE';
const UPDATE = 'UPDATE';
const DELETE = 'DELETE';

/** The resources the console writes: per fetch type, the fields its input takes besides the id. */
export const writable: Record<string, Partial<Record<'CREATE' | 'UPDATE' | 'DELETE', string[]>>> = {
  Practice: {
    CREATE: ['text', 'regionId', 'sphereId', 'formId'],
    UPDATE: ['text', 'regionId', 'sphereId', 'formId', 'reason'],
    DELETE: ['reason'],
  },
};

/** The API refused a write; `errors` is react-admin's shape for server-side form errors. */
export class MutationRefusedError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly errors: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * Only what the input declares: react-admin records carry nested objects and read-only fields.
 * As in ra-data-graphql-simple, an input `xId` missing from the data is taken from `x.id`.
 */
function pick(source: Record<string, unknown> | undefined, names: string[]): Record<string, unknown> {
  const valueFor = (name: string): unknown => {
    if (!source) return undefined;
    if (source[name] !== undefined) return source[name];
    const nested = name.endsWith('Id') ? source[name.slice(0, -2)] : undefined;
    return nested && typeof nested === 'object' ? (nested as { id?: unknown }).id : undefined;
  };
  return Object.fromEntries(names.map((name) => [name, valueFor(name)]).filter(([, value]) => value !== undefined));
}

/** What a write answers: the typed-error union, selected as below. */
interface MutationResponse {
  data?: {
    result?: { __typename: string; data?: unknown; code?: string; message?: string; fieldErrors?: { path: string; message: string }[] };
  };
}

function buildMutation(fetchType: 'CREATE' | 'UPDATE' | 'DELETE', resourceName: string, fields: string, params: FetchParams) {
  const inputFields = writable[resourceName]?.[fetchType];
  if (!inputFields) throw new Error(`Консоль только читает данные (${fetchType} ${resourceName}).`);
  const verb = fetchType.toLowerCase();
  const Verb = verb[0]!.toUpperCase() + verb.slice(1);
  const mutation = `${verb}${resourceName}`;
  const input =
    fetchType === CREATE
      ? pick(params.data, inputFields)
      : // The record's id, the edited data (update) and what the caller adds in meta (e.g. the reason).
        { ...(fetchType === UPDATE ? pick(params.data, inputFields) : {}), ...pick(params.meta, inputFields), id: String(params.id) };
  const success = `Mutation${Verb}${resourceName}Success`;
  return {
    query: gql(`
      mutation ${mutation}($input: ${Verb}${resourceName}Input!) {
        result: ${mutation}(input: $input) {
          __typename
          ... on ${success} { data { ${fields} } }
          ... on Error { code message }
          ... on ValidationError { fieldErrors { path message } }
        }
      }
    `),
    variables: { input },
    parseResponse: (response: MutationResponse) => {
      const result = response.data?.result;
      if (result?.__typename === success) return { data: result.data };
      const message = result?.message ?? 'Изменения не сохранены.';
      const errors: Record<string, unknown> = { root: { serverError: message } };
      for (const fieldError of result?.fieldErrors ?? []) {
        if (!(fieldError.path in errors)) errors[fieldError.path] = fieldError.message;
      }
      throw new MutationRefusedError(message, result?.code, errors);
    },
  };
}
