// Imports the best-practice catalogue (seed 003, prisma/seeds/best-practices.txt): a table of
// group → form of implementation → region → one practice text per sphere.
//
// The document is a dump of a Word table. A row starts with an empty line (the table's first column,
// always empty in data rows); each following cell starts on a line indented with a tab, and the lines
// that follow without a tab continue that cell (so cells keep their internal line breaks, including
// blank lines inside a cell). Columns: form of implementation, region, then the five spheres named in
// the header row (Здравоохранение, Образование, Соц.обслуживание, Культура, Спорт). A row of a single
// cell is a group heading («Учет результатов НСОК», «Публичные мероприятия по реализации НСОК»).
//
// Decisions taken from the document itself:
// - A blank form cell continues the form of the row above (a vertically merged cell). A blank region
//   cell likewise continues the region above; the document has one such row, under
//   «Информационно-разъяснительные мероприятия» after «Республика Башкортостан», and it is allowed only
//   when the form is continued too.
// - Word writes a horizontally merged cell once. Rows with fewer than five sphere cells therefore have
//   a merged first cell: 10 rows hold a single text for all five spheres (e.g. Волгоградская область,
//   «…при разработке целевых программ развития и модернизации соответствующих сфер социального
//   сектора…») and one row (Республика Тыва) holds a text spanning four spheres followed by an empty
//   «Спорт» cell; its text names exactly those four spheres. The first cell is read as spanning the
//   missing columns, and its text becomes one practice for each sphere it covers (`span` > 1).
// - Cells holding only spaces or no-break spaces are empty. Texts keep their line breaks; trailing
//   spaces of each line and blank lines at the ends are removed. Form, region and group names have
//   their whitespace collapsed.
// - Region names are kept as written in the parse ("Ханты-Мансийский АО", "Республика Саха-Якутия") and
//   resolved against the regions table with the matcher of reference/regionLookup.ts at import time.
//
// Anything that does not fit the table structure is refused with a PracticeDocumentError naming the line,
// and an unknown region refuses the whole import, before anything is written.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Db } from '../db/client.ts';
import { createRegionMatcher } from '../reference/regionLookup.ts';
import { spheres as sphereReference } from '../reference/spheres.ts';
import { DocumentError } from './documentError.ts';

export interface ParsedPractice {
  /** 1-based number of the table row among the rows that hold practices (headings not counted). */
  row: number;
  /** 1-based line of the file where the row's first cell (the form) starts. */
  line: number;
  group: string;
  form: string;
  /** The region as written in the row (or in the row above, when the cell is blank). */
  regionName: string;
  sphereCode: string;
  /** Trimmed; internal line breaks kept. */
  text: string;
  /** How many sphere columns the source cell spans: 1, or more for a horizontally merged cell. */
  span: number;
}

export interface PracticeImportReport {
  /** Table rows that hold practices. */
  rows: number;
  /** Practices in the document (a merged cell counts once per sphere it spans). */
  practices: number;
  created: number;
  /** Practices that were already in the database (same form, region, sphere and text). */
  unchanged: number;
  /** Distinct groups and forms in the document. */
  groups: number;
  forms: number;
  byForm: Record<string, number>;
  /** Keyed by the region's official name from the database (not as written in the document). */
  byRegion: Record<string, number>;
  bySphere: Record<string, number>;
}

/** The document or the parsed practices cannot be imported; the message (in Russian) says where and why. */
export class PracticeDocumentError extends DocumentError {}

// ---------------------------------------------------------------------------------------------------
// Parsing

interface Cell {
  /** Line number (1-based) where the cell starts. */
  line: number;
  lines: string[];
}

interface TableRow {
  line: number;
  /** Text before the first tab-indented cell (only the very first header row has some). */
  lead: string[];
  cells: Cell[];
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const cellText = (cell: Cell) =>
  cell.lines
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .trim();
const singleLine = (cell: Cell) => collapse(cell.lines.join(' '));

function clip(text: string): string {
  const flat = collapse(text);
  return flat.length > 60 ? `${flat.slice(0, 60)}…` : flat;
}

function toRows(text: string): TableRow[] {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  const rows: TableRow[] = [];
  let row: TableRow | undefined;
  const startRow = (line: number) => {
    row = { line, lead: [], cells: [] };
    rows.push(row);
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw === '') {
      let next = i;
      while (next < lines.length && lines[next] === '') next++;
      if (next >= lines.length) break;
      if (lines[next]!.startsWith('\t')) {
        // An empty line before a cell: the (empty) first column of a new row.
        startRow(next + 1);
        i = next - 1;
        continue;
      }
      // Empty lines followed by text without a tab: blank lines inside the current cell.
      const target = row?.cells.at(-1)?.lines ?? row?.lead;
      if (target) for (let k = i; k < next; k++) target.push('');
      i = next - 1;
      continue;
    }
    if (!row) startRow(i + 1);
    if (raw.startsWith('\t')) {
      row!.cells.push({ line: i + 1, lines: [raw.slice(1)] });
    } else if (row!.cells.length > 0) {
      row!.cells.at(-1)!.lines.push(raw);
    } else {
      row!.lead.push(raw);
    }
  }
  return rows;
}

