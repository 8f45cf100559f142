// Answer sets for synthetic respondents, made from a campaign's definition and accepted by the survey
// engine: every raw value below goes through validateSection, and what is kept is the engine's
// normalised value, so a generated response is one the product could have stored itself.
import {
  type Cell,
  type MeasuresQuestion,
  type Question,
  type Section,
  type SimpleQuestion,
  type SurveyDefinition,
  specifiesOf,
} from '../survey/definition.ts';
import { type AnswerValue, type Catalog, computeCompletion, type MeasureItem, validateSection } from '../survey/engine.ts';
import type { Random } from './random.ts';

/** The stable question codes that differ per respondent (prisma/surveys/README.md); filled in SQL. */
export const PERSONAL_QUESTIONS = { region: 'region', authority: 'authority_name', person: 'respondent_name' } as const;

/** What a respondent's questionnaire holds, apart from the personal answers substituted per respondent. */
export interface AnswerSet {
  /** Normalised answers by question code (measures included), as the engine returned them. */
  answers: Record<string, AnswerValue>;
  /** The section of each answered question. */
  sectionOf: Record<string, string>;
  completion: number;
  sectionCompletion: Record<string, number>;
  complete: boolean;
  /** Sections saved: the response's version is the number of saves. */
  sectionsSaved: number;
}

const PHRASES = [
  'Проведено совещание с руководителями организаций социальной сферы',
  'Информация размещена на официальном сайте органа власти',
  'Разработан план по устранению недостатков, выявленных в ходе независимой оценки',
  'Результаты учтены при оценке эффективности работы руководителей',
  'Организовано обучение работников по вопросам доброжелательности и вежливости',
  'Обеспечена доступность услуг для инвалидов',
  'Проведён мониторинг выполнения планов по устранению недостатков',
  'Обновлены информационные стенды в организациях',
  'Внесены изменения в показатели эффективности деятельности организаций',
  'Результаты рассмотрены на заседании общественного совета',
];
const POSITIONS = ['Начальник отдела', 'Заместитель министра', 'Консультант', 'Главный специалист', 'Ведущий специалист', 'Советник'];
const SURNAMES = [
  'Иванова',
  'Петров',
  'Смирнова',
  'Кузнецов',
  'Соколова',
  'Попов',
  'Лебедева',
  'Козлов',
  'Новикова',
  'Морозов',
  'Волкова',
  'Соловьёв',
];
const INITIALS = ['А. П.', 'Е. В.', 'И. С.', 'О. Н.', 'Т. М.', 'Д. А.', 'Н. Г.', 'С. К.'];

/** «Фамилия И. О.» of the respondent with this index. */
export function personName(index: number): string {
  return `${SURNAMES[index % SURNAMES.length]} ${INITIALS[Math.floor(index / SURNAMES.length) % INITIALS.length]}`;
}

/** A raw answer as a form would send it; `partial` leaves optional parts out more often. */
function rawSimple(spec: SimpleQuestion | Cell, random: Random, catalog: Catalog): unknown {
  switch (spec.type) {
    case 'text':
      return random.pick(POSITIONS).slice(0, spec.maxLength ?? 500);
    case 'longText':
      return `${random.pick(PHRASES)}. ${random.pick(PHRASES)}.`.slice(0, spec.maxLength ?? 10_000);
    case 'singleChoice':
      return random.pick(spec.options).code;
    case 'multipleChoice': {
      const least = Math.max(1, spec.minSelected ?? 1);
      const most = Math.min(spec.options.length, spec.maxSelected ?? spec.options.length);
      const count = least + random.int(most - least + 1);
      return random.sample(spec.options, count).map((option) => option.code);
    }
    case 'region':
      return random.pick([...catalog.regionCodes]);
    case 'number': {
      const min = spec.min ?? 0;
      const max = Math.min(spec.max ?? min + 1000, min + 1000);
      const value = min + random.next() * (max - min);
      return spec.integer ? Math.floor(value) : Math.round(value * 100) / 100;
    }
    case 'boolean':
      return spec.mustBeTrue ? true : random.next() < 0.5;
  }
}

function rawMeasures(question: MeasuresQuestion, random: Random, catalog: Catalog, complete: boolean): unknown {
  const least = Math.max(1, question.minItems);
  const count = complete ? least + random.int(question.maxItems - least + 1) : 1 + random.int(least);
  const types = [...catalog.measureTypeCodes];
  return Array.from({ length: count }, () => ({
    type: random.pick(types),
    title: random.pick(PHRASES),
    description: `${random.pick(PHRASES)}. ${random.pick(PHRASES)}.`,
    result: random.next() < 0.7 ? random.pick(PHRASES) : null,
    year: question.fields.year.min + random.int(question.fields.year.max - question.fields.year.min + 1),
  }));
}

function rawQuestion(question: Question, random: Random, catalog: Catalog, complete: boolean): unknown {
  switch (question.type) {
    case 'yearMatrix':
      return Object.fromEntries(question.years.map((year) => [String(year), rawSimple(question.cell, random, catalog)]));
    case 'group': {
      const least = Math.max(1, question.minItems);
      const count = least + random.int(Math.min(question.maxItems, least + 2) - least + 1);
      return Array.from({ length: count }, () => Object.fromEntries(question.fields.map((field) => [field.code, rawSimple(field, random, catalog)])));
    }
    case 'measures':
      return rawMeasures(question, random, catalog, complete);
    default:
      return rawSimple(question, random, catalog);
  }
}

