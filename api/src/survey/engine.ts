// The survey engine: pure functions over a definition and answers. No GraphQL, no database.
//  - validateSection: checks one section's answers and normalises them (or lists every problem);
//  - computeCompletion: completion per section and overall, and which sections are unlocked.
// Completion rule (seed 000): overall = answered required items ÷ all required items, where a
// required repeatable group (e.g. the measures) is one item that holds once it has at least
// `minItems` complete items. This gives 9 ÷ 11 = 82% for the seed's 100/80/0/0 screenshot.
import {
  DEFAULT_MAX_LENGTH,
  type Cell,
  type GroupQuestion,
  type MeasuresQuestion,
  type Question,
  type Section,
  type SimpleQuestion,
  type SurveyDefinition,
  specifiesOf,
  type YearMatrixQuestion,
} from './definition.ts';
import { messages } from './messages.ts';

/** Reference codes the answers may point at. */
export interface Catalog {
  regionCodes: ReadonlySet<string>;
  measureTypeCodes: ReadonlySet<string>;
}

/** Normalised answers by question code; a missing code means "not answered". */
export type Answers = Readonly<Record<string, AnswerValue>>;
export type AnswerValue = string | number | boolean | string[] | YearValues | GroupItem[] | MeasureItem[];
/** A year of a matrix marked «не применимо» (only where the matrix's `notApplicable` is set). */
export interface NotApplicable {
  notApplicable: true;
}
export const NOT_APPLICABLE: NotApplicable = Object.freeze({ notApplicable: true as const });
export const isNotApplicable = (value: unknown): value is NotApplicable =>
  isPlainObject(value) && Object.keys(value).length === 1 && (value as { notApplicable?: unknown }).notApplicable === true;
export type YearValues = Record<string, string | number | boolean | string[] | NotApplicable>;
export type GroupItem = Record<string, string | number | boolean | string[]>;

export interface MeasureItem {
  type: string | null;
  title: string | null;
  description: string | null;
  result: string | null;
  year: number | null;
}
export const MEASURE_FIELDS = ['type', 'title', 'description', 'result', 'year'] as const;

export type FieldErrorCode =
  | 'UNKNOWN_SECTION'
  | 'UNKNOWN_QUESTION'
  | 'UNKNOWN_FIELD'
  | 'WRONG_TYPE'
  | 'TOO_LONG'
  | 'UNKNOWN_OPTION'
  | 'DUPLICATE_OPTION'
  | 'TOO_FEW_SELECTED'
  | 'TOO_MANY_SELECTED'
  | 'NOT_INTEGER'
  | 'OUT_OF_RANGE'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_MEASURE_TYPE'
  | 'UNKNOWN_YEAR'
  | 'TOO_MANY_ITEMS'
  | 'SECTION_LOCKED'
  // Coordinators' inputs other than answers (catalogue, plan, authorities, survey definitions):
  | 'REQUIRED'
  | 'TOO_SHORT'
  | 'TOO_PRECISE'
  | 'WRONG_VALUE'
  | 'WRONG_FORMAT'
  | 'DUPLICATE'
  | 'DUPLICATE_CODE'
  | 'UNKNOWN_REFERENCE'
  | 'UNKNOWN_KEY'
  | 'UNKNOWN_TYPE'
  | 'UNCHANGED'
  | 'NO_OPTIONS'
  | 'TOO_FEW_OPTIONS'
  | 'INVALID';

export interface FieldError {
  /** Where: "question", "question[2].field" or "question.2021". */
  path: string;
  questionCode: string | null;
  code: FieldErrorCode;
  /** In Russian, for the person filling in the form. */
  message: string;
}

export type SectionValidation = { ok: true; values: Record<string, AnswerValue | null> } | { ok: false; errors: FieldError[] };

// ---------------------------------------------------------------------------
// Validation

/**
 * Validates the answers to one section, as a form sends them: question code → raw value (null or
 * absent = no answer). Every question of the section gets a value in the result (null = cleared).
 */
