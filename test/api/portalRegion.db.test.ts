// Issue 11: portalRegion, a portal's view of its own region. Altai's token sees Altai's respondents by
// state, completion by section and by authority, the submitted authorities and Altai's own extension
// of the window — never Moscow's authorities, and no person's name or e-mail; a token without the
// status scope is refused the campaigns (each field needs its own scope), people and anonymous
// callers everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith } from '../helpers/console.ts';
import { section1, section2at80 } from '../helpers/fixtures2021.ts';

let t: TestApp;
const actor = { id: 'test', email: 'coordinator@vcot.example' };
const tokens = { altai: '', moscow: '', reportOnly: '', answersOnly: '', personalOnly: '' };
const people = [
  ['first@altai.example', 'Первая Анна Алтаевна'],
  ['second@altai.example', 'Вторая Вера Алтаевна'],
  ['moscow@moscow.example', 'Московская Мария Москвовна'],
] as const;
const MOSCOW_AUTHORITY = 'Департамент труда и соцзащиты Москвы';
const ALTAI_DRAFT_AUTHORITY = 'Министерство здравоохранения Алтайского края';
let extendedUntil: Date;

const QUERY = `{ portalRegion {
  region { code name }
  scopes { code }
  campaigns { code windowState closesAt regionExtendedUntil closesAtForRegion completion
    respondents { total inProgress submitted }
    sections { code percent }
    authorities { name respondents inProgress submitted completion }
    submittedAuthorities } } }`;

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  await respondentWith(t, people[0][0], 'nok-2021', [['authority', { ...section1, respondent_name: people[0][1] }]], { submitted: true });
  await respondentWith(t, people[1][0], 'nok-2021', [
    ['authority', { ...section1, respondent_name: people[1][1], authority_name: ALTAI_DRAFT_AUTHORITY }],
    ['situation', section2at80],
  ]);
  await respondentWith(t, people[2][0], 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', respondent_name: people[2][1], authority_name: MOSCOW_AUTHORITY }],
  ]);
  const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  extendedUntil = new Date(campaign.closesAt.getTime() + 5 * 86_400_000);
  const altai = await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } });
  await t.db.prisma.regionWindowExtension.create({ data: { campaignId: campaign.id, regionId: altai.id, closesAt: extendedUntil } });
  tokens.altai = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Алтай' })).secret;
  tokens.moscow = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-MOW', name: 'Москва' })).secret;
  tokens.reportOnly = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Отчёты', scopes: ['report'] })).secret;
  tokens.answersOnly = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Ответы', scopes: ['answers'] })).secret;
  tokens.personalOnly = (await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-ALT', name: 'Кадры', scopes: ['personal'] })).secret;
});
afterAll(() => t?.close());

