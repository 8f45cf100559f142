// The console's data provider speaks ra-data-graphql-simple's dialect of our schema, read from
// schema.graphql at build time (no introspection query is sent).
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  parse,
  print,
  validate,
  type DocumentNode,
  type GraphQLInputObjectType,
  type IntrospectionField,
  type IntrospectionObjectType,
} from 'graphql';
import type { IntrospectionResult } from 'ra-data-graphql';
import { describe, expect, it } from 'vitest';
import { consoleIntrospection } from '../../admin/src/console/build.ts';
import { buildQuery, listQueries, MutationRefusedError, selections, writable } from '../../admin/src/console/buildQuery.ts';
import { documents, outcomeOf } from '../../admin/src/console/operations.ts';

// What ra-data-graphql derives from the build-time schema (its own module needs Apollo, which
// does not load in Node): the Query fields, and for each type its allX / X queries.
const schema = await consoleIntrospection();
const queries = (schema.types.find((type) => type.name === schema.queryType.name) as IntrospectionObjectType).fields as IntrospectionField[];
const plurals: Record<string, string> = {
  Practice: 'Practices',
  Region: 'Regions',
  AuditLog: 'AuditLogs',
  PlanActivity: 'PlanActivities',
  Respondent: 'Respondents',
  ResponseRecord: 'ResponseRecords',
};
const introspection = {
  types: schema.types,
  queries,
  schema,
  resources: Object.entries(plurals).map(([name, plural]) => ({
    type: schema.types.find((type) => type.name === name),
    GET_LIST: queries.find((query) => query.name === `all${plural}`),
    GET_MANY: queries.find((query) => query.name === `all${plural}`),
    GET_ONE: queries.find((query) => query.name === name),
  })),
} as unknown as IntrospectionResult;
const build = buildQuery(introspection);
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the console data provider', () => {
  it('finds an allX list and an X(id) query in the schema for every type the console reads', () => {
    for (const name of Object.keys(selections)) {
      expect(
        queries.some((query) => query.name === name),
        name,
      ).toBe(true);
      const list = listQueries[name];
      if (list) expect(queries.some((query) => query.name === list) && queries.some((query) => query.name === `_${list}Meta`), name).toBe(true);
      else
        expect(
          queries.some((query) => query.name.startsWith('all') && query.name !== `all${name}` && query.name.startsWith(`all${name.slice(0, -1)}`)),
          name,
        ).toBe(true);
    }
  });

  it('getList → allX + _allXMeta with a 0-based page, a known sort field and a clean filter', () => {
    const query = build('GET_LIST', 'Practice', {
      pagination: { page: 2, perPage: 500 },
      sort: { field: 'region', order: 'DESC' },
      filter: { q: 'премирование', regionId: '' },
    });
    const text = squash(print(query.query));
    expect(text).toMatch(
      /items: allPractices\(\s*page: \$page,? perPage: \$perPage,? sortField: \$sortField,? sortOrder: \$sortOrder,? filter: \$filter\s*\)/,
    );
    expect(text).toContain('total: _allPracticesMeta(filter: $filter)');
    expect(squash(print(query.query))).toContain('$filter: PracticeFilter');
    expect(query.variables).toEqual({ page: 1, perPage: 100, sortField: 'region', sortOrder: 'DESC', filter: { q: 'премирование' } });
    expect(query.parseResponse({ data: { items: [{ id: '1' }], total: { count: 7 } } } as any)).toEqual({ data: [{ id: '1' }], total: 7 });
  });

  it('drops sort fields the API does not accept (react-admin defaults to id)', () => {
    const query = build('GET_LIST', 'AuditLog', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
    expect(query.variables).toMatchObject({ sortField: undefined, sortOrder: undefined });
  });

  it('getOne → X(id) and getMany → allX(filter: { ids })', () => {
    const one = build('GET_ONE', 'Region', { id: 5 });
    expect(squash(print(one.query))).toContain('data: Region(id: $id)');
    expect(one.variables).toEqual({ id: '5' });
    const many = build('GET_MANY', 'Region', { ids: [1, 2] });
    expect(squash(print(many.query))).toContain('items: allRegions(filter: $filter, perPage: $perPage)');
    expect(many.variables).toEqual({ filter: { ids: ['1', '2'] }, perPage: 2 });
  });

  it('passes the campaign a respondent’s status refers to, from the filter or the meta', () => {
    const list = build('GET_LIST', 'Respondent', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'email', order: 'ASC' },
      filter: { campaignCode: 'nok-2021', status: 'NOT_STARTED' },
    });
    const text = squash(print(list.query));
    expect(text).toContain('$campaignCode: String!');
    expect(text).toContain('status(campaignCode: $campaignCode)');
    expect(list.variables).toMatchObject({ campaignCode: 'nok-2021', filter: { campaignCode: 'nok-2021', status: 'NOT_STARTED' } });
    const one = build('GET_ONE', 'Respondent', { id: 'u1', meta: { campaignCode: 'nok-2021' } });
    expect(one.variables).toEqual({ id: 'u1', campaignCode: 'nok-2021' });
  });

  it('lists questionnaires through allResponses and reads their answers only one at a time', () => {
    const list = build('GET_LIST', 'ResponseRecord', {
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'updatedAt', order: 'DESC' },
      filter: { status: 'SUBMITTED' },
    });
    const text = squash(print(list.query));
    expect(text).toContain('items: allResponses(');
    expect(text).toContain('total: _allResponsesMeta(filter: $filter)');
    expect(text).toContain('$filter: ResponseRecordFilter');
    expect(text).not.toContain('sections');
    const one = build('GET_ONE', 'ResponseRecord', { id: 7 });
    expect(squash(print(one.query))).toMatch(/data: ResponseRecord\(id: \$id\) \{ .*sections \{ .*answers \{ .*label text/);
  });

  it('refuses writes: the console changes data only through the dashboard’s domain mutations', () => {
    expect(() => build('UPDATE', 'Region', { id: 1, data: {} })).toThrow(/только читает/);
  });
});