export function validateSection(
  definition: SurveyDefinition,
  sectionCode: string,
  input: Readonly<Record<string, unknown>>,
  catalog: Catalog,
): SectionValidation {
  const section = definition.sections.find((candidate) => candidate.code === sectionCode);
  if (!section) {
    return { ok: false, errors: [{ path: sectionCode, questionCode: null, code: 'UNKNOWN_SECTION', message: messages.unknownSection(sectionCode) }] };
  }
  const errors: FieldError[] = [];
  for (const code of Object.keys(input)) {
    if (!section.questions.some((question) => question.code === code)) {
      errors.push({ path: code, questionCode: code, code: 'UNKNOWN_QUESTION', message: messages.unknownQuestion(code, section.title) });
    }
  }
  const values: Record<string, AnswerValue | null> = {};
  for (const question of section.questions) {
    const report: Report = (path, code, message) => {
      errors.push({ path, questionCode: question.code, code, message });
      return null;
    };
    values[question.code] = normaliseQuestion(question, input[question.code], question.code, catalog, report);
  }
  if (!errors.length) errors.push(...specifyErrors(section, values));
  return errors.length ? { ok: false, errors } : { ok: true, values };
}

/** Records a problem; returns null, the value a refused answer normalises to. */
type Report = (path: string, code: FieldErrorCode, message: string) => null;

function normaliseQuestion(question: Question, raw: unknown, path: string, catalog: Catalog, report: Report): AnswerValue | null {
  switch (question.type) {
    case 'yearMatrix':
      return normaliseYearMatrix(question, raw, path, catalog, report);
    case 'group':
      return normaliseGroup(question, raw, path, catalog, report);
    case 'measures':
      return normaliseMeasures(question, raw, path, catalog, report);
    default:
      return normaliseSimple(question, raw, path, catalog, report);
  }
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '') || (Array.isArray(raw) && raw.length === 0);
}

function normaliseSimple(
  spec: SimpleQuestion | Cell,
  raw: unknown,
  path: string,
  catalog: Catalog,
  report: Report,
): string | number | boolean | string[] | null {
  if (isEmpty(raw)) return null;
  switch (spec.type) {
    case 'text':
    case 'longText': {
      if (typeof raw !== 'string') return report(path, 'WRONG_TYPE', messages.expectedText);
      const value = raw.trim();
      const limit = spec.maxLength ?? DEFAULT_MAX_LENGTH[spec.type];
      if (value.length > limit) return report(path, 'TOO_LONG', messages.tooLong(limit, value.length));
      return value;
    }
    case 'singleChoice': {
      if (typeof raw !== 'string') return report(path, 'WRONG_TYPE', messages.expectedOption);
      if (!spec.options.some((option) => option.code === raw)) return report(path, 'UNKNOWN_OPTION', messages.unknownOption(raw));
      return raw;
    }
    case 'multipleChoice': {
      if (!Array.isArray(raw) || raw.some((item) => typeof item !== 'string')) {
        return report(path, 'WRONG_TYPE', messages.expectedOptions);
      }
      const codes = raw as string[];
      const unknown = codes.filter((item) => !spec.options.some((option) => option.code === item));
      if (unknown.length) return report(path, 'UNKNOWN_OPTION', messages.unknownOption(unknown.join(', ')));
      if (new Set(codes).size !== codes.length) return report(path, 'DUPLICATE_OPTION', messages.duplicateOption);
      if (spec.minSelected && codes.length < spec.minSelected) return report(path, 'TOO_FEW_SELECTED', messages.tooFewSelected(spec.minSelected));
      if (spec.maxSelected && codes.length > spec.maxSelected) return report(path, 'TOO_MANY_SELECTED', messages.tooManySelected(spec.maxSelected));
      // Stored in the order of the definition, so equal answers are equal values.
      return spec.options.map((option) => option.code).filter((optionCode) => codes.includes(optionCode));
    }
    case 'region': {
      if (typeof raw !== 'string') return report(path, 'WRONG_TYPE', messages.expectedRegion);
      if (!catalog.regionCodes.has(raw)) return report(path, 'UNKNOWN_REGION', messages.unknownRegion(raw));
      return raw;
    }
    case 'number': {
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return report(path, 'WRONG_TYPE', messages.expectedNumber);
      if (spec.integer && !Number.isInteger(raw)) return report(path, 'NOT_INTEGER', messages.expectedInteger);
      if (spec.min !== undefined && raw < spec.min) return report(path, 'OUT_OF_RANGE', messages.belowMin(spec.min, spec.unit));
      if (spec.max !== undefined && raw > spec.max) return report(path, 'OUT_OF_RANGE', messages.aboveMax(spec.max, spec.unit));
      return raw;
    }
    case 'boolean': {
      if (typeof raw !== 'boolean') return report(path, 'WRONG_TYPE', messages.expectedBoolean);
      return raw;
    }
  }
}

