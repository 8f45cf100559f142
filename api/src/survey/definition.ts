// The survey definition format: a campaign's questionnaire as data (prisma/surveys/*.json).
// Documented in prisma/surveys/README.md; validated here so a bad file is refused with the path
// of each problem before anything is stored.
import { z } from 'zod';
import { DATE_PLACEHOLDERS, unknownPlaceholders } from './window.ts';

const code = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'codes are lower-case latin letters, digits and _, starting with a letter')
  .max(64);
const text = z.string().trim().min(1);
/** A text that may name the campaign's dates by placeholder (`{{период}}`, `{{начало}}`, `{{окончание}}`), never another. */
const datedText = text.refine((value) => unknownPlaceholders(value).length === 0, {
  message: `Неизвестная подстановка: допустимы ${DATE_PLACEHOLDERS.join(', ')}.`,
});

export const optionSchema = z.strictObject({
  code,
  label: text,
  help: text.optional(),
  /**
   * «Иное» that asks «уточните»: the code of the text question (same section, optional, text or
   * long text, a year matrix of them for a matrix) that holds what the person wrote. The form shows
   * it under the option while the option is chosen; the engine refuses it without the option.
   */
  specify: code.optional(),
});
export type Option = z.infer<typeof optionSchema>;

const common = {
  code,
  /** The number printed before the label, e.g. "3.1". */
  number: z.string().max(16).optional(),
  label: text,
  help: text.optional(),
  /** A heading shown above the question, e.g. the common stem of questions 3.1–3.3. */
  lead: text.optional(),
  required: z.boolean().default(false),
  /**
   * The answer is about the person filling in the questionnaire (name, position, phone, e-mail):
   * regional portals with the `answers` scope never read it, and the analytics never publish its text.
   * Absent when false, so the digests of unflagged definitions stay as they were.
   */
  personal: z.boolean().optional(),
};

/** Per-type settings, shared by standalone questions, group fields and year-matrix cells. */
const typeSpecs = {
  text: { type: z.literal('text'), maxLength: z.int().positive().max(100_000).optional() },
  longText: { type: z.literal('longText'), maxLength: z.int().positive().max(100_000).optional() },
  singleChoice: { type: z.literal('singleChoice'), options: z.array(optionSchema).min(1).max(200) },
  multipleChoice: {
    type: z.literal('multipleChoice'),
    options: z.array(optionSchema).min(1).max(200),
    minSelected: z.int().positive().optional(),
    maxSelected: z.int().positive().optional(),
  },
  region: { type: z.literal('region') },
  number: {
    type: z.literal('number'),
    unit: z.string().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(false),
  },
  /** `mustBeTrue`: a consent or confirmation, where only `true` counts as answered. */
  boolean: { type: z.literal('boolean'), mustBeTrue: z.boolean().default(false) },
};

const simpleQuestionSchemas = [
  z.strictObject({ ...common, ...typeSpecs.text }),
  z.strictObject({ ...common, ...typeSpecs.longText }),
  z.strictObject({ ...common, ...typeSpecs.singleChoice }),
  z.strictObject({ ...common, ...typeSpecs.multipleChoice }),
  z.strictObject({ ...common, ...typeSpecs.region }),
  z.strictObject({ ...common, ...typeSpecs.number }),
  z.strictObject({ ...common, ...typeSpecs.boolean }),
] as const;

/** Question types that can stand alone or be a field of a group item. */
export const simpleQuestionSchema = z.discriminatedUnion('type', [...simpleQuestionSchemas]);
export type SimpleQuestion = z.infer<typeof simpleQuestionSchema>;

/** The cell of a year matrix: what is asked for each year, without a label of its own. */
const cellSchema = z.discriminatedUnion('type', [
  z.strictObject(typeSpecs.text),
  z.strictObject(typeSpecs.longText),
  z.strictObject(typeSpecs.singleChoice),
  z.strictObject(typeSpecs.multipleChoice),
  z.strictObject(typeSpecs.number),
  z.strictObject(typeSpecs.boolean),
]);
export type Cell = z.infer<typeof cellSchema>;

const yearMatrixSchema = z.strictObject({
  ...common,
  type: z.literal('yearMatrix'),
  years: z.array(z.int().min(1990).max(2100)).min(1).max(20),
  cell: cellSchema,
  /** Years of `years` whose cell a required matrix does not need (asked, but only where it applies). */
  optionalYears: z.array(z.int().min(1990).max(2100)).max(20).default([]),
  /**
   * When set, a year may be marked «не применимо» instead of answered (stored as
   * `{ "notApplicable": true }`); the text is the mark's label. Such a year holds for completion and
   * counts apart from the answers in the analytics.
   */
  notApplicable: text.optional(),
});

