// Editing the option list and help text of one question of a draft campaign from the console: the
// stored definition is patched, checked again as a whole and stored through the import core.
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { writeSurveyDefinition } from '../import/survey.ts';
import { definitionDigest } from '../survey/canonical.ts';
import { parseDefinition, type Question, type SurveyDefinition } from '../survey/definition.ts';
import type { FieldError, FieldErrorCode } from '../survey/engine.ts';
import { recordAudit, type Actor } from './audit.ts';
import { assertEditable, lockCampaign } from './campaignDefinitions.ts';
import { definitionProblems } from './definitionProblems.ts';
import { campaignNotFound } from './campaigns.ts';
import { fieldError, NotFoundError, ValidationError } from './errors.ts';
import { formatPath, parseInput } from './input.ts';

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
      if (!campaign) throw campaignNotFound(input.campaignCode);
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
