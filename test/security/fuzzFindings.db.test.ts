// What the fuzz test (fuzz.db.test.ts) found, each kept by a test of its own:
// - text with U+0000 (which PostgreSQL's text and jsonb cannot hold) reached the statements and came
//   back as «Внутренняя ошибка»: it is refused where it enters, naming the place;
// - a practice id past PostgreSQL's integer (2147483648) failed in the statement: it is refused as
//   the field's error;
// - updateAuthority took sphereId "" for «sphere not known»: only null or absent say that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseFingerprint } from '../helpers/db.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';
import { signInWithLink } from '../../api/src/services/signIn.ts';

let t: TestApp;
let coordinator: string;
let respondent: string;
const ref = { region: '', sphere: '', form: '', practice: '', authority: '' };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2021');
  const prisma = t.db.prisma;
  await respondentWith(t, 'altai@example.org', 'nok-2021', [['authority', section1]]);
  ref.authority = String((await prisma.authority.findFirstOrThrow()).id);
  await prisma.authority.update({ where: { id: Number(ref.authority) }, data: { sphereId: (await prisma.sphere.findFirstOrThrow()).id } });
  respondent = (await t.respondent('moscow@example.org')).cookie;
  ref.region = String((await prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } })).id);
  ref.sphere = String((await prisma.sphere.findFirstOrThrow()).id);
  ref.form = String((await prisma.practiceForm.findFirstOrThrow()).id);
  ref.practice = String((await prisma.practice.findFirstOrThrow({ where: { deletedAt: null } })).id);
});
afterAll(() => t?.close());

/** Every table but the refusal logs, comparable. */
const state = () => databaseFingerprint(t.db);

const RESULT = '{ __typename ... on Error { code message } ... on ValidationError { fieldErrors { path message } } }';

