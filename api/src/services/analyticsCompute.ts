// The analytics arithmetic (seed 002), pure: a definition and the answers of submitted
// questionnaires (each with its region) → figures. Per choice question the count of each option with
// its share of the respondents who answered and of all mentions (a multiple choice publishes one of
// the two, named on every table: `method`), the regions that chose it; per number question count,
// sum, mean, min, max, median and the regions at the extremes; per free-text question its answers;
// per year matrix the same for each year, «не применимо» counted apart, and pooled over the years;
// per repeatable group (and the 2021 measures) the same for each field over all items. n is per
// question, per year and per field: whoever skipped a question is not in its n.
import { measureTypeGroups } from '../reference/measureTypes.ts';
import type { Question, ShareMethod, SurveyDefinition } from '../survey/definition.ts';
import { isNotApplicable } from '../survey/engine.ts';

export interface RegionRef {
  code: string;
  name: string;
}

export interface OptionShare {
  code: string;
  label: string;
  /** Respondents (items, for a group's field) choosing the option; null when suppressed. */
  count: number | null;
  /** The share by the figure's method (see Distribution.method), 0–1; null when suppressed. */
  share: number | null;
  /** count ÷ those who answered. */
  shareOfRespondents: number | null;
  /** count ÷ all options chosen (mentions); equal to shareOfRespondents for a single choice. */
  shareOfMentions: number | null;
  /** Questionnaires behind count (fewer than count when a group's items of one questionnaire share the option). */
  respondents: number | null;
  /** Regions of the respondents who chose it (each once), by name. */
  regions: RegionRef[];
  suppressed: boolean;
}

export interface NumberStats {
  count: number;
  sum: number;
  mean: number;
  min: number;
  max: number;
  median: number;
  /** Regions whose answer is the minimum (maximum). */
  minRegions: RegionRef[];
  maxRegions: RegionRef[];
}

export interface TextAnswer {
  text: string;
  region: RegionRef | null;
}

/** The figures of one column: a question, a year of a matrix, the pooled years, or a group's field. */
export interface Distribution {
  /** n: respondents (items, for a group's field) who answered; null when suppressed. */
  answered: number | null;
  /** Questionnaires behind n (fewer than n for a group's field when a questionnaire has several items). */
  respondents: number | null;
  /** Years marked «не применимо» (year matrices). */
  notApplicable: number;
  /** Options chosen in all (a multiple choice counts each chosen option); null when not a choice or suppressed. */
  mentions: number | null;
  /** For choices: respondents (single choice, yes/no, or a multiple choice by respondents) or mentions. */
  method: ShareMethod | null;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
  /** Free-text answers (short text only), at most TEXT_LIMIT; null for other types or when not published. */
  texts: TextAnswer[] | null;
  textsTotal: number;
  /** True when disclosure control hid any figure of this column. */
  suppressed: boolean;
}

export interface YearFigures extends Distribution {
  year: number;
}

export interface FieldFigures extends Distribution {
  code: string;
  label: string;
  type: string;
  caption: string | null;
}

export interface QuestionFigures extends Distribution {
  code: string;
  sectionCode: string;
  number: string | null;
  label: string;
  type: Question['type'];
  /** For a year matrix, the type of its cells (number, singleChoice…); otherwise null. */
  cellType: string | null;
  /** The published caption (definition's analytics.captions), e.g. «Рисунок 10 – …». */
  caption: string | null;
  years: YearFigures[] | null;
  /** A year matrix's answers of every year together (n = respondent-years). */
  pooled: Distribution | null;
  /** A group's (or the measures') items in all submitted questionnaires. */
  items: number | null;
  fields: FieldFigures[] | null;
}

export interface RatioYear {
  /** The matrix year; for a ratio of plain numbers, the survey's year. */
  year: number;
  /** Questionnaires whose own ratio was computed (both numbers given, denominator above 0). */
  count: number;
  /** Questionnaires that give one side for the year but no usable pair (missing, or a zero denominator). */
  skipped: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  /** Sum of numerators ÷ sum of denominators over the same questionnaires (× scale). */
  aggregate: number | null;
  minRegions: RegionRef[];
  maxRegions: RegionRef[];
  suppressed: boolean;
}

export interface RatioFigures {
  code: string;
  label: string;
  unit: string | null;
  numerator: string;
  denominator: string;
  years: RatioYear[];
}

export interface AnalyticsInput {
  definition: SurveyDefinition;
  /** The answers of each submitted questionnaire (question code → stored value). */
  answers: Record<string, unknown>[];
  /** The region of each questionnaire (same order as answers), when known. */
  regions?: (RegionRef | null)[];
}

/** Free-text answers listed per column at most (the rest are counted in textsTotal). */
export const TEXT_LIMIT = 500;

const byName = (a: RegionRef, b: RegionRef) => a.name.localeCompare(b.name, 'ru');

