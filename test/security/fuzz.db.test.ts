// The fuzz test of issue 10: generated bad inputs (fast-check) against every mutation of the schema,
// the registration, link and sign-in form posts and the personal link, as an anonymous caller, a
// respondent and a coordinator. Every one must be refused cleanly: a typed error that names the field
// (a refusal of the request that names the argument, or an HTTP 4xx for the pages), no HTTP 5xx, no
// masked internal error («Внутренняя ошибка»), and no row changed.
//
// «No row changed» is a fingerprint of the database (each table's row count and the md5 of its rows
// as text) taken before and after each group of inputs, so a change is pinned to the mutation or page
// that made it. Left out of the fingerprint, because writing them on a refusal is their purpose:
// AuthEvent (every refused sign-in, registration and link is logged) and RateLimitHit (refused
// requests count against the limits too).
//
// The inputs come from the schema itself: each mutation's arguments are generated from its input
// types (wrong types, missing and null required fields, unknown and prototype keys such as __proto__
// and constructor, odd ids, numbers, dates and decimals, empty, huge and strange strings), so a new
// mutation is fuzzed without anyone writing a case for it. Ids and codes never name a real row, so
// none of these inputs can be a valid request. Beside them, «anchored» inputs reach the deeper checks:
// real rows and codes with exactly one field poisoned by a value that no rule accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { prismaDir } from '../../api/src/db/migrations.ts';
import { MAX_BODY_BYTES } from '../../api/src/http/web.ts';
import { schema } from '../../api/src/schema/index.ts';
import { campaignDefinition } from '../../api/src/services/campaigns.ts';
import type { Question } from '../../api/src/survey/definition.ts';
import { COORDINATOR, respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';
import { databaseFingerprint, REFUSAL_LOGS } from '../helpers/db.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** Generated inputs per mutation, per anchored case, per page. */
const PER_MUTATION = Number(process.env.FUZZ_PER_MUTATION ?? 60);
const PER_ANCHOR = Number(process.env.FUZZ_PER_ANCHOR ?? 40);
const PER_PAGE = Number(process.env.FUZZ_PER_PAGE ?? 60);

/** Tables whose rows a refusal legitimately writes (see the top of the file). */
const NOT_FINGERPRINTED = REFUSAL_LOGS;

const MASKED = /Внутренняя ошибка/;

let t: TestWeb;
const cookies = { anonymous: '', respondent: '', coordinator: '' };
type Role = keyof typeof cookies;
const ids = { practice: '', authority: '', target: '', region: '', sphere: '', form: '' };
let definition2021: ReturnType<typeof campaignDefinition>;
const RESPONDENT_EMAIL = 'fuzz-respondent@example.org';

/** Inputs tried, by group, and the problems found (each with its input). */
const tried = new Map<string, number>();
const problems: string[] = [];

beforeAll(async () => {
  t = await createTestWeb();
  await t.openWindow('nok-2021');
  const prisma = t.db.prisma;
  // A coordinator signed in through the API, a respondent with a saved section and a session.
  cookies.coordinator = await t.signInCoordinator(COORDINATOR);
  const { user } = await respondentWith(t, RESPONDENT_EMAIL, 'nok-2021', [['authority', section1]]);
  const { cookie } = await startSession(t.web.app.auth, user.id);
  cookies.respondent = `${cookie.name}=${cookie.value}`;
  ids.practice = String((await prisma.practice.findFirstOrThrow({ where: { deletedAt: null } })).id);
  ids.authority = String((await prisma.authority.findFirstOrThrow()).id);
  ids.target = String((await prisma.planTarget.findFirstOrThrow({ where: { indicator: { unit: '%' } } })).id);
  ids.region = String((await prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } })).id);
  ids.sphere = String((await prisma.sphere.findFirstOrThrow()).id);
  ids.form = String((await prisma.practiceForm.findFirstOrThrow()).id);
  definition2021 = campaignDefinition(await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } }));
  // Whatever is made on first use (the robot check's key) exists before the first fingerprint.
  await t.request('/altcha/challenge');
}, 60_000);

afterAll(async () => {
  const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
  console.log(
    `fuzz (seed ${SEED}): ${total} inputs tried — ${[...tried.entries()].map(([group, n]) => `${group} ${n}`).join(', ')}; ${problems.length} problems`,
  );
  await t?.close();
});

