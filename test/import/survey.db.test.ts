// Survey definitions are data: importing one twice changes nothing; a campaign with answers keeps its questionnaire.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { importSurveyDefinition, importSurveyFile, SurveyImportRefused } from '../../api/src/import/survey.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { section1 } from '../helpers/fixtures2021.ts';

const file2021 = path.resolve(import.meta.dirname, '../../prisma/surveys/nok-2021.json');
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('imports both shipped campaigns with their sections, questions and options', async () => {
  const campaigns = await t.db.prisma.campaign.findMany({
    orderBy: { year: 'asc' },
    include: { _count: { select: { sections: true, questions: true } } },
  });
  expect(campaigns.map((campaign) => [campaign.code, campaign._count.sections])).toEqual([
    ['nok-2021', 4],
    ['nok-2023', 3],
  ]);
  expect(campaigns[0]!.opensAt.toISOString()).toBe('2021-11-07T21:00:00.000Z');
  expect(await t.db.prisma.questionOption.count({ where: { question: { code: 'respondent_powers', campaign: { code: 'nok-2021' } } } })).toBe(6);
});

it('importing the same definition again changes nothing', async () => {
  const before = await t.db.prisma.question.findMany({ where: { campaign: { code: 'nok-2021' } }, orderBy: { id: 'asc' } });
  const report = await importSurveyFile(t.db.prisma, file2021);
  expect(report.outcome).toBe('unchanged');
  expect(await t.db.prisma.question.findMany({ where: { campaign: { code: 'nok-2021' } }, orderBy: { id: 'asc' } })).toEqual(before);
});

it('refuses to replace the questionnaire of a campaign that has answers, and keeps it intact', async () => {
  await t.openWindow('nok-2021');
  const { cookie } = await t.respondent('answers@example.org');
  const saved = await t.gql(
    `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename } }`,
    { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } },
    { cookie },
  );
  expect(saved.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
  const changed = parseDefinition(JSON.parse(readFileSync(file2021, 'utf8')));
  changed.sections[0]!.questions[0]!.label = 'Фамилия, имя, отчество';
  await expect(importSurveyDefinition(t.db.prisma, changed)).rejects.toBeInstanceOf(SurveyImportRefused);
  const question = await t.db.prisma.question.findFirst({ where: { code: 'respondent_name', campaign: { code: 'nok-2021' } } });
  expect(question!.label).toBe('ФИО лица, заполняющего анкету');
});