function uniqueRegions(regions: (RegionRef | null)[]): RegionRef[] {
  const seen = new Map<string, RegionRef>();
  for (const region of regions) if (region && !seen.has(region.code)) seen.set(region.code, region);
  return [...seen.values()].sort(byName);
}

export function numberStats(values: number[], regions: (RegionRef | null)[] = []): NumberStats | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const sum = sorted.reduce((total, value) => total + value, 0);
  const min = sorted[0]!;
  const max = sorted[sorted.length - 1]!;
  return {
    count: sorted.length,
    sum,
    mean: sum / sorted.length,
    min,
    max,
    median,
    minRegions: uniqueRegions(values.map((value, v) => (value === min ? (regions[v] ?? null) : null))),
    maxRegions: uniqueRegions(values.map((value, v) => (value === max ? (regions[v] ?? null) : null))),
  };
}

type Spec = { type: string; options?: { code: string; label: string }[] };

const BOOLEAN_OPTIONS = [
  { code: 'true', label: 'Да' },
  { code: 'false', label: 'Нет' },
];

function optionsOf(spec: Spec): { code: string; label: string }[] | null {
  if (spec.type === 'singleChoice' || spec.type === 'multipleChoice') return spec.options ?? [];
  if (spec.type === 'boolean') return BOOLEAN_OPTIONS;
  return null;
}

const answeredValue = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0) && !isNotApplicable(value);

/** One value with the questionnaire (its index) and region that gave it. */
interface Given {
  value: unknown;
  who: number;
  region: RegionRef | null;
}

interface ColumnSettings {
  method: ShareMethod;
  /** Whether free-text answers are listed. */
  texts: boolean;
}

/** The figures of one column over the values given (absent, blank and «не применимо» values included: they are left out of n). */
export function distribution(spec: Spec, given: Given[], settings: ColumnSettings): Distribution {
  const notApplicable = given.filter((entry) => isNotApplicable(entry.value)).length;
  const answered = given.filter((entry) => answeredValue(entry.value));
  const options = optionsOf(spec);
  let mentions: number | null = null;
  let optionShares: OptionShare[] | null = null;
  if (options) {
    const chosenBy = new Map(options.map((option) => [option.code, [] as Given[]]));
    mentions = 0;
    for (const entry of answered) {
      const chosen = new Set((Array.isArray(entry.value) ? entry.value : [entry.value]).map(String));
      for (const code of chosen) {
        const list = chosenBy.get(code);
        if (!list) continue;
        list.push(entry);
        mentions += 1;
      }
    }
    const method: ShareMethod = spec.type === 'multipleChoice' ? settings.method : 'respondents';
    optionShares = options.map((option) => {
      const count = chosenBy.get(option.code)!.length;
      const shareOfRespondents = answered.length ? count / answered.length : 0;
      const shareOfMentions = mentions ? count / mentions : 0;
      return {
        code: option.code,
        label: option.label,
        count,
        share: method === 'mentions' ? shareOfMentions : shareOfRespondents,
        shareOfRespondents,
        shareOfMentions,
        respondents: new Set(chosenBy.get(option.code)!.map((entry) => entry.who)).size,
        regions: uniqueRegions(chosenBy.get(option.code)!.map((entry) => entry.region)),
        suppressed: false,
      };
    });
  }
  const numeric = spec.type === 'number' ? answered.filter((entry) => typeof entry.value === 'number' && Number.isFinite(entry.value)) : [];
  const listed = spec.type === 'text' && settings.texts ? answered.filter((entry) => typeof entry.value === 'string') : [];
  return {
    answered: answered.length,
    respondents: new Set(answered.map((entry) => entry.who)).size,
    notApplicable,
    mentions,
    method: options ? (spec.type === 'multipleChoice' ? settings.method : 'respondents') : null,
    options: optionShares,
    numbers:
      spec.type === 'number'
        ? numberStats(
            numeric.map((entry) => entry.value as number),
            numeric.map((entry) => entry.region),
          )
        : null,
    texts:
      spec.type === 'text' && settings.texts
        ? listed.slice(0, TEXT_LIMIT).map((entry) => ({ text: entry.value as string, region: entry.region }))
        : null,
    textsTotal: listed.length,
    suppressed: false,
  };
}

/** The measure-type taxonomy as the options of a measure's «type» field. */
const MEASURE_TYPE_OPTIONS = measureTypeGroups.flatMap((group) => group.types.map((type) => ({ code: type.code, label: type.name })));

/** The fields of a group item analysed like questions (the measures: their type and year). */
function itemFields(question: Question): (Spec & { code: string; label: string })[] {
  if (question.type === 'group') return question.fields;
  if (question.type === 'measures')
    return [
      { code: 'type', type: 'singleChoice', label: question.fields.type.label, options: MEASURE_TYPE_OPTIONS },
      { code: 'title', type: 'text', label: question.fields.title.label },
      { code: 'description', type: 'longText', label: question.fields.description.label },
      { code: 'result', type: 'longText', label: question.fields.result.label },
      { code: 'year', type: 'number', label: question.fields.year.label },
    ];
  return [];
}

