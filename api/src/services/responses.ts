// A respondent's questionnaire: read it, save a section, submit it.
// Every write runs in one transaction that also checks the window (database clock, campaign row
// locked in share mode) and the response version (optimistic concurrency), so a refused save
// stores nothing and a save acknowledged to the person is committed.
import type { Db, Tx } from '../db/client.ts';
import type { Campaign, Prisma, Response } from '../generated/prisma/client.ts';
import type { SurveyDefinition } from '../survey/definition.ts';
import {
  computeCompletion,
  sectionLockedError,
  validateSection,
  type AnswerValue,
  type Answers,
  type Catalog,
  type Completion,
  type MeasureItem,
} from '../survey/engine.ts';
import { assertWindowOpen, campaignDefinition, campaignForRegion, campaignNotFound, lockCampaignForWrite } from './campaigns.ts';
import { AlreadySubmittedError, ConflictError, fieldError, IncompleteError, ValidationError } from './errors.ts';

export interface ResponseState {
  response: Response;
  campaign: Campaign;
  definition: SurveyDefinition;
  answers: Answers;
  completion: Completion;
}

export async function findCampaign(prisma: Db | Tx, campaignCode: string): Promise<Campaign> {
  const campaign = await prisma.campaign.findUnique({ where: { code: campaignCode } });
  if (!campaign || campaign.state === 'DRAFT') throw campaignNotFound(campaignCode);
  return campaign;
}

/** The respondent's response in a campaign with its answers and completion; null if not started. */
export async function myResponse(prisma: Db, respondentId: string, campaignCode: string): Promise<ResponseState | null> {
  const campaign = await findCampaign(prisma, campaignCode);
  const response = await prisma.response.findUnique({ where: { campaignId_respondentId: { campaignId: campaign.id, respondentId } } });
  if (!response) return null;
  const definition = campaignDefinition(campaign);
  const answers = await loadAnswers(prisma, response.id);
  return { response, campaign, definition, answers, completion: computeCompletion(definition, answers) };
}

/** Reads every answer of a response as the engine's normalised values. */
export async function loadAnswers(prisma: Db | Tx, responseId: number): Promise<Record<string, AnswerValue>> {
  const [answers, measures] = await Promise.all([
    prisma.answer.findMany({ where: { responseId } }),
    prisma.measure.findMany({ where: { responseId }, orderBy: { position: 'asc' }, include: { type: { select: { code: true } } } }),
  ]);
  const result: Record<string, AnswerValue> = {};
  for (const answer of answers) result[answer.questionCode] = answer.value as AnswerValue;
  for (const measure of measures) {
    const items = (result[measure.questionCode] ?? []) as MeasureItem[];
    result[measure.questionCode] = items;
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

async function loadCatalog(tx: Tx): Promise<Catalog & { regionIds: Map<string, number>; measureTypeIds: Map<string, number> }> {
  const [regions, types] = await Promise.all([
    tx.region.findMany({ select: { id: true, code: true } }),
    tx.measureType.findMany({ select: { id: true, code: true } }),
  ]);
  const regionIds = new Map(regions.map((region) => [region.code, region.id]));
  const measureTypeIds = new Map(types.map((type) => [type.code, type.id]));
  return { regionIds, measureTypeIds, regionCodes: new Set(regionIds.keys()), measureTypeCodes: new Set(measureTypeIds.keys()) };
}

export interface SaveSectionInput {
  campaignCode: string;
  sectionCode: string;
  /** The response version the person's form was loaded with (0 before the first save). */
  version: number;
  answers: Readonly<Record<string, unknown>>;
}

export async function saveSection(prisma: Db, respondentId: string, input: SaveSectionInput): Promise<ResponseState> {
  return prisma.$transaction(
    async (tx) => {
      const { campaign, now } = await lockCampaignForWrite(tx, input.campaignCode);
      if (campaign.state === 'DRAFT') throw campaignNotFound(input.campaignCode);
      const definition = campaignDefinition(campaign);
      const catalog = await loadCatalog(tx);
      const existing = await tx.response.findUnique({ where: { campaignId_respondentId: { campaignId: campaign.id, respondentId } } });
      // A region's extended window counts for the region the response speaks for (or names in this save).
      const namedRegion =
        typeof input.answers[REGION_QUESTION] === 'string' ? catalog.regionIds.get(input.answers[REGION_QUESTION] as string) : undefined;
      assertWindowOpen(await campaignForRegion(tx, campaign, existing?.regionId ?? namedRegion), now);

      const validation = validateSection(definition, input.sectionCode, input.answers, catalog);
      if (!validation.ok) throw new ValidationError(validation.errors);

      const response = existing ?? (await startResponse(tx, campaign.id, respondentId, input.version));
      if (response.status === 'SUBMITTED') throw new AlreadySubmittedError();
      if (response.version !== input.version) throw new ConflictError(response.version);

      const before = await loadAnswers(tx, response.id);
      const locked = sectionLockedError(definition, input.sectionCode, before);
      if (locked) throw new ValidationError([locked]);

      const after: Record<string, AnswerValue> = { ...before };
      const section = definition.sections.find((candidate) => candidate.code === input.sectionCode)!;
      for (const question of section.questions) {
        const value = validation.values[question.code] ?? null;
        if (value === null) delete after[question.code];
        else after[question.code] = value;
        if (question.type === 'measures') {
          await writeMeasures(tx, response.id, question.code, (value as MeasureItem[] | null) ?? [], catalog.measureTypeIds);
        } else if (value === null) {
          await tx.answer.deleteMany({ where: { responseId: response.id, questionCode: question.code } });
        } else {
          const json = value as Prisma.InputJsonValue;
          await tx.answer.upsert({
            where: { responseId_questionCode: { responseId: response.id, questionCode: question.code } },
            create: { responseId: response.id, sectionCode: section.code, questionCode: question.code, value: json },
            update: { value: json, sectionCode: section.code },
          });
        }
      }

      const completion = computeCompletion(definition, after);
      const { regionId, authorityId } = await respondentOrganisation(tx, after, catalog.regionIds);
      const updated = await tx.response.updateMany({
        where: { id: response.id, version: input.version, status: 'DRAFT' },
        data: {
          version: { increment: 1 },
          completion: completion.percent,
          sectionCompletion: Object.fromEntries(completion.sections.map((entry) => [entry.code, entry.percent])),
          regionId,
          authorityId,
        },
      });
      if (updated.count !== 1) throw new ConflictError(response.version);
      const saved = await tx.response.findUniqueOrThrow({ where: { id: response.id } });
      return { response: saved, campaign, definition, answers: after, completion };
    },
    { timeout: 30_000 },
  );
}

/**
 * The region and authority a response speaks for, from the answers to the questions with the stable
 * codes `region` and `authority_name` (every campaign uses them: prisma/surveys/README.md). The
 * authority is registered on first mention, so the catalogue of authorities grows from the answers.
 */
async function respondentOrganisation(tx: Tx, answers: Answers, regionIds: Map<string, number>) {
  const regionCode = typeof answers[REGION_QUESTION] === 'string' ? (answers[REGION_QUESTION] as string) : null;
  const regionId = regionCode ? (regionIds.get(regionCode) ?? null) : null;
  const authorityName = typeof answers[AUTHORITY_QUESTION] === 'string' ? (answers[AUTHORITY_QUESTION] as string) : null;
  if (!regionId || !authorityName) return { regionId, authorityId: null };
  const name = authorityName.replace(/\s+/g, ' ');
  const authority = await tx.authority.upsert({
    where: { regionId_name: { regionId, name } },
    create: { regionId, name },
    update: {},
    select: { id: true },
  });
  return { regionId, authorityId: authority.id };
}

export const REGION_QUESTION = 'region';
export const AUTHORITY_QUESTION = 'authority_name';

/** Starts the response on the first save, which must name version 0. */
async function startResponse(tx: Tx, campaignId: number, respondentId: string, version: number): Promise<Response> {
  if (version !== 0) throw new ConflictError(0);
  // Two first saves at once: the unique key makes the later one fail, and the whole save with it.
  return tx.response.create({ data: { campaignId, respondentId } }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'P2002') throw new ConflictError(0);
    throw error;
  });
}

