// Loads a survey definition (prisma/surveys/*.json) into a campaign. Importing the same definition
// again changes nothing; a changed definition replaces the questionnaire only while the campaign has
// no responses, because answers refer to its question and option codes.
import { readFile } from 'node:fs/promises';
import type { Db, Tx } from '../db/client.ts';
import type { Campaign, Prisma } from '../generated/prisma/client.ts';
import type { CampaignState, QuestionType } from '../generated/prisma/enums.ts';
import { definitionDigest } from '../survey/canonical.ts';
import { type Option, parseDefinition, type Question, type SurveyDefinition } from '../survey/definition.ts';

export interface SurveyImportReport {
  campaign: string;
  outcome: 'created' | 'updated' | 'unchanged';
  sections: number;
  questions: number;
  options: number;
}

export class SurveyImportRefused extends Error {}

/** The GraphQL and database enum of each definition type. */
export const questionTypes: Record<Question['type'], QuestionType> = {
  text: 'TEXT',
  longText: 'LONG_TEXT',
  singleChoice: 'SINGLE_CHOICE',
  multipleChoice: 'MULTIPLE_CHOICE',
  region: 'REGION',
  number: 'NUMBER',
  yearMatrix: 'YEAR_MATRIX',
  boolean: 'BOOLEAN',
  group: 'GROUP',
  measures: 'MEASURES',
};

export async function importSurveyFile(prisma: Db, path: string): Promise<SurveyImportReport> {
  const document: unknown = JSON.parse(await readFile(path, 'utf8'));
  return importSurveyDefinition(prisma, parseDefinition(document));
}

export interface DefinitionCounts {
  sections: number;
  questions: number;
  options: number;
}

/** Sections, questions and options (the QuestionOption rows: options of matrix cells live in settings). */
export function definitionCounts(definition: SurveyDefinition): DefinitionCounts {
  const questions = definition.sections.flatMap((section) => section.questions);
  return {
    sections: definition.sections.length,
    questions: questions.length,
    options: questions.reduce((sum, question) => sum + ('options' in question ? question.options.length : 0), 0),
  };
}

/**
 * True when two definitions differ at most in their `analytics` block: what the published analytics
 * derive from the answers, not the questionnaire the answers refer to. Such a change may be imported
 * into a campaign that already has responses.
 */
export function onlyAnalyticsDiffer(stored: SurveyDefinition, next: SurveyDefinition): boolean {
  const questionnaire = ({ analytics: _analytics, ...rest }: SurveyDefinition) => definitionDigest(rest);
  return questionnaire(stored) === questionnaire(next);
}

/** Stores a definition whose questionnaire is unchanged (see onlyAnalyticsDiffer): the rows stay as they are. */
export async function writeAnalyticsChange(tx: Tx, campaignId: number, definition: SurveyDefinition): Promise<Campaign> {
  return tx.campaign.update({
    where: { id: campaignId },
    data: { definition: definition as unknown as Prisma.InputJsonValue, definitionSha256: definitionDigest(definition) },
  });
}

export async function importSurveyDefinition(prisma: Db, definition: SurveyDefinition): Promise<SurveyImportReport> {
  const digest = definitionDigest(definition);
  const counts = definitionCounts(definition);
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.campaign.findUnique({ where: { code: definition.code }, include: { _count: { select: { responses: true } } } });
      if (existing?.definitionSha256 === digest) return { campaign: definition.code, outcome: 'unchanged', ...counts };
      if (existing && onlyAnalyticsDiffer(parseDefinition(existing.definition), definition)) {
        await writeAnalyticsChange(tx, existing.id, definition);
        return { campaign: definition.code, outcome: 'updated', ...counts };
      }
      if (existing && existing._count.responses > 0) {
        throw new SurveyImportRefused(
          `Campaign ${definition.code} already has ${existing._count.responses} responses: its questionnaire cannot be replaced. Import the changed definition under a new code.`,
        );
      }
      await writeSurveyDefinition(tx, definition, existing, { state: 'PUBLISHED' });
      return { campaign: definition.code, outcome: existing ? 'updated' : 'created', ...counts };
    },
    { timeout: 60_000 },
  );
}

/** The options of a question or of its matrix cell (none for other types). */
function optionsOf(question: Question): Option[] {
  if (question.type === 'singleChoice' || question.type === 'multipleChoice') return question.options;
  if (question.type === 'yearMatrix' && 'options' in question.cell) return question.cell.options;
  return [];
}

/**
 * What a shipped definition adds to the stored one of the same campaign without touching a single
 * answer: the shipped file's optional questions the stored one lacks (in a section it has, placed
 * after the question they follow in the file), the «уточните» links (`specify`) of options the
 * stored one has, and the `personal` marks of its questions (a marked question leaves
 * `analytics.publishTexts`: its text is never published). Everything else stays as stored: coordinators' edits of texts and options, the
 * window. Null when there is nothing to add, or when the result would not be a valid definition.
 */
