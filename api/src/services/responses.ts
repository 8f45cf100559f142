// A respondent's questionnaire: read it, save a section, submit it.
// Every write is one statement that also checks the window (under the window lock, by the database's
// clock: windowCheck in campaigns.ts) and the response version (optimistic concurrency), so a refused
// save stores nothing and a save acknowledged to the person is committed.
//
// A save is two statements besides the request's session check: one read of all its checks need (the
// campaign's window, the region extensions, the response with its answers and measures), and one
// write of the section (the window checked again under the lock, then the answers, measures, the
// authority named, the response's version and completion), which commits by itself. Regions and
// measure types come from memory (referenceCatalog.ts), the questionnaire from its digest.
import type { Db, Tx } from '../db/client.ts';
import { type Campaign, Prisma, type Response } from '../generated/prisma/client.ts';
import type { SurveyDefinition } from '../survey/definition.ts';
import {
  computeCompletion,
  sectionLockedError,
  validateSection,
  type AnswerValue,
  type Answers,
  type Completion,
  type MeasureItem,
} from '../survey/engine.ts';
import {
  assertVerdictOpen,
  assertWindowOpen,
  campaignDefinition,
  campaignNotFound,
  knownDefinitionDigests,
  type WindowVerdict,
  windowCheck,
} from './campaigns.ts';
import { AlreadySubmittedError, ConflictError, fieldError, IncompleteError, ValidationError } from './errors.ts';
import { type ReferenceCatalog, referenceCatalog } from './referenceCatalog.ts';

/** What a response's answers are shown with: the campaign as far as its window and questionnaire go. */
export type CampaignHeader = Pick<Campaign, 'id' | 'code' | 'title' | 'state' | 'opensAt' | 'closesAt' | 'definitionSha256'>;

export interface ResponseState {
  response: Response;
  campaign: CampaignHeader;
  definition: SurveyDefinition;
  answers: Answers;
  completion: Completion;
}

export const REGION_QUESTION = 'region';
export const AUTHORITY_QUESTION = 'authority_name';

// ---------------------------------------------------------------------------
// Reading: one statement

/** A campaign with the respondent's response in it, as one read returns it. */
interface Stored {
  campaign: CampaignHeader;
  definition: SurveyDefinition;
  /** The database's clock when it was read. */
  now: Date;
  /** Region id → the end of its extended window. */
  extensions: Map<number, Date>;
  response: Response | null;
  answers: Record<string, AnswerValue>;
}

interface StoredRow {
  campaignId: number;
  code: string;
  title: string;
  state: Campaign['state'];
  opensAt: Date;
  closesAt: Date;
  definitionSha256: string;
  /** Only when this process has not parsed the definition with this digest yet. */
  definition: unknown;
  now: Date;
  extensions: Record<string, number> | null;
  responseId: number | null;
  answers: Record<string, AnswerValue> | null;
  measures: (MeasureItem & { questionCode: string })[] | null;
}

/** The columns of a Response row, as raw statements return them. */
const responseColumns = Prisma.sql`r.id, r."campaignId", r."respondentId", r.status::text AS status, r.version, r."regionId", r."authorityId",
  r.completion, r."sectionCompletion", r."createdAt", r."updatedAt", r."submittedAt", r."returnedAt", r."returnReason"`;

type ResponseRow = Response;

