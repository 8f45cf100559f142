// Field errors from the API (paths "respondent_name", "price.2022", "measures[2].type") mapped to
// the ids of the inputs they concern, so the error summary can link to them.
import type { FieldError, Section } from './types.ts';

/** The DOM id of the input an answer path refers to: "measures[2].type" → "q-measures-2-type". */
export function fieldId(path: string): string {
  return `q-${path.replace(/\[(\d+)\]/g, '-$1').replace(/[^A-Za-z0-9_-]+/g, '-')}`;
}

/** Error messages by path; several problems with one path are joined. */
export function errorsByPath(errors: readonly FieldError[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const error of errors) result[error.path] = result[error.path] ? `${result[error.path]} ${error.message}` : error.message;
  return result;
}

/** Whether the path names something inside a question (so the summary can link to it). */
export function isFieldPath(path: string, questionCodes: readonly string[]): boolean {
  const head = path.split(/[.[]/)[0]!;
  return questionCodes.includes(head);
}

function shorten(text: string, limit = 70): string {
  return text.length > limit ? `${text.slice(0, limit - 1).trimEnd()}…` : text;
}

/**
 * Where an error is, for the error summary: «вопрос 2.1, 2022 год», «Мероприятие 3, «Тип
 * мероприятия»»; null when the path is not inside a question of the section.
 */
export function describePath(section: Section, path: string): string | null {
  const match = /^([A-Za-z0-9_]+)(?:\[(\d+)\])?(?:\.([A-Za-z0-9_]+))?$/.exec(path);
  if (!match) return null;
  const [, code, index, sub] = match;
  const question = section.questions.find((candidate) => candidate.code === code);
  if (!question) return null;
  const base = question.number ? `вопрос ${question.number}` : `«${shorten(question.label)}»`;
  if (question.type === 'yearMatrix' && sub) return `${base}, ${sub} год`;
  if ((question.type === 'group' || question.type === 'measures') && index !== undefined) {
    const item = `${question.itemLabel} ${Number(index) + 1}`;
    if (!sub) return `${base}, ${item}`;
    const label =
      question.type === 'group'
        ? question.fields.find((field) => field.code === sub)?.label
        : question.fields[sub as keyof typeof question.fields]?.label;
    return `${base}, ${item}${label ? `, «${shorten(label, 50)}»` : ''}`;
  }
  return base;
}
