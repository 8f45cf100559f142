// The problems of a campaign definition document, in Russian, with paths like
// sections[1].questions[3].options and the code of the question they are in, so the console can list
// every mistake of a file at once before anything is imported.
import { countOf } from '../i18n/plural.ts';
import { definitionSchema, parseDefinition, type SurveyDefinition } from '../survey/definition.ts';
import type { FieldError, FieldErrorCode } from '../survey/engine.ts';
import { fieldError, ValidationError } from './errors.ts';
import { checkInput, formatPath, type Issue, issueCode } from './input.ts';

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
    [/^"personal" is not supported on measures/, 'WRONG_VALUE', 'Отметка personal не применяется к мероприятиям (measures).'],
    [/^"personal" is not supported on a group's fields/, 'WRONG_VALUE', 'Отметка personal ставится на группу целиком, не на её поле.'],
    // Already Russian (definition.ts personalTextMessage): said as is.
    [/^Вопрос «.*» отмечен как персональный/, 'WRONG_VALUE', message],
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