async function readStored(db: Db | Tx, campaignCode: string, respondentId: string): Promise<Stored> {
  const rows = await db.$queryRaw<(StoredRow & { [K in keyof ResponseRow as `r_${K}`]: ResponseRow[K] | null })[]>`
    SELECT c.id AS "campaignId", c.code, c.title, c.state::text AS state, c."opensAt", c."closesAt", c."definitionSha256",
      CASE WHEN c."definitionSha256" = ANY(${knownDefinitionDigests()}::text[]) THEN NULL ELSE c.definition END AS definition,
      clock_timestamp() AS now,
      (SELECT jsonb_object_agg(e."regionId"::text, extract(epoch FROM e."closesAt") * 1000)
         FROM "RegionWindowExtension" e WHERE e."campaignId" = c.id) AS extensions,
      r.id AS "responseId", r."campaignId" AS "r_campaignId", r."respondentId" AS "r_respondentId", r.status::text AS r_status,
      r.version AS r_version, r."regionId" AS "r_regionId", r."authorityId" AS "r_authorityId", r.completion AS r_completion,
      r."sectionCompletion" AS "r_sectionCompletion", r."createdAt" AS "r_createdAt", r."updatedAt" AS "r_updatedAt",
      r."submittedAt" AS "r_submittedAt", r."returnedAt" AS "r_returnedAt", r."returnReason" AS "r_returnReason",
      (SELECT jsonb_object_agg(a."questionCode", a.value) FROM "Answer" a WHERE a."responseId" = r.id) AS answers,
      (SELECT jsonb_agg(jsonb_build_object('questionCode', m."questionCode", 'type', t.code, 'title', m.title,
                 'description', m.description, 'result', m.result, 'year', m.year) ORDER BY m."questionCode", m.position)
         FROM "Measure" m LEFT JOIN "MeasureType" t ON t.id = m."typeId" WHERE m."responseId" = r.id) AS measures
    FROM "Campaign" c LEFT JOIN "Response" r ON r."campaignId" = c.id AND r."respondentId" = ${respondentId}
    WHERE c.code = ${campaignCode}`;
  const row = rows[0];
  if (!row || row.state === 'DRAFT') throw campaignNotFound(campaignCode);
  const campaign: CampaignHeader = {
    id: row.campaignId,
    code: row.code,
    title: row.title,
    state: row.state,
    opensAt: new Date(row.opensAt),
    closesAt: new Date(row.closesAt),
    definitionSha256: row.definitionSha256,
  };
  const answers: Record<string, AnswerValue> = { ...row.answers };
  for (const { questionCode, ...item } of row.measures ?? []) {
    const items = (answers[questionCode] ?? []) as MeasureItem[];
    answers[questionCode] = items;
    items.push({ type: item.type, title: item.title, description: item.description, result: item.result, year: item.year });
  }
  return {
    campaign,
    definition: campaignDefinition({ definition: row.definition, definitionSha256: row.definitionSha256 }),
    now: new Date(row.now),
    extensions: new Map(Object.entries(row.extensions ?? {}).map(([regionId, closesAt]) => [Number(regionId), new Date(Number(closesAt))])),
    response:
      row.responseId === null
        ? null
        : {
            id: row.responseId,
            campaignId: row.r_campaignId!,
            respondentId: row.r_respondentId!,
            status: row.r_status!,
            version: row.r_version!,
            regionId: row.r_regionId,
            authorityId: row.r_authorityId,
            completion: row.r_completion!,
            sectionCompletion: row.r_sectionCompletion!,
            createdAt: new Date(row.r_createdAt!),
            updatedAt: new Date(row.r_updatedAt!),
            submittedAt: row.r_submittedAt ? new Date(row.r_submittedAt) : null,
            returnedAt: row.r_returnedAt ? new Date(row.r_returnedAt) : null,
            returnReason: row.r_returnReason,
          },
    answers,
  };
}

/** Throws WindowClosedError unless the window is open for this region (its extension counts) by the clock read. */
function assertOpenFor(stored: Stored, regionId: number | null | undefined): void {
  const extended = regionId ? stored.extensions.get(regionId) : undefined;
  const window = extended && extended > stored.campaign.closesAt ? { ...stored.campaign, closesAt: extended } : stored.campaign;
  assertWindowOpen(window, stored.now);
}

const stateOf = (stored: Stored, response: Response, answers: Answers): ResponseState => ({
  response,
  campaign: stored.campaign,
  definition: stored.definition,
  answers,
  completion: computeCompletion(stored.definition, answers),
});

/** The respondent's response in a campaign with its answers and completion; null if not started. */
export async function myResponse(prisma: Db, respondentId: string, campaignCode: string): Promise<ResponseState | null> {
  const stored = await readStored(prisma, campaignCode, respondentId);
  return stored.response ? stateOf(stored, stored.response, stored.answers) : null;
}

// ---------------------------------------------------------------------------
// Saving a section: the lock, the read, one write

export interface SaveSectionInput {
  campaignCode: string;
  sectionCode: string;
  /** The response version the person's form was loaded with (0 before the first save). */
  version: number;
  answers: Readonly<Record<string, unknown>>;
}