function sphereOfHeading(heading: string): string | undefined {
  const key = collapse(heading).toLowerCase().replace(/ё/g, 'е');
  return sphereReference.find((s) => s.name.toLowerCase() === key || s.aliases.some((a) => a.toLowerCase() === key))?.code;
}

/** Parses the best-practice table. Pure: no database, no file system. Throws PracticeDocumentError. */
export function parsePracticeTable(text: string): ParsedPractice[] {
  const rows = toRows(text);

  // The header: the row whose cells after the form and region columns name the spheres.
  const headerIndex = rows.findIndex((r) => r.cells.length > 2 && r.cells.slice(2).every((c) => sphereOfHeading(singleLine(c)) !== undefined));
  if (headerIndex < 0) {
    throw new PracticeDocumentError(
      'не найдена шапка таблицы: строка с наименованиями сфер («Здравоохранение», «Образование», «Соц.обслуживание», «Культура», «Спорт») после столбцов «Форма реализации» и «Регион».',
    );
  }
  const header = rows[headerIndex]!;
  const sphereCodes = header.cells.slice(2).map((c) => sphereOfHeading(singleLine(c))!);
  const repeated = sphereCodes.find((code, i) => sphereCodes.indexOf(code) !== i);
  if (repeated) throw new PracticeDocumentError(`в шапке таблицы сфера «${repeated}» указана дважды.`, header.line);

  const practices: ParsedPractice[] = [];
  let group: string | undefined;
  let form: string | undefined;
  let region: string | undefined;
  let rowNumber = 0;

  for (const tableRow of rows.slice(headerIndex + 1)) {
    const { cells } = tableRow;
    const lead = collapse(tableRow.lead.join(' '));
    if (lead !== '') throw new PracticeDocumentError(`текст вне ячеек таблицы: «${clip(lead)}».`, tableRow.line);
    if (cells.length === 0) continue;
    if (cells.length === 1) {
      const heading = singleLine(cells[0]!);
      if (heading === '') continue;
      group = heading;
      form = undefined;
      region = undefined;
      continue;
    }
    const first = cells[0]!;
    if (cells.length === 2) {
      throw new PracticeDocumentError('в строке таблицы только форма реализации и регион, нет ни одной ячейки сфер.', first.line);
    }
    if (cells.length > 2 + sphereCodes.length) {
      throw new PracticeDocumentError(
        `в строке таблицы ${cells.length} ячеек, а столбцов ${2 + sphereCodes.length} (форма реализации, регион, ${sphereCodes.length} сфер).`,
        first.line,
      );
    }
    if (!group) throw new PracticeDocumentError('строка с практиками стоит до первого заголовка группы («Учет результатов НСОК», …).', first.line);

    const formCell = singleLine(first);
    const regionCell = singleLine(cells[1]!);
    if (formCell !== '') {
      form = formCell;
    } else if (!form) {
      throw new PracticeDocumentError(`пустая форма реализации в первой строке группы «${group}».`, first.line);
    }
    if (regionCell !== '') {
      region = regionCell;
    } else if (formCell !== '' || !region) {
      throw new PracticeDocumentError(`не указан регион (форма реализации «${clip(form)}»).`, cells[1]!.line);
    }

    rowNumber++;
    const sphereCells = cells.slice(2);
    const span = sphereCodes.length - sphereCells.length + 1;
    let column = 0;
    sphereCells.forEach((cell, k) => {
      const width = k === 0 ? span : 1;
      const covered = sphereCodes.slice(column, column + width);
      column += width;
      const body = cellText(cell);
      if (body === '') return;
      for (const sphereCode of covered) {
        practices.push({ row: rowNumber, line: first.line, group: group!, form: form!, regionName: region!, sphereCode, text: body, span: width });
      }
    });
  }
  if (practices.length === 0) throw new PracticeDocumentError('в таблице не найдено ни одной практики.');
  return practices;
}

// ---------------------------------------------------------------------------------------------------
// Import

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const increment = (record: Record<string, number>, key: string) => {
  record[key] = (record[key] ?? 0) + 1;
};

/**
 * Writes the parsed practices in one transaction: groups and forms are created when missing (positions
 * in document order; existing ones are left as they are), practices already present (same form, region,
 * sphere and text) are skipped. Every region and sphere is resolved first: an unknown one throws and
 * nothing is written.
 */