// ---------------------------------------------------------------------------------------------------
// Talking to the server

const fingerprint = () => databaseFingerprint(t.db, NOT_FINGERPRINTED);

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]);
}

/** Runs a group of inputs and expects the database unchanged by it. */
async function group<T>(name: string, inputs: T[], run: (input: T) => Promise<string | null>): Promise<void> {
  const before = await fingerprint();
  for (const input of inputs) {
    const problem = await run(input).catch((error: Error) => `threw ${error.stack ?? error}`);
    tried.set(name, (tried.get(name) ?? 0) + 1);
    if (problem) problems.push(`${name}: ${problem}\n    input: ${show(input)}`);
  }
  const changed = changedTables(before, await fingerprint());
  if (changed.length) problems.push(`${name}: rows changed in ${changed.join(', ')}`);
}

const show = (value: unknown) => {
  const text = JSON.stringify(value, (_key, item) =>
    typeof item === 'string' && item.length > 120 ? `${item.slice(0, 60)}…(${item.length})` : item,
  );
  return text && text.length > 600 ? `${text.slice(0, 600)}…` : text;
};

// ---------------------------------------------------------------------------------------------------
// Bad values

/** Makes `{ [key]: value }` with `key` an own property even when it is `__proto__`. */
function own(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of entries) Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  return object;
}

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

