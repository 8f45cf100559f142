// The shipped questionnaires mark the filler's name and position `"personal": true`. A data folder made
// before the flag holds them unmarked: `npm start` brings the marks into the stored campaigns, whatever
// their state and responses, without touching an answer or the coordinators' edits, and takes a marked
// question out of analytics.publishTexts (its text is never published); a second start changes nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapDatabase } from '../../api/src/bootstrap.ts';
import { shippedAdditions, writeSurveyDefinition } from '../../api/src/import/survey.ts';
import { parseDefinition, type SurveyDefinition } from '../../api/src/survey/definition.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

const shipped = (code: string) =>
  parseDefinition(JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../prisma/surveys/${code}.json`), 'utf8')));

/** A shipped definition as databases made before the flag hold it: no question marked personal. */
function beforeTheFlag(code: string, edit: (definition: SurveyDefinition) => void = () => {}): SurveyDefinition {
  const old = shipped(code);
  for (const question of old.sections.flatMap((section) => section.questions)) delete question.personal;
  edit(old);
  return parseDefinition(old);
}

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  await respondentWith(t, 'filler@altai.example', 'nok-2021', [['authority', section1]], { submitted: true });
});
afterAll(() => t?.close());

describe('an existing data folder made before the personal flag', () => {
  it('gets the marks on start, keeping answers and edits, and drops a marked question from publishTexts', async () => {
    const prisma = t.db.prisma;
    const campaigns = await prisma.campaign.findMany({ where: { code: { in: ['nok-2021', 'nok-2023'] } }, orderBy: { code: 'asc' } });
    // 2021 as a coordinator left it: a help text edited, the position published as text (valid before the flag).
    const old2021 = beforeTheFlag('nok-2021', (definition) => {
      definition.sections[0]!.questions[0]!.help = 'Правка координатора';
      definition.analytics = { ratios: [], shares: {}, captions: {}, publishTexts: ['respondent_position', 'authority_name'] };
    });
    await prisma.$transaction(async (tx) => {
      await writeSurveyDefinition(tx, old2021, campaigns[0]!, { state: campaigns[0]!.state });
      await writeSurveyDefinition(tx, beforeTheFlag('nok-2023'), campaigns[1]!, { state: campaigns[1]!.state });
    });
    const answers = await prisma.answer.findMany({ orderBy: { id: 'asc' } });
    expect(answers.map((answer) => answer.questionCode)).toContain('respondent_name');

    const report = await bootstrapDatabase(t.db);
    expect(report.surveysImported).toEqual([]);
    expect(report.surveysUpdated).toEqual([
      'nok-2021: respondent_name (personal), respondent_position (personal)',
      'nok-2023: respondent_name (personal), respondent_position (personal)',
    ]);

    const after = await prisma.campaign.findMany({ where: { code: { in: ['nok-2021', 'nok-2023'] } }, orderBy: { code: 'asc' } });
    for (const campaign of after) {
      const definition = parseDefinition(campaign.definition);
      const personal = definition.sections.flatMap((section) =>
        section.questions.filter((question) => question.personal).map((question) => question.code),
      );
      expect(personal, campaign.code).toEqual(['respondent_name', 'respondent_position']);
      const rows = await prisma.question.findMany({
        where: { campaignId: campaign.id, code: { in: ['respondent_name', 'authority_name'] } },
        orderBy: { code: 'asc' },
      });
      expect(rows.map((row) => [row.code, (row.settings as { personal?: boolean }).personal])).toEqual([
        ['authority_name', undefined],
        ['respondent_name', true],
      ]);
    }
    const new2021 = parseDefinition(after[0]!.definition);
    expect(new2021.sections[0]!.questions[0]!.help).toBe('Правка координатора');
    expect(new2021.analytics!.publishTexts).toEqual(['authority_name']);
    expect(after.map((campaign) => campaign.state)).toEqual(campaigns.map((campaign) => campaign.state));
    expect(await prisma.answer.findMany({ orderBy: { id: 'asc' } })).toEqual(answers);

    const second = await bootstrapDatabase(t.db);
    expect(second.surveysUpdated).toEqual([]);
    const again = await prisma.campaign.findMany({ where: { code: { in: ['nok-2021', 'nok-2023'] } }, orderBy: { code: 'asc' } });
    expect(again.map((campaign) => campaign.definitionSha256)).toEqual(after.map((campaign) => campaign.definitionSha256));
  });

  it('never takes a mark away, and adds nothing when the stored questions are already marked', () => {
    expect(shippedAdditions(shipped('nok-2023'), shipped('nok-2023'))).toBeNull();
    expect(shippedAdditions(shipped('nok-2023'), beforeTheFlag('nok-2023'))).toBeNull();
    expect(shippedAdditions(beforeTheFlag('nok-2023'), shipped('nok-2023'))!.added).toEqual([
      'respondent_name (personal)',
      'respondent_position (personal)',
    ]);
  });
});
