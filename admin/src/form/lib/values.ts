// Conversion between what the inputs hold (form values) and the answer values the API stores
// (prisma/surveys/README.md, "Question types and stored values"). Pure functions, unit-tested.
//
// Form values: text-like inputs, numbers, single choices and regions hold the input's string
// ('' = empty); multiple choices an array of option codes; booleans true/false/null (null = not
// answered); a year matrix an object year → cell value; groups and measures a list of items.
import { MEASURE_FIELDS, type Answers, type Question, type Section, type SimpleQuestion, type Spec, type YearMatrixQuestion } from './types.ts';

export type SimpleFormValue = string | string[] | boolean | null;
/** A year of a matrix marked «не применимо»: the same object in the inputs and in the stored answer. */
export interface NotApplicable {
  notApplicable: true;
}
export const NA: NotApplicable = { notApplicable: true };
export const isNA = (value: unknown): value is NotApplicable => (value as NotApplicable | null)?.notApplicable === true;
/** A year's value in a matrix: its input's, or the «не применимо» mark (only where the matrix allows it). */
export type CellFormValue = SimpleFormValue | NotApplicable;
export interface ItemForm {
  /** A client-side key that keeps an item's inputs stable when another item is removed. */
  key: string;
  values: Record<string, SimpleFormValue>;
}
export type FormValue = SimpleFormValue | Record<string, CellFormValue> | ItemForm[];
export type FormValues = Record<string, FormValue>;

/** 'save' keeps blank group items so error paths ("measures[2].type") match the items on screen;
 * 'compare' drops them as the server does, to tell whether the form differs from what is stored. */
export type Mode = 'save' | 'compare';

let keySeed = 0;
export function newKey(): string {
  keySeed += 1;
  return `i${Date.now().toString(36)}${keySeed}`;
}

/** Parses a number typed the Russian way or the programmer's way: "1 234,5", "1234.5", "-3". */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** A stored number as the input shows it: decimal comma. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

export function emptySimple(spec: Spec): SimpleFormValue {
  if (spec.type === 'multipleChoice') return [];
  if (spec.type === 'boolean') return null;
  return '';
}

export function simpleFromAnswer(spec: Spec, value: unknown): SimpleFormValue {
  switch (spec.type) {
    case 'multipleChoice':
      return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'number':
      return typeof value === 'number' ? formatNumber(value) : typeof value === 'string' ? value : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/**
 * The answer value of a simple input, or null for "no answer". A number that cannot be read is
 * sent as typed, so the server names the field ("Введите число.") instead of the form dropping it.
 */
export function simpleToAnswer(spec: Spec, value: SimpleFormValue): string | number | boolean | string[] | null {
  switch (spec.type) {
    case 'multipleChoice': {
      const codes = Array.isArray(value) ? value : [];
      if (!codes.length) return null;
      const order = spec.options.map((option) => option.code);
      const known = order.filter((code) => codes.includes(code));
      return [...known, ...codes.filter((code) => !order.includes(code))];
    }
    case 'boolean':
      if (typeof value !== 'boolean') return null;
      // A confirmation (mustBeTrue) is a single checkbox: unticked means "not answered".
      return spec.mustBeTrue && !value ? null : value;
    case 'number': {
      const text = typeof value === 'string' ? value.trim() : '';
      if (!text) return null;
      return parseNumber(text) ?? text;
    }
    case 'text':
    case 'longText': {
      const text = typeof value === 'string' ? value.trim() : '';
      return text || null;
    }
    default:
      return typeof value === 'string' && value ? value : null;
  }
}

function isBlank(value: SimpleFormValue): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && !value.trim());
}

const MEASURE_SPECS: Record<(typeof MEASURE_FIELDS)[number], Spec> = {
  type: { type: 'singleChoice', options: [] },
  title: { type: 'text' },
  description: { type: 'longText' },
  result: { type: 'longText' },
  year: { type: 'number', integer: true },
};

/** The inputs' value for an unanswered question. */
export function emptyValue(question: Question): FormValue {
  switch (question.type) {
    case 'yearMatrix':
      return Object.fromEntries(question.years.map((year) => [String(year), emptySimple(question.cell)]));
    case 'group':
    case 'measures':
      return [];
    default:
      return emptySimple(question);
  }
}

export function emptyItem(question: Question): ItemForm {
  if (question.type === 'group')
    return { key: newKey(), values: Object.fromEntries(question.fields.map((field) => [field.code, emptySimple(field)])) };
  return { key: newKey(), values: Object.fromEntries(MEASURE_FIELDS.map((field) => [field, ''])) };
}

/** A matrix year's inputs for a stored (or drafted) value: the «не применимо» mark where the matrix allows it. */
const cellFromAnswer = (question: YearMatrixQuestion, value: unknown, read = simpleFromAnswer): CellFormValue =>
  question.notApplicable && isNA(value) ? NA : read(question.cell, value);

/** A matrix year marked or unmarked «не применимо»: marking clears the year's answer, unmarking leaves it empty. */
export function markNotApplicable(question: YearMatrixQuestion, value: Record<string, CellFormValue>, year: number, marked: boolean) {
  return { ...value, [String(year)]: marked ? NA : emptySimple(question.cell) };
}