async function writeMeasures(tx: Tx, responseId: number, questionCode: string, items: MeasureItem[], typeIds: Map<string, number>) {
  await tx.measure.deleteMany({ where: { responseId, questionCode } });
  if (!items.length) return;
  await tx.measure.createMany({
    data: items.map((item, position) => ({
      responseId,
      questionCode,
      position,
      typeId: item.type ? (typeIds.get(item.type) ?? null) : null,
      title: item.title,
      description: item.description,
      result: item.result,
      year: item.year,
    })),
  });
}

export interface SubmitInput {
  campaignCode: string;
  version: number;
  /** The person ticked «Завершить заполнение анкеты?». */
  confirm: boolean;
}

/** DRAFT → SUBMITTED, once. Submitting an already submitted response returns it unchanged. */
export async function submitResponse(prisma: Db, respondentId: string, input: SubmitInput): Promise<ResponseState> {
  return prisma.$transaction(
    async (tx) => {
      const { campaign, now } = await lockCampaignForWrite(tx, input.campaignCode);
      const definition = campaignDefinition(campaign);
      const response = await tx.response.findUnique({ where: { campaignId_respondentId: { campaignId: campaign.id, respondentId } } });
      if (!response)
        throw new IncompleteError(
          definition.sections.map((section) => section.code),
          'Анкета ещё не заполнена.',
        );
      const answers = await loadAnswers(tx, response.id);
      const completion = computeCompletion(definition, answers);
      if (response.status === 'SUBMITTED') return { response, campaign, definition, answers, completion };

      assertWindowOpen(await campaignForRegion(tx, campaign, response.regionId), now);
      if (!input.confirm) {
        throw new ValidationError([fieldError('confirm', 'WRONG_TYPE', `Отметьте «${definition.submit.confirmLabel}».`)]);
      }
      if (response.version !== input.version) throw new ConflictError(response.version);
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
      const updated = await tx.response.updateMany({
        where: { id: response.id, version: input.version, status: 'DRAFT' },
        data: { status: 'SUBMITTED', submittedAt: now, version: { increment: 1 } },
      });
      if (updated.count !== 1) throw new ConflictError(response.version);
      const submitted = await tx.response.findUniqueOrThrow({ where: { id: response.id } });
      return { response: submitted, campaign, definition, answers, completion };
    },
    { timeout: 30_000 },
  );
}
