// The dataset generator (`npm run dataset`): fills a campaign with 89 × N synthetic respondents, in
// every state — registered with a personal link but not started, partial (a draft), submitted —
// with answers the survey engine accepts, their measures and their authorities.
//
// It is fast because it writes set-wise. The engine makes a pool of answer sets in memory (per state,
// from the campaign's definition, each checked by validateSection and scored by computeCompletion);
// each respondent is then one row of a plan (who, which region, which authority, which answer set),
// and a few INSERT … SELECT statements per chunk of respondents expand the plan into users, consents,
// links, auth events, responses, answers and measures. The personal answers (region, authority,
// name) are put in per respondent by those statements. Every trigger fires as for any other writer,
// so whatever the database keeps beside the rows (the dashboard's tallies) stays right.
//
// Deterministic: the same seed gives the same respondents, answers and ids. Respondent i answers for
// region i mod 89 and draws from a random stream keyed by (seed, i) alone, so running it again with a
// larger N adds respondents and leaves the earlier ones as they were (and the same N adds nothing).
import { createHash, randomBytes } from 'node:crypto';
import type { Db, Tx } from '../db/client.ts';
import { CURRENT_CONSENT, ensureConsentText } from '../services/consent.ts';
import { campaignByCode, campaignDefinition } from '../services/campaigns.ts';
import type { SurveyDefinition } from '../survey/definition.ts';
import type { Catalog } from '../survey/engine.ts';
import { type AnswerSet, makeAnswerSet, measureRows, PERSONAL_QUESTIONS, personName } from './answers.ts';
import { createRandom } from './random.ts';

export type RespondentState = 'notStarted' | 'partial' | 'submitted';
export const RESPONDENT_STATES: RespondentState[] = ['notStarted', 'partial', 'submitted'];

/** The states of 20 consecutive respondents of a region: 3 not started, 11 partial, 6 submitted. */
const STATE_CYCLE = 'PSPNSPPSPNPSPPSNPSPP';
/** Answer sets in the pool, per state. */
const POOL_SIZE = 64;

export interface DatasetOptions {
  campaignCode: string;
  /** Respondents per region (the dataset holds 89 × N; an existing smaller one is topped up). */
  perRegion: number;
  seed?: number;
  /** Respondents written per transaction. */
  chunkSize?: number;
  /**
   * false: responses with the completion of their answer set, but no Answer or Measure rows — for
   * measuring what reads only responses (the dashboard bench at 10,000 per region). Default true.
   */
  answers?: boolean;
  log?: (line: string) => void;
}

export interface StateCounts {
  notStarted: number;
  partial: number;
  submitted: number;
}

export interface DatasetReport {
  campaignCode: string;
  seed: number;
  perRegion: number;
  /** Respondents of this seed in the campaign now, and how many this run added. */
  respondents: number;
  added: number;
  totals: StateCounts;
  /** By region code. */
  byRegion: Record<string, StateCounts>;
  /** Rows written by this run. */
  rows: { answers: number; measures: number; authorities: number };
  ms: number;
  /** Milliseconds spent in each statement (summed over the chunks), the commits, and the transactions in all. */
  timings: Record<string, number>;
}

export interface PlannedRespondent {
  index: number;
  userId: string;
  email: string;
  regionCode: string;
  state: RespondentState;
  /** Which answer set of the state's pool. */
  answerSet: number;
  /** Which of the region's authorities (one per sphere) the respondent works for. */
  authority: number;
  person: string;
  /** Fractions of the window: registration, and the last save after it. */
  registeredAt: number;
  lastSaveAt: number;
}

/** The email prefix of a dataset: campaign and seed, so datasets of different seeds live side by side. */
export function datasetEmailPrefix(campaignCode: string, seed: number): string {
  return `dataset.${campaignCode}.${seed}.`;
}

/** Respondent `index` of the dataset with this seed (pure: the same arguments give the same person). */
export function planRespondent(
  campaignCode: string,
  seed: number,
  index: number,
  regionCodes: readonly string[],
  spheres: number,
): PlannedRespondent {
  const regionIndex = index % regionCodes.length;
  const inRegion = Math.floor(index / regionCodes.length);
  const slot = STATE_CYCLE[(inRegion + seed + regionIndex * 7) % STATE_CYCLE.length];
  const random = createRandom(seed, index);
  const email = `${datasetEmailPrefix(campaignCode, seed)}${index}@example.org`;
  const digest = createHash('sha256').update(email).digest('hex');
  const registeredAt = random.next() * 0.8;
  return {
    index,
    userId: `${digest.slice(0, 8)}-${digest.slice(8, 12)}-4${digest.slice(13, 16)}-a${digest.slice(17, 20)}-${digest.slice(20, 32)}`,
    email,
    regionCode: regionCodes[regionIndex]!,
    state: slot === 'N' ? 'notStarted' : slot === 'P' ? 'partial' : 'submitted',
    answerSet: random.int(POOL_SIZE),
    authority: random.int(spheres),
    person: personName(index),
    registeredAt,
    lastSaveAt: registeredAt + random.next() * (1 - registeredAt),
  };
}