export function shippedAdditions(stored: SurveyDefinition, shipped: SurveyDefinition): { definition: SurveyDefinition; added: string[] } | null {
  const merged = structuredClone(stored);
  const codes = new Set(merged.sections.flatMap((section) => section.questions.map((question) => question.code)));
  const added: string[] = [];
  for (const shippedSection of shipped.sections) {
    const section = merged.sections.find((candidate) => candidate.code === shippedSection.code);
    if (!section) continue;
    shippedSection.questions.forEach((question, index) => {
      if (codes.has(question.code) || question.required) return;
      const before = shippedSection.questions
        .slice(0, index)
        .reverse()
        .find((previous) => section.questions.some((candidate) => candidate.code === previous.code));
      const at = before ? section.questions.findIndex((candidate) => candidate.code === before.code) + 1 : 0;
      section.questions.splice(at, 0, structuredClone(question));
      codes.add(question.code);
      added.push(question.code);
    });
  }
  const shippedQuestions = new Map(shipped.sections.flatMap((section) => section.questions.map((question) => [question.code, question])));
  for (const question of merged.sections.flatMap((section) => section.questions)) {
    const twin = shippedQuestions.get(question.code);
    if (!twin) continue;
    for (const option of optionsOf(question)) {
      const specify = optionsOf(twin).find((candidate) => candidate.code === option.code)?.specify;
      if (specify && !option.specify && codes.has(specify)) {
        option.specify = specify;
        added.push(`${question.code}.${option.code} → ${specify}`);
      }
    }
  }
  for (const question of merged.sections.flatMap((section) => section.questions)) {
    if (shippedQuestions.get(question.code)?.personal !== true || question.personal === true) continue;
    if (question.type === 'measures') continue;
    question.personal = true;
    added.push(`${question.code} (personal)`);
    const publishTexts = merged.analytics?.publishTexts;
    if (publishTexts) merged.analytics!.publishTexts = publishTexts.filter((key) => key.split('.')[0] !== question.code);
  }
  if (!added.length) return null;
  try {
    return { definition: parseDefinition(merged), added };
  } catch {
    return null;
  }
}

/**
 * Brings a shipped definition's additions (see shippedAdditions) into the campaign already stored
 * under its code, whatever its state and responses: the answers refer to codes, and no code of
 * theirs changes. Returns what was added, or null when nothing was.
 */
export async function importShippedAdditions(prisma: Db, path: string): Promise<{ campaign: string; added: string[] } | null> {
  const shipped = parseDefinition(JSON.parse(await readFile(path, 'utf8')));
  return prisma.$transaction(
    async (tx) => {
      const [existing] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Campaign" WHERE code = ${shipped.code} FOR UPDATE`;
      if (!existing) return null;
      const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: existing.id } });
      const additions = shippedAdditions(parseDefinition(campaign.definition), shipped);
      if (!additions) return null;
      await writeSurveyDefinition(tx, additions.definition, campaign, { state: campaign.state });
      return { campaign: shipped.code, added: additions.added };
    },
    { timeout: 60_000 },
  );
}

/**
 * The transaction-level core of an import: stores the definition (JSON and digest) on the campaign —
 * created in `state` when `existing` is null — and rebuilds its Section/Question/QuestionOption rows
 * from it, so rows, JSON and digest never disagree. The caller checks that no responses exist.
 */
export async function writeSurveyDefinition(
  tx: Tx,
  definition: SurveyDefinition,
  existing: { id: number } | null,
  options: { state: CampaignState },
): Promise<Campaign> {
  const data = {
    title: definition.title,
    year: definition.year,
    definition: definition as unknown as Prisma.InputJsonValue,
    definitionSha256: definitionDigest(definition),
  };
  const campaign = existing
    ? await tx.campaign.update({ where: { id: existing.id }, data })
    : await tx.campaign.create({
        data: {
          code: definition.code,
          ...data,
          state: options.state,
          opensAt: new Date(definition.window.opensAt),
          closesAt: new Date(definition.window.closesAt),
        },
      });
  // The window is the coordinators' to move once a campaign exists; re-imports keep it.
  await tx.section.deleteMany({ where: { campaignId: campaign.id } });
  for (const [sectionPosition, section] of definition.sections.entries()) {
    const { id: sectionId } = await tx.section.create({
      data: {
        campaignId: campaign.id,
        code: section.code,
        position: sectionPosition,
        title: section.title,
        description: section.description ?? null,
        unlockAfter: section.unlockAfter,
      },
    });
    for (const [questionPosition, question] of section.questions.entries()) {
      const { code, number, type, label, help, required, lead, ...settings } = question;
      const options = 'options' in question ? question.options : [];
      if ('options' in settings) delete (settings as { options?: unknown }).options;
      // The options' «уточните» questions ride in settings (QuestionOption rows have no place for them).
      const specify = options.filter((option) => option.specify).map((option) => [option.code, option.specify]);
      if (specify.length) (settings as Record<string, unknown>).specify = Object.fromEntries(specify);
      await tx.question.create({
        data: {
          campaignId: campaign.id,
          sectionId,
          code,
          position: questionPosition,
          number: number ?? null,
          type: questionTypes[type],
          label,
          help: help ?? null,
          lead: lead ?? null,
          required,
          settings: settings as Prisma.InputJsonValue,
          options: { create: options.map((option, position) => ({ code: option.code, label: option.label, help: option.help ?? null, position })) },
        },
      });
    }
  }
  return campaign;
}
