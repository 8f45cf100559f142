// Campaign questionnaires from the console: importing a definition document, reading it back, and
// editing the option list and help text of one question of a draft. Every change goes through the
// same transaction-level import core as the CLI (writeSurveyDefinition), so the Section/Question/
// QuestionOption rows, the stored JSON and its digest never disagree.
import { z } from 'zod';
import { countOf } from '../i18n/plural.ts';
import type { Db, Tx } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import { definitionCounts, onlyAnalyticsDiffer, writeAnalyticsChange, writeSurveyDefinition, type DefinitionCounts } from '../import/survey.ts';
import { definitionDigest } from '../survey/canonical.ts';
import { definitionSchema, parseDefinition, type Question, type SurveyDefinition } from '../survey/definition.ts';
import type { FieldError, FieldErrorCode } from '../survey/engine.ts';
import { recordAudit, type Actor } from './audit.ts';
import { DefinitionLockedError, fieldError, NotFoundError, ValidationError } from './errors.ts';
import { checkInput, formatPath, type Issue, issueCode, parseInput } from './input.ts';

// ---------------------------------------------------------------------------
// Problems of a document, in Russian, with paths like sections[1].questions[3].options

/** What a JSON document holds at `path`, or undefined. */
function valueAt(document: unknown, path: readonly PropertyKey[]): unknown {
  let node = document;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

const listAt = (document: unknown, path: readonly PropertyKey[]): unknown[] => {
  const value = valueAt(document, path);
  return Array.isArray(value) ? value : [];
};

const codeAt = (document: unknown, path: readonly PropertyKey[]): string | null => {
  const value = valueAt(document, [...path, 'code']);
  return typeof value === 'string' ? value : null;
};

/** The code of the question a path points into, when the document has one there. */
function questionCodeAt(document: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'sections' || path[2] !== 'questions' || typeof path[1] !== 'number' || typeof path[3] !== 'number') return null;
  return codeAt(document, path.slice(0, 4));
}

const problem = (path: readonly PropertyKey[], code: FieldErrorCode, message: string, document: unknown): FieldError =>
  fieldError(formatPath(path), code, message, questionCodeAt(document, path));

/** Translates the messages of definitionSchema's own checks (superRefine) into Russian. */
function customMessage(message: string): { code: FieldErrorCode; message: string } {
  const quoted = /"([^"]*)"/.exec(message)?.[1] ?? '';
  const rules: [RegExp, FieldErrorCode, string][] = [
    [/^the window must close after it opens/, 'WRONG_VALUE', 'Дата закрытия (closesAt) должна быть позже даты открытия (opensAt).'],
    [/^duplicate section code/, 'DUPLICATE_CODE', `Код раздела «${quoted}» уже есть у другого раздела: коды разделов должны быть разными.`],
    [/^duplicate question code/, 'DUPLICATE_CODE', `Код вопроса «${quoted}» уже есть у другого вопроса: коды вопросов уникальны во всём документе.`],
    [/^duplicate option code/, 'DUPLICATE_CODE', `Код варианта «${quoted}» повторяется в этом вопросе: дайте вариантам разные коды.`],
    [/^duplicate field code/, 'DUPLICATE_CODE', `Код поля «${quoted}» повторяется в этой группе: дайте полям разные коды.`],
    [/^duplicate year/, 'DUPLICATE_CODE', 'Год повторяется в списке years: каждый год указывается один раз.'],
    [/^min is greater than max/, 'WRONG_VALUE', 'Минимум (min) больше максимума (max).'],
    [/^minItems is greater than maxItems/, 'WRONG_VALUE', 'Минимальное число элементов (minItems) больше максимального (maxItems).'],
    [/^unknown section/, 'WRONG_VALUE', `Раздела с кодом «${quoted}» нет в документе (или это сам раздел): укажите код другого раздела.`],
    [/is itself locked$/, 'WRONG_VALUE', `Раздел «${quoted}» сам открывается после других; допускается только один уровень unlockAfter.`],
  ];
  for (const [pattern, code, russian] of rules) if (pattern.test(message)) return { code, message: russian };
  return { code: 'INVALID', message: `Недопустимое значение (${message}).` };
}