function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

function normaliseYearMatrix(question: YearMatrixQuestion, raw: unknown, path: string, catalog: Catalog, report: Report): YearValues | null {
  const { years, cell } = question;
  if (isEmpty(raw)) return null;
  if (!isPlainObject(raw)) return report(path, 'WRONG_TYPE', messages.expectedYearValues);
  const result: YearValues = {};
  for (const [year, value] of Object.entries(raw)) {
    if (!years.includes(Number(year))) {
      report(`${path}.${year}`, 'UNKNOWN_YEAR', messages.unknownYear(year, years));
      continue;
    }
    if (question.notApplicable !== undefined && isNotApplicable(value)) {
      result[year] = { notApplicable: true };
      continue;
    }
    const normalised = normaliseSimple(cell, value, `${path}.${year}`, catalog, report);
    if (normalised !== null) result[year] = normalised;
  }
  return Object.keys(result).length ? result : null;
}

function normaliseItems<T>(
  question: GroupQuestion | MeasuresQuestion,
  raw: unknown,
  path: string,
  report: Report,
  normaliseItem: (item: Record<string, unknown>, itemPath: string) => T | null,
): T[] | null {
  if (isEmpty(raw)) return null;
  if (!Array.isArray(raw) || raw.some((item) => !isPlainObject(item))) return report(path, 'WRONG_TYPE', messages.expectedItems);
  if (raw.length > question.maxItems) return report(path, 'TOO_MANY_ITEMS', messages.tooManyItems(question.maxItems, question.itemLabel));
  const items = raw.map((item, index) => normaliseItem(item as Record<string, unknown>, `${path}[${index}]`));
  // An item left entirely blank is dropped rather than stored.
  const kept = items.filter((item): item is T => item !== null);
  return kept.length ? kept : null;
}

function normaliseGroup(question: GroupQuestion, raw: unknown, path: string, catalog: Catalog, report: Report): GroupItem[] | null {
  return normaliseItems(question, raw, path, report, (item, itemPath) => {
    for (const key of Object.keys(item)) {
      if (!question.fields.some((field) => field.code === key)) report(`${itemPath}.${key}`, 'UNKNOWN_FIELD', messages.unknownField(key));
    }
    const result: GroupItem = {};
    for (const field of question.fields) {
      const value = normaliseSimple(field, item[field.code], `${itemPath}.${field.code}`, catalog, report);
      if (value !== null) result[field.code] = value;
    }
    return Object.keys(result).length ? result : null;
  });
}

