// Issue 14, points 5, 7 and 8 over the API: a coordinator publishes a campaign's analytics as a dated,
// versioned snapshot; anonymous readers and portal tokens with the `report` scope read only the
// publication (suppressed), never live answers; the snapshot stays as it was while answers change and
// a new publication keeps the old one readable; the table refuses UPDATE and DELETE; who did not take
// part is counted against the campaign's own list of expected regions. And issue 13, point 5: the
// 2021 measures count in the analytics (they live in their own table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;
let reportToken: string;
let statusToken: string;

const authority2021 = (region: string) => ({ ...section1, region });
const situation = (legislation: string) => ({ ...section2at80, legislation_changes: legislation });

async function submit2021(email: string, region: string, legislation: string, measures = 0) {
  const sections: [string, Record<string, unknown>][] = [
    ['authority', authority2021(region)],
    ['situation', situation(legislation)],
  ];
  if (measures) sections.push(['measures', { measures: Array.from({ length: measures }, (_, n) => measure(n + 1)) }]);
  return respondentWith(t, email, 'nok-2021', sections, { submitted: true });
}

const PUBLISHED = `query($code: String!, $version: Int) { publishedAnalytics(campaignCode: $code, version: $version) {
  version publishedAt threshold respondentsCount versions { version respondentsCount }
  analytics { respondentsCount threshold participatingRegionsCount expectedRegionsCount
    questions { code answered suppressed options { code count share suppressed regions { code } } } } } }`;

const question = (analytics: any, code: string) => analytics.questions.find((candidate: any) => candidate.code === code);
const option = (figures: any, code: string) => figures.options.find((candidate: any) => candidate.code === code);

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  await t.openWindow('nok-2021');
  // legislation_changes: 4 «no changes needed», 1 «changes made» (a cell of one: suppressed when published).
  await submit2021('alt@example.org', 'RU-ALT', 'no_changes_needed', 5);
  await submit2021('mow@example.org', 'RU-MOW', 'no_changes_needed');
  await submit2021('tve@example.org', 'RU-TVE', 'no_changes_needed');
  await submit2021('kda@example.org', 'RU-KDA', 'no_changes_needed');
  await submit2021('spe@example.org', 'RU-SPE', 'changes_made');
  const issuer = await t.db.prisma.user.findFirstOrThrow({ where: { role: 'COORDINATOR' } });
  const actor = { id: issuer.id, email: issuer.email };
  reportToken = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Портал отчётов', scopes: ['report'] })).secret;
  statusToken = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Портал статуса', scopes: ['status'] })).secret;
});
afterAll(() => t?.close());

describe('issue 13, point 5: the 2021 measures in the analytics', () => {
  it('counts the questionnaires with measures, the measures, and their types', async () => {
    const result = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2021") { questions { code answered items fields { code answered options { code count } numbers { min max } } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(result.errors).toBeUndefined();
    const measures = question(result.data.campaignAnalytics, 'measures');
    expect(measures).toMatchObject({ answered: 1, items: 5 });
    const type = measures.fields.find((field: any) => field.code === 'type');
    expect(type.answered).toBe(5);
    expect(option(type, 'material_base').count).toBe(5);
    expect(measures.fields.find((field: any) => field.code === 'year').numbers).toEqual({ min: 2021, max: 2021 });
  });
});