/**
 * One problem of a document: the codes and wording every input gets (input.ts), except the format's
 * own checks and code patterns, whose messages are English (for the command line) and said here.
 */
function documentProblem(issue: Issue, document: unknown): FieldError {
  if (issue.code === 'custom') {
    const translated = customMessage(issue.message);
    return problem(issue.path, translated.code, translated.message, document);
  }
  if (issue.code === 'invalid_format' && issue.format === 'regex') {
    const message =
      issue.path.length === 1 && issue.path[0] === 'code'
        ? 'Код опроса: только строчные латинские буквы, цифры и дефис, например nok-2024.'
        : 'Код: только строчные латинские буквы, цифры и знак _, начиная с буквы, например online_80.';
    return problem(issue.path, 'WRONG_FORMAT', message, document);
  }
  return problem(issue.path, issueCode(issue), issue.message, document);
}

/**
 * Duplicate codes of a document whose shape is wrong elsewhere: the schema's own duplicate checks only
 * run once the shape is right, and a coordinator should see every problem of a file at once.
 */
function duplicateCodes(document: unknown): FieldError[] {
  const found: FieldError[] = [];
  const uniqueIn = (list: PropertyKey[], what: string) => {
    const seen = new Set<string>();
    for (const index of listAt(document, list).keys()) {
      const code = codeAt(document, [...list, index]);
      if (code === null) continue;
      if (seen.has(code)) {
        found.push(
          problem([...list, index, 'code'], 'DUPLICATE_CODE', `Код ${what} «${code}» повторяется в этом списке: коды должны быть разными.`, document),
        );
      }
      seen.add(code);
    }
  };
  uniqueIn(['sections'], 'раздела');
  const questionCodes = new Set<string>();
  for (const s of listAt(document, ['sections']).keys()) {
    for (const q of listAt(document, ['sections', s, 'questions']).keys()) {
      const at = ['sections', s, 'questions', q];
      const code = codeAt(document, at);
      if (code !== null) {
        if (questionCodes.has(code)) {
          const message = `Код вопроса «${code}» уже есть у другого вопроса: коды вопросов уникальны во всём документе.`;
          found.push(problem([...at, 'code'], 'DUPLICATE_CODE', message, document));
        }
        questionCodes.add(code);
      }
      uniqueIn([...at, 'options'], 'варианта');
      uniqueIn([...at, 'cell', 'options'], 'варианта');
      uniqueIn([...at, 'fields'], 'поля');
      for (const f of listAt(document, [...at, 'fields']).keys()) uniqueIn([...at, 'fields', f, 'options'], 'варианта');
    }
  }
  return found;
}

/** Every problem of a definition document, in Russian; empty when it is valid. */
export function definitionProblems(document: unknown): FieldError[] {
  const result = checkInput(definitionSchema, document);
  if (result.success) return [];
  const problems = result.error.issues.map((issue) => documentProblem(issue, document));
  const shapeFailed = result.error.issues.some((issue) => issue.code !== 'custom');
  if (shapeFailed) {
    const known = new Set(problems.map((item) => item.path));
    for (const duplicate of duplicateCodes(document)) if (!known.has(duplicate.path)) problems.push(duplicate);
  }
  return problems;
}

/** Parses a document or throws a ValidationError listing every problem. */
export function parseDefinitionDocument(document: unknown): SurveyDefinition {
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new ValidationError([fieldError('', 'WRONG_TYPE', 'Файл должен содержать один JSON-объект определения опроса (в фигурных скобках).')]);
  }
  const problems = definitionProblems(document);
  if (problems.length > 0) {
    throw new ValidationError(
      problems,
      `В определении ${countOf(problems.length, ['ошибка', 'ошибки', 'ошибок'])}; ничего не импортировано. Исправьте файл и импортируйте его снова.`,
    );
  }
  return parseDefinition(document);
}

