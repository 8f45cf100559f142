// The published report's pieces that are not layout, shared by the coordinators' console (its report
// tab, admin/src/console/analytics) and the server's public pages (api/src/http/reportPages.ts), so
// both lay out and export a publication one way: the order of its blocks (seed 002's: who took part,
// then the questionnaire's sections in order, each ratio right after the questions it derives from),
// a question's columns (each year and the years pooled), the note under each table (n and the share
// method), how a suppressed cell is shown, the CSV of every published table, and Russian numbers.
// Pure: no database, no Node, no DOM. The figures are typed structurally, so the console's GraphQL
// types and the stored snapshot (analytics.ts) both fit; share methods come in either case
// (the snapshot stores them in lower case, the console's API enum in upper case).
import { plural } from '../i18n/plural.ts';

// ---------------------------------------------------------------------------------------------------
// Numbers the Russian way: «45,5 %», «1 391,25».

const percent = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 });

/** A share 0–1 as «66,7 %». */
export const formatShare = (share: number) => percent.format(share);

/** A count with its share: «2 (66,7 %)». */
export const countWithShare = (count: number, share: number) => `${decimal.format(count)} (${formatShare(share)})`;

export const formatNumber = (value: number | null | undefined) => (value === null || value === undefined ? '—' : decimal.format(value));

export const questionnaires = (n: number) => `${decimal.format(n)} ${plural(n, ['анкета', 'анкеты', 'анкет'])}`;

export const regionsCount = (n: number) => `${decimal.format(n)} ${plural(n, ['регион', 'региона', 'регионов'])}`;

// ---------------------------------------------------------------------------------------------------
// The figures, as far as the report reads them.

export interface ReportRegion {
  code: string;
  name: string;
}

export interface ReportOption {
  code: string;
  label: string;
  count: number | null;
  share: number | null;
  shareOfRespondents: number | null;
  shareOfMentions: number | null;
  regions: ReportRegion[];
  suppressed: boolean;
}

export interface ReportNumbers {
  sum: number;
  mean: number;
  min: number;
  max: number;
  median: number;
  minRegions: ReportRegion[];
  maxRegions: ReportRegion[];
}

/** One column of figures: a question, a year, the years pooled, a group's field. */
export interface ReportColumn {
  answered: number | null;
  notApplicable: number;
  mentions: number | null;
  /** RESPONDENTS or MENTIONS, in either case; null when not a choice. */
  method: string | null;
  options: ReportOption[] | null;
  numbers: ReportNumbers | null;
  texts: { text: string; region: ReportRegion | null }[] | null;
  textsTotal: number;
  suppressed: boolean;
}

export interface ReportQuestion extends ReportColumn {
  code: string;
  sectionCode: string;
  number: string | null;
  label: string;
  type: string;
  cellType: string | null;
  caption: string | null;
  years: (ReportColumn & { year: number })[] | null;
  pooled: ReportColumn | null;
  items: number | null;
  fields: (ReportColumn & { code: string; label: string; type: string; caption: string | null })[] | null;
}

export interface ReportRatioYear {
  year: number;
  count: number;
  skipped: number;
  mean: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
  aggregate: number | null;
  suppressed: boolean;
}

export interface ReportRatio {
  code: string;
  label: string;
  unit: string | null;
  numerator: string;
  denominator: string;
  years: ReportRatioYear[];
}

export interface ReportAnalytics<Q extends ReportQuestion = ReportQuestion, R extends ReportRatio = ReportRatio> {
  year: number;
  sections: { code: string; title: string }[];
  questions: Q[];
  ratios: R[];
  expectedRegionsCount: number;
  participatingRegionsCount: number;
  nonParticipatingRegions: { code: string; name: string }[];
}

// ---------------------------------------------------------------------------------------------------
// The layout's logic.

export type ReportBlock<Q extends ReportQuestion = ReportQuestion, R extends ReportRatio = ReportRatio> =
  | { kind: 'question'; question: Q }
  | { kind: 'ratio'; ratio: R };

