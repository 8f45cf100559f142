// Campaign questionnaires from the console: importing a definition document (checked by
// definitionProblems.ts) and reading it back; questionTexts.ts edits one question of a draft. Every
// change goes through the same transaction-level import core as the CLI (writeSurveyDefinition), so
// the Section/Question/QuestionOption rows, the stored JSON and its digest never disagree.
import type { Db, Tx } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import { countOf } from '../i18n/plural.ts';
import { definitionCounts, onlyAnalyticsDiffer, writeAnalyticsChange, writeSurveyDefinition, type DefinitionCounts } from '../import/survey.ts';
import { definitionDigest } from '../survey/canonical.ts';
import { parseDefinition, type SurveyDefinition } from '../survey/definition.ts';
import { recordAudit, type Actor } from './audit.ts';
import { campaignNotFound, lockCampaignForUpdate } from './campaigns.ts';
import { parseDefinitionDocument } from './definitionProblems.ts';
import { DefinitionLockedError } from './errors.ts';

export type ImportOutcome = 'created' | 'updated' | 'unchanged';

export interface DefinitionSummary extends DefinitionCounts {
  digest: string;
}

export interface DefinitionImportPlan {
  outcome: ImportOutcome;
  campaignCode: string;
  title: string;
  counts: DefinitionCounts;
  /** Only the analytics block changes: allowed whatever the campaign's state and responses. */
  analyticsOnly?: boolean;
  /** What will happen (preview) or what happened (import), in Russian. */
  message: string;
}

export interface DefinitionImportResult extends DefinitionImportPlan {
  campaign: Campaign;
}

export type ExistingCampaign = Campaign & { responses: number };

/** Locks the campaign row (edits of one questionnaire happen one after another) and counts its responses. */
export async function lockCampaign(tx: Tx, code: string): Promise<ExistingCampaign | null> {
  const campaign = await lockCampaignForUpdate(tx, code);
  if (!campaign) return null;
  const responses = await tx.response.count({ where: { campaignId: campaign.id } });
  return { ...campaign, responses };
}

const stateNames: Record<Campaign['state'], string> = { DRAFT: 'черновик', PUBLISHED: 'опубликован', ARCHIVED: 'в архиве' };

/** Refuses a change of a questionnaire that respondents can see or have answered. */
export function assertEditable(campaign: ExistingCampaign, what: string): void {
  if (campaign.state !== 'DRAFT') {
    throw new DefinitionLockedError(
      'NOT_DRAFT',
      campaign.responses,
      `Опрос «${campaign.code}» ${stateNames[campaign.state]}: ${what} можно только у черновика, потому что респонденты уже видят эту анкету. ` +
        `Скачайте определение, исправьте его и импортируйте под новым кодом (поле code), например «${campaign.code}-v2».`,
    );
  }
  if (campaign.responses > 0) {
    throw new DefinitionLockedError(
      'HAS_RESPONSES',
      campaign.responses,
      `На опрос «${campaign.code}» уже есть ${countOf(campaign.responses, ['ответ', 'ответа', 'ответов'])}: они ссылаются на коды вопросов и вариантов, поэтому ${what} нельзя. ` +
        'Импортируйте изменённое определение под новым кодом (поле code).',
    );
  }
}

function countsText(counts: DefinitionCounts): string {
  return `${countOf(counts.sections, ['раздел', 'раздела', 'разделов'])}, ${countOf(counts.questions, ['вопрос', 'вопроса', 'вопросов'])}, ${countOf(counts.options, ['вариант', 'варианта', 'вариантов'])} ответа`;
}

