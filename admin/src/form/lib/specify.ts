// «Иное» with «уточните»: a choice's option may name a text question (its `specify`) that the form
// shows under the option while it is chosen, instead of on its own, and clears when it is not.
import type { Option, Question, Section } from './types.ts';
import type { FormValue, SimpleFormValue } from './values.ts';

export interface SpecifyLink {
  option: Option;
  target: Question;
}

/** The options of a question (or of its matrix cell) that ask «уточните», with their text question. */
export function specifyLinks(section: Section, question: Question): SpecifyLink[] {
  const spec = question.type === 'yearMatrix' ? question.cell : question;
  if (spec.type !== 'singleChoice' && spec.type !== 'multipleChoice') return [];
  return spec.options.flatMap((option) => {
    const target = option.specify ? section.questions.find((candidate) => candidate.code === option.specify) : undefined;
    return target ? [{ option, target }] : [];
  });
}

/** The questions shown under an option rather than on their own. */
export function specifyTargets(section: Section): Set<string> {
  return new Set(section.questions.flatMap((question) => specifyLinks(section, question).map((link) => link.target.code)));
}

export const isChosen = (value: SimpleFormValue | undefined, option: string) => value === option || (Array.isArray(value) && value.includes(option));

/**
 * The «уточните» texts to clear after a choice changed: the target's new value when its option is no
 * longer chosen (per year in a matrix), else nothing.
 */
export function clearedSpecify(link: SpecifyLink, choice: FormValue, text: FormValue): FormValue | undefined {
  if (link.target.type === 'yearMatrix') {
    const cells = (text ?? {}) as Record<string, SimpleFormValue>;
    const chosen = (choice ?? {}) as Record<string, SimpleFormValue>;
    const stale = Object.keys(cells).filter((year) => cells[year] && !isChosen(chosen[year], link.option.code));
    return stale.length ? { ...cells, ...Object.fromEntries(stale.map((year) => [year, ''])) } : undefined;
  }
  return text && !isChosen(choice as SimpleFormValue, link.option.code) ? '' : undefined;
}