describe('publication', () => {
  it('nothing is published at first: anyone reads null, nobody but coordinators reads live figures', async () => {
    expect((await t.gql(PUBLISHED, { code: 'nok-2021' })).data.publishedAnalytics).toBeNull();
    const live = await t.gql(`{ campaignAnalytics(campaignCode: "nok-2021") { respondentsCount } }`);
    expect(live.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a coordinator publishes version 1; anonymous readers see it with the small cells suppressed', async () => {
    const published = await t.gql(
      `mutation { publishCampaignAnalytics(input: { campaignCode: "nok-2021" }) { __typename ... on MutationPublishCampaignAnalyticsSuccess { data { version threshold respondentsCount } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(published.errors).toBeUndefined();
    expect(published.data.publishCampaignAnalytics.data).toEqual({ version: 1, threshold: 3, respondentsCount: 5 });

    const read = await t.gql(PUBLISHED, { code: 'nok-2021' });
    expect(read.errors).toBeUndefined();
    const publication = read.data.publishedAnalytics;
    expect(publication).toMatchObject({ version: 1, threshold: 3, respondentsCount: 5, versions: [{ version: 1, respondentsCount: 5 }] });
    const legislation = question(publication.analytics, 'legislation_changes');
    // «changes made» has one respondent: hidden, and with it the smallest other non-zero cell (4 of «no changes»).
    expect(option(legislation, 'changes_made')).toEqual({ code: 'changes_made', count: null, share: null, suppressed: true, regions: [] });
    expect(option(legislation, 'no_changes_needed')).toMatchObject({ count: null, suppressed: true });
    expect(legislation.answered).toBe(5);
    // The measures: one questionnaire behind all five: suppressed.
    expect(question(publication.analytics, 'measures')).toMatchObject({ answered: null, suppressed: true });
    // Coordinators' live figures are not suppressed.
    const live = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2021") { threshold questions { code options { code count } } } }`,
      {},
      { cookie: coordinator },
    );
    expect(live.data.campaignAnalytics.threshold).toBeNull();
    expect(option(question(live.data.campaignAnalytics, 'legislation_changes'), 'changes_made').count).toBe(1);
  });

  it('the snapshot stays as published while answers change; a new publication is version 2 and version 1 stays readable', async () => {
    const before = (await t.gql(PUBLISHED, { code: 'nok-2021', version: 1 })).data.publishedAnalytics;
    await submit2021('tam@example.org', 'RU-TAM', 'changes_made');
    await submit2021('kgd@example.org', 'RU-KGD', 'changes_made');
    // A submitted questionnaire's answer is changed behind the publication's back.
    const alt = await t.db.prisma.response.findFirstOrThrow({ where: { region: { code: 'RU-ALT' }, campaign: { code: 'nok-2021' } } });
    await t.db.prisma.answer.update({
      where: { responseId_questionCode: { responseId: alt.id, questionCode: 'legislation_changes' } },
      data: { value: 'changes_made' },
    });
    expect((await t.gql(PUBLISHED, { code: 'nok-2021' })).data.publishedAnalytics).toEqual(before);

    const second = await t.gql(
      `mutation { publishCampaignAnalytics(input: { campaignCode: "nok-2021" }) { __typename } }`,
      {},
      { cookie: coordinator },
    );
    expect(second.errors).toBeUndefined();
    const latest = (await t.gql(PUBLISHED, { code: 'nok-2021' })).data.publishedAnalytics;
    expect(latest).toMatchObject({ version: 2, respondentsCount: 7, versions: [{ version: 2 }, { version: 1 }] });
    const legislation = question(latest.analytics, 'legislation_changes');
    // Now 4 «changes made» and 3 «no changes»: nothing below 3, nothing hidden.
    expect(option(legislation, 'changes_made')).toMatchObject({ count: 4, suppressed: false });
    expect(option(legislation, 'no_changes_needed')).toMatchObject({ count: 3, suppressed: false });
    const first = (await t.gql(PUBLISHED, { code: 'nok-2021', version: 1 })).data.publishedAnalytics;
    expect(first.analytics).toEqual(before.analytics);
    expect(first.version).toBe(1);
  });

  it('the table refuses to change or delete a publication', async () => {
    await expect(t.db.prisma.$executeRawUnsafe(`UPDATE "AnalyticsPublication" SET "respondentsCount" = 0`)).rejects.toThrow(/immutable/);
    await expect(t.db.prisma.$executeRawUnsafe(`DELETE FROM "AnalyticsPublication"`)).rejects.toThrow(/immutable/);
    expect(await t.db.prisma.analyticsPublication.count()).toBe(2);
  });

  it('portals: a token with the report scope reads the publication; one without it is refused', async () => {
    const withReport = await t.gql(PUBLISHED, { code: 'nok-2021' }, { authorization: `Bearer ${reportToken}` });
    expect(withReport.errors).toBeUndefined();
    expect(withReport.data.publishedAnalytics.version).toBe(2);
    const withoutReport = await t.gql(PUBLISHED, { code: 'nok-2021' }, { authorization: `Bearer ${statusToken}` });
    expect(withoutReport.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(withoutReport.data?.publishedAnalytics ?? null).toBeNull();
    const live = await t.gql(`{ campaignAnalytics(campaignCode: "nok-2021") { respondentsCount } }`, {}, { authorization: `Bearer ${reportToken}` });
    expect(live.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('publishing is for coordinators; a wrong version or campaign is refused or null, never a 5xx', async () => {
    const anonymous = await t.gql(`mutation { publishCampaignAnalytics(input: { campaignCode: "nok-2021" }) { __typename } }`);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await t.gql(
      `mutation { publishCampaignAnalytics(input: { campaignCode: "nope" }) { __typename ... on NotFoundError { message } } }`,
      {},
      { cookie: coordinator },
    );
    expect(unknown.data.publishCampaignAnalytics).toEqual({ __typename: 'NotFoundError', message: 'Опрос «nope» не найден.' });
    expect((await t.gql(PUBLISHED, { code: 'nok-2021', version: 9 })).data.publishedAnalytics).toBeNull();
    const bad = await t.gql(PUBLISHED, { code: 'nok-2021', version: 0 });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await t.db.prisma.analyticsPublication.count()).toBe(2);
  });

  it('bad input is the typed error of its field in Russian, never an internal error, and writes nothing (fuzz test)', async () => {
    const publish = (input: unknown) =>
      t.gql(
        `mutation($input: PublishAnalyticsInput!) { publishCampaignAnalytics(input: $input) { __typename
          ... on ValidationError { message fieldErrors { path code message } } } }`,
        { input },
        { cookie: coordinator },
      );
    const expected = (input: unknown) =>
      t.gql(
        `mutation($input: ExpectedRegionsInput!) { setCampaignExpectedRegions(input: $input) { __typename
          ... on ValidationError { message fieldErrors { path code message } } } }`,
        { input },
        { cookie: coordinator },
      );
    const before = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    // A lone surrogate cannot be encoded for the database (it was «Внутренняя ошибка»): the whole
    // operation is refused before it runs, naming the field.
    for (const refused of [
      await publish({ campaignCode: 'до\udfffпосле' }),
      await expected({ campaignCode: 'до\udfffпосле', regionCodes: [] }),
      await expected({ campaignCode: 'nok-2021', regionCodes: ['RU-ALT', '\ud800'] }),
    ]) {
      expect(refused.data).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.message).toMatch(/^input\.(campaignCode|regionCodes\[1\]): текст содержит недопустимый символ/);
    }
    const tooLong = (await publish({ campaignCode: 'x'.repeat(65) })).data.publishCampaignAnalytics;
    expect(tooLong).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'campaignCode', code: 'WRONG_FORMAT' }] });
    expect(tooLong.fieldErrors[0].message).toMatch(/^Код опроса/);
    // A value of the wrong type is refused naming its place in the one `input` argument.
    for (const input of [{ campaignCode: { constructor: 1 } }, { campaignCode: null }, { campaignCode: false }]) {
      const refused = await publish(input);
      expect(refused.errors?.[0]?.message).toContain('"input.campaignCode"');
    }
    expect(await t.db.prisma.analyticsPublication.count()).toBe(2);
    expect((await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).expectedRegions).toEqual(before.expectedRegions);
  });
});

