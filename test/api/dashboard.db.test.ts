// The dashboard reads running totals that database triggers keep (migration dashboard_tallies). They
// must equal, at every moment, the aggregate of every response and personal link computed the old
// way (the query the dashboard ran before the tallies, kept here as the reference): through the real
// save path in every state a questionnaire goes through, through any mix of direct writes and
// rolled-back transactions, under concurrent saves, and from the migration's backfill of existing data.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueLoginLink } from '../../api/src/auth/loginLinks.ts';
import type { Database, Db } from '../../api/src/db/client.ts';
import { applyMigrations, loadMigrationList } from '../../api/src/db/migrations.ts';
import { seedReferenceData } from '../../api/src/reference/seed.ts';
import { campaignDashboard } from '../../api/src/services/dashboard.ts';
import { reopenResponse } from '../../api/src/services/respondents.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';
import { definitionDigest } from '../../api/src/survey/canonical.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';
import { surveysDir } from '../../api/src/bootstrap.ts';

interface Summary {
  registered: number;
  notStarted: number;
  inProgress: number;
  submitted: number;
  regions: {
    code: string;
    participates: boolean;
    responses: number;
    inProgress: number;
    submitted: number;
    completion: number;
    sections: Record<string, number>;
  }[];
}

/** The dashboard's figures computed from every row, as campaignDashboard did before the tallies. */
async function fullAggregate(prisma: Db, campaignCode: string): Promise<Summary> {
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: campaignCode } });
  const sectionCodes = (campaign.definition as { sections: { code: string }[] }).sections.map((section) => section.code);
  const rows = await prisma.$queryRaw<
    { code: string; responses: bigint; in_progress: bigint; submitted: bigint; completion: number | null; sections: Record<string, number> | null }[]
  >`
    WITH per_region AS (
      SELECT r."regionId", count(*) AS responses,
             count(*) FILTER (WHERE r.status = 'DRAFT') AS in_progress,
             count(*) FILTER (WHERE r.status = 'SUBMITTED') AS submitted,
             avg(r.completion)::float8 AS completion
      FROM "Response" r WHERE r."campaignId" = ${campaign.id} AND r."regionId" IS NOT NULL
      GROUP BY r."regionId"),
    per_section AS (
      SELECT r."regionId", s.key, avg(s.value::int)::float8 AS percent
      FROM "Response" r, jsonb_each_text(r."sectionCompletion") s
      WHERE r."campaignId" = ${campaign.id} AND r."regionId" IS NOT NULL
      GROUP BY r."regionId", s.key)
    SELECT g.code, coalesce(p.responses, 0) AS responses, coalesce(p.in_progress, 0) AS in_progress,
           coalesce(p.submitted, 0) AS submitted, p.completion,
           (SELECT jsonb_object_agg(ps.key, ps.percent) FROM per_section ps WHERE ps."regionId" = g.id) AS sections
    FROM "Region" g LEFT JOIN per_region p ON p."regionId" = g.id
    ORDER BY g.position`;
  const [total] = await prisma.$queryRaw<{ registered: bigint; in_progress: bigint; submitted: bigint }[]>`
    SELECT (SELECT count(DISTINCT "userId") FROM "LoginLink" WHERE "campaignId" = ${campaign.id}) AS registered,
           count(*) FILTER (WHERE status = 'DRAFT') AS in_progress,
           count(*) FILTER (WHERE status = 'SUBMITTED') AS submitted
    FROM "Response" WHERE "campaignId" = ${campaign.id}`;
  const inProgress = Number(total!.in_progress);
  const submitted = Number(total!.submitted);
  const registered = Math.max(Number(total!.registered), inProgress + submitted);
  return {
    registered,
    notStarted: registered - inProgress - submitted,
    inProgress,
    submitted,
    regions: rows.map((row) => ({
      code: row.code,
      participates: Number(row.responses) > 0,
      responses: Number(row.responses),
      inProgress: Number(row.in_progress),
      submitted: Number(row.submitted),
      completion: Math.round(row.completion ?? 0),
      sections: Object.fromEntries(sectionCodes.map((code) => [code, Math.round(row.sections?.[code] ?? 0)])),
    })),
  };
}

