// The coordinators' export, downloaded through the web handler with a coordinator's session and
// opened with exceljs: a sheet per section, labels instead of codes, year columns, the measures sheet;
// and the CSV for Russian Excel. Nobody else gets it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR, respondentWith } from '../helpers/console.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';
import { startSession } from '../../api/src/auth/sessions.ts';

let t: TestWeb;
let coordinator: string;

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  await t.openWindow('nok-2021');
  await respondentWith(
    t,
    'altai@example.org',
    'nok-2021',
    [
      ['authority', section1],
      ['situation', section2at80],
      ['measures', { measures: [1, 2, 3, 4, 5].map(measure) }],
    ],
    { submitted: true },
  );
  await respondentWith(t, 'moscow@example.org', 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', respondent_powers: ['bus_gov_accuracy'] }],
  ]);
  await t.openWindow('nok-2023');
  await respondentWith(t, 'tver@example.org', 'nok-2023', [
    ['operator', { operator_contract_price: { 2021: 623.5, 2022: 700 }, operator_selection_method: { 2021: 'auction' } }],
  ]);
});
afterAll(() => t?.close());

async function workbookOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('GET /admin/export/<campaign>.xlsx', () => {
  it('streams a workbook: one sheet per section, a row per respondent, labels instead of codes, the measures sheet', async () => {
    const response = await t.request('/admin/export/nok-2021.xlsx', { headers: { cookie: coordinator } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="nok-2021.xlsx"');
    const workbook = await workbookOf(response);
    // Section 3 holds nothing but the measures: they are on the measures sheet, not on an empty one.
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '1. Сведения об органе власти',
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^4\. /),
      'Мероприятия',
    ]);
    const authority = workbook.worksheets[0]!;
    const header = rowValues(authority, 1) as string[];
    expect(header.slice(0, 4)).toEqual(['Электронная почта', 'Субъект РФ', 'Статус', 'Заполнено, %']);
    expect(authority.rowCount).toBe(3);
    const altai = rowValues(authority, 2);
    expect(altai.slice(0, 3)).toEqual(['altai@example.org', 'Алтайский край', 'Отправлена']);
    expect(altai).toContain(
      'Размещение информации о результатах НОК на официальном сайте bus.gov.ru; Обеспечение достоверности, полноты и своевременности размещения информации',
    );
    expect(altai).not.toContain('bus_gov_publication');
    expect(rowValues(authority, 3).slice(0, 3)).toEqual(['moscow@example.org', 'Москва', 'Заполняется']);
    const measures = workbook.getWorksheet('Мероприятия')!;
    expect(measures.rowCount).toBe(6);
    expect(rowValues(measures, 2).slice(0, 4)).toEqual([
      'altai@example.org',
      'Алтайский край',
      1,
      'Прикладные меры, предпринимаемые по итогам проведения оценки',
    ]);
    expect(String(rowValues(measures, 2)[4])).toMatch(/материально-технической базы/);
  });

  it('is made for reading: no empty sheet, names cut at a word, the header frozen with filters, column widths, no column twice', async () => {
    for (const code of ['nok-2021', 'nok-2023']) {
      const workbook = await workbookOf(await t.request(`/admin/export/${code}.xlsx`, { headers: { cookie: coordinator } }));
      for (const sheet of workbook.worksheets) {
        const header = rowValues(sheet, 1) as string[];
        // Every sheet has columns beyond the four fixed ones: no sheet is empty.
        expect(header.length, sheet.name).toBeGreaterThan(4);
        expect(new Set(header).size, `${sheet.name}: ${header.join(' | ')}`).toBe(header.length);
        expect(sheet.name.length).toBeLessThanOrEqual(31);
        expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
        expect(sheet.autoFilter).toBeTruthy();
        for (let column = 1; column <= header.length; column += 1) {
          expect(sheet.getColumn(column).width, `${sheet.name} column ${column}`).toBeGreaterThanOrEqual(6);
        }
        expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(30);
        expect(sheet.getRow(1).font?.bold).toBe(true);
      }
    }
    const workbook = await workbookOf(await t.request('/admin/export/nok-2021.xlsx', { headers: { cookie: coordinator } }));
    const names = workbook.worksheets.map((sheet) => sheet.name);
    // «2. Охарактеризуйте текущую ситуацию по проведению…» cut after a whole word.
    const titles = ['Охарактеризуйте текущую ситуацию по проведению и использованию', 'Развитие системы НОК'];
    expect(names[1]).toMatch(/^2\. \S.*…$/);
    expect(titles[0]!.startsWith(names[1]!.slice(3, -1))).toBe(true);
    expect(titles[0]![names[1]!.length - 4]).toBe(' ');
    expect(names[2]).toBe('4. Развитие системы НОК');
    // The region is the fixed «Субъект РФ» column only, not again as the answer to question «Субъект РФ».
    const header = rowValues(workbook.worksheets[0]!, 1) as string[];
    expect(header.filter((cell) => /Субъект РФ/.test(cell))).toEqual(['Субъект РФ']);
    expect(workbook.worksheets[0]!.getRow(1).alignment?.wrapText).toBe(true);
  });

  it('gives year matrices a column per year with numbers as numbers', async () => {
    const workbook = await workbookOf(await t.request('/admin/export/nok-2023.xlsx', { headers: { cookie: coordinator } }));
    const operator = workbook.worksheets[1]!;
    const header = rowValues(operator, 1) as string[];
    const at = (label: RegExp) => header.findIndex((cell) => label.test(cell));
    const row = rowValues(operator, 2);
    expect(row[at(/^2\.2\. .* — 2021$/)]).toBe(623.5);
    expect(row[at(/^2\.2\. .* — 2022$/)]).toBe(700);
    // The selection method's option label, in its 2021 column.
    expect(row).toContain('Аукцион');
    expect(header[row.indexOf('Аукцион')]).toMatch(/ — 2021$/);
    expect(row).not.toContain('auction');
  });

  it('refuses anonymous callers (401) and respondents (403), and says 404 for an unknown campaign', async () => {
    expect((await t.request('/admin/export/nok-2021.xlsx')).status).toBe(401);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'altai@example.org' } });
    const { cookie } = await startSession(t.web.app.auth, user.id);
    expect((await t.request('/admin/export/nok-2021.csv', { headers: { cookie: `${cookie.name}=${cookie.value}` } })).status).toBe(403);
    expect((await t.request('/admin/export/nope.xlsx', { headers: { cookie: coordinator } })).status).toBe(404);
  });
});

describe('GET /admin/export/<campaign>.csv', () => {
  it('is UTF-8 with a BOM, «;»-separated, every question in one file, decimal commas', async () => {
    const response = await t.request('/admin/export/nok-2023.csv', { headers: { cookie: coordinator } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]!.startsWith('Электронная почта;Субъект РФ;Статус;Заполнено, %;')).toBe(true);
    expect(lines[1]).toMatch(/^tver@example\.org;;Заполняется;\d+;/);
    expect(lines[1]).toContain(';623,5;700;');
    expect(lines[1]).toContain('Аукцион');
  });
});