describe('who did not take part, against the expected regions', () => {
  it('a campaign without its own list expects every region', async () => {
    const result = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2021") { expectedRegionsSet expectedRegionsCount participatingRegionsCount nonParticipatingRegions { code } } }`,
      {},
      { cookie: coordinator },
    );
    expect(result.data.campaignAnalytics).toMatchObject({ expectedRegionsSet: false, expectedRegionsCount: 89, participatingRegionsCount: 7 });
    expect(result.data.campaignAnalytics.nonParticipatingRegions).toHaveLength(82);
  });

  it('a coordinator sets the list; not taking part is counted against it; unknown codes change nothing', async () => {
    const set = (codes: string[], cookie = coordinator) =>
      t.gql(
        `mutation($input: ExpectedRegionsInput!) { setCampaignExpectedRegions(input: $input) { __typename
          ... on MutationSetCampaignExpectedRegionsSuccess { data { regionCodes } }
          ... on ValidationError { message fieldErrors { path } } } }`,
        { input: { campaignCode: 'nok-2021', regionCodes: codes } },
        { cookie },
      );
    const refused = await set(['RU-ALT', 'RU-XXX']);
    expect(refused.data.setCampaignExpectedRegions).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: 'regionCodes' }] });
    expect((await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).expectedRegions).toEqual([]);
    // Kept in the official order, each once.
    const ok = await set(['RU-MOW', 'RU-ALT', 'RU-SAR', 'RU-ALT']);
    expect(ok.data.setCampaignExpectedRegions.data.regionCodes).toEqual(['RU-ALT', 'RU-SAR', 'RU-MOW']);
    const result = await t.gql(
      `{ campaignAnalytics(campaignCode: "nok-2021") { expectedRegionsSet expectedRegionsCount participatingRegionsCount nonParticipatingRegions { code } } }`,
      {},
      { cookie: coordinator },
    );
    expect(result.data.campaignAnalytics).toEqual({
      expectedRegionsSet: true,
      expectedRegionsCount: 3,
      participatingRegionsCount: 2,
      nonParticipatingRegions: [{ code: 'RU-SAR' }],
    });
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'campaign.expectedRegions' } });
    expect(audit.after).toEqual({ expectedRegions: ['RU-ALT', 'RU-SAR', 'RU-MOW'] });
  });
});