async function dashboardSummary(prisma: Db, campaignCode: string): Promise<Summary> {
  const dashboard = await campaignDashboard(prisma, campaignCode);
  return {
    registered: dashboard.registered,
    notStarted: dashboard.notStarted,
    inProgress: dashboard.inProgress,
    submitted: dashboard.submitted,
    regions: dashboard.regions.map(({ code, participates, responses, inProgress, submitted, completion, sections }) => ({
      code,
      participates,
      responses,
      inProgress,
      submitted,
      completion,
      sections,
    })),
  };
}

/** Both campaigns: the dashboard equals the full aggregate. Returns the 2021 figures. */
async function expectDashboardsExact(prisma: Db, step: string): Promise<Summary> {
  for (const code of ['nok-2021', 'nok-2023']) {
    expect(await dashboardSummary(prisma, code), `${step}: ${code}`).toEqual(await fullAggregate(prisma, code));
  }
  // Pending changes live only inside their transaction: every commit has added its own to the tallies.
  expect(await prisma.responseTallyChange.count(), step).toBe(0);
  expect(await prisma.campaignRegistrantChange.count(), step).toBe(0);
  return fullAggregate(prisma, 'nok-2021');
}

const row = (summary: Summary, code: string) => summary.regions.find((region) => region.code === code)!;

