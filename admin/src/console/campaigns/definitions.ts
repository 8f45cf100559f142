// Campaign questionnaires as the console shows them: the options a coordinator may edit, and the
// Russian names of question types (the calls are the data provider's, see operations.ts).
import type { OptionRow, QuestionRow } from '../operations.ts';

/** The options a coordinator edits: the question's own, or those of its year-matrix cell. */
export function editableOptions(question: QuestionRow): OptionRow[] | null {
  if (question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE') return question.options;
  const cell = question.settings?.cell;
  if (question.type === 'YEAR_MATRIX' && Array.isArray(cell?.options)) {
    return cell.options.map((option) => ({ code: option.code, label: option.label, help: option.help ?? null }));
  }
  return null;
}

export const questionTypeLabels: Record<string, string> = {
  TEXT: 'Строка текста',
  LONG_TEXT: 'Развёрнутый текст',
  SINGLE_CHOICE: 'Один вариант',
  MULTIPLE_CHOICE: 'Несколько вариантов',
  REGION: 'Субъект РФ',
  NUMBER: 'Число',
  YEAR_MATRIX: 'Значения по годам',
  BOOLEAN: 'Да / нет',
  GROUP: 'Список элементов',
  MEASURES: 'Мероприятия',
};