// ---------------------------------------------------------------------------
// Import

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

type ExistingCampaign = Campaign & { responses: number };

/** Locks the campaign row (FOR UPDATE: edits of one questionnaire happen one after another). */
async function lockCampaign(tx: Tx, code: string): Promise<ExistingCampaign | null> {
  const rows = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Campaign" WHERE code = ${code} FOR UPDATE`;
  if (!rows[0]) return null;
  const campaign = await tx.campaign.findUniqueOrThrow({ where: { id: rows[0].id } });
  const responses = await tx.response.count({ where: { campaignId: campaign.id } });
  return { ...campaign, responses };
}

const stateNames: Record<Campaign['state'], string> = { DRAFT: 'черновик', PUBLISHED: 'опубликован', ARCHIVED: 'в архиве' };

/** Refuses a change of a questionnaire that respondents can see or have answered. */
function assertEditable(campaign: ExistingCampaign, what: string): void {
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
  if (!campaign) throw new NotFoundError(`Опрос «${code}» не найден.`);
  return campaign.definition;
}

// ---------------------------------------------------------------------------
// Editing the options and help text of one question of a draft

const OPTION_CODE = /^[a-z][a-z0-9_]*$/;

const updateInputSchema = z.object({
  campaignCode: z.string().min(1).max(64),
  questionCode: z.string().min(1).max(64),
  help: z.string().max(10_000).nullish(),
  options: z.array(z.object({ code: z.string().max(200), label: z.string().max(10_000), help: z.string().max(10_000).nullish() })).max(200),
  reason: z.string().max(2000).nullish(),
});

export type UpdateQuestionTextsInput = z.input<typeof updateInputSchema>;

type OptionsHolder = { options: { code: string; label: string; help?: string }[] };

/** Where a question keeps its options: on itself (choices) or in its year-matrix cell; null when it has none. */
function optionsHolder(question: Question): OptionsHolder | null {
  if (question.type === 'singleChoice' || question.type === 'multipleChoice') return question;
  if (question.type === 'yearMatrix' && 'options' in question.cell) return question.cell as OptionsHolder;
  return null;
}

const textsOf = (question: Question) => ({
  code: question.code,
  help: question.help ?? null,
  options: optionsHolder(question)?.options.map((option) => ({ code: option.code, label: option.label, help: option.help ?? null })) ?? [],
});

function optionProblems(input: z.output<typeof updateInputSchema>, question: Question): FieldError[] {
  const problems: FieldError[] = [];
  const add = (path: string, code: FieldErrorCode, message: string) => problems.push(fieldError(path, code, message, question.code));
  if (!optionsHolder(question)) {
    if (input.options.length > 0) {
      add(
        'options',
        'NO_OPTIONS',
        `У вопроса «${question.code}» нет списка вариантов ответа (тип ${question.type}): здесь можно изменить только подсказку.`,
      );
    }
    return problems;
  }
  if (input.options.length < 2) add('options', 'TOO_FEW_OPTIONS', 'У вопроса с выбором ответа должно быть не меньше двух вариантов.');
  const seen = new Map<string, number>();
  input.options.forEach((option, index) => {
    const code = option.code.trim();
    if (!code) add(`options[${index}].code`, 'REQUIRED', `Вариант ${index + 1}: укажите код.`);
    else if (!OPTION_CODE.test(code) || code.length > 64) {
      add(
        `options[${index}].code`,
        'WRONG_FORMAT',
        `Вариант ${index + 1}: код «${code}» — только строчные латинские буквы, цифры и знак _, начиная с буквы (не длиннее 64 символов), например other.`,
      );
    } else if (seen.has(code)) {
      add(
        `options[${index}].code`,
        'DUPLICATE_CODE',
        `Вариант ${index + 1}: код «${code}» уже есть у варианта ${seen.get(code)! + 1}; коды вариантов должны быть разными.`,
      );
    } else seen.set(code, index);
    if (!option.label.trim()) add(`options[${index}].label`, 'REQUIRED', `Вариант ${index + 1}: введите текст варианта.`);
  });
  return problems;
}