// [practices] The write part: createX / updateX / deleteX(input) with the typed-error union unwrapped.
describe('the console data provider’s writes', () => {
  // The console's introspection has no Mutation type; the queries are checked against the full schema.
  const fullSchema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const valid = (document: DocumentNode) => expect(validate(fullSchema, document).map((error) => error.message)).toEqual([]);

  it('lists, for each writable resource, mutations and input fields that exist in the API', () => {
    for (const [resource, operations] of Object.entries(writable)) {
      for (const [fetchType, fields] of Object.entries(operations)) {
        const verb = fetchType.toLowerCase();
        const mutation = fullSchema.getMutationType()!.getFields()[`${verb}${resource}`];
        expect(mutation, `${verb}${resource}`).toBeDefined();
        const input = fullSchema.getType(`${verb[0]!.toUpperCase()}${verb.slice(1)}${resource}Input`) as GraphQLInputObjectType;
        expect(Object.keys(input.getFields())).toEqual(expect.arrayContaining(fetchType === 'CREATE' ? fields : [...fields, 'id']));
      }
    }
  });

  it('create → createX(input) with only the input’s fields, ids taken from nested records, and the typed errors selected', () => {
    const query = build('CREATE', 'Practice', {
      data: { text: 'Текст практики', region: { id: '5', name: 'Алтайский край' }, sphereId: '2', formId: '3', source: 'x', createdAt: 'now' },
    });
    valid(query.query);
    const text = squash(print(query.query));
    expect(text).toContain('mutation createPractice($input: CreatePracticeInput!)');
    expect(text).toContain('result: createPractice(input: $input)');
    expect(text).toMatch(/\.\.\. on MutationCreatePracticeSuccess \{ data \{ id text /);
    expect(text).toContain('... on ValidationError { fieldErrors { path message } }');
    expect(query.variables).toEqual({ input: { text: 'Текст практики', regionId: '5', sphereId: '2', formId: '3' } });
  });

  it('update → updateX(input: { id, …edited fields }), delete → deleteX(input: { id, …meta })', () => {
    const update = build('UPDATE', 'Practice', {
      id: 7,
      data: { id: 7, text: 'Новый текст практики', regionId: '5', reason: 'Опечатка', form: { id: '3', name: 'Премирование' }, createdAt: 'x' },
      previousData: {},
    });
    valid(update.query);
    expect(squash(print(update.query))).toContain('result: updatePractice(input: $input)');
    expect(update.variables).toEqual({ input: { id: '7', text: 'Новый текст практики', regionId: '5', formId: '3', reason: 'Опечатка' } });
    const remove = build('DELETE', 'Practice', { id: 7, previousData: { id: 7, text: 'Текст' }, meta: { reason: 'Дубликат', ignored: true } });
    valid(remove.query);
    expect(squash(print(remove.query))).toContain('mutation deletePractice($input: DeletePracticeInput!)');
    expect(remove.variables).toEqual({ input: { id: '7', reason: 'Дубликат' } });
  });

  it('unwraps the success’s data, and throws the API’s Russian message with per-field errors for react-admin forms', () => {
    const query = build('CREATE', 'Practice', { data: { text: 'Текст практики' } });
    expect(
      query.parseResponse({ data: { result: { __typename: 'MutationCreatePracticeSuccess', data: { id: '9', text: 'Текст практики' } } } } as any),
    ).toEqual({
      data: { id: '9', text: 'Текст практики' },
    });
    const refusal = {
      __typename: 'ValidationError',
      code: 'VALIDATION',
      message: 'Исправьте ошибки в ответах (2); ничего не сохранено.',
      fieldErrors: [
        { path: 'text', message: 'Текст практики слишком короткий: не менее 10 символов (сейчас 4).' },
        { path: 'regionId', message: 'Выберите субъект РФ из списка.' },
      ],
    };
    let thrown: any;
    try {
      query.parseResponse({ data: { result: refusal } } as any);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MutationRefusedError);
    expect(thrown.message).toBe('Исправьте ошибки в ответах (2); ничего не сохранено.');
    expect(thrown.code).toBe('VALIDATION');
    expect(thrown.errors).toEqual({
      root: { serverError: 'Исправьте ошибки в ответах (2); ничего не сохранено.' },
      text: 'Текст практики слишком короткий: не менее 10 символов (сейчас 4).',
      regionId: 'Выберите субъект РФ из списка.',
    });
    const missing = build('DELETE', 'Practice', { id: 1, meta: { reason: 'Дубликат' } });
    expect(() =>
      missing.parseResponse({
        data: {
          result: { __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Практика не найдена: возможно, её уже удалили. Обновите список.' },
        },
      } as any),
    ).toThrow('Практика не найдена: возможно, её уже удалили. Обновите список.');
  });

  it('still refuses writes to resources the console does not write', () => {
    expect(() => build('UPDATE', 'Region', { id: 1, data: {} })).toThrow(/только читает/);
    expect(() => build('CREATE', 'Region', { data: {} })).toThrow(/только читает/);
    expect(() => build('DELETE', 'AuditLog', { id: 1 })).toThrow(/только читает/);
  });
});

// The console's own operations (dashboard, analytics, actions…) go through the same provider as custom methods.
describe('the console data provider’s own operations', () => {
  const fullSchema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

  it('sends only documents the API accepts', () => {
    for (const [name, document] of Object.entries(documents)) {
      expect(
        validate(fullSchema, parse(document)).map((error) => error.message),
        name,
      ).toEqual([]);
    }
  });

  it('selects the success’s data and every refusal’s message, with field errors where the union has them', () => {
    const preview = squash(documents.campaignDefinitionPreview);
    expect(preview).toContain('result: campaignDefinitionPreview(definition: $definition)');
    expect(preview).toContain('... on QueryCampaignDefinitionPreviewSuccess { data { outcome campaignCode title message } }');
    expect(preview).toContain('... on Error { message }');
    expect(preview).toContain('... on ValidationError { fieldErrors { path message } }');
    expect(squash(documents.revokeRespondent)).toBe(
      'mutation ConsoleRevokeRespondent($input: RevokeRespondentInput!) { result: revokeRespondent(input: $input) { __typename ... on MutationRevokeRespondentSuccess { data { id disabledAt } } ... on Error { message } } }',
    );
  });

  it('turns a typed-error union into an outcome, refusals in the API’s Russian', () => {
    expect(outcomeOf({ __typename: 'MutationResendLinkSuccess', data: { id: 'u1', email: 'a@b.ru' } }, 'Ссылка не отправлена.')).toEqual({
      ok: true,
      data: { id: 'u1', email: 'a@b.ru' },
    });
    expect(
      outcomeOf(
        {
          __typename: 'ValidationError',
          message: 'Дата закрытия должна быть позже даты открытия.',
          fieldErrors: [{ path: 'closesAt', message: 'Позже открытия.' }],
        },
        'Действие не выполнено.',
      ),
    ).toEqual({
      ok: false,
      message: 'Дата закрытия должна быть позже даты открытия.',
      fieldErrors: [{ path: 'closesAt', message: 'Позже открытия.' }],
    });
    expect(outcomeOf({ __typename: 'NotFoundError' }, 'Действие не выполнено.')).toEqual({
      ok: false,
      message: 'Действие не выполнено.',
      fieldErrors: [],
    });
  });
});