/** The pools of answer sets of a campaign for a seed (pure). */
export function answerSetPools(definition: SurveyDefinition, catalog: Catalog, seed: number): Record<'partial' | 'submitted', AnswerSet[]> {
  const pool = (state: 'partial' | 'submitted', salt: number) =>
    Array.from({ length: POOL_SIZE }, (_, index) => makeAnswerSet(definition, catalog, createRandom(seed, salt, index), state));
  return { partial: pool('partial', 1), submitted: pool('submitted', 2) };
}

/** «Министерство … (Регион)»: one authority per region and sphere. */
const AUTHORITY_KINDS: Record<string, string> = {
  health: 'Министерство здравоохранения',
  education: 'Министерство образования',
  social: 'Министерство социальной защиты населения',
  culture: 'Министерство культуры',
  sport: 'Министерство физической культуры и спорта',
};

export function authorityName(sphereCode: string, sphereName: string, regionName: string): string {
  return `${AUTHORITY_KINDS[sphereCode] ?? `Орган власти в сфере «${sphereName}»`} (${regionName})`;
}

const emptyCounts = (): StateCounts => ({ notStarted: 0, partial: 0, submitted: 0 });

export async function generateDataset(prisma: Db, options: DatasetOptions): Promise<DatasetReport> {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const chunkSize = options.chunkSize ?? 10_000;
  const log = options.log ?? (() => {});
  if (!Number.isInteger(options.perRegion) || options.perRegion < 0) throw new Error('perRegion must be a whole number ≥ 0');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('seed must be a whole number ≥ 0');

  const campaign = await campaignByCode(prisma, options.campaignCode);
  const definition = campaignDefinition(campaign);
  const [regions, spheres, measureTypes] = await Promise.all([
    prisma.region.findMany({ orderBy: { position: 'asc' } }),
    prisma.sphere.findMany({ orderBy: { position: 'asc' } }),
    prisma.measureType.findMany({ orderBy: { position: 'asc' } }),
  ]);
  if (!regions.length || !spheres.length) throw new Error('No reference data: bootstrap the database first');
  const regionCodes = regions.map((region) => region.code);
  const catalog: Catalog = { regionCodes: new Set(regionCodes), measureTypeCodes: new Set(measureTypes.map((type) => type.code)) };
  const measureTypeIds = new Map(measureTypes.map((type) => [type.code, type.id]));

  // Authorities: one per region and sphere, registered as the save path would (same names reused).
  const wanted = regions.flatMap((region) =>
    spheres.map((sphere) => ({ regionId: region.id, sphereId: sphere.id, name: authorityName(sphere.code, sphere.name, region.name) })),
  );
  const authoritiesAdded = await prisma.authority.createMany({ data: wanted, skipDuplicates: true });
  const authorityRows = await prisma.authority.findMany({ where: { OR: wanted.map(({ regionId, name }) => ({ regionId, name })) } });
  const authorityIds = new Map(authorityRows.map((row) => [`${row.regionId}|${row.name}`, row.id]));

  const pools = answerSetPools(definition, catalog, seed);
  const prefix = datasetEmailPrefix(campaign.code, seed);
  const existing = await prisma.user.count({ where: { email: { startsWith: prefix } } });
  const total = Math.max(existing, regions.length * options.perRegion);
  const windowStart = campaign.opensAt.getTime();
  const windowLength = Math.max(0, campaign.closesAt.getTime() - windowStart - 60_000);
  const at = (fraction: number) => new Date(windowStart + Math.floor(fraction * windowLength)).toISOString();

  const rows = { answers: 0, measures: 0, authorities: authoritiesAdded.count };
  const timings: Record<string, number> = {};
  const linkSalt = randomBytes(16).toString('hex');
  for (let from = existing; from < total; from += chunkSize) {
    const to = Math.min(total, from + chunkSize);
    const plan: PlanRow[] = [];
    for (let index = from; index < to; index++) {
      const person = planRespondent(campaign.code, seed, index, regionCodes, spheres.length);
      const region = regions[index % regions.length]!;
      const sphere = spheres[person.authority]!;
      const authority = authorityName(sphere.code, sphere.name, region.name);
      plan.push({
        n: index,
        user_id: person.userId,
        email: person.email,
        region_id: region.id,
        region_code: region.code,
        authority_id: authorityIds.get(`${region.id}|${authority}`) ?? null,
        authority_name: authority,
        person: person.person,
        state: person.state,
        answer_set: person.answerSet,
        registered_at: at(person.registeredAt),
        saved_at: at(person.lastSaveAt),
      });
    }
    const transactionStarted = performance.now();
    let statementsDone = 0;
    const written = await prisma.$transaction(
      async (tx) => {
        const result = await writeChunk(tx, campaign.id, plan, pools, definition, measureTypeIds, linkSalt, timings, options.answers !== false);
        statementsDone = performance.now();
        return result;
      },
      { timeout: 600_000, maxWait: 60_000 },
    );
    // What is left is the commit, where the deferred triggers that keep the dashboard's tallies run.
    timings.commit = (timings.commit ?? 0) + performance.now() - statementsDone;
    timings.transactions = (timings.transactions ?? 0) + performance.now() - transactionStarted;
    rows.answers += written.answers;
    rows.measures += written.measures;
    log(`  respondents ${from + 1}–${to} of ${total}`);
  }
  if (total > existing) await prisma.$executeRawUnsafe('ANALYZE');

  const byRegion: Record<string, StateCounts> = Object.fromEntries(regionCodes.map((code) => [code, emptyCounts()]));
  const totals = emptyCounts();
  for (let index = 0; index < total; index++) {
    const person = planRespondent(campaign.code, seed, index, regionCodes, spheres.length);
    byRegion[person.regionCode]![person.state]++;
    totals[person.state]++;
  }
  return {
    campaignCode: campaign.code,
    seed,
    perRegion: options.perRegion,
    respondents: total,
    added: total - existing,
    totals,
    byRegion,
    rows,
    ms: Math.round(performance.now() - started),
    timings: Object.fromEntries(Object.entries(timings).map(([label, ms]) => [label, Math.round(ms)])),
  };
}