export async function saveSection(prisma: Db, respondentId: string, input: SaveSectionInput): Promise<ResponseState> {
  const catalog = await referenceCatalog(prisma);
  const stored = await readStored(prisma, input.campaignCode, respondentId);
  const { definition, response: existing } = stored;
  const section = definition.sections.find((candidate) => candidate.code === input.sectionCode);

  // The window as extended for the region the response speaks for, before the save and after it:
  // after the close, a response may neither leave an extended region nor move into one. Checked here
  // by the clock of the read, and again, under the window lock, by the write itself.
  const namesRegion = section?.questions.some((question) => question.code === REGION_QUESTION) ?? false;
  const named = input.answers[REGION_QUESTION];
  const regionAfter = namesRegion ? (typeof named === 'string' ? (catalog.regionIds.get(named) ?? null) : null) : (existing?.regionId ?? null);
  const regions = existing?.regionId ? [existing.regionId, regionAfter] : [regionAfter];
  for (const regionId of regions) assertOpenFor(stored, regionId);

  const validation = validateSection(definition, input.sectionCode, input.answers, catalog);
  if (!validation.ok) throw new ValidationError(validation.errors);
  // The first save starts the response and must name version 0.
  if (!existing && input.version !== 0) throw new ConflictError(0);
  if (existing?.status === 'SUBMITTED') throw new AlreadySubmittedError();
  if (existing && existing.version !== input.version) throw new ConflictError(existing.version);
  const locked = sectionLockedError(definition, input.sectionCode, stored.answers);
  if (locked) throw new ValidationError([locked]);

  const after: Record<string, AnswerValue> = { ...stored.answers };
  for (const question of section!.questions) {
    const value = validation.values[question.code] ?? null;
    if (value === null) delete after[question.code];
    else after[question.code] = value;
  }
  const completion = computeCompletion(definition, after);
  const { verdict, saved } = await writeSection(prisma, {
    stored,
    respondentId,
    version: input.version,
    regions,
    section: section!,
    values: validation.values,
    organisation:
      existing && !namesRegion && !section!.questions.some((question) => question.code === AUTHORITY_QUESTION)
        ? null
        : organisationOf(after, catalog),
    completion,
    catalog,
  });
  assertVerdictOpen(verdict, regions);
  // The version moved on since the read (another tab), or two first saves at once: only one writes.
  if (!saved) throw new ConflictError(existing?.version ?? 0);
  return { response: saved, campaign: stored.campaign, definition, answers: after, completion };
}

/**
 * The region and authority a response speaks for, from the answers to the questions with the stable
 * codes `region` and `authority_name` (every campaign uses them: prisma/surveys/README.md). The
 * authority is registered on first mention, so the catalogue of authorities grows from the answers.
 */
function organisationOf(answers: Answers, catalog: ReferenceCatalog): { regionId: number | null; authorityName: string | null } {
  const regionCode = typeof answers[REGION_QUESTION] === 'string' ? (answers[REGION_QUESTION] as string) : null;
  const regionId = regionCode ? (catalog.regionIds.get(regionCode) ?? null) : null;
  const authorityName = typeof answers[AUTHORITY_QUESTION] === 'string' ? (answers[AUTHORITY_QUESTION] as string).replace(/\s+/g, ' ') : null;
  return { regionId, authorityName: regionId ? authorityName : null };
}

interface SectionWrite {
  stored: Stored;
  respondentId: string;
  version: number;
  /** The regions whose window must be open (before and after the save). */
  regions: (number | null)[];
  section: SurveyDefinition['sections'][number];
  values: Record<string, AnswerValue | null>;
  /** The region and authority named after the save; null: as before (the section names neither). */
  organisation: { regionId: number | null; authorityName: string | null } | null;
  completion: Completion;
  catalog: ReferenceCatalog;
}

/**
 * Writes a section in one statement, if the window is open by the check it starts with: the response
 * (created by the first save, else its version moved on only if it is still the one the form was
 * loaded with), the section's answers and measures, and the authority named. Returns the window's
 * verdict, and the response, or null when the window was closed or the version had moved on (then
 * nothing was written).
 */
