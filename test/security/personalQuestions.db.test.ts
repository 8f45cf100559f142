// Which questions are about the person is the definition's word (`"personal": true`), not a list of
// codes: a coordinator's questionnaire asking the filler's `contact_phone`, marked personal, keeps the
// phone from every portal token with the `answers` scope, while the coordinators' record of the
// response, CSV and XLSX export still hold it (coordinators see everything).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSurveyDefinition } from '../../api/src/import/survey.ts';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';
import { COORDINATOR, respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

const CODE = 'nok-contacts';
const PHONE = '+7 913 555-01-23';
const EMAIL = 'kontakt-lichny@altai.example';

/** nok-2021 under another code, its first section asking two contacts of the filler, marked personal. */
function contactsDefinition() {
  const document = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../prisma/surveys/nok-2021.json'), 'utf8'));
  document.code = CODE;
  document.sections[0].questions.push(
    { code: 'contact_phone', type: 'text', label: 'Телефон лица, заполняющего анкету', personal: true, maxLength: 50 },
    { code: 'respondent_email', type: 'text', label: 'Электронная почта лица, заполняющего анкету', personal: true, maxLength: 200 },
  );
  return parseDefinition(document);
}

let t: TestWeb;
let coordinator: string;
let answersOnly: string;
let responseId: number;

async function gql(query: string, headers: Record<string, string>) {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return response.json();
}

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  await importSurveyDefinition(t.db.prisma, contactsDefinition());
  await t.openWindow(CODE);
  const saved = await respondentWith(
    t,
    'filler@altai.example',
    CODE,
    [['authority', { ...section1, contact_phone: PHONE, respondent_email: EMAIL }]],
    { submitted: true },
  );
  responseId = saved.responseId!;
  const issuer = { id: 'test', email: 'coordinator@vcot.example' };
  answersOnly = (await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-ALT', name: 'Ответы', scopes: ['answers'] })).secret;
});
afterAll(() => t?.close());

describe('a question the definition marks personal', () => {
  it('is left out of the portal’s answers scope, whatever its code', async () => {
    const result = await gql(
      `{ portalRegion { responses(filter: { campaignCode: "${CODE}" }) { totalCount nodes { sections { code answers { questionCode text } } } } } }`,
      { authorization: `Bearer ${answersOnly}` },
    );
    expect(result.errors).toBeUndefined();
    const page = result.data.portalRegion.responses;
    expect(page.totalCount).toBe(1);
    const codes = page.nodes[0].sections[0].answers.map((answer: { questionCode: string }) => answer.questionCode);
    expect(codes).toEqual(['region', 'authority_name', 'respondent_powers']);
    const text = JSON.stringify(result.data);
    for (const secret of [PHONE, EMAIL, section1.respondent_name, section1.respondent_position]) expect(text).not.toContain(secret);
    expect(text).toContain(section1.authority_name);
  });

  it('stays in the coordinators’ record of the response and in both exports', async () => {
    const result = await gql(`{ ResponseRecord(id: "${responseId}") { sections { code answers { questionCode text } } } }`, { cookie: coordinator });
    expect(result.errors).toBeUndefined();
    const answers = result.data.ResponseRecord.sections[0].answers;
    expect(answers).toEqual(
      expect.arrayContaining([
        { questionCode: 'contact_phone', text: PHONE },
        { questionCode: 'respondent_email', text: EMAIL },
        { questionCode: 'respondent_name', text: section1.respondent_name },
      ]),
    );

    const csv = await t.request(`/admin/export/${CODE}.csv`, { headers: { cookie: coordinator } });
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain(PHONE);
    expect(text).toContain(EMAIL);

    const xlsx = await t.request(`/admin/export/${CODE}.xlsx`, { headers: { cookie: coordinator } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const cells: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
    expect(cells).toContain(PHONE);
    expect(cells).toContain(EMAIL);
  });
});