export async function importPractices(prisma: Db, practices: ParsedPractice[], options: { source: string }): Promise<PracticeImportReport> {
  const regionRows = await prisma.region.findMany({ select: { id: true, code: true, name: true, aliases: true } });
  if (regionRows.length === 0) {
    throw new PracticeDocumentError('справочник регионов пуст: сначала загрузите справочные данные.');
  }
  const match = createRegionMatcher(regionRows);
  const regionByCode = new Map(regionRows.map((r) => [r.code, r]));
  const sphereRows = await prisma.sphere.findMany({ select: { id: true, code: true } });
  const sphereIdByCode = new Map(sphereRows.map((s) => [s.code, s.id]));

  const resolved = practices.map((p) => {
    const where = `строка таблицы ${p.row}`;
    const code = match(p.regionName);
    if (code === null) {
      throw new PracticeDocumentError(`${where}: неизвестный регион «${p.regionName}» (практика «${clip(p.text)}»).`, p.line);
    }
    const sphereId = sphereIdByCode.get(p.sphereCode);
    if (sphereId === undefined) {
      throw new PracticeDocumentError(`${where}: сфера «${p.sphereCode}» отсутствует в справочнике сфер.`, p.line);
    }
    if (p.group.trim() === '' || p.form.trim() === '' || p.text.trim() === '') {
      throw new PracticeDocumentError(`${where}: пустая группа, форма реализации или текст практики.`, p.line);
    }
    return { practice: p, region: regionByCode.get(code)!, sphereId, textSha256: sha256(p.text) };
  });

  // Groups and forms in the order they first appear.
  const groupNames = [...new Set(practices.map((p) => p.group))];
  const formsByGroup = new Map(groupNames.map((g) => [g, [] as string[]]));
  for (const p of practices) {
    const forms = formsByGroup.get(p.group)!;
    if (!forms.includes(p.form)) forms.push(p.form);
  }

  const report: PracticeImportReport = {
    rows: new Set(practices.map((p) => `${p.row}:${p.line}`)).size,
    practices: practices.length,
    created: 0,
    unchanged: 0,
    groups: groupNames.length,
    forms: [...formsByGroup.values()].reduce((n, forms) => n + forms.length, 0),
    byForm: {},
    byRegion: {},
    bySphere: {},
  };
  for (const { practice, region } of resolved) {
    increment(report.byForm, practice.form);
    increment(report.byRegion, region.name);
    increment(report.bySphere, practice.sphereCode);
  }

  return prisma.$transaction(
    async (tx) => {
      const formIds = new Map<string, number>(); // `${group}\u0000${form}` → id
      for (const [groupPosition, groupName] of groupNames.entries()) {
        const group = await tx.practiceGroup.upsert({
          where: { name: groupName },
          create: { name: groupName, position: groupPosition },
          update: {},
        });
        for (const [formPosition, formName] of formsByGroup.get(groupName)!.entries()) {
          const form = await tx.practiceForm.upsert({
            where: { groupId_name: { groupId: group.id, name: formName } },
            create: { groupId: group.id, name: formName, position: formPosition },
            update: {},
          });
          formIds.set(`${groupName}\u0000${formName}`, form.id);
        }
      }

      const keyOf = (p: { formId: number; regionId: number; sphereId: number; textSha256: string }) =>
        `${p.formId}:${p.regionId}:${p.sphereId}:${p.textSha256}`;
      const existing = await tx.practice.findMany({
        where: { formId: { in: [...formIds.values()] } },
        select: { formId: true, regionId: true, sphereId: true, textSha256: true },
      });
      const seen = new Set(existing.map(keyOf));
      const data = [];
      for (const { practice, region, sphereId, textSha256 } of resolved) {
        const row = {
          formId: formIds.get(`${practice.group}\u0000${practice.form}`)!,
          regionId: region.id,
          sphereId,
          text: practice.text,
          textSha256,
          source: `${options.source}:${practice.line}`,
        };
        const key = keyOf(row);
        if (seen.has(key)) continue;
        seen.add(key);
        data.push(row);
      }
      const { count } = data.length > 0 ? await tx.practice.createMany({ data, skipDuplicates: true }) : { count: 0 };
      report.created = count;
      report.unchanged = practices.length - count;
      return report;
    },
    { timeout: 120_000 },
  );
}

/** Reads the document as UTF-8, parses it and imports it; `source` defaults to the file name. */
export async function importPracticesFile(prisma: Db, path: string, options: { source?: string } = {}): Promise<PracticeImportReport> {
  const practices = parsePracticeTable(await readFile(path, 'utf8'));
  return importPractices(prisma, practices, { source: options.source ?? basename(path) });
}
