// Coordinators' inputs are checked with zod schemas; this is the one way a zod issue becomes a
// FieldError: one table of codes, and Russian wording for every issue the schema does not word itself.
// The definition documents (definitionProblems.ts) use the same codes and paths.
import type { z } from 'zod';
import { countOf } from '../i18n/plural.ts';
import type { FieldError, FieldErrorCode } from '../survey/engine.ts';
import { ValidationError } from './errors.ts';

export type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/** For a schema's own checks: `ctx.addIssue({ code: 'custom', message, params: fieldCode('TOO_SHORT') })`. */
export const fieldCode = (code: FieldErrorCode) => ({ fieldCode: code });

/** A path as the console shows it: sections[1].questions[3].options. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

/** Bounds on a length (text, list) rather than on a value (number, date). */
const isLength = (origin: string) => origin === 'string' || origin === 'array' || origin === 'set' || origin === 'file';

/** The value a discriminated union did not recognise, e.g. the unknown question type. */
function discriminatorValue(issue: Issue | RawIssue): { discriminator: string; value: unknown; options: unknown[] } | null {
  const { discriminator, options } = issue as { discriminator?: string; options?: unknown[] };
  if (issue.code !== 'invalid_union' || !discriminator) return null;
  const value = (issue.input as Record<string, unknown> | undefined)?.[discriminator];
  return { discriminator, value, options: options ?? [] };
}

/** The code of an issue (parsed with `reportInput`, so a missing value is told from a wrong one). */
export function issueCode(issue: Issue): FieldErrorCode {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input == null) return 'REQUIRED';
      return issue.expected === 'int' && typeof issue.input === 'number' ? 'NOT_INTEGER' : 'WRONG_TYPE';
    case 'invalid_union':
      if (discriminatorValue(issue)) return 'UNKNOWN_TYPE';
      return issue.input == null ? 'REQUIRED' : 'WRONG_TYPE';
    case 'too_small':
      return isLength(issue.origin) ? 'TOO_SHORT' : 'OUT_OF_RANGE';
    case 'too_big':
      return isLength(issue.origin) ? 'TOO_LONG' : 'OUT_OF_RANGE';
    case 'invalid_format':
      return 'WRONG_FORMAT';
    case 'invalid_value':
    case 'not_multiple_of':
      return 'WRONG_VALUE';
    case 'unrecognized_keys':
      return 'UNKNOWN_KEY';
    case 'custom':
      return (issue.params?.fieldCode as FieldErrorCode | undefined) ?? 'INVALID';
    default:
      return 'INVALID';
  }
}

const typeNames: Record<string, string> = {
  string: 'строка в кавычках',
  number: 'число',
  int: 'целое число',
  boolean: 'true или false',
  array: 'список в квадратных скобках',
  object: 'объект в фигурных скобках',
  literal: 'определённое значение',
};

// After «не меньше» / «не больше»: genitive.
const elements = (n: number) => countOf(n, ['элемента', 'элементов', 'элементов']);
const characters = (n: number) => countOf(n, ['символа', 'символов', 'символов']);

/** Russian wording of an issue the schema gives no message of its own (zod's per-parse error map). */
export function russianMessage(issue: RawIssue): string {
  const last = issue.path?.[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input == null) return last === undefined ? 'Значение не указано.' : `Обязательное поле «${String(last)}» не заполнено.`;
      if (issue.expected === 'int' && typeof issue.input === 'number') return 'Нужно целое число.';
      return `Неверный тип значения: ожидается ${typeNames[issue.expected] ?? issue.expected}.`;
    case 'invalid_value':
      return `Недопустимое значение: ожидается ${issue.values.map((value) => JSON.stringify(value)).join(' или ')}.`;
    case 'invalid_format':
      if (issue.format === 'datetime') return 'Укажите дату и время в формате ISO 8601 со смещением, например 2024-09-02T00:00:00+03:00.';
      return 'Неверный формат значения.';
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? 'Поле не может быть пустым: введите текст.' : `Текст слишком короткий: не меньше ${characters(minimum)}.`;
      if (issue.origin === 'array') return `Список слишком короткий: нужно не меньше ${elements(minimum)}.`;
      return `Значение должно быть ${issue.inclusive === false ? 'больше' : 'не меньше'} ${minimum}.`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `Текст слишком длинный: не больше ${characters(maximum)}.`;
      if (issue.origin === 'array') return `Список слишком длинный: не больше ${elements(maximum)}.`;
      return `Значение должно быть ${issue.inclusive === false ? 'меньше' : 'не больше'} ${maximum}.`;
    }
    case 'not_multiple_of':
      return `Значение должно быть кратно ${String(issue.divisor)}.`;
    case 'unrecognized_keys': {
      const one = issue.keys.length === 1;
      return `${one ? 'Неизвестное поле' : 'Неизвестные поля'} ${issue.keys.map((key) => `«${key}»`).join(', ')}: уберите ${one ? 'его' : 'их'} или исправьте опечатку.`;
    }
    case 'invalid_union': {
      const unknown = discriminatorValue(issue);
      if (unknown) {
        return `Неизвестный тип ${unknown.value === undefined ? '(не указан)' : `«${String(unknown.value)}»`}: допустимы ${unknown.options.join(', ')}.`;
      }
      return 'Значение не подходит ни под один из допустимых видов.';
    }
    default:
      return 'Недопустимое значение.';
  }
}

/** Runs a schema with the Russian wording and the inputs kept on the issues (for issueCode). */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown) {
  return schema.safeParse(input, { error: russianMessage, reportInput: true });
}

/**
 * The parsed value of a coordinator's input, or a ValidationError naming each field that is wrong
 * (one problem per field: a person fixes them one at a time). `questionCode` is put on every problem
 * when the input is about one question.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, options: { questionCode?: string | null } = {}): z.output<S> {
  const result = checkInput(schema, input);
  if (result.success) return result.data;
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const path = formatPath(issue.path) || 'input';
    if (seen.has(path)) continue;
    seen.add(path);
    errors.push({ path, questionCode: options.questionCode ?? null, code: issueCode(issue), message: issue.message });
  }
  throw new ValidationError(errors);
}
