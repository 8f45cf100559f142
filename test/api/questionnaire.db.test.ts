// A respondent fills in and submits the 2021 questionnaire through the GraphQL API; bad input is
// refused with a typed error naming the field, and nothing of that save is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

const SAVE = /* GraphQL */ `
  mutation Save($input: SaveSectionInput!) {
    saveSection(input: $input) {
      __typename
      ... on MutationSaveSectionSuccess { data { version status completion { percent complete sections { code percent unlocked } } } }
      ... on Error { code message }
      ... on ValidationError { fieldErrors { path questionCode code message } }
      ... on ConflictError { currentVersion }
    }
  }`;
const SUBMIT = /* GraphQL */ `
  mutation Submit($input: SubmitResponseInput!) {
    submitResponse(input: $input) {
      __typename
      ... on MutationSubmitResponseSuccess { data { status version submittedAt completion { percent } } }
      ... on Error { code message }
      ... on IncompleteError { missingSections }
    }
  }`;
const MINE = /* GraphQL */ `
  query Mine { myResponse(campaignCode: "nok-2021") { version status completion { percent } answers { questionCode value } } }`;

let t: TestApp;
let cookie: string;
let version = 0;

async function save(sectionCode: string, answers: unknown, options: { version?: number; cookie?: string } = {}) {
  const result = await t.gql(
    SAVE,
    { input: { campaignCode: 'nok-2021', sectionCode, version: options.version ?? version, answers } },
    { cookie: options.cookie ?? cookie },
  );
  expect(result.errors).toBeUndefined();
  return result.data.saveSection;
}
async function stored() {
  const result = await t.gql(MINE, {}, { cookie });
  return result.data.myResponse;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  ({ cookie } = await t.respondent('official@altai.example'));
});
afterAll(() => t?.close());

