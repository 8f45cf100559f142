// Measures and authorities in the coordinators' console: the measures list narrows by each filter,
// the summary counts by type group / type / region in the database (zeros included, drafts left out
// unless asked), and updateAuthority corrects a name or sphere — refusing duplicates and blanks
// without changing anything, and auditing what it changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { measure, section1 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;
let queries = 0;
const ref: Record<string, number> = {};

const ALTAI_SOCIAL = section1.authority_name;
const ALTAI_HEALTH = 'Министерство здравоохраненя Алтайского края'; // the typo coordinators fix below
const MOSCOW_LABOUR = 'Департамент труда и социальной защиты населения г. Москвы';

const typed = (n: number, type: string, extra: Record<string, unknown> = {}) => ({ ...measure(n), type, ...extra });

beforeAll(async () => {
  t = await createTestApp({ onQuery: () => (queries += 1) });
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2021');
  // Altai, social protection, submitted: 3 × material base, motivation, other.
  await respondentWith(
    t,
    'social@altai.example',
    'nok-2021',
    [
      ['authority', section1],
      [
        'measures',
        {
          measures: [
            typed(1, 'material_base', { title: 'Ремонт зданий учреждений', description: 'Капитальный ремонт зданий домов-интернатов' }),
            typed(2, 'material_base', { year: 2020 }),
            typed(3, 'material_base'),
            typed(4, 'motivation', { title: 'Премирование работников' }),
            typed(5, 'other'),
          ],
        },
      ],
    ],
    { submitted: true },
  );
  // Altai, health, submitted: 2 × interaction, 2 × material base, information environment.
  await respondentWith(
    t,
    'health@altai.example',
    'nok-2021',
    [
      ['authority', { ...section1, authority_name: ALTAI_HEALTH }],
      [
        'measures',
        {
          measures: [
            typed(6, 'interaction_with_authorities'),
            typed(7, 'interaction_with_authorities'),
            typed(8, 'material_base', { title: 'Ремонт пандусов', description: 'Доступная среда' }),
            typed(9, 'material_base'),
            typed(10, 'information_environment', { year: 2020 }),
          ],
        },
      ],
    ],
    { submitted: true },
  );
  // Moscow, a draft: 5 disciplinary measures that analysis must not count.
  await respondentWith(t, 'labour@moscow.example', 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', authority_name: MOSCOW_LABOUR }],
    ['measures', { measures: [11, 12, 13, 14, 15].map((n) => typed(n, 'disciplinary')) }],
  ]);
  const prisma = t.db.prisma;
  for (const code of ['RU-ALT', 'RU-MOW']) ref[code] = (await prisma.region.findUniqueOrThrow({ where: { code } })).id;
  for (const code of ['organisational', 'applied', 'staff', 'other'])
    ref[code] = (await prisma.measureTypeGroup.findUniqueOrThrow({ where: { code } })).id;
  for (const code of ['material_base', 'disciplinary']) ref[code] = (await prisma.measureType.findUniqueOrThrow({ where: { code } })).id;
  for (const [key, name] of [
    ['social', ALTAI_SOCIAL],
    ['health', ALTAI_HEALTH],
    ['labour', MOSCOW_LABOUR],
  ] as const) {
    ref[key] = (await prisma.authority.findFirstOrThrow({ where: { name } })).id;
  }
});
afterAll(() => t?.close());

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

async function titles(filter: Record<string, unknown>, sort: { sortField?: string; sortOrder?: string } = {}) {
  const result = await as(
    `query($filter: MeasureFilter, $sortField: String, $sortOrder: SortOrder) {
      allMeasures(filter: $filter, sortField: $sortField, sortOrder: $sortOrder, perPage: 100) { title }
      _allMeasuresMeta(filter: $filter) { count } }`,
    { filter, ...sort },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data._allMeasuresMeta.count).toBe(result.data.allMeasures.length);
  return result.data.allMeasures.map((row: any) => row.title) as string[];
}

