// Disclosure control of published analytics (issue 14, point 8), pure. A figure resting on fewer
// than `threshold` respondents (1 or 2 by default; a zero reveals nobody) is suppressed: its count,
// shares and regions become null/empty. Then secondary suppression: wherever published figures add
// up (the options of a column to its total of mentions — for a single choice that is its n —, each
// year of a matrix to the years pooled), a lone suppressed cell could be recomputed by subtraction, so
// the smallest other cell of the same sum is suppressed too, until no sum has exactly one hidden cell.
// Free-text answers are published only for the questions the definition names (analytics.publishTexts)
// and never with their region. Coordinators read the figures unsuppressed; only publications pass here.
import type { Distribution, OptionShare, QuestionFigures, RatioFigures } from './analyticsCompute.ts';

export const DEFAULT_DISCLOSURE_THRESHOLD = 3;

/** The threshold from ANALYTICS_MIN_CELL (an integer ≥ 1; 1 turns suppression off), default 3. */
export function disclosureThreshold(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ANALYTICS_MIN_CELL;
  if (raw === undefined || raw === '') return DEFAULT_DISCLOSURE_THRESHOLD;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 1000) {
    throw new Error(`ANALYTICS_MIN_CELL must be an integer from 1 to 1000, not "${raw}"`);
  }
  return value;
}

/** One published number that may be hidden. */
interface Cell {
  value: () => number;
  hidden: () => boolean;
  hide: () => void;
}

const small = (value: number | null | undefined, threshold: number) => value !== null && value !== undefined && value > 0 && value < threshold;

function hideOption(option: OptionShare) {
  option.count = null;
  option.share = null;
  option.shareOfRespondents = null;
  option.shareOfMentions = null;
  option.respondents = null;
  option.regions = [];
  option.suppressed = true;
}

function hideColumn(column: Distribution) {
  column.answered = null;
  column.respondents = null;
  column.mentions = null;
  column.numbers = null;
  for (const option of column.options ?? []) hideOption(option);
  column.suppressed = true;
}

const optionCell = (option: OptionShare, column: Distribution): Cell => ({
  value: () => option.count ?? 0,
  hidden: () => option.suppressed,
  hide: () => {
    hideOption(option);
    column.suppressed = true;
  },
});

/** A column's total of mentions (for a single choice, its n as well: they are the same number). */
const totalCell = (column: Distribution, single: boolean): Cell => ({
  value: () => column.mentions ?? 0,
  hidden: () => column.mentions === null,
  hide: () => {
    if (single) hideColumn(column);
    else {
      column.mentions = null;
      column.suppressed = true;
    }
  },
});

const answeredCell = (column: Distribution): Cell => ({
  value: () => column.answered ?? 0,
  hidden: () => column.answered === null,
  hide: () => hideColumn(column),
});

const numbersCell = (column: Distribution): Cell => ({
  value: () => column.numbers?.count ?? 0,
  hidden: () => column.numbers === null,
  hide: () => {
    column.numbers = null;
    column.suppressed = true;
  },
});

/** Primary suppression of one column. */
function primary(column: Distribution, threshold: number) {
  if (small(column.respondents, threshold) || small(column.answered, threshold)) {
    hideColumn(column);
    return;
  }
  for (const option of column.options ?? []) {
    if (small(option.respondents, threshold) || small(option.count, threshold)) {
      hideOption(option);
      column.suppressed = true;
    }
  }
  if (column.numbers && (small(column.numbers.count, threshold) || small(column.respondents, threshold))) {
    column.numbers = null;
    column.suppressed = true;
  }
}

/** Hides more cells until no sum has exactly one hidden member. */
function secondary(groups: Cell[][]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const hidden = group.filter((cell) => cell.hidden());
      if (hidden.length !== 1) continue;
      // The smallest other part first (a non-zero one: a zero hides nothing), the total (index 0) last.
      const [total, ...parts] = group;
      const candidates = parts.filter((cell) => !cell.hidden());
      const next =
        candidates.filter((cell) => cell.value() > 0).sort((a, b) => a.value() - b.value())[0] ??
        candidates[0] ??
        (total && !total.hidden() ? total : undefined);
      if (next) {
        next.hide();
        changed = true;
      }
    }
  }
}

/** The sums inside one column: the options add up to the mentions. */
function columnGroups(column: Distribution, single: boolean): Cell[][] {
  if (!column.options) return [];
  return [[totalCell(column, single), ...column.options.map((option) => optionCell(option, column))]];
}

const isSingle = (type: string | null) => type !== 'multipleChoice';

function stripTexts(column: Distribution, published: boolean) {
  if (!column.texts) return;
  if (!published) {
    column.texts = null;
    column.textsTotal = 0;
    return;
  }
  column.texts = column.texts.map((text) => ({ text: text.text, region: null }));
}

/** The figures of questions as they may be published: suppressed and without unpublished texts. Mutates and returns them. */
export function discloseQuestions(questions: QuestionFigures[], threshold: number, publishTexts: string[]): QuestionFigures[] {
  for (const question of questions) {
    const groups: Cell[][] = [];
    if (question.years && question.pooled) {
      const single = isSingle(question.cellType);
      const columns = [question.pooled, ...question.years];
      for (const column of columns) {
        primary(column, threshold);
        stripTexts(column, publishTexts.includes(question.code));
        groups.push(...columnGroups(column, single));
      }
      // Each year adds up to the pooled years: n, mentions, each option and the numbers.
      groups.push(columns.map(answeredCell));
      if (question.pooled.options) {
        groups.push(columns.map((column) => totalCell(column, single)));
        question.pooled.options.forEach((_, o) => {
          groups.push(columns.map((column) => optionCell(column.options![o]!, column)));
        });
      }
      if (question.cellType === 'number') groups.push(columns.map(numbersCell));
      primary(question, threshold);
    } else if (question.fields) {
      primary(question, threshold);
      for (const field of question.fields) {
        primary(field, threshold);
        stripTexts(field, publishTexts.includes(`${question.code}.${field.code}`));
        groups.push(...columnGroups(field, isSingle(field.type)));
      }
    } else {
      primary(question, threshold);
      stripTexts(question, publishTexts.includes(question.code));
      groups.push(...columnGroups(question, isSingle(question.type)));
    }
    secondary(groups);
  }
  return questions;
}

/** Ratios resting on fewer than `threshold` questionnaires lose their statistics. Mutates and returns them. */
export function discloseRatios(ratios: RatioFigures[], threshold: number): RatioFigures[] {
  for (const ratio of ratios) {
    for (const year of ratio.years) {
      if (!small(year.count, threshold)) continue;
      Object.assign(year, { mean: null, min: null, max: null, median: null, aggregate: null, minRegions: [], maxRegions: [], suppressed: true });
    }
  }
  return ratios;
}