function normaliseMeasures(question: MeasuresQuestion, raw: unknown, path: string, catalog: Catalog, report: Report): MeasureItem[] | null {
  const { year } = question.fields;
  return normaliseItems(question, raw, path, report, (item, itemPath) => {
    for (const key of Object.keys(item)) {
      if (!(MEASURE_FIELDS as readonly string[]).includes(key)) report(`${itemPath}.${key}`, 'UNKNOWN_FIELD', messages.unknownField(key));
    }
    const at = (field: string) => `${itemPath}.${field}`;
    let type: string | null = null;
    if (!isEmpty(item.type)) {
      if (typeof item.type !== 'string') report(at('type'), 'WRONG_TYPE', messages.expectedOption);
      else if (!catalog.measureTypeCodes.has(item.type)) report(at('type'), 'UNKNOWN_MEASURE_TYPE', messages.unknownMeasureType(item.type));
      else type = item.type;
    }
    const measure: MeasureItem = {
      type,
      title: normaliseSimple({ type: 'text' }, item.title, at('title'), catalog, report) as string | null,
      description: normaliseSimple({ type: 'longText' }, item.description, at('description'), catalog, report) as string | null,
      result: normaliseSimple({ type: 'longText' }, item.result, at('result'), catalog, report) as string | null,
      year: normaliseSimple({ type: 'number', integer: true, min: year.min, max: year.max }, item.year, at('year'), catalog, report) as number | null,
    };
    return MEASURE_FIELDS.every((field) => measure[field] === null) ? null : measure;
  });
}

// ---------------------------------------------------------------------------
// Completion

export interface SectionCompletion {
  code: string;
  /** 0–100; 100 only when every required item holds. */
  percent: number;
  requiredItems: number;
  answeredItems: number;
  unlocked: boolean;
  complete: boolean;
  /** Codes of required questions that do not hold yet. */
  missing: string[];
}

export interface Completion {
  percent: number;
  requiredItems: number;
  answeredItems: number;
  /** Every section unlocked and complete: the questionnaire can be submitted. */
  complete: boolean;
  sections: SectionCompletion[];
}

/** Percent, rounded, but never 100 before everything holds (199 of 200 is 99%, not 100%). */
export function percentOf(answered: number, required: number): number {
  if (required === 0) return 100;
  if (answered >= required) return 100;
  return Math.min(99, Math.round((answered / required) * 100));
}

export function computeCompletion(definition: SurveyDefinition, answers: Answers): Completion {
  const counted = definition.sections.map((section) => {
    const required = section.questions.filter((question) => question.required);
    const missing = required
      .filter((question) => !isAnswered(question, answers[question.code]) || !isSpecified(question, answers))
      .map((question) => question.code);
    return { section, requiredItems: required.length, answeredItems: required.length - missing.length, missing };
  });
  const itemsComplete = new Map(counted.map((entry) => [entry.section.code, entry.missing.length === 0]));
  const sections = counted.map(({ section, requiredItems, answeredItems, missing }): SectionCompletion => {
    const unlocked = isUnlocked(section, itemsComplete);
    const complete = unlocked && missing.length === 0;
    // A section with no required question is complete as soon as it is open.
    const percent = requiredItems === 0 ? (unlocked ? 100 : 0) : percentOf(answeredItems, requiredItems);
    return { code: section.code, percent, requiredItems, answeredItems, unlocked, complete, missing };
  });
  const requiredItems = sections.reduce((sum, section) => sum + section.requiredItems, 0);
  const answeredItems = sections.reduce((sum, section) => sum + section.answeredItems, 0);
  const complete = sections.every((section) => section.complete);
  return { percent: complete ? 100 : Math.min(99, percentOf(answeredItems, requiredItems)), requiredItems, answeredItems, complete, sections };
}

function isUnlocked(section: Section, itemsComplete: ReadonlyMap<string, boolean>): boolean {
  return section.unlockAfter.every((code) => itemsComplete.get(code) === true);
}

