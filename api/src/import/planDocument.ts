// Reads the Ministry of Labour plan for 2016–2018 (seed 001, prisma/seeds/federal-plan-2016-2018.txt):
// part I, the target indicators with the report value and yearly targets, and part II, the numbered
// activities with their sub-items, form of implementation, schedule, owners and level.
//
// The document is a dump of a Word table: every cell starts on a line indented with a tab, and the
// lines that follow without a tab (including blank ones) continue that cell. Part I has 6 cells a row
// (№, indicator, report year, three target years); part II has 5 cells a row (№, activity, form,
// schedule, owners) and one-cell rows for the level headings.
//
// Decisions taken from the document itself:
// - Owners: one per line; a line holding several "Фамилия И.О." is split. The definition
//   "Общественный совет при Минтруде России (далее – Общественный совет)" is dropped from the name and
//   the short form "Общественный совет" used later is expanded to the full name, so one body has one
//   spelling. Names are otherwise kept as written (activity 5 says "Петров С.В.").
// - A sub-item whose owners cell is empty (all of 1.1–1.11) continues the parent's vertically merged
//   owners cell: it gets the parent's owners, marked `ownersInherited`. Sub-items 6.1–6.5 name their own.
// - One sub-item of activity 1 (III квартал 2017, between 1.6 and 1.7) has no number in the document.
//   It gets the previous number with a Cyrillic letter, "1.6а" (a second one would be "1.6б"), and
//   `numbered: false`; the numbers printed in the document are kept for all others.
// - Sub-item titles lose the list dash in front and the ";" or "." at the end.
// - The level of an activity is the heading it sits under; sub-items take their parent's level.
// - An indicator's unit is read from its wording: a trailing ", в %" or ", число заседаний" is the unit
//   (and is removed from the name); a name starting "Число субъектов …" has the unit "число субъектов".
//
// Anything that does not fit the table structure is refused with a PlanDocumentError naming the line,
// before anything is written (plan.ts writes a parsed plan to the database).
import { Prisma } from '../generated/prisma/client.ts';
import { DocumentError } from './documentError.ts';

export type PlanLevel = 'FEDERAL' | 'REGIONAL';

export interface ParsedTarget {
  year: number;
  /** Decimal as a string with a dot ("45", "50.5"); a single value has min = max. */
  min: string;
  max: string;
}

export interface ParsedIndicator {
  number: number;
  name: string;
  unit: string;
  baseYear: number;
  baseValue: string;
  targets: ParsedTarget[];
}

export interface ParsedActivity {
  /** "1", "1.1", … as printed; a row without a number gets a synthetic one (see `numbered`). */
  number: string;
  /** false when the document prints no number for this row. */
  numbered: boolean;
  title: string;
  form: string | null;
  schedule: string | null;
  owners: string[];
  /** true when the owners cell was empty and the parent's owners were taken. */
  ownersInherited: boolean;
  level: PlanLevel;
  items: ParsedActivity[];
}

export interface ParsedPlan {
  code: string;
  title: string;
  yearFrom: number;
  yearTo: number;
  approvedBy: string | null;
  indicators: ParsedIndicator[];
  activities: ParsedActivity[];
}

/** The document or the parsed plan cannot be imported; the message (in Russian) says where and why. */
export class PlanDocumentError extends DocumentError {}

// ---------------------------------------------------------------------------------------------------
// Parsing

