// A shipped questionnaire that gains a question after databases were made with it (issue 13, item 11:
// 2023's funding source «Иное» asks «уточните», 2.5.1): `npm start` on an existing data folder brings
// the new optional question and the «уточните» link into the stored campaign, keeping its answers and
// the coordinators' edits; a new data folder has them from the first import. And through the API,
// «Иное» in 2.5 without the text leaves the section incomplete, with it the section is complete.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../api/src/bootstrap.ts';
import { shippedAdditions, writeSurveyDefinition } from '../../api/src/import/survey.ts';
import { definitionDigest } from '../../api/src/survey/canonical.ts';
import { parseDefinition, type SurveyDefinition } from '../../api/src/survey/definition.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const file2023 = path.resolve(import.meta.dirname, '../../prisma/surveys/nok-2023.json');
const shipped = () => parseDefinition(JSON.parse(readFileSync(file2023, 'utf8')));

/** nok-2023 as databases made before 2.5.1 hold it, with a coordinator's help text on 2.6. */
function before2024(): SurveyDefinition {
  const old = shipped();
  const operator = old.sections.find((section) => section.code === 'operator')!;
  operator.questions = operator.questions.filter((question) => question.code !== 'operator_funding_source_other');
  for (const question of operator.questions) {
    if (question.code === 'operator_funding_source' && question.type === 'yearMatrix' && 'options' in question.cell)
      for (const option of question.cell.options) delete option.specify;
    if (question.code === 'operator_funding_programme') question.help = 'Правка координатора';
  }
  return parseDefinition(old);
}

const SAVE = `mutation($input: SaveSectionInput!) {
  saveSection(input: $input) {
    __typename
    ... on MutationSaveSectionSuccess { data { version completion { sections { code complete missing } } } }
    ... on ValidationError { fieldErrors { path code message } }
  }
}`;

const perYear = <T>(a: T, b: T, c: T) => ({ 2021: a, 2022: b, 2023: c });
/** Every required question of part 2 answered; 2023's funding source is «Иное». */
const operator = {
  operator_planned_price: perYear(623.5, 700, 0),
  operator_contract_price: perYear(378, 512.25, 0),
  operator_orgs_assessed: perYear(21, 22, 0),
  operator_respondents: perYear(1200, 1350, 0),
  operator_funding_source: perYear('regional_budget', 'regional_budget', 'other'),
  operator_selection_method: perYear('auction', 'auction', 'auction'),
  operator_control_forms: perYear(['tz_reporting_requirements'], ['tz_reporting_requirements'], ['tz_reporting_requirements']),
  operator_refusal: perYear(false, false, false),
  operator_online_tool: perYear('no', 'no', 'no'),
};

let t: TestApp;
let cookie: string;
let version = 0;
async function save(answers: Record<string, unknown>) {
  const result = await t.gql(SAVE, { input: { campaignCode: 'nok-2023', sectionCode: 'operator', version, answers } }, { cookie });
  const outcome = result.data.saveSection;
  if (outcome.__typename === 'MutationSaveSectionSuccess') version = outcome.data.version;
  return outcome;
}
const operatorState = (outcome: { data: { completion: { sections: { code: string }[] } } }) =>
  outcome.data.completion.sections.find((section) => section.code === 'operator');

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2023');
  cookie = (await t.respondent('funding@example.org')).cookie;
});
afterAll(() => t?.close());

describe('a new data folder', () => {
  it('holds the shipped questionnaire: 2.5.1 right after 2.5, linked from its «Иное»', async () => {
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    expect(campaign.definitionSha256).toBe(definitionDigest(shipped()));
    const questions = await t.db.prisma.question.findMany({
      where: { campaignId: campaign.id, section: { code: 'operator' } },
      orderBy: { position: 'asc' },
    });
    expect(questions.slice(4, 7).map((question) => [question.number, question.code, question.required])).toEqual([
      ['2.5', 'operator_funding_source', true],
      ['2.5.1', 'operator_funding_source_other', false],
      ['2.6', 'operator_funding_programme', false],
    ]);
    const cell = (questions[4]!.settings as { cell: { options: { code: string; specify?: string }[] } }).cell;
    expect(cell.options.find((option) => option.code === 'other')!.specify).toBe('operator_funding_source_other');
  });
});

