// The analytics coordinators publish (seed 002): over SUBMITTED questionnaires only — per choice
// question the count and share of each option (per year for year matrices), per number question
// count/mean/min/max/median, how many answered, the ratios the definition names (cost per
// organisation and per respondent), and the regions that did not take part.
// `computeAnalytics` is pure (definition + answers → figures); `campaignAnalytics` loads and calls it.
import type { Db } from '../db/client.ts';
import type { Question, SurveyDefinition } from '../survey/definition.ts';
import { campaignByCode, campaignDefinition } from './campaigns.ts';

export interface OptionShare {
  code: string;
  label: string;
  count: number;
  /** count ÷ respondents who answered the question (or the year): 0–1. For a multiple choice the shares add up to more than 1. */
  share: number;
}

export interface NumberStats {
  count: number;
  mean: number;
  min: number;
  max: number;
  median: number;
}

export interface YearFigures {
  year: number;
  answered: number;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
}

export interface QuestionFigures {
  code: string;
  sectionCode: string;
  number: string | null;
  label: string;
  type: Question['type'];
  /** For a year matrix, the type of its cells (number, singleChoice…); otherwise null. */
  cellType: string | null;
  /** Submitted questionnaires that answer the question. */
  answered: number;
  options: OptionShare[] | null;
  numbers: NumberStats | null;
  years: YearFigures[] | null;
}

export interface RatioYear {
  /** The matrix year; for a ratio of plain numbers, the survey's year. */
  year: number;
  /** Questionnaires whose own ratio was computed (both numbers given, denominator above 0). */
  count: number;
  /** Questionnaires that give one side for the year but no usable pair (missing, or a zero denominator). */
  skipped: number;
  /** Statistics of the questionnaires' own ratios (null when none was computed). */
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  /** Sum of numerators ÷ sum of denominators over the same questionnaires (× scale). */
  aggregate: number | null;
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
}

export function numberStats(values: number[]): NumberStats | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    median,
  };
}

type Choice = { type: string; options?: { code: string; label: string }[] };

const BOOLEAN_OPTIONS = [
  { code: 'true', label: 'Да' },
  { code: 'false', label: 'Нет' },
];

function optionsOf(question: Choice): { code: string; label: string }[] | null {
  if (question.type === 'singleChoice' || question.type === 'multipleChoice') return question.options ?? [];
  if (question.type === 'boolean') return BOOLEAN_OPTIONS;
  return null;
}

/** Shares of options among the given values (each value is one respondent's answer). */
function shares(question: Choice, values: unknown[]): OptionShare[] | null {
  const options = optionsOf(question);
  if (!options) return null;
  const counts = new Map(options.map((option) => [option.code, 0]));
  for (const value of values) {
    const chosen = Array.isArray(value) ? value : [value];
    // A respondent counts once per option, whatever the stored array holds.
    for (const code of new Set(chosen.map(String))) if (counts.has(code)) counts.set(code, counts.get(code)! + 1);
  }
  return options.map((option) => ({
    ...option,
    count: counts.get(option.code)!,
    share: values.length ? counts.get(option.code)! / values.length : 0,
  }));
}

function numbers(question: Choice, values: unknown[]): NumberStats | null {
  if (question.type !== 'number') return null;
  return numberStats(values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)));
}

const answeredValue = (value: unknown) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);

export function computeAnalytics(input: AnalyticsInput): QuestionFigures[] {
  return input.definition.sections.flatMap((section) =>
    section.questions.map((question): QuestionFigures => {
      const values = input.answers.map((answers) => answers[question.code]).filter(answeredValue);
      const base = {
        code: question.code,
        sectionCode: section.code,
        number: question.number ?? null,
        label: question.label,
        type: question.type,
        cellType: question.type === 'yearMatrix' ? question.cell.type : null,
        answered: values.length,
      };
      if (question.type === 'yearMatrix') {
        const cell = question.cell as Choice;
        const years = question.years.map((year) => {
          const cells = values.map((value) => (value as Record<string, unknown>)[String(year)]).filter(answeredValue);
          return { year, answered: cells.length, options: shares(cell, cells), numbers: numbers(cell, cells) };
        });
        return { ...base, options: null, numbers: null, years };
      }
      return { ...base, options: shares(question as Choice, values), numbers: numbers(question as Choice, values), years: null };
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
        let skipped = 0;
        let numerators = 0;
        let denominators = 0;
        for (const answers of input.answers) {
          const top = answerOf(answers, ratio.numerator, year);
          const bottom = answerOf(answers, ratio.denominator, year);
          if (finite(top) && finite(bottom) && bottom > 0) {
            own.push((top / bottom) * ratio.scale);
            numerators += top;
            denominators += bottom;
          } else if (finite(top) || finite(bottom)) skipped += 1;
        }
        const stats = numberStats(own);
        return {
          year,
          count: own.length,
          skipped,
          mean: stats?.mean ?? null,
          min: stats?.min ?? null,
          max: stats?.max ?? null,
          median: stats?.median ?? null,
          aggregate: denominators > 0 ? (numerators / denominators) * ratio.scale : null,
        };
      }),
    };
  });
}

export interface CampaignAnalytics {
  campaignCode: string;
  title: string;
  respondentsCount: number;
  sections: { code: string; title: string }[];
  questions: QuestionFigures[];
  ratios: RatioFigures[];
  /** Regions without a submitted questionnaire, in official order. */
  nonParticipatingRegions: { id: number; code: string; name: string }[];
}

const PAGE = 500;

export async function campaignAnalytics(prisma: Db, campaignCode: string): Promise<CampaignAnalytics> {
  const campaign = await campaignByCode(prisma, campaignCode);
  const definition = campaignDefinition(campaign);
  const answers: Record<string, unknown>[] = [];
  const participating = new Set<number>();
  // Read in pages by id so a campaign of thousands of questionnaires is a handful of queries.
  let cursor = 0;
  for (;;) {
    const page = await prisma.response.findMany({
      where: { campaignId: campaign.id, status: 'SUBMITTED', id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: PAGE,
      select: { id: true, regionId: true, answers: { select: { questionCode: true, value: true } } },
    });
    for (const response of page) {
      answers.push(Object.fromEntries(response.answers.map((answer) => [answer.questionCode, answer.value])));
      if (response.regionId) participating.add(response.regionId);
    }
    if (page.length < PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  const regions = await prisma.region.findMany({ orderBy: { position: 'asc' }, select: { id: true, code: true, name: true } });
  return {
    campaignCode: campaign.code,
    title: campaign.title,
    respondentsCount: answers.length,
    sections: definition.sections.map((section) => ({ code: section.code, title: section.title })),
    questions: computeAnalytics({ definition, answers }),
    ratios: computeRatios({ definition, answers }),
    nonParticipatingRegions: regions.filter((region) => !participating.has(region.id)),
  };
}