/** Whether a value makes a question hold for completion (required items only). */
export function isAnswered(question: Question, value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  switch (question.type) {
    case 'yearMatrix':
      return question.years.every((year) => {
        if (question.optionalYears.includes(year)) return true;
        const cell = (value as YearValues)[String(year)];
        return (question.notApplicable !== undefined && isNotApplicable(cell)) || isSimpleAnswered(question.cell, cell);
      });
    case 'group':
      return (value as GroupItem[]).filter((item) => isGroupItemComplete(question, item)).length >= Math.max(1, question.minItems);
    case 'measures':
      return (value as MeasureItem[]).filter((item) => isMeasureComplete(question, item)).length >= Math.max(1, question.minItems);
    default:
      return isSimpleAnswered(question, value);
  }
}

function isSimpleAnswered(spec: SimpleQuestion | Cell, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (spec.type === 'boolean') return spec.mustBeTrue ? value === true : typeof value === 'boolean';
  if (Array.isArray(value)) return value.length >= ('minSelected' in spec && spec.minSelected ? spec.minSelected : 1);
  return value !== '';
}

export function isGroupItemComplete(question: GroupQuestion, item: GroupItem): boolean {
  return question.fields.every((field) => !field.required || isSimpleAnswered(field, item[field.code]));
}

export function isMeasureComplete(question: MeasuresQuestion, item: MeasureItem): boolean {
  return MEASURE_FIELDS.every((field) => !question.fields[field].required || (item[field] !== null && item[field] !== ''));
}

/** The section a question belongs to. */
export function sectionOfQuestion(definition: SurveyDefinition, questionCode: string): Section | undefined {
  return definition.sections.find((section) => section.questions.some((question) => question.code === questionCode));
}

/** The error for saving a section that is still locked by its unlock condition, or null. */
export function sectionLockedError(definition: SurveyDefinition, sectionCode: string, answers: Answers): FieldError | null {
  const section = definition.sections.find((candidate) => candidate.code === sectionCode);
  if (!section) return null;
  const state = computeCompletion(definition, answers).sections.find((candidate) => candidate.code === sectionCode);
  if (state?.unlocked) return null;
  const titles = section.unlockAfter.map((code) => definition.sections.find((candidate) => candidate.code === code)?.title ?? code);
  return { path: sectionCode, questionCode: null, code: 'SECTION_LOCKED', message: messages.sectionLocked(section.title, titles) };
}

// ---------------------------------------------------------------------------
// «Иное» with «уточните» (an option's `specify`)

const chosenIn = (value: unknown, option: string) => value === option || (Array.isArray(value) && value.includes(option));
const blank = (value: unknown) => value === null || value === undefined || value === '';

/** A «уточните» text given while its option is not chosen (per year in a matrix). */
function specifyErrors(section: Section, values: Record<string, AnswerValue | null>): FieldError[] {
  const errors: FieldError[] = [];
  for (const question of section.questions) {
    for (const { option, target } of specifiesOf(question)) {
      const text = values[target];
      if (blank(text)) continue;
      const spec = question.type === 'yearMatrix' ? question.cell : question;
      const label = 'options' in spec ? (spec.options.find((candidate) => candidate.code === option)?.label ?? option) : option;
      const refuse = (path: string) =>
        errors.push({ path, questionCode: target, code: 'WRONG_VALUE', message: messages.specifyWithoutOption(label) });
      if (question.type === 'yearMatrix') {
        const chosen = (values[question.code] ?? {}) as YearValues;
        for (const year of Object.keys(text as YearValues)) if (!chosenIn(chosen[year], option)) refuse(`${target}.${year}`);
      } else if (!chosenIn(values[question.code], option)) refuse(target);
    }
  }
  return errors;
}

/** Whether every chosen option that asks «уточните» has its text (a required question holds only then). */
function isSpecified(question: Question, answers: Answers): boolean {
  return specifiesOf(question).every(({ option, target }) => {
    const value = answers[question.code];
    const text = answers[target];
    if (question.type !== 'yearMatrix') return !chosenIn(value, option) || !blank(text);
    return Object.entries((value ?? {}) as YearValues).every(([year, cell]) => !chosenIn(cell, option) || !blank(((text ?? {}) as YearValues)[year]));
  });
}