/** The inputs' value for a stored answer (null/undefined = not answered). */
export function fromAnswer(question: Question, value: unknown): FormValue {
  switch (question.type) {
    case 'yearMatrix': {
      const stored = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return Object.fromEntries(question.years.map((year) => [String(year), cellFromAnswer(question, stored[String(year)])]));
    }
    case 'group':
      return (Array.isArray(value) ? value : []).map((item: Record<string, unknown>) => ({
        key: newKey(),
        values: Object.fromEntries(question.fields.map((field) => [field.code, simpleFromAnswer(field, item?.[field.code])])),
      }));
    case 'measures':
      return (Array.isArray(value) ? value : []).map((item: Record<string, unknown>) => ({
        key: newKey(),
        values: Object.fromEntries(MEASURE_FIELDS.map((field) => [field, simpleFromAnswer(MEASURE_SPECS[field], item?.[field])])),
      }));
    default:
      return simpleFromAnswer(question, value);
  }
}

/** The answer value the API expects for a question's inputs, or null for "no answer". */
export function toAnswer(question: Question, value: FormValue, mode: Mode = 'save'): unknown {
  switch (question.type) {
    case 'yearMatrix': {
      const cells = (value && typeof value === 'object' && !Array.isArray(value) ? value : {}) as Record<string, CellFormValue>;
      const result: Record<string, unknown> = {};
      for (const year of question.years) {
        const cell = cells[String(year)] ?? null;
        const answer = isNA(cell) ? (question.notApplicable ? NA : null) : simpleToAnswer(question.cell, cell);
        if (answer !== null) result[String(year)] = answer;
      }
      return Object.keys(result).length ? result : null;
    }
    case 'group':
    case 'measures': {
      const items = Array.isArray(value) ? (value as ItemForm[]) : [];
      const converted = items.map((item) => (question.type === 'group' ? groupItemAnswer(question.fields, item) : measureAnswer(item)));
      const filled = converted.filter((item): item is Record<string, unknown> => item !== null);
      if (!filled.length) return null;
      // Blank items are kept as {} when saving so the server's error paths keep their indices.
      return mode === 'compare' ? filled : converted.map((item) => item ?? {});
    }
    default:
      return simpleToAnswer(question, value as SimpleFormValue);
  }
}

function groupItemAnswer(fields: SimpleQuestion[], item: ItemForm): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  for (const field of fields) {
    const answer = simpleToAnswer(field, item.values[field.code] ?? null);
    if (answer !== null) result[field.code] = answer;
  }
  return Object.keys(result).length ? result : null;
}

function measureAnswer(item: ItemForm): Record<string, unknown> | null {
  const result: Record<string, unknown> = {};
  for (const field of MEASURE_FIELDS) result[field] = simpleToAnswer(MEASURE_SPECS[field], item.values[field] ?? '');
  return MEASURE_FIELDS.every((field) => result[field] === null) ? null : result;
}

/** Whether an item has nothing typed or chosen. */
export function isItemBlank(item: ItemForm): boolean {
  return Object.values(item.values).every(isBlank);
}

/** Form values of a section from the stored answers. */
export function sectionFormValues(section: Section, answers: Answers): FormValues {
  return Object.fromEntries(section.questions.map((question) => [question.code, fromAnswer(question, answers[question.code] ?? null)]));
}

/** Every question of the section → its answer value (null = empty), as saveSection wants it. */
export function sectionAnswers(section: Section, values: FormValues, mode: Mode = 'save'): Record<string, unknown> {
  return Object.fromEntries(
    section.questions.map((question) => [question.code, toAnswer(question, values[question.code] ?? emptyValue(question), mode)]),
  );
}

/** JSON with object keys sorted, so equal answers give equal strings whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether the section's inputs say something other than the stored answers. */
export function differsFromStored(section: Section, values: FormValues, stored: Answers): boolean {
  const storedValues = Object.fromEntries(section.questions.map((question) => [question.code, stored[question.code] ?? null]));
  return canonicalJson(sectionAnswers(section, values, 'compare')) !== canonicalJson(storedValues);
}

/** The sections whose inputs say something other than the stored answers: edits not saved yet. */
export function changedSections(sections: readonly Section[], forms: Record<string, FormValues>, stored: Answers): Set<string> {
  const changed = new Set<string>();
  for (const section of sections) {
    const values = forms[section.code];
    if (values && differsFromStored(section, values, stored)) changed.add(section.code);
  }
  return changed;
}

function sanitizeSimple(spec: Spec, value: unknown): SimpleFormValue {
  if (spec.type === 'multipleChoice') return Array.isArray(value) ? value.filter((code): code is string => typeof code === 'string') : [];
  if (spec.type === 'boolean') return typeof value === 'boolean' ? value : null;
  return typeof value === 'string' ? value : '';
}

/** Form values read back from a draft, reshaped to the section's questions (anything odd becomes empty). */
export function sanitizeValues(section: Section, values: Record<string, unknown>): FormValues {
  const result: FormValues = {};
  for (const question of section.questions) {
    const value = values[question.code];
    if (question.type === 'yearMatrix') {
      const cells = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      result[question.code] = Object.fromEntries(
        question.years.map((year) => [String(year), cellFromAnswer(question, cells[String(year)], sanitizeSimple)]),
      );
    } else if (question.type === 'group' || question.type === 'measures') {
      const fields: [string, Spec][] =
        question.type === 'group'
          ? question.fields.map((field) => [field.code, field])
          : MEASURE_FIELDS.map((field) => [field, MEASURE_SPECS[field]]);
      result[question.code] = (Array.isArray(value) ? value : []).map((item: { values?: Record<string, unknown> }) => ({
        key: newKey(),
        values: Object.fromEntries(fields.map(([code, spec]) => [code, sanitizeSimple(spec, item?.values?.[code])])),
      }));
    } else {
      result[question.code] = sanitizeSimple(question, value);
    }
  }
  return result;
}