const deepArray = (depth: number): unknown => {
  let value: unknown = 'дно';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const deepObject = (depth: number, key = 'a'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = own([[key, value]]);
  return value;
};

const oddStringConstants = [
  '',
  ' ',
  '   \t\n  ',
  '\u0000',
  'текст\u0000с нулём внутри, достаточно длинный',
  '\ud800',
  'до\udfffпосле',
  '\u202eвосток\u202c',
  '\u200b\u200b\u200b',
  'e\u0301'.repeat(50),
  '🙂'.repeat(20),
  'я'.repeat(5001),
  'я'.repeat(10_001),
  'x'.repeat(200_000),
  ...PROTOTYPE_KEYS,
  'null',
  'undefined',
  'NaN',
  'true',
  '\'; DROP TABLE "User"; --',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example","x")',
  '%s%s%s%n',
  '$' + '{7*7}{{7*7}}',
  '../../../../etc/passwd',
  'RU-XXX',
  'ru-alt',
  'ＲＵ-ＡＬＴ',
  'nok-2099',
  'NOK-2021 ',
  '\\',
  '"',
];
const oddString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...oddStringConstants) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }) },
);
/** Ids that name no row (a real id is never among them, however it is spelled). */
const oddId = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    '-0',
    '1.5',
    '1e400',
    '2147483648',
    '-2147483649',
    '9223372036854775808',
    '9007199254740993',
    '99999999',
    'abc',
    '',
    ' ',
    '__proto__',
    'constructor',
    'null',
    '1 OR 1=1',
    '💥',
    '00000000-0000-0000-0000-000000000000',
  ),
  fc.constantFrom(0, -1, 2147483648, 99999999, 1e21),
);
const oddInt = fc.oneof(
  fc.constantFrom(-1, -2147483648, 2147483647, 99_999_999),
  fc.constantFrom(2147483648, -2147483649, 1.5, 1e300, '1', '', true, [], {}, null),
);
const oddFloat = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('1', true, [], 1e308, -1e308));
const oddDecimal = fc.oneof(
  fc.constantFrom(
    '-1',
    '-0.01',
    '101',
    '100.001',
    '12.345',
    '0.001',
    '1e5',
    '1E5',
    '',
    ' 1',
    '1,5',
    '１',
    'NaN',
    'Infinity',
    '0x10',
    '9'.repeat(400),
  ),
  fc.constantFrom(-1, 101, 1e21, 1.005, 0.1 + 0.2, true, [], {}),
);
const oddDate = fc.constantFrom(
  '',
  'not a date',
  '2026-13-45T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '0000-01-01T00:00:00Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '1970-01-01',
  '2026-12-01T25:61:61+03:00',
  '9999-12-31T23:59:59Z',
  '2000-01-01T00:00:00Z',
  1e15,
  -1,
  true,
  [],
  {},
);
const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      deepArray(3000),
      deepObject(3000),
      deepObject(50, '__proto__'),
      own(PROTOTYPE_KEYS.map((key) => [key, { polluted: true }])),
      Array.from({ length: 20_000 }, (_, i) => i),
      [],
      {},
      null,
      'x'.repeat(300_000),
    ),
  },
);
/** Anything at all, for a value of the wrong type. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(...PROTOTYPE_KEYS.map((key) => own([[key, 1]]))));

const SCALARS: Record<string, fc.Arbitrary<unknown>> = {
  String: oddString,
  ID: oddId,
  Int: oddInt,
  Float: oddFloat,
  Boolean: fc.constantFrom(true, false, 'true', 1, 0, null, [], {}),
  DateTime: oddDate,
  Decimal: oddDecimal,
  JSON: oddJson,
};

/** A value for an input type: mostly of its shape with odd contents, sometimes of the wrong shape. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return fc.oneof({ weight: 12, arbitrary: valueFor(type.ofType, depth) }, { weight: 1, arbitrary: fc.constant(null) });
  const shaped = shapedValue(type, depth);
  return fc.oneof({ weight: 8, arbitrary: shaped }, { weight: 1, arbitrary: anyValue });
}

function shapedValue(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    return fc.oneof(
      { weight: 4, arbitrary: fc.array(valueFor(type.ofType, depth + 1), { maxLength: 4 }) },
      // A long list of small odd items.
      { weight: 1, arbitrary: fc.array(fc.constantFrom(null, '', 0, -1, {}, [], '__proto__'), { minLength: 100, maxLength: 2000 }) },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    return fc
      .tuple(
        ...fields.map((field) => fc.option(valueFor(field.type, depth + 1), { nil: undefined, freq: isNonNullType(field.type) ? 12 : 3 })),
        fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'unknownField', ''), anyValue), { maxLength: 2 }),
      )
      .map((values) => {
        const extra = values.at(-1) as [string, unknown][];
        const entries: [string, unknown][] = fields.flatMap((field, i) =>
          values[i] === undefined ? [] : [[field.name, values[i]] as [string, unknown]],
        );
        return own([...entries, ...extra]);
      });
  }
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((value) => value.name)), oddString);
  return SCALARS[(type as GraphQLNamedType).name] ?? anyValue;
}

// ---------------------------------------------------------------------------------------------------
// Judging an answer

const mutationFields = Object.values(schema.getMutationType()!.getFields());

const allowedRole = (field: GraphQLField<unknown, unknown>): Role => {
  const scopes = (field.extensions?.pothosOptions as { authScopes?: Record<string, boolean> } | undefined)?.authScopes ?? {};
  return scopes.public ? 'anonymous' : scopes.coordinator ? 'coordinator' : 'respondent';
};

/** The selection of a mutation's result union: its typename, and what each error type tells. */
function selectionOf(field: GraphQLField<unknown, unknown>, typenameOnly: boolean): string {
  if (typenameOnly) return '{ __typename }';
  const union = getNamedType(field.type);
  const members = isUnionType(union) ? union.getTypes().map((member) => member.name) : [];
  return `{ __typename ... on Error { code message } ${members.includes('ValidationError') ? '... on ValidationError { fieldErrors { path code message } }' : ''} }`;
}