export function computeAnalytics(input: AnalyticsInput): QuestionFigures[] {
  const settings = input.definition.analytics;
  const methodOf = (key: string): ShareMethod => settings?.shares[key] ?? 'respondents';
  const captionOf = (key: string) => settings?.captions[key] ?? null;
  const regionOf = (index: number) => input.regions?.[index] ?? null;
  return input.definition.sections.flatMap((section) =>
    section.questions.map((question): QuestionFigures => {
      const given: Given[] = input.answers.map((answers, index) => ({ value: answers[question.code], who: index, region: regionOf(index) }));
      const column = { method: methodOf(question.code), texts: true };
      const base = {
        code: question.code,
        sectionCode: section.code,
        number: question.number ?? null,
        label: question.label,
        type: question.type,
        cellType: question.type === 'yearMatrix' ? question.cell.type : null,
        caption: captionOf(question.code),
        years: null,
        pooled: null,
        items: null,
        fields: null,
      };
      if (question.type === 'yearMatrix') {
        const cell = question.cell as Spec;
        const present = given.filter((entry) => entry.value && typeof entry.value === 'object');
        const cellsOf = (year: number): Given[] =>
          present.map((entry) => ({ ...entry, value: (entry.value as Record<string, unknown>)[String(year)] }));
        const years = question.years.map((year): YearFigures => ({ year, ...distribution(cell, cellsOf(year), column) }));
        const pooled = distribution(cell, question.years.flatMap(cellsOf), column);
        const whole = distribution({ type: 'matrix' }, given, column);
        return { ...base, ...whole, notApplicable: pooled.notApplicable, years, pooled };
      }
      if (question.type === 'group' || question.type === 'measures') {
        const items: Given[] = given.flatMap((entry) => (Array.isArray(entry.value) ? entry.value.map((item) => ({ ...entry, value: item })) : []));
        const fields = itemFields(question).map(
          (field): FieldFigures => ({
            code: field.code,
            label: field.label,
            type: field.type,
            caption: captionOf(`${question.code}.${field.code}`),
            ...distribution(
              field,
              items.map((item) => ({ ...item, value: (item.value as Record<string, unknown>)[field.code] })),
              { method: methodOf(`${question.code}.${field.code}`), texts: true },
            ),
          }),
        );
        return { ...base, ...distribution({ type: 'group' }, given, column), items: items.length, fields };
      }
      return { ...base, ...distribution(question as Spec, given, column) };
    }),
  );
}

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The definition's ratios (analytics.ratios) per year over the given submitted questionnaires. */
export function computeRatios(input: AnalyticsInput): RatioFigures[] {
  const questions = new Map(input.definition.sections.flatMap((section) => section.questions.map((question) => [question.code, question] as const)));
  return (input.definition.analytics?.ratios ?? []).map((ratio) => {
    const numerator = questions.get(ratio.numerator);
    // The definition guarantees both sides are numeric with the same years (see ratioIssues).
    const years = numerator?.type === 'yearMatrix' ? numerator.years : [input.definition.year];
    const answerOf = (answers: Record<string, unknown>, code: string, year: number): unknown => {
      const value = answers[code];
      if (numerator?.type !== 'yearMatrix') return value;
      return value && typeof value === 'object' ? (value as Record<string, unknown>)[String(year)] : undefined;
    };
    return {
      code: ratio.code,
      label: ratio.label,
      unit: ratio.unit ?? null,
      numerator: ratio.numerator,
      denominator: ratio.denominator,
      years: years.map((year): RatioYear => {
        const own: number[] = [];
        const regions: (RegionRef | null)[] = [];
        let skipped = 0;
        let numerators = 0;
        let denominators = 0;
        input.answers.forEach((answers, index) => {
          const top = answerOf(answers, ratio.numerator, year);
          const bottom = answerOf(answers, ratio.denominator, year);
          if (finite(top) && finite(bottom) && bottom > 0) {
            own.push((top / bottom) * ratio.scale);
            regions.push(input.regions?.[index] ?? null);
            numerators += top;
            denominators += bottom;
          } else if (finite(top) || finite(bottom)) skipped += 1;
        });
        const stats = numberStats(own, regions);
        return {
          year,
          count: own.length,
          skipped,
          mean: stats?.mean ?? null,
          min: stats?.min ?? null,
          max: stats?.max ?? null,
          median: stats?.median ?? null,
          aggregate: denominators > 0 ? (numerators / denominators) * ratio.scale : null,
          minRegions: stats?.minRegions ?? [],
          maxRegions: stats?.maxRegions ?? [],
          suppressed: false,
        };
      }),
    };
  });
}