describe('through the API', () => {
  it('«Иное» in 2.5 without the text: saved, the section incomplete; with it: complete; the text without «Иное» is refused', async () => {
    const without = await save(operator);
    expect(without.__typename).toBe('MutationSaveSectionSuccess');
    expect(operatorState(without)).toEqual({ code: 'operator', complete: false, missing: ['operator_funding_source'] });

    const withText = await save({ ...operator, operator_funding_source_other: { 2023: ' Средства фонда ' } });
    expect(withText.__typename).toBe('MutationSaveSectionSuccess');
    expect(operatorState(withText)).toEqual({ code: 'operator', complete: true, missing: [] });
    const stored = await t.db.prisma.answer.findFirstOrThrow({ where: { questionCode: 'operator_funding_source_other' } });
    expect(stored.value).toEqual({ 2023: 'Средства фонда' });

    const stray = await save({ ...operator, operator_funding_source_other: { 2021: 'Средства фонда' } });
    expect(stray.__typename).toBe('ValidationError');
    expect(stray.fieldErrors.map((error: { path: string; code: string }) => [error.path, error.code])).toEqual([
      ['operator_funding_source_other.2021', 'WRONG_VALUE'],
    ]);
  });
});

describe('an existing data folder made before 2.5.1', () => {
  it('gets the question and the link on start, keeping the answers and the coordinators’ edits; a second start changes nothing', async () => {
    const prisma = t.db.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    // The database as it was: the old questionnaire (the campaign has a response, so only this way) and an answer.
    await prisma.$transaction((tx) => writeSurveyDefinition(tx, before2024(), campaign, { state: campaign.state }));
    await prisma.answer.deleteMany({ where: { questionCode: 'operator_funding_source_other' } });
    expect(await prisma.question.count({ where: { code: 'operator_funding_source_other' } })).toBe(0);
    const answers = await prisma.answer.findMany({ where: { response: { campaignId: campaign.id } }, orderBy: { id: 'asc' } });
    expect(answers.map((answer) => answer.questionCode)).toContain('operator_funding_source');

    const report = await bootstrapDatabase(t.db);
    expect(report.surveysImported).toEqual([]);
    expect(report.surveysUpdated).toEqual(['nok-2023: operator_funding_source_other, operator_funding_source.other → operator_funding_source_other']);

    const after = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    const definition = parseDefinition(after.definition);
    expect(definition.sections.map((section) => section.questions.map((question) => question.code))).toEqual(
      shipped().sections.map((section) => section.questions.map((question) => question.code)),
    );
    const programme = definition.sections[1]!.questions.find((question) => question.code === 'operator_funding_programme')!;
    expect(programme.help).toBe('Правка координатора');
    expect(after.opensAt).toEqual(campaign.opensAt);
    expect(after.state).toBe(campaign.state);
    const row = await prisma.question.findFirstOrThrow({ where: { campaignId: after.id, code: 'operator_funding_source_other' } });
    expect([row.number, row.position, row.required]).toEqual(['2.5.1', 5, false]);
    expect(await prisma.answer.findMany({ where: { response: { campaignId: campaign.id } }, orderBy: { id: 'asc' } })).toEqual(answers);

    // Answered as before: 2023's «Иное» now asks for the text.
    const again = await save(operator);
    expect(operatorState(again)).toEqual({ code: 'operator', complete: false, missing: ['operator_funding_source'] });

    const second = await bootstrapDatabase(t.db);
    expect(second.surveysUpdated).toEqual([]);
    expect((await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } })).definitionSha256).toBe(after.definitionSha256);
  });

  it('adds nothing that would not be a valid questionnaire, and nothing required', () => {
    const stored = before2024();
    const required = shipped();
    const question = required.sections[1]!.questions.find((candidate) => candidate.code === 'operator_funding_source_other')!;
    question.required = true;
    // A required question is never added (existing answers would stop being complete), so neither is the link to it.
    expect(shippedAdditions(stored, required)).toBeNull();
    expect(shippedAdditions(shipped(), shipped())).toBeNull();
    expect(shippedAdditions(stored, shipped())!.added).toEqual([
      'operator_funding_source_other',
      'operator_funding_source.other → operator_funding_source_other',
    ]);
  });
});