interface Cell {
  /** Line number (1-based) where the cell starts. */
  line: number;
  /** The cell's lines, trimmed, whitespace collapsed, blank ones removed. */
  lines: string[];
  /** The lines joined by spaces; a line starting with a list dash starts a new line. */
  text: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const listDash = /^[-–—]\s/;
const numberCell = /^(\d+(?:\.\d+)*)\.?$/;

function toCells(lines: string[], firstLine: number): Cell[] {
  const cells: Cell[] = [];
  let current: { line: number; raw: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const cellLines = current.raw.map(collapse).filter((l) => l !== '');
    const text = cellLines.map((l, i) => (i > 0 && listDash.test(l) ? `\n${l}` : i > 0 ? ` ${l}` : l)).join('');
    cells.push({ line: current.line, lines: cellLines, text });
  };
  lines.forEach((raw, i) => {
    if (raw.startsWith('\t')) {
      flush();
      current = { line: firstLine + i, raw: [raw] };
    } else if (current) {
      current.raw.push(raw);
    }
    // Text before the first cell belongs to the part's heading and is ignored.
  });
  flush();
  return cells;
}

/** "50,5" → "50.5"; null when the text is not a number. */
function parseDecimal(text: string): string | null {
  const compact = text.replace(/[\s\u00a0]/g, '');
  if (!/^-?\d+(?:[.,]\d+)?$/.test(compact)) return null;
  return compact.replace(',', '.');
}

/** "49" → 49..49; "45-50" → 45..50; null when it is neither. */
function parseValue(text: string): { min: string; max: string } | null {
  const single = parseDecimal(text);
  if (single !== null) return { min: single, max: single };
  const range = /^(.+?)\s*[-–—]\s*(.+)$/.exec(text.trim());
  if (!range) return null;
  const min = parseDecimal(range[1]!);
  const max = parseDecimal(range[2]!);
  if (min === null || max === null) return null;
  return { min, max };
}

const unitRules: { pattern: RegExp; unit: (m: RegExpExecArray) => string; strip: boolean }[] = [
  { pattern: /,\s*в\s*%+\s*$/, unit: () => '%', strip: true },
  { pattern: /,\s*(число\s+[а-яё]+)\s*$/i, unit: (m) => m[1]!.toLowerCase(), strip: true },
  { pattern: /^(число\s+[а-яё]+)/i, unit: (m) => m[1]!.toLowerCase(), strip: false },
];

function nameAndUnit(wording: string, number: number, line: number): { name: string; unit: string } {
  for (const rule of unitRules) {
    const match = rule.pattern.exec(wording);
    if (match) {
      const name = rule.strip ? wording.slice(0, match.index).trim() : wording;
      return { name: name.replace(/%%/g, '%'), unit: rule.unit(match) };
    }
  }
  throw new PlanDocumentError(
    `не удалось определить единицу измерения показателя ${number}: ожидалось «…, в %», «…, число …» или «Число …» в его наименовании.`,
    line,
  );
}

function parseIndicators(cells: Cell[], headingLine: number, yearFrom: number, yearTo: number): ParsedIndicator[] {
  const where = 'Таблица целевых показателей';
  let i = 0;
  if (cells[i]?.text === '№') i++;
  if (cells[i] && /показател/i.test(cells[i]!.text)) i++;
  const years: { year: number; line: number }[] = [];
  for (; i < cells.length; i++) {
    const m = /^(\d{4})\s*г/.exec(cells[i]!.text);
    if (!m) break;
    years.push({ year: Number(m[1]), line: cells[i]!.line });
  }
  if (years.length < 2) {
    throw new PlanDocumentError(
      `${where}: в шапке должны быть год отчета и хотя бы один год с целевым значением («2015 г. (отчет)», «2016г.», …); найдено годов: ${years.length}.`,
      cells[i]?.line ?? headingLine,
    );
  }
  const [base, ...targetYears] = years;
  for (const [k, t] of targetYears.entries()) {
    const previous = k === 0 ? base!.year : targetYears[k - 1]!.year;
    if (t.year <= previous) throw new PlanDocumentError(`${where}: годы в шапке идут не по порядку (${previous}, ${t.year}).`, t.line);
    if (t.year < yearFrom || t.year > yearTo) {
      throw new PlanDocumentError(`${where}: год ${t.year} вне срока плана (${yearFrom}–${yearTo}).`, t.line);
    }
  }

  const indicators: ParsedIndicator[] = [];
  while (i < cells.length) {
    const numberCellAt = cells[i]!;
    const expected = indicators.length + 1;
    const m = /^(\d+)\.?$/.exec(numberCellAt.text);
    if (!m) {
      throw new PlanDocumentError(`${where}: ожидался номер показателя ${expected}, а найдено «${clip(numberCellAt.text)}».`, numberCellAt.line);
    }
    if (Number(m[1]) !== expected) {
      throw new PlanDocumentError(`${where}: показатель № ${m[1]} стоит на месте показателя № ${expected}.`, numberCellAt.line);
    }
    const nameCell = cells[i + 1];
    if (!nameCell || nameCell.text === '' || parseValue(nameCell.text) !== null) {
      throw new PlanDocumentError(`${where}: у показателя ${expected} нет наименования.`, nameCell?.line ?? numberCellAt.line);
    }
    const valueCells = cells.slice(i + 2, i + 2 + years.length);
    const values = valueCells.map((cell, k) => {
      const value = parseValue(cell.text);
      if (!value) {
        throw new PlanDocumentError(
          `${where}: показатель ${expected}, ${years[k]!.year} г.: ожидалось число или диапазон («45-50»), а найдено «${clip(cell.text)}». ` +
            `Проверьте, что у каждого показателя ${years.length} значения (${years.map((y) => y.year).join(', ')}).`,
          cell.line,
        );
      }
      if (new Prisma.Decimal(value.min).greaterThan(value.max)) {
        throw new PlanDocumentError(
          `${where}: показатель ${expected}, ${years[k]!.year} г.: в диапазоне «${cell.text}» начало больше конца.`,
          cell.line,
        );
      }
      return value;
    });
    if (values.length < years.length) {
      throw new PlanDocumentError(
        `${where}: у показателя ${expected} ${values.length} значений вместо ${years.length} (${years.map((y) => y.year).join(', ')}).`,
        numberCellAt.line,
      );
    }
    const [baseValue, ...targetValues] = values;
    if (baseValue!.min !== baseValue!.max) {
      throw new PlanDocumentError(
        `${where}: отчетное значение показателя ${expected} за ${base!.year} г. должно быть одним числом, а не диапазоном.`,
        valueCells[0]!.line,
      );
    }
    const { name, unit } = nameAndUnit(nameCell.text, expected, nameCell.line);
    indicators.push({
      number: expected,
      name,
      unit,
      baseYear: base!.year,
      baseValue: baseValue!.min,
      targets: targetValues.map((v, k) => ({ year: targetYears[k]!.year, ...v })),
    });
    i += 2 + years.length;
  }
  if (indicators.length === 0) throw new PlanDocumentError(`${where}: не найдено ни одного показателя.`, headingLine);
  return indicators;
}

// No \b here: in JavaScript it only knows latin word characters.
const levelHeading = /^Мероприятия\s.*?(федеральн|региональн)[а-яё]*\s+уровн[а-яё]*$/i;
const personName = /[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ]\.\s*[А-ЯЁ]\./g;
const definition = /^(.*?)\s*\(далее\s*[-–—]\s*(.+?)\)\s*$/;

function splitOwners(cell: Cell, aliases: Map<string, string>): string[] {
  const owners: string[] = [];
  for (const rawLine of cell.lines) {
    let line = rawLine.replace(/[\s,;]+$/, '');
    if (line === '') continue;
    const defined = definition.exec(line);
    if (defined) {
      line = defined[1]!;
      aliases.set(defined[2]!, line);
    }
    const people = line.match(personName) ?? [];
    const onlyPeople = people.length > 1 && line.replace(personName, '').trim() === '';
    for (const owner of onlyPeople ? people.map(collapse) : [line]) {
      if (!owners.includes(owner)) owners.push(owner);
    }
  }
  return owners;
}

function parseActivities(cells: Cell[], headingLine: number): ParsedActivity[] {
  const where = 'План мероприятий';
  const header = cells.findIndex((c) => /^ответственные исполнители$/i.test(c.text));
  if (header < 0 || header > 5) {
    throw new PlanDocumentError(
      `${where}: не найдена шапка таблицы («Мероприятия», «Форма реализации», «Сроки исполнения», «Ответственные исполнители»).`,
      headingLine,
    );
  }
  const aliases = new Map<string, string>();
  const activities: ParsedActivity[] = [];
  let level: PlanLevel | undefined;
  let previous: { parent: ParsedActivity | undefined } | undefined; // the row before, and its parent
  let lastTop: ParsedActivity | undefined; // the last top-level activity with a printed number
  let lastPrinted = ''; // the last number printed in the document, base of synthetic numbers
  let letters = 0;
  let lastSubIndex = 0;

  let i = header + 1;
  while (i < cells.length) {
    const first = cells[i]!;
    const heading = levelHeading.exec(first.text);
    if (heading) {
      level = heading[1]!.toLowerCase().startsWith('федеральн') ? 'FEDERAL' : 'REGIONAL';
      i++;
      continue;
    }
    const row = cells.slice(i, i + 5);
    const numberMatch = numberCell.exec(first.text);
    if (!numberMatch && first.text !== '') {
      throw new PlanDocumentError(`${where}: ожидался номер мероприятия или заголовок уровня, а найдено «${clip(first.text)}».`, first.line);
    }
    if (row.length < 5) {
      throw new PlanDocumentError(`${where}: в строке таблицы ${row.length} ячеек вместо 5 (№, мероприятие, форма, сроки, исполнители).`, first.line);
    }
    const [, titleCell, formCell, scheduleCell, ownersCell] = row as [Cell, Cell, Cell, Cell, Cell];
    const label = numberMatch ? `мероприятие ${numberMatch[1]}` : `мероприятие без номера после ${lastPrinted || 'шапки'}`;
    for (const cell of [titleCell, formCell, scheduleCell, ownersCell]) {
      if (numberCell.test(cell.text) || levelHeading.test(cell.text)) {
        throw new PlanDocumentError(`${where}: ${label}: столбцы сбились — вместо содержимого ячейки найдено «${clip(cell.text)}».`, cell.line);
      }
    }
    if (titleCell.text === '') throw new PlanDocumentError(`${where}: ${label}: нет наименования.`, titleCell.line);
    if (!level)
      throw new PlanDocumentError(
        `${where}: ${label} стоит до заголовка уровня («Мероприятия на федеральном уровне» / «Мероприятия регионального уровня»).`,
        first.line,
      );

    let number: string;
    let parent: ParsedActivity | undefined;
    if (numberMatch) {
      number = numberMatch[1]!;
      letters = 0;
      lastPrinted = number;
      const parts = number.split('.');
      if (parts.length === 1) {
        const expected = lastTop ? Number(lastTop.number) + 1 : 1;
        if (Number(number) !== expected) {
          throw new PlanDocumentError(`${where}: мероприятие № ${number} стоит на месте № ${expected}.`, first.line);
        }
        lastSubIndex = 0;
      } else if (parts.length === 2) {
        parent = lastTop;
        if (!parent || parts[0] !== parent.number) {
          throw new PlanDocumentError(`${where}: подпункт ${number} стоит не под мероприятием ${parts[0]}.`, first.line);
        }
        if (Number(parts[1]) !== lastSubIndex + 1) {
          throw new PlanDocumentError(`${where}: подпункт ${number} стоит на месте ${parent.number}.${lastSubIndex + 1}.`, first.line);
        }
        lastSubIndex++;
      } else {
        throw new PlanDocumentError(`${where}: номер ${number}: поддерживаются только мероприятия и их подпункты (1, 1.1).`, first.line);
      }
    } else {
      // No number printed: a sibling of the previous row, numbered after it with a letter.
      if (!previous) throw new PlanDocumentError(`${where}: первая строка таблицы без номера.`, first.line);
      parent = previous.parent;
      number = `${lastPrinted}${'абвгдежзиклмнопрстуфхцчшщэюя'[letters++] ?? letters}`;
    }

    const isSubItem = parent !== undefined;
    let title = titleCell.text;
    if (isSubItem)
      title = title
        .replace(/^[-–—]\s*/, '')
        .replace(/[;.]\s*$/, '')
        .trim();
    const owners = splitOwners(ownersCell, aliases);
    const activity: ParsedActivity = {
      number,
      numbered: numberMatch !== null,
      title,
      form: formCell.text || null,
      schedule: scheduleCell.text || null,
      owners,
      ownersInherited: false,
      level: parent ? parent.level : level,
      items: [],
    };
    if (parent) parent.items.push(activity);
    else activities.push(activity);
    if (!parent && activity.numbered) lastTop = activity;
    previous = { parent };
    i += 5;
  }
  if (activities.length === 0) throw new PlanDocumentError(`${where}: не найдено ни одного мероприятия.`, headingLine);

  // Aliases defined anywhere in the owners column ("(далее – Общественный совет)") apply everywhere.
  const expand = (owners: string[]) => [...new Set(owners.map((o) => aliases.get(o) ?? o))];
  for (const activity of activities) {
    activity.owners = expand(activity.owners);
    for (const item of activity.items) {
      item.owners = expand(item.owners);
      if (item.owners.length === 0) {
        item.owners = [...activity.owners];
        item.ownersInherited = true;
      }
    }
  }
  return activities;
}

function clip(text: string): string {
  const flat = collapse(text);
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

/** Parses the plan document. Pure: no database, no file system. Throws PlanDocumentError. */
export function parsePlanDocument(text: string): ParsedPlan {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const partI = lines.findIndex((l) => /^I\.\s/.test(l));
  const partII = lines.findIndex((l) => /^II\.\s/.test(l));
  if (partI < 0) throw new PlanDocumentError('Не найден раздел «I. Целевые показатели …».');
  if (partII < 0) throw new PlanDocumentError('Не найден раздел «II. План мероприятий».');
  if (partII < partI) throw new PlanDocumentError('Раздел II стоит перед разделом I.', partII + 1);

  const preamble = lines.slice(0, partI).map(collapse);
  const titleStart = preamble.findIndex((l) => /^План\s/.test(l));
  if (titleStart < 0) throw new PlanDocumentError('Не найдено наименование плана (строка, начинающаяся со слова «План»).');
  const titleLines: string[] = [];
  for (let k = titleStart; k < preamble.length && preamble[k] !== ''; k++) titleLines.push(preamble[k]!);
  const title = titleLines.join(' ');
  const years = /(\d{4})\s*[-–—]\s*(\d{4})\s*год/.exec(title);
  if (!years) throw new PlanDocumentError(`В наименовании плана не указан срок («… в 2016-2018 годах»): «${clip(title)}».`, titleStart + 1);
  const yearFrom = Number(years[1]);
  const yearTo = Number(years[2]);
  if (yearFrom > yearTo) throw new PlanDocumentError(`Срок плана ${yearFrom}–${yearTo}: начало позже конца.`, titleStart + 1);

  const approvedBy = parseApproval(preamble.slice(0, titleStart));
  const indicators = parseIndicators(toCells(lines.slice(partI + 1, partII), partI + 2), partI + 1, yearFrom, yearTo);
  const activities = parseActivities(toCells(lines.slice(partII + 1), partII + 2), partII + 1);
  return { code: `mintrud-nok-${yearFrom}-${yearTo}`, title, yearFrom, yearTo, approvedBy, indicators, activities };
}

/** "Утверждено приказом Минтруда России" + "от… февраля 2016 года №……." → "Приказ Минтруда России от … февраля 2016 года № …". */
function parseApproval(preamble: string[]): string | null {
  const start = preamble.findIndex((l) => /^Утвержден[оа]?\s/i.test(l));
  if (start < 0) return null;
  const parts = preamble.slice(start).filter((l) => l !== '');
  const text = collapse(
    parts
      .join(' ')
      .replace(/^Утвержден[оа]?\s+/i, '')
      .replace(/^приказом(?=\s)/i, 'Приказ')
      .replace(/\s*…[….]*/g, ' … '),
  );
  return text === '' ? null : text;
}

// ---------------------------------------------------------------------------------------------------
// Checks before import

/** Checks what the database constraints and the import rely on; throws PlanDocumentError. */
export function validateParsedPlan(plan: ParsedPlan): void {
  const problems: string[] = [];
  if (!plan.code.trim()) problems.push('пустой код плана');
  if (!plan.title.trim()) problems.push('пустое наименование плана');
  if (!(plan.yearFrom <= plan.yearTo)) problems.push(`срок плана ${plan.yearFrom}–${plan.yearTo}: начало позже конца`);
  const indicatorNumbers = new Set<number>();
  for (const indicator of plan.indicators) {
    if (indicatorNumbers.has(indicator.number)) problems.push(`показатель ${indicator.number} повторяется`);
    indicatorNumbers.add(indicator.number);
    if (parseDecimal(indicator.baseValue) === null)
      problems.push(`показатель ${indicator.number}: отчетное значение «${indicator.baseValue}» не число`);
    const years = new Set<number>();
    for (const target of indicator.targets) {
      if (years.has(target.year)) problems.push(`показатель ${indicator.number}: год ${target.year} повторяется`);
      years.add(target.year);
      const min = parseDecimal(target.min);
      const max = parseDecimal(target.max);
      if (min === null || max === null) problems.push(`показатель ${indicator.number}, ${target.year} г.: значение не число`);
      else if (new Prisma.Decimal(min).greaterThan(max))
        problems.push(`показатель ${indicator.number}, ${target.year} г.: начало диапазона больше конца`);
    }
  }
  const activityNumbers = new Set<string>();
  const visit = (activity: ParsedActivity) => {
    if (activityNumbers.has(activity.number)) problems.push(`мероприятие ${activity.number} повторяется`);
    activityNumbers.add(activity.number);
    if (!activity.title.trim()) problems.push(`мероприятие ${activity.number}: пустое наименование`);
  };
  for (const activity of plan.activities) {
    visit(activity);
    activity.items.forEach(visit);
  }
  if (problems.length > 0) throw new PlanDocumentError(`План не может быть загружен: ${problems.join('; ')}.`);
}