/** Questions in the definition's order, each ratio after the last of its numerator and denominator. */
export function reportBlocks<Q extends ReportQuestion, R extends ReportRatio>(analytics: {
  sections: { code: string }[];
  questions: Q[];
  ratios: R[];
}): ReportBlock<Q, R>[] {
  const blocks: ReportBlock<Q, R>[] = [];
  const placed = new Set<string>();
  for (const section of analytics.sections) {
    for (const question of analytics.questions.filter((candidate) => candidate.sectionCode === section.code)) {
      blocks.push({ kind: 'question', question });
      placed.add(question.code);
      for (const ratio of analytics.ratios) {
        if (!placed.has(`ratio:${ratio.code}`) && placed.has(ratio.numerator) && placed.has(ratio.denominator)) {
          blocks.push({ kind: 'ratio', ratio });
          placed.add(`ratio:${ratio.code}`);
        }
      }
    }
  }
  for (const ratio of analytics.ratios) if (!placed.has(`ratio:${ratio.code}`)) blocks.push({ kind: 'ratio', ratio });
  return blocks;
}

/** A block's code: the question's, or `ratio-` and the ratio's (unique in a publication; URLs of per-table CSVs). */
export const blockCode = (block: ReportBlock) => (block.kind === 'question' ? block.question.code : `ratio-${block.ratio.code}`);

/** «2.7. Способ определения оператора», or the label alone. */
export const questionTitle = (question: { number?: string | null; label: string }) =>
  question.number ? `${question.number}. ${question.label}` : question.label;

/** Whether a column's shares are of mentions (else of the respondents who answered). */
export const byMentions = (column: { method: string | null }) => column.method?.toUpperCase() === 'MENTIONS';

export type NamedColumn<C extends ReportColumn = ReportColumn> = C & { name: string };

/**
 * The columns of a question: each year and the years pooled («2021–2023»), or the question alone
 * (name ''). `skipEmptyYears`: leave out the years nobody answered (nor marked «не применимо»), and
 * the pooled column when one year is left (the public report; coordinators see every year).
 */
export function questionColumns<Q extends ReportQuestion>(question: Q, options: { skipEmptyYears?: boolean } = {}): NamedColumn<ReportColumn>[] {
  if (question.years && question.pooled) {
    const answered = options.skipEmptyYears ? question.years.filter((year) => year.answered !== 0 || year.notApplicable > 0) : question.years;
    const years = (answered.length ? answered : question.years).map((year) => ({ ...year, name: String(year.year) }));
    const span = `${question.years[0]!.year}–${question.years[question.years.length - 1]!.year}`;
    return years.length > 1 ? [...years, { ...question.pooled, name: span }] : years;
  }
  return [{ ...question, name: '' }];
}

/** What a suppressed cell shows: «<3» for the publication's threshold. */
export const hiddenMark = (threshold: number | null) => `<${threshold ?? 3}`;

/** The footnote of a table with suppressed cells. */
export const suppressionNote = (threshold: number | null) =>
  `«${hiddenMark(threshold)}» — скрыто: меньше ${threshold ?? 3} респондентов (или чтобы скрытое нельзя было вычислить из итогов).`;

/** What a column's shares are shares of, in words, with n per column, for the note under every table. */
export function methodNote(columns: NamedColumn[], type: string | null): string {
  const column = columns[0]!;
  const n = columns.map((one) => `${one.name ? `${one.name}: ` : ''}${formatNumber(one.answered)}`).join(', ');
  if (byMentions(column)) {
    const mentions = columns.map((one) => `${one.name ? `${one.name}: ` : ''}${formatNumber(one.mentions)}`).join(', ');
    return `Доли — от числа упоминаний (${mentions}); можно было выбрать несколько вариантов, сумма долей — 100 %. n (ответили) — ${n}.`;
  }
  if (type === 'multipleChoice')
    return `Доли — от числа ответивших (n — ${n}); можно было выбрать несколько вариантов, сумма долей может превышать 100 %.`;
  return `Доли — от числа ответивших (n — ${n}).`;
}

// ---------------------------------------------------------------------------------------------------
// The CSV of every published table.

/** A CSV cell: quoted, and text that a spreadsheet would take for a formula made inert. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value).replace('.', ',');
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

const HEADER = [
  'Таблица',
  'Вопрос',
  'Поле',
  'Год',
  'Вариант ответа / показатель',
  'Количество',
  'Доля (по методу таблицы)',
  'Доля от ответивших',
  'Доля от упоминаний',
  'Метод',
  'n (ответили)',
  'Упоминаний',
  'Скрыто',
];

const methodName = (method: string | null) => (!method ? '' : method.toUpperCase() === 'MENTIONS' ? 'от упоминаний' : 'от ответивших');

type Row = (string | number | null)[];

/**
 * One CSV row by its columns' names (HEADER's order): text columns left out are empty strings,
 * number columns left out are empty cells.
 */