describe('text with U+0000', () => {
  const cases: [string, string, Record<string, unknown>, 'coordinator' | 'respondent', string][] = [
    [
      'createPractice',
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) ${RESULT} }`,
      { input: { text: 'Практика\u0000 с нулевым символом внутри', regionId: '', sphereId: '', formId: '' } },
      'coordinator',
      'input.text',
    ],
    [
      'updateAuthority',
      `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) ${RESULT} }`,
      { input: { id: '1', name: 'Министерство\u0000' } },
      'coordinator',
      'input.name',
    ],
    [
      'saveSection (a value inside the answers)',
      `mutation($input: SaveSectionInput!) { saveSection(input: $input) ${RESULT} }`,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: { ...section1, respondent_name: 'Иванова\u0000' } } },
      'respondent',
      'input.answers.respondent_name',
    ],
    [
      'saveSection (a key of the answers)',
      `mutation($input: SaveSectionInput!) { saveSection(input: $input) ${RESULT} }`,
      { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: { ...section1, 'x\u0000': 1 } } },
      'respondent',
      'input.answers.x\u0000',
    ],
    [
      'submitResponse (a code)',
      `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) ${RESULT} }`,
      { input: { campaignCode: 'nok-2021\u0000', version: 1, confirm: true } },
      'respondent',
      'input.campaignCode',
    ],
  ];
  for (const [name, query, variables, role, path] of cases) {
    it(`${name}: refused as BAD_USER_INPUT naming ${JSON.stringify(path)}, nothing changed`, async () => {
      const before = await state();
      if (name.startsWith('createPractice'))
        Object.assign(variables.input as object, { regionId: ref.region, sphereId: ref.sphere, formId: ref.form });
      if (name.startsWith('updateAuthority')) Object.assign(variables.input as object, { id: ref.authority });
      const result = await t.gql(query, variables, { cookie: role === 'coordinator' ? coordinator : respondent });
      expect(result.status).toBeLessThan(500);
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `${path}: текст содержит недопустимый символ (U+0000). Удалите его и повторите.`,
          extensions: { code: 'BAD_USER_INPUT' },
        }),
      ]);
      expect(await state()).toEqual(before);
    });
  }

  it('in a literal of the query itself, and in a query, as well', async () => {
    const before = await state();
    const literal = await t.gql(
      `mutation { updateAuthority(input: { id: "${ref.authority}", name: "Министерство\\u0000" }) { __typename } }`,
      {},
      { cookie: coordinator },
    );
    expect(literal.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^updateAuthority\(input\)\.name: текст содержит недопустимый символ/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    const read = await t.gql(`query($q: String) { allPractices(filter: { q: $q }) { id } }`, { q: 'премия\u0000' });
    expect(read.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await state()).toEqual(before);
  });
});

describe('ids and references', () => {
  it('a practice id past PostgreSQL integers is the field’s error, nothing changed', async () => {
    const before = await state();
    for (const id of ['2147483648', 2147483648]) {
      const result = await t.gql(
        `mutation($input: DeletePracticeInput!) { deletePractice(input: $input) ${RESULT} }`,
        { input: { id, reason: 'проверка' } },
        { cookie: coordinator },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.deletePractice).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'id' }] });
    }
    const update = await t.gql(
      `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) ${RESULT} }`,
      { input: { id: ref.practice, regionId: '2147483648' } },
      { cookie: coordinator },
    );
    expect(update.data.updatePractice).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'regionId' }] });
    expect(await state()).toEqual(before);
  });

  it('updateAuthority: sphereId "" names no sphere and is refused; null still clears it', async () => {
    const before = await state();
    const UPDATE = `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) ${RESULT} }`;
    const name = 'Министерство социальной защиты Алтайского края (уточнено)';
    const empty = await t.gql(UPDATE, { input: { id: ref.authority, name, sphereId: '' } }, { cookie: coordinator });
    expect(empty.data.updateAuthority).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'sphereId' }] });
    expect(await state()).toEqual(before);
    const cleared = await t.gql(UPDATE, { input: { id: ref.authority, name, sphereId: null } }, { cookie: coordinator });
    expect(cleared.data.updateAuthority.__typename).toBe('MutationUpdateAuthoritySuccess');
    expect((await t.db.prisma.authority.findUniqueOrThrow({ where: { id: Number(ref.authority) } })).sphereId).toBeNull();
  });
});

// A lone UTF-16 surrogate ("\uD800") is not text PostgreSQL can store either (it has no UTF-8 form):
// JSON variables can carry one, and it used to reach the statement and come back as an internal error.
describe('text with a lone UTF-16 surrogate', () => {
  const message = (path: string) => `${path}: текст содержит недопустимый символ (одиночный суррогат UTF-16). Удалите его и повторите.`;
  const cases: [string, string, () => Record<string, unknown>, () => string, string][] = [
    [
      'saveSection (a value inside the answers)',
      `mutation($input: SaveSectionInput!) { saveSection(input: $input) ${RESULT} }`,
      () => ({
        input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: { ...section1, respondent_name: 'Иванова\uD800' } },
      }),
      () => respondent,
      'input.answers.respondent_name',
    ],
    [
      'saveSection (a key of the answers)',
      `mutation($input: SaveSectionInput!) { saveSection(input: $input) ${RESULT} }`,
      () => ({ input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: { ...section1, '\uDC00x': 1 } } }),
      () => respondent,
      'input.answers.\\uDC00x',
    ],
    [
      'updateAuthority (a coordinator’s mutation)',
      `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) ${RESULT} }`,
      () => ({ input: { id: ref.authority, name: 'Министерство \uDBFF труда' } }),
      () => coordinator,
      'input.name',
    ],
    [
      'createPractice (the last character)',
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) ${RESULT} }`,
      () => ({ input: { text: 'Практика с одиночным суррогатом в конце \uD83D', regionId: ref.region, sphereId: ref.sphere, formId: ref.form } }),
      () => coordinator,
      'input.text',
    ],
  ];
  for (const [name, query, variables, cookie, path] of cases) {
    it(`${name}: refused as BAD_USER_INPUT naming ${JSON.stringify(path)}, nothing changed`, async () => {
      const before = await state();
      const result = await t.gql(query, variables(), { cookie: cookie() });
      expect(result.status).toBeLessThan(500);
      expect(result.errors).toEqual([expect.objectContaining({ message: message(path), extensions: { code: 'BAD_USER_INPUT' } })]);
      expect(await state()).toEqual(before);
    });
  }

  it('a well-formed pair (an emoji) is still text, and is saved', async () => {
    const result = await t.gql(
      `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) ${RESULT} }`,
      { input: { id: ref.authority, name: 'Министерство социальной защиты Алтайского края 🙂' } },
      { cookie: coordinator },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateAuthority.__typename).toBe('MutationUpdateAuthoritySuccess');
  });
});

// Outside GraphQL, text comes from forms (registration, the personal link's sign-in): a body decoded
// as UTF-8 holds no lone surrogate, but «%00» is U+0000, and the refusal log cut the address at 254
// code units, which can split an emoji's pair. A refused sign-in is logged, whatever it was sent.
describe('the personal link’s refusal log', () => {
  const origin = { ip: '203.0.113.7', userAgent: 'test' };
  for (const [name, email, logged] of [
    ['an address with U+0000', 'a\u0000b@example.org', 'a\uFFFDb@example.org'],
    ['an address cut inside an emoji’s pair', `${'a'.repeat(253)}🙂@example.org`, `${'a'.repeat(253)}`],
  ] as const) {
    it(`${name}: refused as unknown, logged as text`, async () => {
      const result = await signInWithLink(t.db.prisma, t.app.auth, { email, token: 'x'.repeat(43), origin });
      expect(result).toMatchObject({ ok: false, reason: 'unknown' });
      const event = await t.db.prisma.authEvent.findFirstOrThrow({ where: { kind: 'login_refused' }, orderBy: { at: 'desc' } });
      expect(event.email).toBe(logged);
      await t.db.prisma.authEvent.deleteMany({ where: { kind: 'login_refused' } });
    });
  }
});