async function writeSection(db: Db, write: SectionWrite): Promise<{ verdict: WindowVerdict; saved: Response | null }> {
  const { stored, section, values, organisation, completion } = write;
  const now = Prisma.sql`(SELECT now FROM verdict)`;
  const existing = stored.response;
  const ctes: Prisma.Sql[] = [windowCheck(stored.campaign.id, write.regions)];

  // The authority: found, or added (a concurrent save adding the same one is waited for, then found).
  let regionId = Prisma.sql`r."regionId"`;
  let authorityId = Prisma.sql`r."authorityId"`;
  if (organisation) {
    regionId = Prisma.sql`${organisation.regionId}::integer`;
    authorityId = Prisma.sql`NULL::integer`;
    if (organisation.regionId && organisation.authorityName) {
      ctes.push(
        Prisma.sql`found AS (SELECT id FROM "Authority" WHERE "regionId" = ${organisation.regionId} AND name = ${organisation.authorityName})`,
        Prisma.sql`added AS (INSERT INTO "Authority" ("regionId", name) SELECT ${organisation.regionId}, ${organisation.authorityName}
          WHERE NOT EXISTS (SELECT 1 FROM found) AND (SELECT open FROM verdict)
          ON CONFLICT ("regionId", name) DO UPDATE SET name = EXCLUDED.name RETURNING id)`,
        Prisma.sql`authority AS (SELECT id FROM found UNION ALL SELECT id FROM added)`,
      );
      authorityId = Prisma.sql`(SELECT id FROM authority LIMIT 1)`;
    }
  }
  const sectionCompletion = JSON.stringify(Object.fromEntries(completion.sections.map((entry) => [entry.code, entry.percent])));
  ctes.push(
    existing
      ? Prisma.sql`saved AS (
          UPDATE "Response" AS r SET version = r.version + 1, completion = ${completion.percent}, "sectionCompletion" = ${sectionCompletion}::jsonb,
            "regionId" = ${regionId}, "authorityId" = ${authorityId}, "updatedAt" = ${now}
          WHERE r.id = ${existing.id} AND r.version = ${write.version} AND r.status = 'DRAFT' AND (SELECT open FROM verdict)
          RETURNING ${responseColumns})`
      : Prisma.sql`saved AS (
          INSERT INTO "Response" AS r ("campaignId", "respondentId", version, completion, "sectionCompletion", "regionId", "authorityId", "updatedAt")
          SELECT ${stored.campaign.id}, ${write.respondentId}, 1, ${completion.percent}, ${sectionCompletion}::jsonb,
            ${organisation?.regionId ?? null}::integer, ${authorityId}, ${now}
          WHERE (SELECT open FROM verdict)
          ON CONFLICT ("campaignId", "respondentId") DO NOTHING
          RETURNING ${responseColumns})`,
  );

  // Answers: the section's questions answered are upserted, those left empty deleted.
  const answered: Record<string, AnswerValue> = {};
  const cleared: string[] = [];
  const measures: {
    questionCode: string;
    position: number;
    typeId: number | null;
    title: string | null;
    description: string | null;
    result: string | null;
    year: number | null;
  }[] = [];
  const measureCounts: Record<string, number> = {};
  for (const question of section.questions) {
    const value = values[question.code] ?? null;
    if (question.type === 'measures') {
      const items = (value as MeasureItem[] | null) ?? [];
      measureCounts[question.code] = items.length;
      for (const [position, item] of items.entries()) {
        measures.push({
          questionCode: question.code,
          position,
          typeId: item.type ? (write.catalog.measureTypeIds.get(item.type) ?? null) : null,
          title: item.title,
          description: item.description,
          result: item.result,
          year: item.year,
        });
      }
    } else if (value === null) cleared.push(question.code);
    else answered[question.code] = value;
  }
  if (cleared.length) {
    ctes.push(
      Prisma.sql`cleared AS (DELETE FROM "Answer" a USING saved WHERE a."responseId" = saved.id AND a."questionCode" = ANY(${cleared}::text[]))`,
    );
  }
  if (Object.keys(answered).length) {
    ctes.push(Prisma.sql`answered AS (
      INSERT INTO "Answer" ("responseId", "sectionCode", "questionCode", value, "updatedAt")
      SELECT saved.id, ${section.code}, e.key, e.value, ${now} FROM saved, jsonb_each(${JSON.stringify(answered)}::jsonb) AS e
      ON CONFLICT ("responseId", "questionCode") DO UPDATE SET value = EXCLUDED.value, "sectionCode" = EXCLUDED."sectionCode", "updatedAt" = EXCLUDED."updatedAt"
      WHERE ("Answer".value, "Answer"."sectionCode") IS DISTINCT FROM (EXCLUDED.value, EXCLUDED."sectionCode"))`);
  }
  // Measures: items by position upserted, positions past the new count deleted (disjoint rows).
  const measureCodes = Object.keys(measureCounts);
  if (measures.length) {
    ctes.push(Prisma.sql`measured AS (
      INSERT INTO "Measure" ("responseId", "questionCode", position, "typeId", title, description, result, year, "updatedAt")
      SELECT saved.id, x."questionCode", x.position, x."typeId", x.title, x.description, x.result, x.year, ${now}
      FROM saved, jsonb_to_recordset(${JSON.stringify(measures)}::jsonb)
        AS x("questionCode" text, position integer, "typeId" integer, title text, description text, result text, year integer)
      ON CONFLICT ("responseId", "questionCode", position) DO UPDATE SET "typeId" = EXCLUDED."typeId", title = EXCLUDED.title,
        description = EXCLUDED.description, result = EXCLUDED.result, year = EXCLUDED.year, "updatedAt" = EXCLUDED."updatedAt")`);
  }
  if (measureCodes.length && existing) {
    ctes.push(Prisma.sql`unmeasured AS (
      DELETE FROM "Measure" m USING saved WHERE m."responseId" = saved.id AND m."questionCode" = ANY(${measureCodes}::text[])
        AND m.position >= coalesce((${JSON.stringify(measureCounts)}::jsonb ->> m."questionCode")::integer, 0))`);
  }
  const rows = await db.$queryRaw<(WindowVerdict & { saved: ResponseRow | null })[]>`
    WITH ${Prisma.join(ctes, ',\n')}
    SELECT verdict.*, (SELECT to_jsonb(saved) FROM saved) AS saved FROM verdict`;
  const row = rows[0];
  if (!row) throw campaignNotFound(stored.campaign.code);
  return { verdict: row, saved: row.saved ? responseFromJson(row.saved) : null };
}