interface CsvRow {
  table: string;
  question?: string;
  field?: string;
  year: string | number;
  name: string;
  count?: number | null;
  share?: number | null;
  shareOfRespondents?: number | null;
  shareOfMentions?: number | null;
  method?: string;
  answered?: number | null;
  mentions?: number | null;
  suppressed?: boolean;
}

const cells = (row: CsvRow): Row => [
  row.table,
  row.question ?? '',
  row.field ?? '',
  row.year,
  row.name,
  row.count ?? null,
  row.share ?? null,
  row.shareOfRespondents ?? null,
  row.shareOfMentions ?? null,
  row.method ?? '',
  row.answered ?? null,
  row.mentions ?? null,
  row.suppressed ? 'да' : '',
];

function participationRows(analytics: ReportAnalytics): Row[] {
  const table = `Участие (ожидалось регионов: ${analytics.expectedRegionsCount})`;
  return [
    { table, year: analytics.year, name: 'Приняли участие (регионов)', count: analytics.participatingRegionsCount },
    ...analytics.nonParticipatingRegions.map((region) => ({ table, year: analytics.year, name: `Не принял участия: ${region.name}` })),
  ].map(cells);
}

function blockRows(block: ReportBlock): Row[] {
  const rows: CsvRow[] = [];
  if (block.kind === 'ratio') {
    const { label, unit } = block.ratio;
    for (const year of block.ratio.years) {
      for (const [name, value] of [
        ['Учтено анкет', year.count],
        ['Среднее', year.mean],
        ['Минимум', year.min],
        ['Максимум', year.max],
        ['Медиана', year.median],
        ['Совокупно', year.aggregate],
      ] as const) {
        rows.push({ table: label, question: unit ?? '', year: year.year, name, count: value, suppressed: year.suppressed });
      }
    }
    return rows.map(cells);
  }
  const question = block.question;
  const label = questionTitle(question);
  const columns: { field: string; caption: string | null; year: string; column: ReportColumn }[] = question.fields
    ? question.fields.map((field) => ({ field: field.label, caption: field.caption, year: '', column: field }))
    : question.years
      ? [
          ...question.years.map((year) => ({ field: '', caption: question.caption, year: String(year.year), column: year })),
          ...(question.pooled ? [{ field: '', caption: question.caption, year: 'все годы', column: question.pooled }] : []),
        ]
      : [{ field: '', caption: question.caption, year: '', column: question }];
  for (const { field, caption, year, column } of columns) {
    const base = { table: caption ?? '', question: label, field, year, answered: column.answered };
    for (const option of column.options ?? []) {
      rows.push({
        ...base,
        name: option.label,
        count: option.count,
        share: option.share,
        shareOfRespondents: option.shareOfRespondents,
        shareOfMentions: option.shareOfMentions,
        method: methodName(column.method),
        mentions: column.mentions,
        suppressed: option.suppressed,
      });
    }
    if (column.numbers) {
      for (const [name, value] of [
        ['Сумма', column.numbers.sum],
        ['Среднее', column.numbers.mean],
        ['Минимум', column.numbers.min],
        ['Максимум', column.numbers.max],
        ['Медиана', column.numbers.median],
      ] as const) {
        rows.push({ ...base, name, count: value });
      }
    }
    for (const text of column.texts ?? []) rows.push({ ...base, name: text.text });
    if (!column.options && !column.numbers && !(column.texts ?? []).length) {
      rows.push({ ...base, name: 'Ответили', count: column.answered, suppressed: column.suppressed });
    }
  }
  return rows.map(cells);
}

const csvOf = (rows: Row[]) => `\ufeff${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;

/** Every published table as rows of one CSV (semicolons, a BOM for spreadsheets, decimal commas). */
export function reportCsv(analytics: ReportAnalytics): string {
  return csvOf([HEADER, ...participationRows(analytics), ...reportBlocks(analytics).flatMap(blockRows)]);
}

/** One block's table as a CSV of its own (same columns as reportCsv). */
export function blockCsv(block: ReportBlock): string {
  return csvOf([HEADER, ...blockRows(block)]);
}