describe('through the save path, in every state of a questionnaire', () => {
  let t: TestApp;
  const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) {
    __typename ... on MutationSaveSectionSuccess { data { version } } ... on Error { code message } } }`;
  const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) {
    __typename ... on MutationSubmitResponseSuccess { data { version } } ... on Error { code message } } }`;

  beforeAll(async () => {
    t = await createTestApp();
    await t.openWindow('nok-2021');
  });
  afterAll(() => t?.close());

  /** A respondent with a personal link for nok-2021 (as the outbox makes one when the mail leaves). */
  async function registered(email: string) {
    const person = await t.respondent(email);
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await t.db.prisma.$transaction((tx) => issueLoginLink(tx, person.id, campaign.id));
    let version = 0;
    const save = async (sectionCode: string, answers: unknown) => {
      const result = await t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode, version, answers } }, { cookie: person.cookie });
      expect(result.data.saveSection.__typename, JSON.stringify(result.data.saveSection)).toBe('MutationSaveSectionSuccess');
      version = result.data.saveSection.data.version;
    };
    const submit = async () => {
      const result = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie: person.cookie });
      expect(result.data.submitResponse.__typename, JSON.stringify(result.data.submitResponse)).toBe('MutationSubmitResponseSuccess');
      version = result.data.submitResponse.data.version;
    };
    const complete = async (answers: typeof section1) => {
      await save('authority', answers);
      await save('situation', { ...section2at80, staffing_technologies: 'rather_agree' });
      await save('measures', { measures: [1, 2, 3, 4, 5].map(measure) });
      await save('development', { proposals: 'Проводить обучающие семинары' });
      await submit();
    };
    return { ...person, save, submit, complete };
  }

  it('counts not started, partial, submitted, reopened, moved and deleted questionnaires exactly', async () => {
    const prisma = t.db.prisma;
    const start = await expectDashboardsExact(prisma, 'empty');
    expect(start).toMatchObject({ registered: 0, inProgress: 0, submitted: 0 });

    // Not started: two people with links, one of them given a second link (a resend) — counted once.
    const idle = await registered('idle@altai.example');
    await registered('idle2@altai.example');
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    await prisma.$transaction((tx) => issueLoginLink(tx, idle.id, campaign.id));
    expect(await expectDashboardsExact(prisma, 'not started')).toMatchObject({ registered: 2, notStarted: 2 });

    // Partial without a region yet (section 2 first), then partial in Altai.
    const noRegion = await registered('no-region@example.org');
    await noRegion.save('situation', section2at80);
    const partial = await registered('partial@altai.example');
    await partial.save('authority', section1);
    await partial.save('situation', section2at80);
    let summary = await expectDashboardsExact(prisma, 'partial');
    expect(summary).toMatchObject({ registered: 4, notStarted: 2, inProgress: 2, submitted: 0 });
    expect(row(summary, 'RU-ALT')).toMatchObject({ responses: 1, completion: 82, sections: { authority: 100, situation: 80 } });

    // Submitted, in Altai and in Moscow.
    const done = await registered('done@altai.example');
    await done.complete(section1);
    const moscow = await registered('done@moscow.example');
    await moscow.complete({ ...section1, region: 'RU-MOW', authority_name: 'Департамент труда и социальной защиты населения города Москвы' });
    summary = await expectDashboardsExact(prisma, 'submitted');
    expect(summary).toMatchObject({ inProgress: 2, submitted: 2 });
    expect(row(summary, 'RU-MOW')).toMatchObject({ participates: true, submitted: 1, completion: 100 });

    // Reopened by a coordinator: back to a draft.
    const coordinator = await prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
    const doneResponse = await prisma.response.findFirstOrThrow({ where: { respondentId: done.id } });
    await reopenResponse(prisma, { id: coordinator.id, email: coordinator.email }, { responseId: doneResponse.id, reason: 'Уточнить раздел 3' });
    summary = await expectDashboardsExact(prisma, 'reopened');
    expect(summary).toMatchObject({ inProgress: 3, submitted: 1 });

    // The region changed: the partial questionnaire now speaks for Moscow.
    await partial.save('authority', { ...section1, region: 'RU-MOW' });
    summary = await expectDashboardsExact(prisma, 'region changed');
    expect(row(summary, 'RU-ALT')).toMatchObject({ responses: 1, inProgress: 1 });
    expect(row(summary, 'RU-MOW')).toMatchObject({ responses: 2, inProgress: 1, submitted: 1 });

    // Deleted: a response (its answers and measures go with it), a link whose mail failed, a person.
    await prisma.response.delete({ where: { id: doneResponse.id } });
    const failedLink = await prisma.loginLink.findFirstOrThrow({
      where: { userId: (await prisma.user.findUniqueOrThrow({ where: { email: 'idle2@altai.example' } })).id },
    });
    await prisma.loginLink.deleteMany({ where: { id: failedLink.id } });
    await prisma.user.delete({ where: { id: idle.id } });
    summary = await expectDashboardsExact(prisma, 'deleted');
    expect(row(summary, 'RU-ALT')).toMatchObject({ participates: false, responses: 0 });
    // The person whose response was deleted keeps a link: registered, not started.
    expect(summary).toMatchObject({ registered: 4, notStarted: 1, inProgress: 2, submitted: 1 });

    // A revoked link still counts the person as registered (as before); a link moved to another campaign does not.
    await prisma.loginLink.updateMany({ where: { userId: partial.id }, data: { revokedAt: new Date(), revokedReason: 'rotated' } });
    const nok2023 = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    await prisma.loginLink.updateMany({ where: { userId: noRegion.id }, data: { campaignId: nok2023.id } });
    await expectDashboardsExact(prisma, 'revoked and moved links');
  });
});