describe('portalRegion', () => {
  it("shows a portal its own region's status, with its extension of the window", async () => {
    const result = await t.gql(QUERY, {}, { authorization: `Bearer ${tokens.altai}` });
    expect(result.errors).toBeUndefined();
    const view = result.data.portalRegion;
    expect(view.region).toEqual({ code: 'RU-ALT', name: 'Алтайский край' });
    expect(view.scopes).toEqual([{ code: 'status' }]);
    const nok2021 = view.campaigns.find((campaign: { code: string }) => campaign.code === 'nok-2021');
    expect(nok2021.respondents).toEqual({ total: 2, inProgress: 1, submitted: 1 });
    expect(nok2021.regionExtendedUntil).toBe(extendedUntil.toISOString());
    expect(nok2021.closesAtForRegion).toBe(extendedUntil.toISOString());
    expect(nok2021.windowState).toBe('OPEN');
    expect(nok2021.sections.map((section: { code: string }) => section.code)).toContain('authority');
    expect(nok2021.sections.find((section: { code: string }) => section.code === 'situation').percent).toBeGreaterThan(0);
    expect(nok2021.authorities.map((authority: { name: string }) => authority.name).sort()).toEqual(
      [ALTAI_DRAFT_AUTHORITY, section1.authority_name].sort(),
    );
    expect(nok2021.submittedAuthorities).toEqual([section1.authority_name]);
    const text = JSON.stringify(result.data);
    expect(text).not.toContain(MOSCOW_AUTHORITY);
    for (const [email, name] of people) {
      expect(text).not.toContain(email);
      expect(text).not.toContain(name);
    }
    // The 2023 campaign is published too; nobody from Altai has answered it.
    const nok2023 = view.campaigns.find((campaign: { code: string }) => campaign.code === 'nok-2023');
    expect(nok2023).toMatchObject({ respondents: { total: 0, inProgress: 0, submitted: 0 }, authorities: [], regionExtendedUntil: null });
  });

  it("shows Moscow's token Moscow only, without Altai's extension", async () => {
    const result = await t.gql(QUERY, {}, { authorization: `Bearer ${tokens.moscow}` });
    const view = result.data.portalRegion;
    expect(view.region.code).toBe('RU-MOW');
    const nok2021 = view.campaigns.find((campaign: { code: string }) => campaign.code === 'nok-2021');
    expect(nok2021).toMatchObject({ respondents: { total: 1, inProgress: 1, submitted: 0 }, regionExtendedUntil: null, submittedAuthorities: [] });
    expect(nok2021.authorities.map((authority: { name: string }) => authority.name)).toEqual([MOSCOW_AUTHORITY]);
    expect(JSON.stringify(result.data)).not.toContain(section1.authority_name);
  });

  it('is refused to a token without the status scope, to people and to anonymous callers', async () => {
    const reportOnly = await t.gql(QUERY, {}, { authorization: `Bearer ${tokens.reportOnly}` });
    expect(reportOnly.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(reportOnly.data).toBeNull();
    const respondent = await t.respondent('nobody@example.ru');
    expect((await t.gql(QUERY, {}, { cookie: respondent.cookie })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(QUERY)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  // Each field needs its own scope, not status for all: a token for answers (or officials) only reads
  // them, and its region and scopes; the status fields name the scope they need.
  it('a token with only answers reads responses (and its region, its scopes) without status', async () => {
    const result = await t.gql(
      '{ portalRegion { region { code } scopes { code } responses(first: 5, filter: { campaignCode: "nok-2021" }) { totalCount nodes { id } } } }',
      {},
      { authorization: `Bearer ${tokens.answersOnly}` },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.portalRegion).toMatchObject({ region: { code: 'RU-ALT' }, scopes: [{ code: 'answers' }], responses: { totalCount: 1 } });
    const personal = await t.gql(
      '{ portalRegion { officials(first: 5) { totalCount nodes { name } } } }',
      {},
      { authorization: `Bearer ${tokens.personalOnly}` },
    );
    expect(personal.errors).toBeUndefined();
    expect(personal.data.portalRegion.officials.nodes).toEqual([{ name: people[0][1] }]);
  });

  it('a status field, asked with only answers, is FORBIDDEN naming the status scope; nothing of it is shown', async () => {
    const result = await t.gql(
      '{ portalRegion { campaigns { code respondents { total } } } }',
      {},
      { authorization: `Bearer ${tokens.answersOnly}` },
    );
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Недостаточно прав: токену портала нужно право «status» \(Ход мониторинга своего региона/),
        path: ['portalRegion', 'campaigns'],
        extensions: { code: 'FORBIDDEN' },
      }),
    ]);
    expect(result.data).toBeNull();
    const officials = await t.gql('{ portalRegion { officials(first: 5) { totalCount } } }', {}, { authorization: `Bearer ${tokens.answersOnly}` });
    expect(officials.errors?.[0]).toMatchObject({ message: expect.stringContaining('«personal»'), extensions: { code: 'FORBIDDEN' } });
  });
});