/** How much of a section to fill: every question, some of them (required ones may be left out), none. */
export type Fill = 'all' | 'some' | 'none';

/** A section's answers as the form sends them (the personal answers as placeholders). */
export function rawSection(section: Section, fill: Fill, random: Random, catalog: Catalog): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const question of section.questions) {
    if (fill === 'all' && !question.required && random.next() < 0.3) continue;
    if (fill === 'some' && random.next() < 0.5) continue;
    input[question.code] = rawQuestion(question, random, catalog, fill === 'all');
  }
  matchSpecify(section, input);
  // The personal answers get placeholders here (substituted per respondent): values of the same kind.
  if (PERSONAL_QUESTIONS.region in input) input[PERSONAL_QUESTIONS.region] = [...catalog.regionCodes][0];
  if (PERSONAL_QUESTIONS.authority in input) input[PERSONAL_QUESTIONS.authority] = 'Орган власти';
  if (PERSONAL_QUESTIONS.person in input) input[PERSONAL_QUESTIONS.person] = personName(0);
  return input;
}

/**
 * «Иное» with «уточните» as the form keeps it: a text only where its option is chosen (the engine
 * refuses any other), and one wherever it is (so a required question holds).
 */
function matchSpecify(section: Section, input: Record<string, unknown>): void {
  const chosen = (value: unknown, option: string) => value === option || (Array.isArray(value) && value.includes(option));
  for (const question of section.questions) {
    for (const { option, target } of specifiesOf(question)) {
      if (question.type !== 'yearMatrix') {
        if (chosen(input[question.code], option)) input[target] ??= 'Иной вариант';
        else delete input[target];
        continue;
      }
      const cells = (input[question.code] ?? {}) as Record<string, unknown>;
      const texts = { ...((input[target] ?? {}) as Record<string, unknown>) };
      for (const year of question.years.map(String)) {
        if (chosen(cells[year], option)) texts[year] ??= 'Иной вариант';
        else delete texts[year];
      }
      if (Object.keys(texts).length) input[target] = texts;
      else delete input[target];
    }
  }
}

/** The section holding the region question: the one every started respondent saves first. */
function firstSection(definition: SurveyDefinition): Section {
  return (
    definition.sections.find((section) => section.questions.some((question) => question.code === PERSONAL_QUESTIONS.region)) ??
    definition.sections[0]!
  );
}

/**
 * One answer set: `submitted` fills every section (in an order the form allows: a section opens once
 * those it waits for are complete), `partial` always the region's section and a random share of the
 * others, and is never complete. Throws if the engine refuses a value (a bug here, not in the data).
 */
export function makeAnswerSet(definition: SurveyDefinition, catalog: Catalog, random: Random, state: 'partial' | 'submitted'): AnswerSet {
  for (let attempt = 0; ; attempt++) {
    const set = tryAnswerSet(definition, catalog, random, state);
    if (state === 'submitted' ? set.complete : !set.complete) return set;
    if (attempt === 100) throw new Error(`Could not make a ${state} answer set for ${definition.code}`);
  }
}

function tryAnswerSet(definition: SurveyDefinition, catalog: Catalog, random: Random, state: 'partial' | 'submitted'): AnswerSet {
  const answers: Record<string, AnswerValue> = {};
  const sectionOf: Record<string, string> = {};
  const first = firstSection(definition);
  const ordered = [first, ...definition.sections.filter((section) => section !== first && section.unlockAfter.length === 0)];
  ordered.push(...definition.sections.filter((section) => section.unlockAfter.length > 0));
  let sectionsSaved = 0;
  for (const section of ordered) {
    const unlocked = computeCompletion(definition, answers).sections.find((entry) => entry.code === section.code)?.unlocked;
    if (!unlocked) continue;
    const fill: Fill = state === 'submitted' || section === first ? 'all' : random.pick<Fill>(['all', 'all', 'some', 'none']);
    if (fill === 'none') continue;
    const validation = validateSection(definition, section.code, rawSection(section, fill, random, catalog), catalog);
    if (!validation.ok) throw new Error(`The engine refused a generated answer: ${JSON.stringify(validation.errors)}`);
    for (const [code, value] of Object.entries(validation.values)) {
      if (value === null) continue;
      answers[code] = value;
      sectionOf[code] = section.code;
    }
    sectionsSaved++;
  }
  const completion = computeCompletion(definition, answers);
  return {
    answers,
    sectionOf,
    completion: completion.percent,
    sectionCompletion: Object.fromEntries(completion.sections.map((entry) => [entry.code, entry.percent])),
    complete: completion.complete,
    sectionsSaved,
  };
}

/** The measures of an answer set, one row per item, in the order the form shows them. */
export function measureRows(definition: SurveyDefinition, set: AnswerSet): { questionCode: string; position: number; item: MeasureItem }[] {
  const codes = definition.sections.flatMap((section) =>
    section.questions.filter((question) => question.type === 'measures').map((question) => question.code),
  );
  return codes.flatMap((questionCode) =>
    ((set.answers[questionCode] as MeasureItem[] | undefined) ?? []).map((item, position) => ({ questionCode, position, item })),
  );
}