describe('allMeasures', () => {
  it('reads a measure with its type, group and the questionnaire it belongs to', async () => {
    const result = await as(`{ allMeasures(filter: { q: "пандусов" }) { id position questionCode title description result year
        type { code group { code } } campaignCode respondentEmail responseStatus responseId region { code name } authority { name } } }`);
    expect(result.errors).toBeUndefined();
    const [row] = result.data.allMeasures;
    expect(row).toMatchObject({
      position: 2,
      questionCode: 'measures',
      title: 'Ремонт пандусов',
      description: 'Доступная среда',
      result: 'Повышение доступности услуг',
      year: 2021,
      type: { code: 'material_base', group: { code: 'applied' } },
      campaignCode: 'nok-2021',
      respondentEmail: 'health@altai.example',
      responseStatus: 'SUBMITTED',
      region: { code: 'RU-ALT', name: 'Алтайский край' },
      authority: { name: ALTAI_HEALTH },
    });
    const one = await as(`query($id: ID!) { Measure(id: $id) { title responseId } }`, { id: row.id });
    expect(one.data.Measure).toEqual({ title: 'Ремонт пандусов', responseId: row.responseId });
  });

  it('narrows by each filter', async () => {
    expect(await titles({})).toHaveLength(15);
    expect(await titles({ campaignCode: 'nok-2021' })).toHaveLength(15);
    expect(await titles({ campaignCode: 'no-such-campaign' })).toEqual([]);
    expect(await titles({ submittedOnly: true })).toHaveLength(10);
    expect(await titles({ regionId: String(ref['RU-MOW']) })).toEqual([
      'Мероприятие 11',
      'Мероприятие 12',
      'Мероприятие 13',
      'Мероприятие 14',
      'Мероприятие 15',
    ]);
    expect(await titles({ groupId: String(ref.staff) })).toHaveLength(6);
    expect(await titles({ groupId: String(ref.staff), submittedOnly: true })).toEqual(['Премирование работников']);
    expect(await titles({ typeId: String(ref.material_base), authorityId: String(ref.health) })).toEqual(['Ремонт пандусов', 'Мероприятие 9']);
    expect(await titles({ authorityId: String(ref.social) })).toHaveLength(5);
    // Every word must occur, in the title or the description, whatever the case.
    expect(await titles({ q: 'ремонт' })).toEqual(['Ремонт зданий учреждений', 'Ремонт пандусов']);
    expect(await titles({ q: 'ремонт ДОМОВ' })).toEqual(['Ремонт зданий учреждений']);
    expect(await titles({ q: 'ремонт космодрома' })).toEqual([]);
    const ids = (await as(`{ allMeasures(filter: { q: "ремонт" }) { id } }`)).data.allMeasures.map((row: any) => row.id);
    expect(await titles({ ids: [ids[1]] })).toEqual(['Ремонт пандусов']);
  });

  it('sorts by type, year and region, and refuses an unknown sort field', async () => {
    expect((await titles({ submittedOnly: true }, { sortField: 'type' }))[0]).toBe('Мероприятие 6'); // interaction comes first in the taxonomy
    expect((await titles({ submittedOnly: true }, { sortField: 'type', sortOrder: 'DESC' }))[0]).toBe('Мероприятие 5'); // «иное» last
    expect((await titles({}, { sortField: 'year' })).slice(0, 2).sort()).toEqual(['Мероприятие 10', 'Мероприятие 2']);
    // Москва comes after Алтайский край in the register, so it leads in descending order.
    expect((await titles({}, { sortField: 'region', sortOrder: 'DESC' })).slice(0, 5).sort()).toEqual(
      [11, 12, 13, 14, 15].map((n) => `Мероприятие ${n}`),
    );
    expect((await titles({}, { sortField: 'region' })).slice(10).sort()).toEqual([11, 12, 13, 14, 15].map((n) => `Мероприятие ${n}`));
    const wrong = await as(`{ allMeasures(sortField: "secret") { id } }`);
    expect(wrong.errors?.[0]?.message).toBe('sortField: одно из region, type, year, updatedAt.');
  });

  it('costs the same number of queries for 1 and for 10 measures (no N+1)', async () => {
    const count = async (perPage: number) => {
      queries = 0;
      const result = await as(
        `{ allMeasures(perPage: ${perPage}) { title type { name group { name } } campaignCode respondentEmail responseStatus region { name } authority { name } } }`,
      );
      expect(result.data.allMeasures).toHaveLength(perPage);
      return queries;
    };
    expect(await count(10)).toBe(await count(1));
  });
});