interface PlanRow {
  n: number;
  user_id: string;
  email: string;
  region_id: number;
  region_code: string;
  authority_id: number | null;
  authority_name: string;
  person: string;
  state: RespondentState;
  answer_set: number;
  registered_at: string;
  saved_at: string;
}

/** One chunk of respondents in one transaction: the plan and the answer sets as temporary tables, then INSERT … SELECT. */
async function writeChunk(
  tx: Tx,
  campaignId: number,
  plan: PlanRow[],
  pools: Record<'partial' | 'submitted', AnswerSet[]>,
  definition: SurveyDefinition,
  measureTypeIds: Map<string, number>,
  linkSalt: string,
  timings: Record<string, number>,
  withAnswers: boolean,
): Promise<{ answers: number; measures: number }> {
  const exec = async (label: string, sql: string, ...values: unknown[]) => {
    const started = performance.now();
    const count = await tx.$executeRawUnsafe(sql, ...values);
    timings[label] = (timings[label] ?? 0) + performance.now() - started;
    return count;
  };
  const sets = [];
  const answers = [];
  const measures = [];
  for (const state of ['partial', 'submitted'] as const) {
    for (const [index, set] of pools[state].entries()) {
      const key = { state, answer_set: index };
      sets.push({
        ...key,
        completion: set.completion,
        section_completion: set.sectionCompletion,
        saves: set.sectionsSaved,
        has_region: PERSONAL_QUESTIONS.region in set.answers,
        has_authority: PERSONAL_QUESTIONS.region in set.answers && PERSONAL_QUESTIONS.authority in set.answers,
      });
      for (const [questionCode, value] of Object.entries(set.answers)) {
        if (
          definition.sections.some((section) => section.questions.some((question) => question.code === questionCode && question.type === 'measures'))
        )
          continue;
        answers.push({ ...key, section_code: set.sectionOf[questionCode], question_code: questionCode, value });
      }
      for (const { questionCode, position, item } of measureRows(definition, set)) {
        measures.push({
          ...key,
          question_code: questionCode,
          position,
          type_id: item.type ? (measureTypeIds.get(item.type) ?? null) : null,
          title: item.title,
          description: item.description,
          result: item.result,
          year: item.year,
        });
      }
    }
  }

  await exec(
    'plan',
    `
    CREATE TEMP TABLE dataset_plan ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(n int, user_id text, email text, region_id int, region_code text, authority_id int,
      authority_name text, person text, state text, answer_set int, registered_at timestamptz, saved_at timestamptz)`,
    JSON.stringify(plan),
  );
  await exec(
    'sets',
    `
    CREATE TEMP TABLE dataset_set ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(state text, answer_set int, completion int, section_completion jsonb, saves int,
      has_region boolean, has_authority boolean)`,
    JSON.stringify(sets),
  );
  await exec(
    'set answers',
    `
    CREATE TEMP TABLE dataset_answer ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(state text, answer_set int, section_code text, question_code text, value jsonb)`,
    JSON.stringify(answers),
  );
  await exec(
    'set measures',
    `
    CREATE TEMP TABLE dataset_measure ON COMMIT DROP AS
    SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(state text, answer_set int, question_code text, position int, type_id int,
      title text, description text, result text, year int)`,
    JSON.stringify(measures),
  );

  // People, their consent, their personal link (its token is random and thrown away: nobody can use
  // it), and what the auth log would say.
  await exec(
    'users',
    `
    INSERT INTO "User" (id, email, role, "createdAt") SELECT user_id, email, 'RESPONDENT', registered_at FROM dataset_plan ORDER BY n`,
  );
  const consent = await ensureConsentText(tx);
  await exec(
    'consents',
    `INSERT INTO "Consent" (id, "userId", email, "textVersion", "textSha256", purposes, "givenAt", ip, "userAgent")
     SELECT md5(user_id || ':consent')::uuid::text, user_id, email, $1, $2, ARRAY(SELECT jsonb_array_elements_text($3::jsonb)), registered_at,
            '127.0.0.1', 'dataset'
     FROM dataset_plan ORDER BY n`,
    consent.version,
    consent.sha256,
    JSON.stringify(CURRENT_CONSENT.purposes),
  );
  await exec(
    'links',
    `INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256", "createdAt", "lastUsedAt")
     SELECT md5(user_id || ':link')::uuid::text, user_id, $1, encode(sha256(convert_to($2 || user_id, 'UTF8')), 'hex'), registered_at,
            CASE WHEN state <> 'notStarted' THEN registered_at END
     FROM dataset_plan ORDER BY n`,
    campaignId,
    linkSalt,
  );
  await exec(
    'auth events',
    `
    INSERT INTO "AuthEvent" (id, at, kind, email, "userId", ip, "userAgent")
    SELECT md5(p.user_id || ':' || e.kind)::uuid::text, p.registered_at, e.kind, p.email, p.user_id, '127.0.0.1', 'dataset'
    FROM dataset_plan p CROSS JOIN (VALUES ('registered'), ('login')) AS e(kind)
    WHERE e.kind <> 'login' OR p.state <> 'notStarted'
    ORDER BY p.n`,
  );

  // Responses, then their answers and measures from the answer sets, the personal answers put in.
  await exec(
    'responses',
    `INSERT INTO "Response" ("campaignId", "respondentId", status, version, "regionId", "authorityId", completion, "sectionCompletion",
                             "createdAt", "updatedAt", "submittedAt")
     SELECT $1, p.user_id, (CASE WHEN p.state = 'submitted' THEN 'SUBMITTED' ELSE 'DRAFT' END)::"ResponseStatus",
            s.saves + (CASE WHEN p.state = 'submitted' THEN 1 ELSE 0 END),
            CASE WHEN s.has_region THEN p.region_id END, CASE WHEN s.has_authority THEN p.authority_id END,
            s.completion, s.section_completion, p.registered_at, p.saved_at, CASE WHEN p.state = 'submitted' THEN p.saved_at END
     FROM dataset_plan p JOIN dataset_set s ON s.state = p.state AND s.answer_set = p.answer_set
     ORDER BY p.n`,
    campaignId,
  );
  if (!withAnswers) return { answers: 0, measures: 0 };
  const answerCount = await exec(
    'answers',
    `INSERT INTO "Answer" ("responseId", "sectionCode", "questionCode", value, "updatedAt")
     SELECT r.id, a.section_code, a.question_code,
            CASE a.question_code WHEN $2 THEN to_jsonb(p.region_code) WHEN $3 THEN to_jsonb(p.authority_name) WHEN $4 THEN to_jsonb(p.person)
                 ELSE a.value END,
            p.saved_at
     FROM dataset_plan p
     JOIN "Response" r ON r."campaignId" = $1 AND r."respondentId" = p.user_id
     JOIN dataset_answer a ON a.state = p.state AND a.answer_set = p.answer_set
     ORDER BY p.n, a.question_code`,
    campaignId,
    PERSONAL_QUESTIONS.region,
    PERSONAL_QUESTIONS.authority,
    PERSONAL_QUESTIONS.person,
  );
  const measureCount = await exec(
    'measures',
    `INSERT INTO "Measure" ("responseId", "questionCode", position, "typeId", title, description, result, year, "updatedAt")
     SELECT r.id, m.question_code, m.position, m.type_id, m.title, m.description, m.result, m.year, p.saved_at
     FROM dataset_plan p
     JOIN "Response" r ON r."campaignId" = $1 AND r."respondentId" = p.user_id
     JOIN dataset_measure m ON m.state = p.state AND m.answer_set = p.answer_set
     ORDER BY p.n, m.question_code, m.position`,
    campaignId,
  );
  return { answers: answerCount, measures: measureCount };
}