/** What is wrong with the answer to a refused GraphQL request, or null when it is a clean refusal. */
async function judgeGraphQL(field: string, response: Response, typenameOnly: boolean, bodySize: number): Promise<string | null> {
  if (response.status >= 500) return `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
  if (response.status === 413) return bodySize > MAX_BODY_BYTES ? null : `413 for a body of ${bodySize} bytes`;
  const text = await response.text();
  let body: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = JSON.parse(text);
  } catch {
    return `not JSON (HTTP ${response.status}): ${text.slice(0, 200)}`;
  }
  for (const error of body.errors ?? []) {
    if (MASKED.test(error.message) || error.extensions?.code === 'INTERNAL_SERVER_ERROR') return `masked internal error: ${error.message}`;
  }
  const result = body.data?.[field];
  if (result) {
    if (typeof result.__typename !== 'string') return `no __typename: ${show(result)}`;
    if (result.__typename.endsWith('Success')) return `accepted (${result.__typename})`;
    if (typenameOnly) return null;
    if (!result.code || !/[а-яё]/i.test(result.message ?? '')) return `a typed error without a code or a Russian message: ${show(result)}`;
    // Each problem names its place: a path into the input ("" is the root of a JSON value, e.g. a
    // definition that is not an object, or an answer whose key is itself empty).
    const named = (item: { path?: unknown; message?: string }) => typeof item.path === 'string' && /[а-яё]/i.test(item.message ?? '');
    if (result.__typename === 'ValidationError' && !(result.fieldErrors?.length > 0 && result.fieldErrors.every(named)))
      return `a ValidationError that names no field: ${show(result)}`;
    return null;
  }
  const errors = body.errors ?? [];
  if (!errors.length) return `neither data nor errors (HTTP ${response.status}): ${text.slice(0, 200)}`;
  for (const error of errors) {
    const code = error.extensions?.code;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') continue;
    // A refusal of the request itself (a value the argument's type does not take) names the
    // variable and the place in it, e.g. «Variable "$input" got invalid value … at "input.text"».
    if (/\$input|"input\b|input\./.test(error.message)) continue;
    if (code === 'BAD_USER_INPUT' && /[а-яё]/i.test(error.message)) continue;
    // graphql-js stops after 50 refused values of the variables and says so, after naming each.
    if (/^Too many errors processing variables/.test(error.message) && errors.length > 1) continue;
    return `a refusal that names no field (${code ?? 'no code'}): ${error.message.slice(0, 300)}`;
  }
  return null;
}

/** What is wrong with the answer to a refused form post or link, or null when it is a 4xx. */
async function judgePage(response: Response): Promise<string | null> {
  const text = await response.text();
  if (response.status >= 500) return `HTTP ${response.status}: ${text.slice(0, 300)}`;
  if (response.status < 400) return `HTTP ${response.status} (not a refusal) ${response.headers.get('location') ?? ''}`;
  if (MASKED.test(text)) return 'a masked internal error in the page';
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Inputs from the schema, for every mutation

interface MutationCall {
  role: Role;
  typenameOnly: boolean;
  variables: Record<string, unknown>;
}

function callsFor(field: GraphQLField<unknown, unknown>, runs: number, seed: number): MutationCall[] {
  const allowed = allowedRole(field);
  const role = fc.oneof(
    { weight: 6, arbitrary: fc.constant(allowed) },
    { weight: 1, arbitrary: fc.constantFrom<Role>('anonymous', 'respondent', 'coordinator') },
  );
  const args = fc.tuple(...field.args.map((arg) => valueFor(arg.type))).map((values) => own(field.args.map((arg, i) => [arg.name, values[i]])));
  return fc.sample(
    fc.record({ role, typenameOnly: fc.boolean(), variables: args }).map((call) => ({ ...call, role: call.role as Role })),
    { numRuns: runs, seed },
  );
}

/** Each request from an address of its own, so rate limits do not hide the checks behind them. */
let requests = 0;

async function callMutation(field: GraphQLField<unknown, unknown>, call: MutationCall): Promise<string | null> {
  const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
  const argumentsText = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  const query = `mutation Fuzz(${definitions}) { ${field.name}(${argumentsText}) ${selectionOf(field, call.typenameOnly)} }`;
  const body = JSON.stringify({ query, variables: call.variables });
  requests = (requests + 1) % 65_000;
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookies[call.role] ? { cookie: cookies[call.role] } : {}) },
    body,
    ip: `10.0.${requests >> 8}.${requests & 255}`,
  });
  return judgeGraphQL(field.name, response, call.typenameOnly, Buffer.byteLength(body));
}

// ---------------------------------------------------------------------------------------------------
// Anchored inputs: real rows and codes, one field poisoned

/** A value no rule of the question's type accepts. */
function poisonFor(question: Question): fc.Arbitrary<unknown> {
  switch (question.type) {
    case 'text':
    case 'longText':
      return fc.constantFrom(12345, true, ['список'], { a: 1 }, 'я'.repeat((question.maxLength ?? 10_000) + 1));
    case 'singleChoice':
      return fc.constantFrom('no_such_option', '__proto__', 'constructor', 1, ['a'], { code: 'x' });
    case 'multipleChoice':
      return fc.constantFrom(
        'строка',
        ['no_such_option'],
        ['__proto__'],
        [1, 2],
        { 0: 'a' },
        Array.from({ length: 1000 }, (_, i) => `o${i}`),
      );
    case 'region':
      return fc.constantFrom('RU-XXX', 'ru-alt', '__proto__', 1, ['RU-ALT'], { code: 'RU-ALT' });
    case 'number':
      return fc.constantFrom('12', 'abc', true, [], { v: 1 }, 'Infinity');
    case 'boolean':
      return fc.constantFrom('true', 1, 0, [], {});
    default:
      // Groups, year matrices and measures: the wrong shape, prototype keys, deep nesting.
      return fc.constantFrom('строка', 42, true, own([['__proto__', { x: 1 }]]), own([['constructor', 'x']]), deepObject(500), deepArray(500), [
        own([['__proto__', 1]]),
      ]);
  }
}

function anchoredSaves(runs: number, seed: number) {
  const sections = definition2021.sections;
  return fc.sample(
    fc
      .constantFrom(...sections)
      .chain((section) =>
        fc.record({
          section: fc.constant(section.code),
          odd: fc.array(
            fc.constantFrom(...section.questions).chain((question) => fc.tuple(fc.constant(question.code), fc.oneof(oddJson, poisonFor(question)))),
            { maxLength: 4 },
          ),
          poison: fc.oneof(
            fc.constantFrom(...section.questions).chain((question) => fc.tuple(fc.constant(question.code), poisonFor(question))),
            fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'no_such_question', ''), anyValue),
          ),
          version: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constantFrom(0, -1, 2, 2147483647) }),
        }),
      )
      .map(({ section, odd, poison, version }) => ({
        input: { campaignCode: 'nok-2021', sectionCode: section, version, answers: own([...odd.filter(([code]) => code !== poison[0]), poison]) },
      })),
    { numRuns: runs, seed },
  );
}

/** Coordinators' writes on real rows with one poisoned field. */
const anchoredCoordinatorCases: { field: string; input: () => fc.Arbitrary<Record<string, unknown>> }[] = [
  {
    field: 'createPractice',
    input: () =>
      fc.oneof(
        fc.record({
          text: fc.constantFrom('', '   ', 'коротко', 'я'.repeat(5001), '\u0000'.repeat(20), 'текст\u0000с нулём внутри, достаточно длинный'),
          regionId: fc.constant(ids.region),
          sphereId: fc.constant(ids.sphere),
          formId: fc.constant(ids.form),
        }),
        fc.record({
          text: fc.constant('Практика с достаточно длинным текстом'),
          regionId: oddId,
          sphereId: fc.constant(ids.sphere),
          formId: fc.constant(ids.form),
        }),
        fc.record({ text: fc.constant('Практика с достаточно длинным текстом'), regionId: fc.constant(ids.region), sphereId: oddId, formId: oddId }),
      ),
  },
  {
    field: 'updatePractice',
    input: () =>
      fc.oneof(
        fc.record({
          id: fc.constant(ids.practice),
          text: fc.constantFrom('', 'коротко', 'я'.repeat(5001), 'нуль\u0000внутри текста практики'),
          reason: oddString,
        }),
        fc.record({ id: fc.constant(ids.practice), regionId: oddId, reason: oddString }),
        fc.record({ id: fc.constant(ids.practice), formId: oddId, sphereId: oddId }),
      ),
  },
  {
    field: 'deletePractice',
    input: () => fc.record({ id: fc.constant(ids.practice), reason: fc.constantFrom('', '   ', '\t\n', null, undefined) }),
  },
  {
    field: 'setPlanTargetActual',
    input: () =>
      fc.record({
        targetId: fc.constant(ids.target),
        actual: fc.constantFrom('-1', '-0.01', '101', '100.01', '12.345', '0.001', '99999999999999999999.99', '1e5', '', ' 5', '5,5'),
        reason: oddString,
      }),
  },
  {
    field: 'updateAuthority',
    input: () =>
      fc.oneof(
        fc.record({
          id: fc.constant(ids.authority),
          name: fc.constantFrom('', '  ', 'аб', 'я'.repeat(1001), '\u0000\u0000\u0000', 'орган\u0000власти'),
          reason: oddString,
        }),
        fc.record({ id: fc.constant(ids.authority), name: fc.constant('Министерство социальной защиты Алтайского края (испр.)'), sphereId: oddId }),
      ),
  },
  {
    field: 'moveCampaignWindow',
    input: () =>
      fc.record({
        campaignCode: fc.constantFrom('nok-2021', 'nok-2023'),
        opensAt: fc.constantFrom('2031-01-01T00:00:00Z', '2030-06-01T00:00:00Z'),
        closesAt: fc.constantFrom('2030-01-01T00:00:00Z', '2029-12-31T23:59:59Z'),
        reason: oddString,
      }),
  },
  {
    field: 'extendRegionWindow',
    input: () =>
      fc.oneof(
        fc.record({
          campaignCode: fc.constant('nok-2021'),
          regionCode: fc.constant('RU-ALT'),
          closesAt: fc.constantFrom('2000-01-01T00:00:00Z', '1970-01-01T00:00:00Z'),
        }),
        fc.record({ campaignCode: fc.constant('nok-2021'), regionCode: oddString, closesAt: fc.constant('2031-01-01T00:00:00Z') }),
      ),
  },
  {
    field: 'updateQuestionTexts',
    input: () =>
      fc.oneof(
        fc.record({
          campaignCode: fc.constant('nok-2021'),
          questionCode: fc.constant('legislation_changes'),
          options: fc.constantFrom([], [{ code: 'a', label: 'А' }]),
        }),
        fc.record({
          campaignCode: fc.constant('nok-2099'),
          questionCode: fc.constantFrom('legislation_changes', '__proto__'),
          options: fc.array(fc.record({ code: oddString, label: oddString }), { maxLength: 3 }),
        }),
      ),
  },
  {
    field: 'importCampaignDefinition',
    input: () => {
      const base = JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2021.json'), 'utf8')) as Record<string, any>;
      // A copy under a new code with one thing no definition may have.
      const poisons: ((definition: Record<string, any>) => void)[] = [
        (d) => (d.sections[0].questions[0].type = 'no_such_type'),
        (d) => (d.sections = 'разделы'),
        (d) => (d.sections[0].questions[1].code = d.sections[0].questions[0].code),
        (d) => (d.code = ''),
        (d) => (d.sections[0].questions[0] = own([['__proto__', { type: 'text' }]])),
        (d) => (d.sections[0].code = 42),
        (d) => (d.sections = [...d.sections, ...d.sections]),
        (d) => (d.title = deepObject(1000)),
      ];
      return fc.constantFrom(...poisons.keys()).map((n) => {
        const definition = structuredClone({ ...base, code: 'nok-fuzz', title: 'Опрос для проверки' });
        poisons[n]!(definition);
        return { definition };
      });
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// Form posts and the personal link

const oddEmail = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    'not-an-email',
    '@example.org',
    'a@',
    'a@b',
    `${'x'.repeat(300)}@example.org`,
    'a@@example.org',
    'a@example.org\r\nBcc: victim@example.org',
    'a\u0000@example.org',
    '"a b"@example.org',
    '__proto__@example.org',
    RESPONDENT_EMAIL,
    COORDINATOR.email,
    'ПОЧТА@пример.рф',
  ),
  fc.emailAddress(),
  oddString,
);
const oddAltcha = fc.oneof(
  fc.constantFrom('', 'x', 'null', 'e30=', Buffer.from('{"__proto__":{"admin":true}}').toString('base64'), Buffer.from('[]').toString('base64')),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value)).toString('base64')),
  fc
    .record({ algorithm: oddString, challenge: oddString, number: oddInt, salt: oddString, signature: oddString })
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64')),
  oddString,
);
const formFields = (fields: Record<string, fc.Arbitrary<string | undefined>>) =>
  fc
    .tuple(fc.record(fields), fc.array(fc.tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'email', 'altcha', ''), oddString), { maxLength: 3 }))
    .map(([named, extra]) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(named)) if (value !== undefined) params.append(key, value);
      for (const [key, value] of extra) params.append(key, value);
      return params.toString();
    });

interface PageCall {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  ip: string;
}

const ip = fc.tuple(fc.nat(255), fc.nat(255)).map(([a, b]) => `192.0.${a}.${b}`);
const optional = (arbitrary: fc.Arbitrary<string>) => fc.option(arbitrary, { nil: undefined, freq: 6 });

function pageCalls(runs: number, seed: number): PageCall[] {
  const huge = fc.constant(`email=${'x'.repeat(70 * 1024)}`);
  return fc.sample(
    fc.oneof(
      fc.record({
        method: fc.constant('POST' as const),
        path: fc.constantFrom('/register', '/'),
        body: fc.oneof(
          {
            weight: 9,
            arbitrary: formFields({
              email: optional(oddEmail),
              consent: optional(fc.constantFrom('yes', 'no', '', 'YES')),
              altcha: optional(oddAltcha),
            }),
          },
          { weight: 1, arbitrary: huge },
        ),
        ip,
      }),
      fc.record({
        method: fc.constant('POST' as const),
        path: fc.constant('/link'),
        body: fc.oneof(
          { weight: 9, arbitrary: formFields({ email: optional(oddEmail), altcha: optional(oddAltcha) }) },
          { weight: 1, arbitrary: huge },
        ),
        ip,
      }),
      fc.record({
        method: fc.constant('POST' as const),
        path: fc.constant('/auth'),
        body: formFields({ e: optional(oddEmail), h: optional(fc.oneof(oddString, fc.stringMatching(/^[0-9a-f]{64}$/))) }),
        ip,
      }),
      fc.record({
        method: fc.constant('GET' as const),
        path: fc
          .tuple(oddEmail, fc.oneof(oddString, fc.stringMatching(/^[A-Za-z0-9_-]{43}$/)))
          .map(([e, h]) => `/auth?${new URLSearchParams({ e, h }).toString()}`),
        ip,
      }),
    ),
    { numRuns: runs, seed },
  );
}

async function callPage(call: PageCall): Promise<string | null> {
  const response = await t.request(call.path, {
    method: call.method,
    headers: call.method === 'POST' ? { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://monitoring.test' } : {},
    body: call.body,
    ip: call.ip,
  });
  return judgePage(response);
}

// ---------------------------------------------------------------------------------------------------

describe('fuzz: generated bad inputs change nothing and are refused cleanly', () => {
  it('every mutation of the schema, with arguments generated from its input types, as each role', async () => {
    expect(mutationFields.length).toBeGreaterThanOrEqual(18);
    // A mutation without arguments (signOut) has no input to be bad: nothing to fuzz.
    for (const [n, field] of mutationFields.entries()) {
      if (!field.args.length) continue;
      // Sign-in verifies a password hash per attempt (tens of milliseconds): fewer of those.
      const runs = field.name === 'signIn' ? Math.ceil(PER_MUTATION / 3) : PER_MUTATION;
      await group(`mutation ${field.name}`, callsFor(field, runs, SEED + n), (call) => callMutation(field, call));
    }
  }, 120_000);

  it('anchored inputs: real rows and codes with one field no rule accepts', async () => {
    const save = mutationFields.find((field) => field.name === 'saveSection')!;
    await group('anchored saveSection', anchoredSaves(PER_ANCHOR * 3, SEED), ({ input }) =>
      callMutation(save, { role: 'respondent', typenameOnly: false, variables: { input } }),
    );
    for (const [n, item] of anchoredCoordinatorCases.entries()) {
      const field = mutationFields.find((candidate) => candidate.name === item.field)!;
      const inputs = fc.sample(item.input(), { numRuns: PER_ANCHOR, seed: SEED + 100 + n });
      await group(`anchored ${item.field}`, inputs, (input) =>
        callMutation(field, { role: 'coordinator', typenameOnly: n % 2 === 0, variables: { input } }),
      );
    }
  }, 120_000);

  it('the registration, link and sign-in form posts and the personal link', async () => {
    await group('pages', pageCalls(PER_PAGE * 4, SEED), callPage);
  }, 120_000);

  it('tried at least 1,000 inputs and found no problem', () => {
    const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
    expect(total).toBeGreaterThanOrEqual(1000);
    expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
  });
});