describe('measureSummary', () => {
  const SUMMARY = `query($submittedOnly: Boolean) { measureSummary(campaignCode: "nok-2021", submittedOnly: $submittedOnly) { __typename
    ... on QueryMeasureSummarySuccess { data { total untyped submittedOnly groups { code count share types { code count share } }
      regions { code name count share authorities responses } } } ... on Error { code message } } }`;
  const counts = (data: any) =>
    Object.fromEntries(
      data.groups.flatMap((group: any) => [[group.code, group.count], ...group.types.map((type: any) => [`${group.code}.${type.code}`, type.count])]),
    );

  it('counts sent questionnaires by default: every type listed, zeros included', async () => {
    const { data } = (await as(SUMMARY)).data.measureSummary;
    expect(data).toMatchObject({ total: 10, untyped: 0, submittedOnly: true });
    expect(counts(data)).toEqual({
      organisational: 2,
      'organisational.interaction_with_authorities': 2,
      'organisational.management_decisions': 0,
      applied: 6,
      'applied.material_base': 5,
      'applied.information_environment': 1,
      staff: 1,
      'staff.motivation': 1,
      'staff.disciplinary': 0,
      'staff.professional_development': 0,
      other: 1,
      'other.other': 1,
    });
    expect(data.groups.find((group: any) => group.code === 'applied').share).toBe(0.6);
    expect(data.regions).toEqual([{ code: 'RU-ALT', name: 'Алтайский край', count: 10, share: 1, authorities: 2, responses: 2 }]);
  });

  it('includes drafts when asked', async () => {
    const { data } = (await as(SUMMARY, { submittedOnly: false })).data.measureSummary;
    expect(data.total).toBe(15);
    expect(counts(data)).toMatchObject({ staff: 6, 'staff.disciplinary': 5, applied: 6 });
    expect(data.regions).toEqual([
      { code: 'RU-ALT', name: 'Алтайский край', count: 10, share: 0.6667, authorities: 2, responses: 2 },
      { code: 'RU-MOW', name: 'Москва', count: 5, share: 0.3333, authorities: 1, responses: 1 },
    ]);
  });

  it('names an unknown campaign as a typed error', async () => {
    const result = await as(`{ measureSummary(campaignCode: "nok-1999") { __typename ... on Error { code message } } }`);
    expect(result.data.measureSummary).toEqual({ __typename: 'NotFoundError', code: 'NOT_FOUND', message: 'Опрос «nok-1999» не найден.' });
  });
});

