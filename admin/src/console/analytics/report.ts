// The published report's pieces that are not layout: the order of its blocks (seed 002's: who took
// part, then the questionnaire's sections in order, each ratio right after the questions it derives
// from) and the CSV of every published table.
import type { CampaignAnalytics, QuestionFigures, RatioFigures } from '../operations.ts';

export type ReportBlock = { kind: 'question'; question: QuestionFigures } | { kind: 'ratio'; ratio: RatioFigures };

/** Questions in the definition's order, each ratio after the last of its numerator and denominator. */
export function reportBlocks(analytics: CampaignAnalytics): ReportBlock[] {
  const blocks: ReportBlock[] = [];
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

const METHOD = { RESPONDENTS: 'от ответивших', MENTIONS: 'от упоминаний' } as const;

/** Every published table as rows of one CSV (semicolons, a BOM for spreadsheets, decimal commas). */
export function reportCsv(analytics: CampaignAnalytics): string {
  const rows: (string | number | null)[][] = [HEADER];
  const participation = `Участие (ожидалось регионов: ${analytics.expectedRegionsCount})`;
  rows.push([
    participation,
    '',
    '',
    analytics.year,
    'Приняли участие (регионов)',
    analytics.participatingRegionsCount,
    null,
    null,
    null,
    '',
    null,
    null,
    '',
  ]);
  for (const region of analytics.nonParticipatingRegions) {
    rows.push([participation, '', '', analytics.year, `Не принял участия: ${region.name}`, null, null, null, null, '', null, null, '']);
  }
  for (const block of reportBlocks(analytics)) {
    if (block.kind === 'ratio') {
      for (const year of block.ratio.years) {
        for (const [name, value] of [
          ['Учтено анкет', year.count],
          ['Среднее', year.mean],
          ['Минимум', year.min],
          ['Максимум', year.max],
          ['Медиана', year.median],
          ['Совокупно', year.aggregate],
        ] as const) {
          rows.push([
            block.ratio.label,
            block.ratio.unit ?? '',
            '',
            year.year,
            name,
            value,
            null,
            null,
            null,
            '',
            null,
            null,
            year.suppressed ? 'да' : '',
          ]);
        }
      }
      continue;
    }
    const question = block.question;
    const label = question.number ? `${question.number}. ${question.label}` : question.label;
    const columns = question.fields
      ? question.fields.map((field) => ({ field: field.label, caption: field.caption, year: '', column: field }))
      : question.years
        ? [
            ...question.years.map((year) => ({ field: '', caption: question.caption, year: String(year.year), column: year })),
            ...(question.pooled ? [{ field: '', caption: question.caption, year: 'все годы', column: question.pooled }] : []),
          ]
        : [{ field: '', caption: question.caption, year: '', column: question }];
    for (const { field, caption, year, column } of columns) {
      const method = column.method ? METHOD[column.method] : '';
      const base = [caption ?? '', label, field, year] as const;
      for (const option of column.options ?? []) {
        rows.push([
          ...base,
          option.label,
          option.count,
          option.share,
          option.shareOfRespondents,
          option.shareOfMentions,
          method,
          column.answered,
          column.mentions,
          option.suppressed ? 'да' : '',
        ]);
      }
      if (column.numbers) {
        for (const [name, value] of [
          ['Сумма', column.numbers.sum],
          ['Среднее', column.numbers.mean],
          ['Минимум', column.numbers.min],
          ['Максимум', column.numbers.max],
          ['Медиана', column.numbers.median],
        ] as const) {
          rows.push([...base, name, value, null, null, null, '', column.answered, null, '']);
        }
      }
      for (const text of column.texts ?? []) rows.push([...base, text.text, null, null, null, null, '', column.answered, null, '']);
      if (!column.options && !column.numbers && !(column.texts ?? []).length) {
        rows.push([...base, 'Ответили', column.answered, null, null, null, '', column.answered, null, column.suppressed ? 'да' : '']);
      }
    }
  }
  return `\ufeff${rows.map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