const itemsSpec = {
  minItems: z.int().min(0).default(0),
  maxItems: z.int().positive().max(100),
};

const groupSchema = z.strictObject({
  ...common,
  type: z.literal('group'),
  /** The label of one item, e.g. «Практика». */
  itemLabel: text,
  addLabel: text.optional(),
  fields: z.array(simpleQuestionSchema).min(1).max(50),
  ...itemsSpec,
});

/** A measure field's label and whether it is required; the set of fields is fixed (see MEASURE_FIELDS). */
const measureFieldSchema = z.strictObject({ label: text, help: text.optional(), required: z.boolean() });

const measuresSchema = z.strictObject({
  ...common,
  type: z.literal('measures'),
  itemLabel: text,
  addLabel: text.optional(),
  fields: z.strictObject({
    type: measureFieldSchema,
    title: measureFieldSchema,
    description: measureFieldSchema,
    result: measureFieldSchema,
    year: measureFieldSchema.extend({ min: z.int(), max: z.int() }),
  }),
  ...itemsSpec,
});

export const questionSchema = z.discriminatedUnion('type', [...simpleQuestionSchemas, yearMatrixSchema, groupSchema, measuresSchema]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];
export type YearMatrixQuestion = z.infer<typeof yearMatrixSchema>;
export type GroupQuestion = z.infer<typeof groupSchema>;
export type MeasuresQuestion = z.infer<typeof measuresSchema>;

export const sectionSchema = z.strictObject({
  code,
  title: text,
  description: text.optional(),
  /** Codes of sections that must be 100% complete before this one opens. */
  unlockAfter: z.array(code).default([]),
  questions: z.array(questionSchema).min(1).max(200),
});
export type Section = z.infer<typeof sectionSchema>;

const isoDateTime = z.iso.datetime({ offset: true });

/**
 * A published ratio of two numeric answers, computed per year over submitted questionnaires
 * (seed 002: the cost of НОК per organisation and per respondent). `scale` converts units, e.g.
 * 1000 to show thousand roubles ÷ respondents in roubles.
 */
export const ratioSchema = z.strictObject({
  code,
  label: text,
  numerator: code,
  denominator: code,
  unit: text.optional(),
  scale: z.number().positive().default(1),
});
export type Ratio = z.infer<typeof ratioSchema>;

/** How the shares of a multiple choice are counted: of the respondents who answered, or of all mentions. */
export const shareMethodSchema = z.enum(['respondents', 'mentions']);
export type ShareMethod = z.infer<typeof shareMethodSchema>;

/** A question (`code`) or a group's field (`group.field`), as the analytics block names them. */
const figureKey = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?$/, 'a question code or group.field');

const analyticsSchema = z.strictObject({
  ratios: z.array(ratioSchema).max(50).default([]),
  /** The share method of multiple choices (default `respondents`), e.g. seed 002's figure 11 counts mentions. */
  shares: z.record(figureKey, shareMethodSchema).default({}),
  /** The published caption of a figure or table, e.g. «Рисунок 10 – Способы определения оператора». */
  captions: z.record(figureKey, text).default({}),
  /** Free-text questions (or group fields) whose answers are published (without who gave them). */
  publishTexts: z.array(figureKey).max(200).default([]),
});