describe('authorities', () => {
  it('counts questionnaires and measures for coordinators; the public list stays public without them', async () => {
    const result = await as(
      `query($filter: AuthorityFilter) { allAuthorities(filter: $filter, sortField: "name") { name responsesCount measuresCount } }`,
      {
        filter: { regionId: String(ref['RU-ALT']) },
      },
    );
    expect(result.data.allAuthorities).toEqual([
      { name: ALTAI_HEALTH, responsesCount: 1, measuresCount: 5 },
      { name: ALTAI_SOCIAL, responsesCount: 1, measuresCount: 5 },
    ]);
    // The public list holds only authorities a submitted questionnaire names (Moscow's is a draft's).
    expect((await t.gql(`{ allAuthorities { name } }`)).data.allAuthorities.map((a: { name: string }) => a.name).sort()).toEqual(
      [ALTAI_HEALTH, ALTAI_SOCIAL].sort(),
    );
    expect((await as(`{ _allAuthoritiesMeta { count } }`)).data._allAuthoritiesMeta.count).toBe(3);
    const anonymous = await t.gql(`{ allAuthorities { name measuresCount } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  const UPDATE = `mutation($input: UpdateAuthorityInput!) { updateAuthority(input: $input) { __typename
    ... on MutationUpdateAuthoritySuccess { data { id name sphere { code } region { code } } }
    ... on ValidationError { code message fieldErrors { path message } } ... on NotFoundError { code message } } }`;
  const snapshot = async () => ({
    authorities: await t.db.prisma.authority.findMany({ orderBy: { id: 'asc' } }),
    audit: await t.db.prisma.auditLog.count({ where: { action: 'authority.update' } }),
  });

  it('refuses a duplicate name in the same region, a blank name, an unknown sphere and an unknown authority, changing nothing', async () => {
    const before = await snapshot();
    const health = String(ref.health);
    const duplicate = await as(UPDATE, { input: { id: health, name: `  ${ALTAI_SOCIAL.toLowerCase()} `, reason: 'опечатка' } });
    expect(duplicate.data.updateAuthority).toMatchObject({
      __typename: 'ValidationError',
      code: 'VALIDATION',
      message: `В этом субъекте уже есть орган власти «${ALTAI_SOCIAL}». Укажите другое наименование.`,
      fieldErrors: [{ path: 'name' }],
    });
    const blank = await as(UPDATE, { input: { id: health, name: '   ' } });
    expect(blank.data.updateAuthority).toMatchObject({
      __typename: 'ValidationError',
      message: 'Укажите полное наименование органа власти (не короче 3 символов).',
    });
    const sphere = await as(UPDATE, { input: { id: health, name: 'Министерство здравоохранения Алтайского края', sphereId: '999999' } });
    expect(sphere.data.updateAuthority).toMatchObject({
      __typename: 'ValidationError',
      fieldErrors: [{ path: 'sphereId', message: 'Такой сферы нет в справочнике: выберите сферу из списка.' }],
    });
    const missing = await as(UPDATE, { input: { id: '999999', name: 'Министерство здравоохранения Алтайского края' } });
    expect(missing.data.updateAuthority).toMatchObject({ __typename: 'NotFoundError', code: 'NOT_FOUND' });
    const unchanged = await as(UPDATE, { input: { id: health, name: ALTAI_HEALTH } });
    expect(unchanged.data.updateAuthority).toMatchObject({
      __typename: 'ValidationError',
      message: 'Наименование и сфера не изменились: сохранять нечего.',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('corrects a name and sets the sphere, audited with before and after; the same name in another region is fine', async () => {
    const health = await t.db.prisma.sphere.findUniqueOrThrow({ where: { code: 'health' } });
    const result = await as(UPDATE, {
      input: {
        id: String(ref.health),
        name: ' Министерство  здравоохранения Алтайского края ',
        sphereId: String(health.id),
        reason: 'Опечатка в названии',
      },
    });
    expect(result.data.updateAuthority).toEqual({
      __typename: 'MutationUpdateAuthoritySuccess',
      data: {
        id: String(ref.health),
        name: 'Министерство здравоохранения Алтайского края',
        sphere: { code: health.code },
        region: { code: 'RU-ALT' },
      },
    });
    const entries = await t.db.prisma.auditLog.findMany({ where: { action: 'authority.update' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actorEmail: 'coordinator@vcot.example',
      subjectType: 'Authority',
      subjectId: String(ref.health),
      reason: 'Опечатка в названии',
      before: { name: ALTAI_HEALTH, sphereId: null, regionId: ref['RU-ALT'] },
      after: { name: 'Министерство здравоохранения Алтайского края', sphereId: health.id, regionId: ref['RU-ALT'] },
    });
    // The questionnaires still point at the same authority, so its measures follow the new name.
    expect(await titles({ authorityId: String(ref.health) })).toHaveLength(5);
    const moscow = await as(UPDATE, { input: { id: String(ref.labour), name: ALTAI_SOCIAL } });
    expect(moscow.data.updateAuthority.__typename).toBe('MutationUpdateAuthoritySuccess');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'authority.update' } })).toBe(2);
  });
});
