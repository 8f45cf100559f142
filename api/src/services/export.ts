// Export of a campaign's answers for coordinators: an XLSX workbook (one sheet per section, one row per
// respondent, answers as option labels; measures on a sheet of their own) or one CSV of every
// question (UTF-8 with BOM, «;»-separated, as Russian Excel opens it). Both are streamed: responses
// are read in pages by id and each row is written out as it is made, so memory stays flat however
// many respondents there are.
import type { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Db } from '../db/client.ts';
import type { Campaign } from '../generated/prisma/client.ts';
import type { Question } from '../survey/definition.ts';
import { answerText, loadLabelCatalog, questionsOf, yearValueText, type LabelCatalog } from './answerLabels.ts';
import { campaignDefinition } from './campaigns.ts';

export const EXPORT_PAGE = 500;

const STATUS_TEXT = { DRAFT: 'Заполняется', SUBMITTED: 'Отправлена' } as const;

/** A column of answers: one per question, or one per year of a year matrix. */
interface AnswerColumn {
  header: string;
  value(answers: Map<string, unknown>, catalog: LabelCatalog): string | number;
}

function columnsFor(question: Question): AnswerColumn[] {
  const title = question.number ? `${question.number}. ${question.label}` : question.label;
  if (question.type === 'yearMatrix') {
    return question.years.map((year) => ({
      header: `${title} — ${year}`,
      value: (answers, catalog) => {
        const raw = answers.get(question.code) as Record<string, unknown> | undefined;
        const cell = raw?.[String(year)];
        return typeof cell === 'number' ? cell : yearValueText(question, raw, year, catalog);
      },
    }));
  }
  return [
    {
      header: title,
      value: (answers, catalog) => {
        const raw = answers.get(question.code);
        return typeof raw === 'number' ? raw : answerText(question, raw, catalog);
      },
    },
  ];
}

const FIXED_HEADERS = ['Электронная почта', 'Субъект РФ', 'Статус', 'Заполнено, %'];

/**
 * Questions that get columns of their own: not the measures (a sheet of their own) and not the
 * region, which is the response's region, already in the fixed «Субъект РФ» column.
 */
const isAnswerColumn = (question: Question) => question.type !== 'measures' && question.type !== 'region';

interface ExportRow {
  email: string;
  region: string;
  status: string;
  completion: number;
  answers: Map<string, unknown>;
}

/** Pages through a campaign's responses by id; `sectionCode` limits the answers read to one section. */
async function* responsePages(prisma: Db, campaignId: number, sectionCode?: string): AsyncGenerator<ExportRow[]> {
  let cursor = 0;
  for (;;) {
    const page = await prisma.response.findMany({
      where: { campaignId, id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: EXPORT_PAGE,
      select: {
        id: true,
        status: true,
        completion: true,
        respondent: { select: { email: true } },
        region: { select: { name: true } },
        answers: { where: sectionCode ? { sectionCode } : {}, select: { questionCode: true, value: true } },
      },
    });
    if (!page.length) return;
    yield page.map((response) => ({
      email: response.respondent.email,
      region: response.region?.name ?? '',
      status: STATUS_TEXT[response.status],
      completion: response.completion,
      answers: new Map(response.answers.map((answer) => [answer.questionCode, answer.value as unknown])),
    }));
    if (page.length < EXPORT_PAGE) return;
    cursor = page[page.length - 1]!.id;
  }
}

/** Excel's limit on a sheet's name. */
const SHEET_NAME_MAX = 31;

/** Cuts text to `max` characters at a word's end, with «…» when words were left out. */
function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max); // the last character goes to «…»
  const space = room.lastIndexOf(' ');
  const cut = (space > 0 ? room.slice(0, space) : room.slice(0, max - 1)).replace(/[\s,.;:–—-]+$/u, '');
  return `${cut}…`;
}

/** Excel's sheet-name rules: at most 31 characters (cut at a word's end), none of []:*?/\, unique. */
export function sheetName(index: number, title: string, taken: Set<string>): string {
  const clean = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const prefix = `${index}. `;
  let name = prefix + cutAtWord(clean, SHEET_NAME_MAX - prefix.length);
  for (let n = 2; taken.has(name); n += 1) name = `${prefix}${cutAtWord(clean, SHEET_NAME_MAX - prefix.length - ` (${n})`.length)} (${n})`;
  taken.add(name);
  return name;
}

/** A column's width in characters: enough for its header's longest word, at most 60. */
export function columnWidth(header: string, least = 12): number {
  const longestWord = Math.max(...header.split(/\s+/).map((word) => word.length));
  return Math.min(60, Math.max(least, longestWord + 2, Math.ceil(header.length / 3)));
}

/**
 * A sheet for reading: the header row frozen (it stays while scrolling), bold and wrapped, each
 * column as wide as `widths` says, and filters on the header.
 */
function addReadableSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, name: string, headers: string[], widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.commit();
  return sheet;
}

/** The fixed columns' widths: e-mail, region, status, completion. */
const FIXED_WIDTHS = [32, 28, 14, 12];