export const definitionSchema = z
  .strictObject({
    /** The format version of this document. */
    format: z.literal(1),
    code: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(64),
    title: text,
    year: z.int().min(2000).max(2100),
    window: z.strictObject({ opensAt: isoDateTime, closesAt: isoDateTime }),
    intro: datedText.optional(),
    submit: z
      .strictObject({
        confirmLabel: text,
        buttonLabel: text,
        thanks: datedText,
      })
      .default({
        confirmLabel: 'Завершить заполнение анкеты?',
        buttonLabel: 'Отправить анкету',
        thanks: 'Благодарим за участие в опросе!',
      }),
    sections: z.array(sectionSchema).min(1).max(50),
    /** What the published analytics derive from the answers beyond per-question figures. */
    analytics: analyticsSchema.optional(),
  })
  .superRefine((definition, ctx) => {
    if (Date.parse(definition.window.closesAt) <= Date.parse(definition.window.opensAt)) {
      ctx.addIssue({ code: 'custom', path: ['window', 'closesAt'], message: 'the window must close after it opens' });
    }
    const sectionCodes = new Set<string>();
    const questionCodes = new Set<string>();
    definition.sections.forEach((section, s) => {
      if (sectionCodes.has(section.code)) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'code'], message: `duplicate section code "${section.code}"` });
      }
      sectionCodes.add(section.code);
      section.questions.forEach((question, q) => {
        const path = ['sections', s, 'questions', q];
        if (questionCodes.has(question.code)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'code'], message: `duplicate question code "${question.code}"` });
        }
        questionCodes.add(question.code);
        for (const issue of questionIssues(question)) ctx.addIssue({ code: 'custom', path: [...path, ...issue.path], message: issue.message });
      });
    });
    definition.sections.forEach((section, s) => {
      section.unlockAfter.forEach((after, a) => {
        const index = definition.sections.findIndex((other) => other.code === after);
        if (index < 0 || index === s) {
          ctx.addIssue({ code: 'custom', path: ['sections', s, 'unlockAfter', a], message: `unknown section "${after}"` });
        } else if (definition.sections[index]!.unlockAfter.length > 0) {
          // One level only: no chains or cycles of unlocks to reason about.
          ctx.addIssue({ code: 'custom', path: ['sections', s, 'unlockAfter', a], message: `section "${after}" is itself locked` });
        }
      });
    });
    for (const issue of ratioIssues(definition)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    for (const issue of specifyIssues(definition.sections)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    for (const issue of figureKeyIssues(definition)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });

export type SurveyDefinition = z.infer<typeof definitionSchema>;

/** Year-matrix years of a numeric question, `null` for a plain number, `undefined` if not numeric. */
function numericYears(question: Question | undefined): number[] | null | undefined {
  if (question?.type === 'number') return null;
  if (question?.type === 'yearMatrix' && question.cell.type === 'number') return question.years;
  return undefined;
}

function ratioIssues(definition: {
  sections: Section[];
  analytics?: { ratios: Ratio[] } | undefined;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const questions = new Map(definition.sections.flatMap((section) => section.questions.map((question) => [question.code, question] as const)));
  const seen = new Set<string>();
  definition.analytics?.ratios.forEach((ratio, r) => {
    const path = ['analytics', 'ratios', r];
    if (seen.has(ratio.code)) issues.push({ path: [...path, 'code'], message: `duplicate ratio code "${ratio.code}"` });
    seen.add(ratio.code);
    const sides = (['numerator', 'denominator'] as const).map((side) => {
      const question = questions.get(ratio[side]);
      const years = numericYears(question);
      if (!question) issues.push({ path: [...path, side], message: `unknown question "${ratio[side]}"` });
      else if (years === undefined)
        issues.push({ path: [...path, side], message: `question "${ratio[side]}" is not a number or a year matrix of numbers` });
      return years;
    });
    const [numerator, denominator] = sides;
    if (numerator === undefined || denominator === undefined) return;
    if ((numerator === null) !== (denominator === null)) {
      issues.push({ path: [...path, 'denominator'], message: 'numerator and denominator must both be numbers or both year matrices' });
    } else if (numerator && denominator && (numerator.length !== denominator.length || numerator.some((year, y) => year !== denominator[y]))) {
      issues.push({ path: [...path, 'denominator'], message: 'numerator and denominator must have the same years' });
    }
  });
  return issues;
}
export type SurveyDefinitionInput = z.input<typeof definitionSchema>;

type FigureSpec = { type: string };

/** What an analytics key (`code` or `group.field`) names: the question's spec (a matrix's cell), or undefined. */
export function figureSpec(sections: Section[], key: string): FigureSpec | undefined {
  const [code, field] = key.split('.');
  const question = sections.flatMap((section) => section.questions).find((candidate) => candidate.code === code);
  if (!question) return undefined;
  if (field !== undefined) return question.type === 'group' ? question.fields.find((candidate) => candidate.code === field) : undefined;
  return question.type === 'yearMatrix' ? question.cell : question;
}

function figureKeyIssues(definition: {
  sections: Section[];
  analytics?: { shares: Record<string, ShareMethod>; captions: Record<string, string>; publishTexts: string[] } | undefined;
}): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const analytics = definition.analytics;
  if (!analytics) return issues;
  for (const key of Object.keys(analytics.shares)) {
    const spec = figureSpec(definition.sections, key);
    if (spec?.type !== 'multipleChoice') issues.push({ path: ['analytics', 'shares', key], message: `"${key}" is not a multiple choice` });
  }
  for (const key of Object.keys(analytics.captions)) {
    if (!figureSpec(definition.sections, key)) issues.push({ path: ['analytics', 'captions', key], message: `unknown question "${key}"` });
  }
  analytics.publishTexts.forEach((key, k) => {
    const spec = figureSpec(definition.sections, key);
    if (spec?.type !== 'text') issues.push({ path: ['analytics', 'publishTexts', k], message: `"${key}" is not a text question` });
    else if (isPersonalKey(definition.sections, key)) issues.push({ path: ['analytics', 'publishTexts', k], message: personalTextMessage(key) });
  });
  return issues;
}

/** The question a key (`code` or `group.field`) names is personal (a group's fields are personal with their group). */
export function isPersonalKey(sections: Section[], key: string): boolean {
  const [code] = key.split('.');
  return sections.some((section) => section.questions.some((question) => question.code === code && question.personal === true));
}

/** The refusal of a personal question in analytics.publishTexts (Russian: the console shows it as is). */
export function personalTextMessage(key: string): string {
  return `Вопрос «${key}» отмечен как персональный (personal): ответы на него о заполняющем анкету и не публикуются — уберите его из analytics.publishTexts.`;
}

function questionIssues(question: Question | SimpleQuestion | Cell): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if ('options' in question) {
    const seen = new Set<string>();
    question.options.forEach((option, o) => {
      if (seen.has(option.code)) issues.push({ path: ['options', o, 'code'], message: `duplicate option code "${option.code}"` });
      seen.add(option.code);
    });
  }
  if (question.type === 'number' && question.min !== undefined && question.max !== undefined && question.min > question.max) {
    issues.push({ path: ['min'], message: 'min is greater than max' });
  }
  if ((question.type === 'group' || question.type === 'measures') && question.minItems > question.maxItems) {
    issues.push({ path: ['minItems'], message: 'minItems is greater than maxItems' });
  }
  if (question.type === 'measures' && question.personal !== undefined) {
    issues.push({ path: ['personal'], message: '"personal" is not supported on measures' });
  }
  if (question.type === 'group') {
    const seen = new Set<string>();
    question.fields.forEach((field, f) => {
      if (seen.has(field.code)) issues.push({ path: ['fields', f, 'code'], message: `duplicate field code "${field.code}"` });
      seen.add(field.code);
      if (field.personal !== undefined) {
        issues.push({ path: ['fields', f, 'personal'], message: '"personal" is not supported on a group\'s fields: mark the group itself' });
      }
      for (const issue of questionIssues(field)) issues.push({ path: ['fields', f, ...issue.path], message: issue.message });
    });
  }
  if (question.type === 'yearMatrix') {
    if (new Set(question.years).size !== question.years.length) issues.push({ path: ['years'], message: 'duplicate year' });
    question.optionalYears.forEach((year, y) => {
      if (!question.years.includes(year)) issues.push({ path: ['optionalYears', y], message: `year ${year} is not one of the matrix's years` });
    });
    for (const issue of questionIssues(question.cell)) issues.push({ path: ['cell', ...issue.path], message: issue.message });
  }
  return issues;
}