describe('through any mix of writes', () => {
  let db: Database;
  beforeAll(async () => {
    db = await createTestDatabase({ contents: 'bootstrapped' });
  });
  afterAll(() => db?.close());

  it('stays exact after random inserts, updates and deletes, in transactions of several rows, some rolled back', async () => {
    const prisma = db.prisma;
    // A small deterministic generator, so a failure can be replayed.
    let seed = 20261201;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const campaigns = await prisma.campaign.findMany({ where: { code: { in: ['nok-2021', 'nok-2023'] } } });
    const regions = (await prisma.region.findMany({ take: 4, orderBy: { position: 'asc' } })).map((region) => region.id);
    const users = await Promise.all(
      Array.from({ length: 30 }, (_, i) => prisma.user.create({ data: { email: `person${i}@example.org` }, select: { id: true } })),
    );
    const completion = () =>
      pick([
        {},
        { authority: 100 },
        { authority: pick([0, 45, 100]), situation: pick([0, 33, 80, 100]), measures: pick([0, 100]), development: pick([0, 100]) },
      ]);
    const change = () => ({
      regionId: pick([null, ...regions]),
      status: pick(['DRAFT', 'SUBMITTED'] as const),
      completion: Math.floor(random() * 101),
      sectionCompletion: completion(),
    });

    for (let round = 0; round < 40; round++) {
      const rollBack = round % 7 === 3;
      await prisma
        .$transaction(async (tx) => {
          for (let step = 0; step < 1 + Math.floor(random() * 4); step++) {
            const campaign = pick(campaigns);
            const user = pick(users);
            const existing = await tx.response.findUnique({ where: { campaignId_respondentId: { campaignId: campaign.id, respondentId: user.id } } });
            const action = random();
            if (!existing) await tx.response.create({ data: { campaignId: campaign.id, respondentId: user.id, ...change() } });
            else if (action < 0.15) await tx.response.delete({ where: { id: existing.id } });
            else if (action < 0.3) await tx.response.update({ where: { id: existing.id }, data: { version: { increment: 1 } } });
            else if (action < 0.45) await tx.response.update({ where: { id: existing.id }, data: { sectionCompletion: completion() } });
            else await tx.response.update({ where: { id: existing.id }, data: change() });
            if (random() < 0.4)
              await tx.loginLink.create({ data: { userId: user.id, campaignId: campaign.id, tokenSha256: `t${round}-${step}-${random()}` } });
            if (random() < 0.2) await tx.loginLink.deleteMany({ where: { userId: user.id, campaignId: campaign.id } });
          }
          if (rollBack) throw new Error('rolled back on purpose');
        })
        .catch((error: Error) => {
          if (error.message !== 'rolled back on purpose') throw error;
        });
      await expectDashboardsExact(prisma, `round ${round}`);
    }
    expect(await prisma.response.count()).toBeGreaterThan(10);
  }, 120_000);

  it('stays exact after statements of many rows (bulk insert, update and delete)', async () => {
    const prisma = db.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    await prisma.$executeRaw`
      INSERT INTO "User" (id, email) SELECT gen_random_uuid()::text, 'bulk' || i || '@example.org' FROM generate_series(1, 600) i`;
    await prisma.$executeRaw`
      INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256")
      SELECT gen_random_uuid()::text, u.id, ${campaign.id}, md5(u.id || k) FROM "User" u, generate_series(1, 2) k WHERE u.email LIKE 'bulk%'`;
    await prisma.$executeRaw`
      INSERT INTO "Response" ("campaignId", "respondentId", status, "regionId", completion, "sectionCompletion", "updatedAt")
      SELECT ${campaign.id}, u.id, CASE WHEN n % 3 = 0 THEN 'SUBMITTED'::"ResponseStatus" ELSE 'DRAFT'::"ResponseStatus" END,
             (SELECT id FROM "Region" ORDER BY position OFFSET n % 5 LIMIT 1), n % 101,
             CASE WHEN n % 7 = 0 THEN '{}'::jsonb ELSE jsonb_build_object('authority', n % 101, 'operator', (n * 7) % 101) END, now()
      FROM (SELECT id, row_number() OVER (ORDER BY email) AS n FROM "User" WHERE email LIKE 'bulk%') u
      WHERE n <= 500`;
    expect(await expectDashboardsExact(prisma, 'bulk insert')).toBeDefined();
    await prisma.$executeRaw`
      UPDATE "Response" SET "regionId" = CASE WHEN id % 2 = 0 THEN NULL ELSE "regionId" END,
             status = CASE WHEN status = 'DRAFT' THEN 'SUBMITTED'::"ResponseStatus" ELSE 'DRAFT'::"ResponseStatus" END,
             completion = 100 - completion, version = version + 1
      WHERE "campaignId" = ${campaign.id}`;
    await expectDashboardsExact(prisma, 'bulk update');
    await prisma.$executeRaw`DELETE FROM "Response" WHERE "campaignId" = ${campaign.id} AND id % 3 = 0`;
    await prisma.$executeRaw`DELETE FROM "LoginLink" WHERE "campaignId" = ${campaign.id} AND "tokenSha256" < '8'`;
    await expectDashboardsExact(prisma, 'bulk delete');
  }, 60_000);

  it('counts a bulk load in time proportional to its rows (no join of pending changes row by row)', async () => {
    const prisma = db.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    // Statistics taken while nothing is pending, as on a live database: the planner expects few pending rows.
    await prisma.$executeRawUnsafe('ANALYZE');
    const load = async (from: number, count: number) => {
      const started = performance.now();
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`
          INSERT INTO "User" (id, email) SELECT 'load-' || i, 'load' || i || '@example.org' FROM generate_series(${from}::int, ${from + count - 1}::int) i`;
        await tx.$executeRaw`
          INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256")
          SELECT 'load-link-' || i, 'load-' || i, ${campaign.id}::int, md5('load-' || i) FROM generate_series(${from}::int, ${from + count - 1}::int) i`;
        await tx.$executeRaw`
          INSERT INTO "Response" ("campaignId", "respondentId", "regionId", completion, "sectionCompletion", "updatedAt")
          SELECT ${campaign.id}::int, 'load-' || i, (SELECT min(id) FROM "Region") + i % 80, i % 101, jsonb_build_object('authority', i % 101), now()
          FROM generate_series(${from}::int, ${from + count - 1}::int) i`;
      });
      return performance.now() - started;
    };
    // Warm-up: after five runs, PostgreSQL may keep a generic plan of each trigger statement, made for
    // the few pending rows seen so far.
    for (let run = 0; run < 8; run++) await load(1 + run * 100, 100);
    const small = await load(10_000, 2000);
    const large = await load(100_000, 8000);
    console.log(`bulk load counted by the triggers: 2,000 respondents in ${small.toFixed(0)} ms, 8,000 in ${large.toFixed(0)} ms`);
    expect(large / small).toBeLessThan(9); // 4 when linear, 16 when quadratic
    await expectDashboardsExact(prisma, 'bulk load');
  }, 120_000);

  it('stays exact under concurrent first saves and region moves (no deadlock, no lost update)', async () => {
    const prisma = db.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
    const [first, second] = (await prisma.region.findMany({ take: 2, orderBy: { position: 'desc' } })).map((region) => region.id);
    const people = await Promise.all(
      Array.from({ length: 48 }, (_, i) => prisma.user.create({ data: { email: `rush${i}@example.org` }, select: { id: true } })),
    );
    // As a first save: the response is inserted, then given its region and completion, in one transaction.
    await Promise.all(
      people.map((person, i) =>
        prisma.$transaction(async (tx) => {
          const response = await tx.response.create({ data: { campaignId: campaign.id, respondentId: person.id } });
          await tx.loginLink.create({ data: { userId: person.id, campaignId: campaign.id, tokenSha256: `rush-${i}` } });
          await tx.response.update({
            where: { id: response.id },
            data: { regionId: i % 2 ? first : second, completion: 45, sectionCompletion: { authority: 100, situation: 0 } },
          });
        }),
      ),
    );
    await expectDashboardsExact(prisma, 'after first saves');
    // Every response moves to the other region at once, and half are submitted.
    const responses = await prisma.response.findMany({ where: { respondentId: { in: people.map((person) => person.id) } } });
    await Promise.all(
      responses.map((response, i) =>
        prisma.response.update({
          where: { id: response.id },
          data: { regionId: response.regionId === first ? second : first, status: i % 2 ? 'SUBMITTED' : 'DRAFT', completion: 100 },
        }),
      ),
    );
    const summary = await expectDashboardsExact(prisma, 'after moves');
    expect(summary.submitted).toBeGreaterThanOrEqual(24);
  }, 60_000);
});