function questionPosition(definition: SurveyDefinition, code: string): [number, number] | null {
  for (const [s, section] of definition.sections.entries()) {
    const q = section.questions.findIndex((question) => question.code === code);
    if (q >= 0) return [s, q];
  }
  return null;
}

export interface QuestionTextsResult {
  campaignId: number;
  questionCode: string;
  changed: boolean;
}

/**
 * Replaces the option list (add, remove, rename, reorder) and the help text of one question of a
 * DRAFT campaign without responses, by patching the stored definition, validating it again and
 * storing it through the import core. Options of a year matrix's choice cell are edited the same way.
 */
export async function updateQuestionTexts(prisma: Db, actor: Actor, raw: UpdateQuestionTextsInput): Promise<QuestionTextsResult> {
  const input = parseInput(updateInputSchema, raw, { questionCode: raw.questionCode });
  return prisma.$transaction(
    async (tx) => {
      const campaign = await lockCampaign(tx, input.campaignCode);
      if (!campaign) throw new NotFoundError(`Опрос «${input.campaignCode}» не найден.`);
      // The whole document is rewritten from the stored one, so parse it for its structure first.
      const stored = parseDefinition(campaign.definition);
      const at = questionPosition(stored, input.questionCode);
      if (!at) throw new NotFoundError(`В опросе «${campaign.code}» нет вопроса с кодом «${input.questionCode}».`);
      const [s, q] = at;
      const original = stored.sections[s]!.questions[q]!;
      assertEditable(campaign, 'менять варианты ответа и подсказки');
      const problems = optionProblems(input, original);
      if (problems.length > 0)
        throw new ValidationError(
          problems,
          problems.length === 1 ? problems[0]!.message : `Исправьте ошибки (${problems.length}); ничего не сохранено.`,
        );

      const patched = structuredClone(stored) as SurveyDefinition;
      const question = patched.sections[s]!.questions[q]!;
      const help = input.help?.trim();
      if (help) question.help = help;
      else delete question.help;
      const holder = optionsHolder(question);
      if (holder) {
        holder.options = input.options.map((option) => {
          const optionHelp = option.help?.trim();
          return { code: option.code.trim(), label: option.label.trim(), ...(optionHelp ? { help: optionHelp } : {}) };
        });
      }
      // Validated again as a whole: e.g. maxSelected and other rules of the format still hold.
      const prefix = formatPath(['sections', s, 'questions', q]);
      const again = definitionProblems(patched).map((item) => ({
        ...item,
        path: item.path.startsWith(prefix)
          ? item.path
              .slice(prefix.length)
              .replace(/^\./, '')
              .replace(/^cell\.options/, 'options')
          : item.path,
      }));
      if (again.length > 0) throw new ValidationError(again);
      const definition = parseDefinition(patched);
      const digest = definitionDigest(definition);
      if (digest === campaign.definitionSha256) return { campaignId: campaign.id, questionCode: original.code, changed: false };
      await writeSurveyDefinition(tx, definition, campaign, { state: campaign.state });
      await recordAudit(tx, actor, {
        action: 'campaign.definition.edit',
        subjectType: 'Campaign',
        subjectId: `${campaign.code}/${original.code}`,
        before: { digest: campaign.definitionSha256, question: textsOf(original) },
        after: { digest, question: textsOf(definition.sections[s]!.questions[q]!) },
        reason: input.reason?.trim() || null,
      });
      return { campaignId: campaign.id, questionCode: original.code, changed: true };
    },
    { timeout: 60_000 },
  );
}