describe('the 2021 questionnaire over GraphQL', () => {
  it('reads the questionnaire: 4 sections, section 4 unlocked by 1–3', async () => {
    const result = await t.gql(
      `{ campaign(code: "nok-2021") { windowState sections { code unlockAfter questions { code type required options { code label } } } } }`,
    );
    const sections = result.data.campaign.sections;
    expect(result.data.campaign.windowState).toBe('OPEN');
    expect(sections.map((section: any) => section.code)).toEqual(['authority', 'situation', 'measures', 'development']);
    expect(sections[3].unlockAfter).toEqual(['authority', 'situation', 'measures']);
    expect(sections[0].questions[4].options[0].label).toBe('Размещение информации о результатах НОК на официальном сайте bus.gov.ru');
  });

  it('has no response before the first save', async () => {
    expect(await stored()).toBeNull();
  });

  it("saves sections 1 and 2 and reaches the seed's 82%", async () => {
    const first = await save('authority', section1);
    expect(first.__typename).toBe('MutationSaveSectionSuccess');
    expect(first.data.completion.percent).toBe(45);
    version = first.data.version;
    const second = await save('situation', section2at80);
    version = second.data.version;
    expect(second.data.completion.sections.map((section: any) => section.percent)).toEqual([100, 80, 0, 0]);
    expect(second.data.completion.percent).toBe(82);
    const mine = await stored();
    expect(mine.completion.percent).toBe(82);
    expect(mine.answers.find((answer: any) => answer.questionCode === 'region').value).toBe('RU-ALT');
  });

  it('refuses bad input with typed errors naming the field, and stores nothing', async () => {
    const before = await stored();
    const cases: [string, unknown, string, string][] = [
      ['nonexistent', {}, 'nonexistent', 'UNKNOWN_SECTION'],
      ['authority', { ...section1, shoe_size: 42 }, 'shoe_size', 'UNKNOWN_QUESTION'],
      ['authority', { ...section1, respondent_name: ['Иванова'] }, 'respondent_name', 'WRONG_TYPE'],
      ['authority', { ...section1, respondent_powers: ['bus_gov_publication', 'not_an_option'] }, 'respondent_powers', 'UNKNOWN_OPTION'],
      ['authority', { ...section1, authority_name: 'М'.repeat(1001) }, 'authority_name', 'TOO_LONG'],
      ['measures', { measures: [1, 2, 3, 4, 5, 6, 7, 8].map(measure) }, 'measures', 'TOO_MANY_ITEMS'],
      ['development', { proposals: 'Больше обучения' }, 'development', 'SECTION_LOCKED'],
    ];
    for (const [sectionCode, answers, path, code] of cases) {
      const result = await save(sectionCode, answers);
      expect(result.__typename, `${sectionCode} ${code}`).toBe('ValidationError');
      expect(result.fieldErrors).toContainEqual(expect.objectContaining({ path, code }));
      expect(result.fieldErrors[0].message).toMatch(/[а-яА-Я]/);
    }
    expect(await stored()).toEqual(before);
  });

  it('refuses a save from an outdated form (version conflict) and keeps the earlier save', async () => {
    const stale = await save('situation', { ...section2at80, manager_competence: 'disagree' }, { version: version - 1 });
    expect(stale.__typename).toBe('ConflictError');
    expect(stale.currentVersion).toBe(version);
    expect(stale.message).toContain('обновите страницу');
    const mine = await stored();
    expect(mine.answers.find((answer: any) => answer.questionCode === 'manager_competence').value).toBe('rather_agree');
  });

  it('refuses to submit an incomplete questionnaire', async () => {
    const result = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie });
    expect(result.data.submitResponse.__typename).toBe('IncompleteError');
    expect(result.data.submitResponse.missingSections).toEqual(['situation', 'measures', 'development']);
    expect(result.data.submitResponse.message).toContain('82%');
  });

  it('adds five measures, reaches 100% and submits; afterwards the questionnaire is read-only', async () => {
    version = (await save('situation', { ...section2at80, staffing_technologies: 'rather_agree' })).data.version;
    const measures = await save('measures', { measures: [1, 2, 3, 4, 5].map(measure) });
    expect(measures.data.completion.percent).toBe(100);
    expect(measures.data.completion.sections[3].unlocked).toBe(true);
    version = measures.data.version;
    version = (await save('development', { proposals: 'Проводить обучающие семинары для операторов' })).data.version;

    const unconfirmed = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: false } }, { cookie });
    expect(unconfirmed.data.submitResponse.__typename).toBe('ValidationError');

    const submitted = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie });
    expect(submitted.data.submitResponse.__typename).toBe('MutationSubmitResponseSuccess');
    expect(submitted.data.submitResponse.data.status).toBe('SUBMITTED');

    const again = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie });
    expect(again.data.submitResponse.data).toEqual(submitted.data.submitResponse.data);

    const after = await save('development', { proposals: 'Исправление после отправки' }, { version: submitted.data.submitResponse.data.version });
    expect(after.__typename).toBe('AlreadySubmittedError');
    const rows = await t.db.prisma.measure.count();
    expect(rows).toBe(5);
    const mine = await stored();
    expect(mine.status).toBe('SUBMITTED');
    expect(mine.answers.find((answer: any) => answer.questionCode === 'proposals').value).toBe('Проводить обучающие семинары для операторов');
  });

  it('refuses saves outside the window, saying when it closed, and stores nothing', async () => {
    const other = await t.respondent('late@moscow.example');
    await t.db.prisma.campaign.update({ where: { code: 'nok-2021' }, data: { closesAt: new Date(Date.now() - 1000) } });
    try {
      const result = await save('authority', { ...section1, region: 'RU-MOW' }, { version: 0, cookie: other.cookie });
      expect(result.__typename).toBe('WindowClosedError');
      expect(result.message).toMatch(/Приём ответов завершён/);
      expect(await t.db.prisma.response.count({ where: { respondentId: other.id } })).toBe(0);
    } finally {
      await t.openWindow('nok-2021');
    }
  });

  it("refuses anonymous callers and keeps one respondent out of another's questionnaire", async () => {
    const anonymous = await t.gql(MINE);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0]?.message).toMatch(/персональной ссылке/);
    const other = await t.respondent('neighbour@moscow.example');
    expect((await t.gql(MINE, {}, { cookie: other.cookie })).data.myResponse).toBeNull();
  });
});

describe('the authority a response speaks for', () => {
  it('is registered from the region and authority name answers, once per region and name', async () => {
    const authorities = await t.db.prisma.authority.findMany({ include: { region: true, responses: true } });
    expect(authorities).toHaveLength(1);
    expect(authorities[0]).toMatchObject({ name: 'Министерство социальной защиты Алтайского края', region: { code: 'RU-ALT' } });
    expect(authorities[0]!.responses).toHaveLength(1);
    const listed = await t.gql(`{ allAuthorities(filter: { q: "социальной защиты" }) { name region { name } } }`);
    expect(listed.data.allAuthorities).toEqual([{ name: 'Министерство социальной защиты Алтайского края', region: { name: 'Алтайский край' } }]);
  });
});