export const MEASURES_SHEET = 'Мероприятия';

export async function writeWorkbook(prisma: Db, campaign: Campaign, output: Writable): Promise<void> {
  const definition = campaignDefinition(campaign);
  const catalog = await loadLabelCatalog(prisma);
  // Loaded on the first export, not at the server's start (it is the largest module the API loads).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: true });
  workbook.creator = 'Мониторинг результатов НОК';
  const taken = new Set<string>([MEASURES_SHEET]);
  // One pass over the responses per sheet: each sheet is finished (committed) before the next starts,
  // so the zip never holds two sheets in memory. A section with nothing but measures has no sheet of
  // its own (its measures are on the measures sheet): sheets are numbered as their sections.
  for (const [index, section] of definition.sections.entries()) {
    const columns = section.questions.filter(isAnswerColumn).flatMap(columnsFor);
    if (!columns.length) continue;
    const headers = columns.map((column) => column.header);
    const sheet = addReadableSheet(
      workbook,
      sheetName(index + 1, section.title, taken),
      [...FIXED_HEADERS, ...headers],
      [...FIXED_WIDTHS, ...headers.map((text) => columnWidth(text, 16))],
    );
    for await (const page of responsePages(prisma, campaign.id, section.code)) {
      for (const row of page) {
        sheet.addRow([row.email, row.region, row.status, row.completion, ...columns.map((column) => column.value(row.answers, catalog))]).commit();
      }
    }
    sheet.commit();
  }
  // The measures sheet, when the questionnaire asks for measures.
  if (questionsOf(definition).some(({ question }) => question.type === 'measures')) {
    await writeMeasuresSheet(prisma, campaign, workbook);
  }
  await workbook.commit();
}

const MEASURE_HEADERS = [
  'Электронная почта',
  'Субъект РФ',
  '№',
  'Группа мер',
  'Тип мероприятия',
  'Название',
  'Описание',
  'Результат (эффект)',
  'Год',
];
const MEASURE_WIDTHS = [32, 28, 6, 36, 40, 40, 60, 50, 8];

async function writeMeasuresSheet(prisma: Db, campaign: Campaign, workbook: ExcelJS.stream.xlsx.WorkbookWriter): Promise<void> {
  const sheet = addReadableSheet(workbook, MEASURES_SHEET, MEASURE_HEADERS, MEASURE_WIDTHS);
  // Paged by response (a relation filter on every page of measures costs a join per page).
  let cursor = 0;
  for (;;) {
    const page = await prisma.response.findMany({
      where: { campaignId: campaign.id, id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: EXPORT_PAGE,
      select: {
        id: true,
        respondent: { select: { email: true } },
        region: { select: { name: true } },
        measures: { orderBy: [{ questionCode: 'asc' }, { position: 'asc' }], include: { type: { include: { group: true } } } },
      },
    });
    for (const response of page) {
      for (const measure of response.measures) {
        sheet
          .addRow([
            response.respondent.email,
            response.region?.name ?? '',
            measure.position + 1,
            measure.type?.group.name ?? '',
            measure.type?.name ?? '',
            measure.title ?? '',
            measure.description ?? '',
            measure.result ?? '',
            measure.year ?? '',
          ])
          .commit();
      }
    }
    if (page.length < EXPORT_PAGE) break;
    cursor = page[page.length - 1]!.id;
  }
  sheet.commit();
}

/**
 * Text that a spreadsheet would take for a formula (OWASP «CSV Injection»): a cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return. Answers, e-mail addresses and even question labels
 * come from outside, so every text cell is checked, not only the free-text answers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Numbers stay numbers (Russian Excel reads «12,5» as a number and «12.5» as text, and
 * «-5» as minus five). Text that would start a formula is neutralised as OWASP advises: prefixed
 * with a single quote and quoted, so Excel and LibreOffice show it as the text it is.
 */
export const csvField = (value: string | number): string => {
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/** Writes the CSV, waiting for the output to drain so a slow client does not fill memory. */
export async function writeCsv(prisma: Db, campaign: Campaign, output: Writable): Promise<void> {
  const definition = campaignDefinition(campaign);
  const catalog = await loadLabelCatalog(prisma);
  // Measures are rows of their own (the workbook's measures sheet); a flat file has no room for them.
  const columns = questionsOf(definition)
    .filter(({ question }) => isAnswerColumn(question))
    .flatMap(({ question }) => columnsFor(question));
  const write = async (line: string) => {
    if (!output.write(line)) await new Promise<void>((resolve) => output.once('drain', resolve));
  };
  await write(`\uFEFF${[...FIXED_HEADERS, ...columns.map((column) => column.header)].map(csvField).join(';')}\r\n`);
  for await (const page of responsePages(prisma, campaign.id)) {
    let chunk = '';
    for (const row of page) {
      const values = [row.email, row.region, row.status, row.completion, ...columns.map((column) => column.value(row.answers, catalog))];
      chunk += `${values.map(csvField).join(';')}\r\n`;
    }
    await write(chunk);
  }
  output.end();
}