describe('the migration', () => {
  it('counts the rows that were there before it (backfill) and keeps them from then on', async () => {
    const db = await createTestDatabase({ contents: 'blank' });
    try {
      const all = await loadMigrationList();
      const at = all.migrationDirectories.findIndex((directory) => directory.path.endsWith('_dashboard_tallies'));
      expect(at).toBeGreaterThan(0);
      await applyMigrations(db.adapterFactory, { ...all, migrationDirectories: all.migrationDirectories.slice(0, at) });
      const prisma = db.prisma;
      // The rows are written as the schema stood then, by SQL: the current client would name columns
      // that later migrations add (Campaign."plannedOpensAt" and others).
      await seedReferenceData(prisma);
      for (const code of ['nok-2021', 'nok-2023']) {
        const definition = parseDefinition(JSON.parse(await readFile(path.join(surveysDir, `${code}.json`), 'utf8')));
        await prisma.$executeRaw`
          INSERT INTO "Campaign" (code, title, year, "opensAt", "closesAt", definition, "definitionSha256", "updatedAt")
          VALUES (${code}, ${definition.title}, ${definition.year}, ${new Date(definition.window.opensAt)}, ${new Date(definition.window.closesAt)},
                  ${JSON.stringify(definition)}::jsonb, ${definitionDigest(definition)}, now())`;
      }
      const campaign = (await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM "Campaign" WHERE code = 'nok-2021'`)[0]!;
      const regions = await prisma.$queryRaw<{ id: number }[]>`SELECT id FROM "Region" ORDER BY position LIMIT 3`;
      for (let i = 0; i < 12; i++) {
        const user = `before-${i}`;
        await prisma.$executeRaw`INSERT INTO "User" (id, email) VALUES (${user}, ${`before${i}@example.org`})`;
        await prisma.$executeRaw`INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256") VALUES (${`link-${i}`}, ${user}, ${campaign.id}, ${`before-${i}`})`;
        if (i % 4 === 0) {
          await prisma.$executeRaw`INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256") VALUES (${`again-${i}`}, ${user}, ${campaign.id}, ${`again-${i}`})`;
        }
        if (i % 3 === 0) continue;
        const sectionCompletion = i === 4 ? {} : { authority: 100, situation: (i * 13) % 101, measures: i % 2 ? 100 : 0 };
        await prisma.$executeRaw`
          INSERT INTO "Response" ("campaignId", "respondentId", "regionId", status, completion, "sectionCompletion", "updatedAt")
          VALUES (${campaign.id}, ${user}, ${i % 5 === 0 ? null : regions[i % 3]!.id}, ${i % 2 ? 'SUBMITTED' : 'DRAFT'}::"ResponseStatus",
                  ${(i * 17) % 101}, ${JSON.stringify(sectionCompletion)}::jsonb, now())`;
      }
      expect(await prisma.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('"ResponseTally"') IS NOT NULL AS exists`).toEqual([{ exists: false }]);

      await applyMigrations(db.adapterFactory);
      const summary = await expectDashboardsExact(prisma, 'backfilled');
      expect(summary).toMatchObject({ registered: 12, inProgress: 4, submitted: 4 });
      await prisma.response.updateMany({ where: { campaignId: campaign.id, status: 'DRAFT' }, data: { status: 'SUBMITTED', completion: 100 } });
      expect(await expectDashboardsExact(prisma, 'after the migration')).toMatchObject({ inProgress: 0, submitted: 8 });
    } finally {
      await db.close();
    }
  }, 120_000);
});