describe("a region's extended window", () => {
  it('counts for the region a response speaks for before the save and after it: none moves in or out after the close', async () => {
    const altai = await t.respondent('altai-extended@example.org');
    const moscow = await t.respondent('moscow-closed@example.org');
    const altaiFirst = await save('authority', section1, { version: 0, cookie: altai.cookie });
    const moscowFirst = await save('authority', { ...section1, region: 'RU-MOW' }, { version: 0, cookie: moscow.cookie });
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const altaiRegion = await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } });
    await t.db.prisma.campaign.update({ where: { id: campaign.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    await t.db.prisma.regionWindowExtension.create({
      data: { campaignId: campaign.id, regionId: altaiRegion.id, closesAt: new Date(Date.now() + 86_400_000) },
    });
    try {
      // Within the extended region: saved.
      const stays = await save(
        'authority',
        { ...section1, respondent_position: 'Ведущий специалист' },
        { version: altaiFirst.data.version, cookie: altai.cookie },
      );
      expect(stays.__typename).toBe('MutationSaveSectionSuccess');
      // Out of it, into a closed region: refused, nothing stored.
      const leaves = await save('authority', { ...section1, region: 'RU-MOW' }, { version: stays.data.version, cookie: altai.cookie });
      expect(leaves.__typename).toBe('WindowClosedError');
      // From a closed region into the extended one: refused too.
      const joins = await save('authority', section1, { version: moscowFirst.data.version, cookie: moscow.cookie });
      expect(joins.__typename).toBe('WindowClosedError');
      const rows = await t.db.prisma.response.findMany({
        where: { respondentId: { in: [altai.id, moscow.id] } },
        select: { respondentId: true, version: true, region: { select: { code: true } } },
      });
      expect(rows.find((row) => row.respondentId === altai.id)).toMatchObject({ version: stays.data.version, region: { code: 'RU-ALT' } });
      expect(rows.find((row) => row.respondentId === moscow.id)).toMatchObject({ version: moscowFirst.data.version, region: { code: 'RU-MOW' } });
    } finally {
      await t.db.prisma.regionWindowExtension.deleteMany({ where: { campaignId: campaign.id } });
      await t.openWindow('nok-2021');
    }
  });
});

describe('two tabs saving the same section at once', () => {
  it('accepts one save, reports a conflict to the other, and loses nothing that was acknowledged', async () => {
    const other = await t.respondent('two-tabs@example.org');
    await t.openWindow('nok-2021');
    const first = await save('authority', section1, { version: 0, cookie: other.cookie });
    const loaded = first.data.version;
    const [a, b] = await Promise.all([
      save('situation', { ...section2at80, manager_competence: 'agree' }, { version: loaded, cookie: other.cookie }),
      save('situation', { ...section2at80, manager_competence: 'disagree' }, { version: loaded, cookie: other.cookie }),
    ]);
    const outcomes = [a.__typename, b.__typename].sort();
    expect(outcomes).toEqual(['ConflictError', 'MutationSaveSectionSuccess']);
    const winner = a.__typename === 'MutationSaveSectionSuccess' ? 'agree' : 'disagree';
    const mine = await t.gql(MINE, {}, { cookie: other.cookie });
    expect(mine.data.myResponse.answers.find((answer: any) => answer.questionCode === 'manager_competence').value).toBe(winner);
    expect(mine.data.myResponse.version).toBe(loaded + 1);
  });

  it('stores a script typed into an answer as plain text', async () => {
    const other = await t.respondent('script@example.org');
    const saved = await save('authority', { ...section1, respondent_name: '<script>alert(1)</script>' }, { version: 0, cookie: other.cookie });
    expect(saved.__typename).toBe('MutationSaveSectionSuccess');
    const mine = await t.gql(MINE, {}, { cookie: other.cookie });
    expect(mine.data.myResponse.answers.find((answer: any) => answer.questionCode === 'respondent_name').value).toBe('<script>alert(1)</script>');
  });
});
