// The dataset generator (npm run dataset): respondents in every state and region, answers the engine
// accepts, measures and authorities that match them, a dashboard that agrees, the same data for the
// same seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatasetReport, datasetEmailPrefix, generateDataset, RESPONDENT_STATES } from '../../api/src/dataset/generate.ts';
import type { Database } from '../../api/src/db/client.ts';
import { campaignDefinition } from '../../api/src/services/campaigns.ts';
import { campaignDashboard } from '../../api/src/services/dashboard.ts';
import { type AnswerValue, computeCompletion, type MeasureItem, validateSection } from '../../api/src/survey/engine.ts';
import { createTestDatabase } from '../helpers/db.ts';

const PER_REGION = 3;
const SEED = 7;
const campaignCode = 'nok-2021';

/** The generated data, independent of row ids: each respondent's e-mail, state, region, authority, answers and measures. */
async function fingerprint(db: Database, limit = 2_000_000_000): Promise<string> {
  const [row] = await db.prisma.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(string_agg(line, E'\\n' ORDER BY line)) AS digest FROM (
       SELECT u.email || '|' || coalesce(r.status::text, '-') || '|' || coalesce(g.code, '-') || '|' || coalesce(a.name, '-') || '|' ||
              coalesce(r.completion::text, '-') || '|' || coalesce(r."sectionCompletion"::text, '-') || '|' ||
              coalesce((SELECT string_agg(x."questionCode" || '=' || x.value::text, ';' ORDER BY x."questionCode") FROM "Answer" x WHERE x."responseId" = r.id), '') || '|' ||
              coalesce((SELECT string_agg(concat_ws(',', m.position, t.code, m.title, m.description, m.result, m.year), ';' ORDER BY m.position)
                        FROM "Measure" m LEFT JOIN "MeasureType" t ON t.id = m."typeId" WHERE m."responseId" = r.id), '') AS line
       FROM "User" u
       LEFT JOIN "Response" r ON r."respondentId" = u.id
       LEFT JOIN "Region" g ON g.id = r."regionId"
       LEFT JOIN "Authority" a ON a.id = r."authorityId"
       WHERE u.email LIKE $1 AND substring(u.email from '\\.(\\d+)@')::int < $2) lines`,
    `${datasetEmailPrefix(campaignCode, SEED)}%`,
    limit,
  );
  return row!.digest;
}

/** A response's answers as the engine's values: one per Answer row, and the measures as items in order. */
async function answersOf(db: Database, responseId: number): Promise<Record<string, AnswerValue>> {
  const [answers, measures] = await Promise.all([
    db.prisma.answer.findMany({ where: { responseId } }),
    db.prisma.measure.findMany({ where: { responseId }, orderBy: { position: 'asc' }, include: { type: true } }),
  ]);
  const result: Record<string, AnswerValue> = Object.fromEntries(answers.map((answer) => [answer.questionCode, answer.value as AnswerValue]));
  for (const measure of measures) {
    const items = (result[measure.questionCode] ?? []) as MeasureItem[];
    result[measure.questionCode] = items;
    expect(measure.position).toBe(items.length);
    items.push({
      type: measure.type?.code ?? null,
      title: measure.title,
      description: measure.description,
      result: measure.result,
      year: measure.year,
    });
  }
  return result;
}

describe('a dataset', () => {
  let db: Database;
  let report: DatasetReport;

  beforeAll(async () => {
    db = await createTestDatabase({ contents: 'bootstrapped' });
    report = await generateDataset(db.prisma, { campaignCode, perRegion: PER_REGION, seed: SEED, chunkSize: 100 });
  });
  afterAll(() => db?.close());

  it('holds 89 × N respondents, in every state, counted per state and region', async () => {
    expect(report.respondents).toBe(89 * PER_REGION);
    expect(report.added).toBe(89 * PER_REGION);
    for (const state of RESPONDENT_STATES) expect(report.totals[state], state).toBeGreaterThan(0);
    const campaign = await db.prisma.campaign.findUniqueOrThrow({ where: { code: campaignCode } });
    const users = await db.prisma.user.findMany({
      where: { email: { startsWith: datasetEmailPrefix(campaignCode, SEED) } },
      include: { loginLinks: true, consents: true, responses: { include: { region: true } } },
    });
    expect(users).toHaveLength(89 * PER_REGION);
    for (const user of users) {
      expect(user.loginLinks.map((link) => link.campaignId)).toEqual([campaign.id]);
      expect(user.consents).toHaveLength(1);
    }
    expect(users.filter((user) => user.responses.length === 0)).toHaveLength(report.totals.notStarted);
    const counted: Record<string, { partial: number; submitted: number }> = {};
    for (const response of users.flatMap((user) => user.responses)) {
      const region = response.region!.code;
      counted[region] ??= { partial: 0, submitted: 0 };
      counted[region][response.status === 'SUBMITTED' ? 'submitted' : 'partial']++;
    }
    for (const [region, expected] of Object.entries(report.byRegion)) {
      expect(expected.notStarted + expected.partial + expected.submitted, region).toBe(PER_REGION);
      expect(counted[region] ?? { partial: 0, submitted: 0 }, region).toEqual({ partial: expected.partial, submitted: expected.submitted });
    }
  });

  it('gives every response answers the survey engine accepts as they are, and the completion it computes', async () => {
    const campaign = await db.prisma.campaign.findUniqueOrThrow({ where: { code: campaignCode } });
    const definition = campaignDefinition(campaign);
    const [regions, types] = await Promise.all([db.prisma.region.findMany(), db.prisma.measureType.findMany()]);
    const catalog = { regionCodes: new Set(regions.map((region) => region.code)), measureTypeCodes: new Set(types.map((type) => type.code)) };
    const responses = await db.prisma.response.findMany({ where: { campaignId: campaign.id }, include: { region: true, authority: true } });
    expect(responses).toHaveLength(report.totals.partial + report.totals.submitted);
    let measures = 0;
    for (const response of responses) {
      const answers = await answersOf(db, response.id);
      for (const section of definition.sections) {
        const input = Object.fromEntries(
          section.questions.filter((question) => question.code in answers).map((question) => [question.code, answers[question.code]]),
        );
        if (!Object.keys(input).length) continue;
        const validation = validateSection(definition, section.code, input, catalog);
        expect(validation, `response ${response.id}, section ${section.code}`).toEqual({ ok: true, values: expect.anything() });
        if (!validation.ok) continue;
        const kept = Object.fromEntries(Object.entries(validation.values).filter((entry): entry is [string, AnswerValue] => entry[1] !== null));
        expect(kept, `response ${response.id}, section ${section.code}: stored as normalised`).toEqual(input);
      }
      const completion = computeCompletion(definition, answers);
      expect(response.completion).toBe(completion.percent);
      expect(response.sectionCompletion).toEqual(Object.fromEntries(completion.sections.map((entry) => [entry.code, entry.percent])));
      expect(completion.complete).toBe(response.status === 'SUBMITTED');
      expect(response.submittedAt !== null).toBe(response.status === 'SUBMITTED');
      // The personal answers are the response's region and authority.
      expect(answers.region).toBe(response.region!.code);
      expect(answers.authority_name).toBe(response.authority!.name);
      expect(response.authority!.regionId).toBe(response.regionId);
      measures += ((answers.measures as unknown[] | undefined) ?? []).length;
    }
    expect(measures).toBeGreaterThan(0);
    expect(await db.prisma.measure.count()).toBe(measures);
    expect(await db.prisma.authority.count()).toBe(89 * 5);
  });

  it('agrees with the dashboard, in totals and per region', async () => {
    const dashboard = await campaignDashboard(db.prisma, campaignCode);
    expect({
      registered: dashboard.registered,
      notStarted: dashboard.notStarted,
      inProgress: dashboard.inProgress,
      submitted: dashboard.submitted,
    }).toEqual({
      registered: 89 * PER_REGION,
      notStarted: report.totals.notStarted,
      inProgress: report.totals.partial,
      submitted: report.totals.submitted,
    });
    const responses = await db.prisma.response.findMany({ include: { region: true } });
    for (const region of dashboard.regions) {
      const expected = report.byRegion[region.code]!;
      const own = responses.filter((response) => response.region?.code === region.code);
      expect({ inProgress: region.inProgress, submitted: region.submitted }, region.code).toEqual({
        inProgress: expected.partial,
        submitted: expected.submitted,
      });
      const mean = (values: number[]) => (values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : 0);
      expect(region.completion, region.code).toBe(mean(own.map((response) => response.completion)));
      for (const code of dashboard.sectionCodes) {
        expect(region.sections[code], `${region.code} ${code}`).toBe(
          mean(own.map((response) => (response.sectionCompletion as Record<string, number>)[code] ?? 0)),
        );
      }
    }
  });

  it('is the same data for the same seed, and a larger N only adds respondents', async () => {
    const before = await fingerprint(db);
    const again = await generateDataset(db.prisma, { campaignCode, perRegion: PER_REGION, seed: SEED });
    expect(again.added).toBe(0);
    expect(await fingerprint(db)).toBe(before);

    const other = await createTestDatabase({ contents: 'bootstrapped' });
    try {
      await generateDataset(other.prisma, { campaignCode, perRegion: PER_REGION, seed: SEED, chunkSize: 50 });
      expect(await fingerprint(other)).toBe(before);
      await generateDataset(other.prisma, { campaignCode, perRegion: PER_REGION, seed: SEED + 1 });
      expect(await fingerprint(other)).toBe(before); // another seed: other people, beside these
    } finally {
      await other.close();
    }

    const more = await generateDataset(db.prisma, { campaignCode, perRegion: PER_REGION + 1, seed: SEED });
    expect(more.added).toBe(89);
    expect(await fingerprint(db, 89 * PER_REGION)).toBe(before);
    const dashboard = await campaignDashboard(db.prisma, campaignCode);
    expect(dashboard.registered).toBe(89 * (PER_REGION + 1));
    expect(dashboard.inProgress + dashboard.submitted).toBe(more.totals.partial + more.totals.submitted);
  });
});

it('writes responses without their answers when asked (for benches that read only responses), and the dashboard still agrees', async () => {
  const db = await createTestDatabase({ contents: 'bootstrapped' });
  try {
    const report = await generateDataset(db.prisma, { campaignCode: 'nok-2023', perRegion: 2, seed: SEED, answers: false });
    expect(await db.prisma.answer.count()).toBe(0);
    expect(await db.prisma.measure.count()).toBe(0);
    expect(await db.prisma.response.count()).toBe(report.totals.partial + report.totals.submitted);
    const dashboard = await campaignDashboard(db.prisma, 'nok-2023');
    expect([dashboard.registered, dashboard.inProgress, dashboard.submitted]).toEqual([89 * 2, report.totals.partial, report.totals.submitted]);
  } finally {
    await db.close();
  }
});