/** A Response row returned as JSON (to_jsonb): timestamps come as UTC text without a zone. */
const utc = (text: string | Date) => (text instanceof Date ? text : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`));
const responseFromJson = (row: ResponseRow): Response => ({
  ...row,
  createdAt: utc(row.createdAt),
  updatedAt: utc(row.updatedAt),
  submittedAt: row.submittedAt ? utc(row.submittedAt) : null,
  returnedAt: row.returnedAt ? utc(row.returnedAt) : null,
});

// ---------------------------------------------------------------------------
// Submitting

export interface SubmitInput {
  campaignCode: string;
  version: number;
  /** The person ticked «Завершить заполнение анкеты?». */
  confirm: boolean;
}

/** DRAFT → SUBMITTED, once. Submitting an already submitted response returns it unchanged. */
export async function submitResponse(prisma: Db, respondentId: string, input: SubmitInput): Promise<ResponseState> {
  const stored = await readStored(prisma, input.campaignCode, respondentId);
  const { definition, response } = stored;
  if (!response)
    throw new IncompleteError(
      definition.sections.map((section) => section.code),
      'Анкета ещё не заполнена.',
    );
  const current = stateOf(stored, response, stored.answers);
  if (response.status === 'SUBMITTED') return current;

  assertOpenFor(stored, response.regionId);
  if (!input.confirm) {
    throw new ValidationError([fieldError('confirm', 'WRONG_TYPE', `Отметьте «${definition.submit.confirmLabel}».`)]);
  }
  if (response.version !== input.version) throw new ConflictError(response.version);
  const { completion } = current;
  if (!completion.complete) {
    const missing = completion.sections.filter((section) => !section.complete);
    const titles = missing.map(
      (section) => `«${definition.sections.find((candidate) => candidate.code === section.code)!.title}» (${section.percent}%)`,
    );
    throw new IncompleteError(
      missing.map((section) => section.code),
      `Анкета заполнена на ${completion.percent}%. Заполните обязательные вопросы в разделах: ${titles.join('; ')}.`,
    );
  }
  // One statement: the window again under the lock, and the version the answers above were read at.
  const rows = await prisma.$queryRaw<(WindowVerdict & { saved: ResponseRow | null })[]>`
    WITH ${windowCheck(stored.campaign.id, [response.regionId])},
    saved AS (
      UPDATE "Response" AS r SET status = 'SUBMITTED', "submittedAt" = verdict.now, version = r.version + 1, "updatedAt" = verdict.now
      FROM verdict
      WHERE r.id = ${response.id} AND r.version = ${input.version} AND r.status = 'DRAFT' AND verdict.open
      RETURNING ${responseColumns}),
    -- The receipt (issue 13, item 2), in the outbox with its cause: only when this statement submitted.
    receipt AS (
      INSERT INTO "OutboxMail" (id, template, "to", data)
      SELECT gen_random_uuid()::text, 'receipt', u.email,
        jsonb_build_object('userId', saved."respondentId", 'campaignId', saved."campaignId", 'responseId', saved.id)
      FROM saved JOIN "User" AS u ON u.id = saved."respondentId")
    SELECT verdict.*, (SELECT to_jsonb(saved) FROM saved) AS saved FROM verdict`;
  const row = rows[0];
  if (!row) throw campaignNotFound(input.campaignCode);
  assertVerdictOpen(row, [response.regionId]);
  if (!row.saved) throw new ConflictError(response.version);
  return { ...current, response: responseFromJson(row.saved) };
}