function planImport(existing: ExistingCampaign | null, definition: SurveyDefinition, digest: string, tense: 'future' | 'past'): DefinitionImportPlan {
  const counts = definitionCounts(definition);
  const base = { campaignCode: definition.code, title: definition.title, counts };
  if (existing?.definitionSha256 === digest) {
    return {
      ...base,
      outcome: 'unchanged',
      message: `Без изменений: определение опроса «${definition.code}» совпадает с сохранённым (${countsText(counts)}).`,
    };
  }
  if (existing && onlyAnalyticsDiffer(parseDefinition(existing.definition), definition)) {
    // Answers refer to questions and options, not to the analytics block: allowed even with responses.
    return {
      ...base,
      outcome: 'updated',
      analyticsOnly: true,
      message:
        tense === 'future'
          ? `В опросе «${definition.code}» изменятся только расчётные показатели аналитики; анкета и ответы останутся прежними.`
          : `В опросе «${definition.code}» изменены только расчётные показатели аналитики; анкета и ответы не затронуты.`,
    };
  }
  if (existing) {
    assertEditable(existing, 'заменить анкету');
    return {
      ...base,
      outcome: 'updated',
      message:
        tense === 'future'
          ? `Анкета черновика «${definition.code}» будет заменена: ${countsText(counts)}. Сроки приёма ответов останутся прежними.`
          : `Анкета черновика «${definition.code}» заменена: ${countsText(counts)}.`,
    };
  }
  return {
    ...base,
    outcome: 'created',
    message:
      tense === 'future'
        ? `Будет создан новый опрос «${definition.title}» (код ${definition.code}) в состоянии «Черновик»: ${countsText(counts)}. Респонденты не увидят его до публикации.`
        : `Создан новый опрос «${definition.title}» (код ${definition.code}) в состоянии «Черновик»: ${countsText(counts)}.`,
  };
}

/** What importing the document would do, without writing anything (the console shows it before confirming). */
export async function previewDefinitionImport(prisma: Db, document: unknown): Promise<DefinitionImportPlan> {
  const definition = parseDefinitionDocument(document);
  const digest = definitionDigest(definition);
  const campaign = await prisma.campaign.findUnique({ where: { code: definition.code } });
  const existing = campaign ? { ...campaign, responses: await prisma.response.count({ where: { campaignId: campaign.id } }) } : null;
  return planImport(existing, definition, digest, 'future');
}

const summaryOf = (definition: SurveyDefinition, digest: string): DefinitionSummary => ({ digest, ...definitionCounts(definition) });

/**
 * Imports a definition document: a new code creates a DRAFT campaign, a changed document replaces a
 * draft's questionnaire while it has no responses, the same document changes nothing. Audited in the
 * same transaction.
 */
export async function importCampaignDefinition(
  prisma: Db,
  actor: Actor,
  input: { definition: unknown; reason?: string | null },
): Promise<DefinitionImportResult> {
  const definition = parseDefinitionDocument(input.definition);
  const digest = definitionDigest(definition);
  return prisma.$transaction(
    async (tx) => {
      const existing = await lockCampaign(tx, definition.code);
      const plan = planImport(existing, definition, digest, 'past');
      if (plan.outcome === 'unchanged') return { ...plan, campaign: existing! };
      const campaign = plan.analyticsOnly
        ? await writeAnalyticsChange(tx, existing!.id, definition)
        : await writeSurveyDefinition(tx, definition, existing, { state: 'DRAFT' });
      await recordAudit(tx, actor, {
        action: 'campaign.definition.import',
        subjectType: 'Campaign',
        subjectId: campaign.code,
        before: existing ? { digest: existing.definitionSha256, ...definitionCounts(parseDefinition(existing.definition)) } : null,
        after: { outcome: plan.outcome, ...summaryOf(definition, digest) },
        reason: input.reason?.trim() || null,
      });
      return { ...plan, campaign };
    },
    { timeout: 60_000 },
  );
}

/** The stored definition document, to download, edit and import back. */
export async function campaignDefinitionDocument(prisma: Db, code: string): Promise<unknown> {
  const campaign = await prisma.campaign.findUnique({ where: { code }, select: { definition: true } });
  if (!campaign) throw campaignNotFound(code);
  return campaign.definition;
}