export class DefinitionError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`Invalid survey definition:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'DefinitionError';
  }
}

/** Validates a parsed JSON document; throws DefinitionError listing every problem with its path. */
export function parseDefinition(document: unknown): SurveyDefinition {
  const result = definitionSchema.safeParse(document);
  if (!result.success) {
    throw new DefinitionError(result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  return result.data;
}

/** Default text limits, so every free-text answer is bounded. */
export const DEFAULT_MAX_LENGTH = { text: 500, longText: 10_000 } as const;

/** A choice's option that asks «уточните», and the question that holds the text. */
export interface Specify {
  option: string;
  target: string;
}

/** The options of a question (or of its matrix cell) that ask «уточните». */
export function specifiesOf(question: Question): Specify[] {
  const spec = question.type === 'yearMatrix' ? question.cell : question;
  if (spec.type !== 'singleChoice' && spec.type !== 'multipleChoice') return [];
  return spec.options.filter((option) => option.specify).map((option) => ({ option: option.code, target: option.specify! }));
}

function specifyIssues(sections: Section[]): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  const used = new Set<string>();
  sections.forEach((section, s) => {
    section.questions.forEach((question, q) => {
      const at = ['sections', s, 'questions', q];
      if (question.type === 'group') {
        question.fields.forEach((field, f) => {
          if ('options' in field && field.options.some((option) => option.specify))
            issues.push({ path: [...at, 'fields', f, 'options'], message: '"specify" is not supported in a group\'s fields' });
        });
      }
      for (const { target } of specifiesOf(question)) {
        const where = [...at, question.type === 'yearMatrix' ? 'cell' : 'options'];
        const other = section.questions.find((candidate) => candidate.code === target);
        const textual = (type: string) => type === 'text' || type === 'longText';
        const fits =
          other &&
          !other.required &&
          (question.type === 'yearMatrix'
            ? other.type === 'yearMatrix' && textual(other.cell.type) && other.years.join() === question.years.join()
            : textual(other.type));
        if (!fits) {
          issues.push({
            path: where,
            message: `"specify" must name an optional text question of the same section${question.type === 'yearMatrix' ? ' (a matrix of texts over the same years)' : ''}: "${target}"`,
          });
        }
        if (used.has(target)) issues.push({ path: where, message: `"${target}" is already the «уточните» of another option` });
        used.add(target);
      }
    });
  });
  return issues;
}
