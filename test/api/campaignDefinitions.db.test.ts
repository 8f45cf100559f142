// Campaign questionnaires from the console: importing a definition document (new → draft, same →
// unchanged, invalid → every problem in Russian, frozen → refused), downloading it, and editing a
// draft question's options and help so that rows, JSON, digest and the engine agree. Nothing changes
// on a refusal.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaDir } from '../../api/src/db/migrations.ts';
import { campaignDefinition } from '../../api/src/services/campaigns.ts';
import { importSurveyDefinition } from '../../api/src/import/survey.ts';
import { definitionDigest } from '../../api/src/survey/canonical.ts';
import { parseDefinition } from '../../api/src/survey/definition.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;

const nok2021 = () => JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2021.json'), 'utf8'));
const nok2023 = () => JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2023.json'), 'utf8'));
/** A copy of the 2021 questionnaire under a new code. */
const draft2021 = (code = 'nok-2021-draft') => ({ ...nok2021(), code, title: 'Мониторинг НОК (черновик)' });

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

const IMPORT = `mutation($input: ImportCampaignDefinitionInput!) { importCampaignDefinition(input: $input) { __typename
  ... on MutationImportCampaignDefinitionSuccess { data { outcome message sections questions options campaign { code state sections { code } } } }
  ... on ValidationError { code message fieldErrors { path questionCode code message } }
  ... on DefinitionLockedError { code reason responses message } } }`;
const PREVIEW = `query($definition: JSON!) { campaignDefinitionPreview(definition: $definition) { __typename
  ... on QueryCampaignDefinitionPreviewSuccess { data { outcome campaignCode message sections questions options } }
  ... on ValidationError { message fieldErrors { path message } }
  ... on DefinitionLockedError { reason message } } }`;
const EDIT = `mutation($input: UpdateQuestionTextsInput!) { updateQuestionTexts(input: $input) { __typename
  ... on MutationUpdateQuestionTextsSuccess { data { code help settings options { code label help position } } }
  ... on ValidationError { code message fieldErrors { path questionCode code message } }
  ... on NotFoundError { message }
  ... on DefinitionLockedError { reason message } } }`;

/** Everything a refused call must leave as it was. */
async function snapshot() {
  const prisma = t.db.prisma;
  return {
    campaigns: await prisma.campaign.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, code: true, state: true, definitionSha256: true, definition: true, updatedAt: true },
    }),
    sections: await prisma.section.findMany({ orderBy: { id: 'asc' } }),
    questions: await prisma.question.findMany({ orderBy: { id: 'asc' } }),
    options: await prisma.questionOption.findMany({ orderBy: { id: 'asc' } }),
    audit: await prisma.auditLog.count(),
  };
}

const rowsOf = async (code: string, questionCode: string) => {
  const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code } });
  const question = await t.db.prisma.question.findUniqueOrThrow({
    where: { campaignId_code: { campaignId: campaign.id, code: questionCode } },
    include: { options: { orderBy: { position: 'asc' } } },
  });
  return { campaign, question };
};

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
});
afterAll(() => t?.close());

describe('importCampaignDefinition', () => {
  it('previews, then creates a new code as a DRAFT campaign with its rows, audited in the same transaction', async () => {
    const before = await snapshot();
    const preview = await as(PREVIEW, { definition: draft2021() });
    expect(preview.data.campaignDefinitionPreview.data).toMatchObject({ outcome: 'CREATED', campaignCode: 'nok-2021-draft', sections: 4 });
    expect(preview.data.campaignDefinitionPreview.data.message).toMatch(/^Будет создан новый опрос/);
    expect(await snapshot()).toEqual(before);

    const result = await as(IMPORT, { input: { definition: draft2021(), reason: 'Анкета 2024 года' } });
    const data = result.data.importCampaignDefinition.data;
    expect(data).toMatchObject({ outcome: 'CREATED', sections: 4, campaign: { code: 'nok-2021-draft', state: 'DRAFT' } });
    expect(data.campaign.sections.map((section: any) => section.code)).toEqual(['authority', 'situation', 'measures', 'development']);
    expect(data.message).toMatch(/Черновик/);
    const { campaign, question } = await rowsOf('nok-2021-draft', 'respondent_powers');
    expect(campaign.definitionSha256).toBe(definitionDigest(campaign.definition));
    expect(question.options.length).toBeGreaterThanOrEqual(2);
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { action: 'campaign.definition.import' } });
    expect(entry).toMatchObject({
      actorEmail: 'coordinator@vcot.example',
      subjectType: 'Campaign',
      subjectId: 'nok-2021-draft',
      reason: 'Анкета 2024 года',
      before: null,
    });
    expect(entry!.after).toMatchObject({
      outcome: 'created',
      digest: campaign.definitionSha256,
      sections: 4,
      questions: data.questions,
      options: data.options,
    });
    // A draft is the coordinators' business only.
    expect((await t.gql(`{ campaign(code: "nok-2021-draft") { code } }`)).data.campaign).toBeNull();
  });

  it('the same document again (even with another key order) is «без изменений» and writes nothing', async () => {
    const before = await snapshot();
    const reordered = Object.fromEntries(Object.entries(draft2021()).reverse());
    const result = await as(IMPORT, { input: { definition: reordered } });
    expect(result.data.importCampaignDefinition.data).toMatchObject({ outcome: 'UNCHANGED', campaign: { code: 'nok-2021-draft' } });
    expect(result.data.importCampaignDefinition.data.message).toMatch(/^Без изменений/);
    expect(await snapshot()).toEqual(before);
    // The published shipped campaign, imported unchanged, is also left alone.
    expect((await as(IMPORT, { input: { definition: nok2021() } })).data.importCampaignDefinition.data.outcome).toBe('UNCHANGED');
    expect(await snapshot()).toEqual(before);
  });

  it('replaces the questionnaire of a draft without responses (outcome UPDATED, audited with before/after)', async () => {
    const changed = draft2021();
    changed.sections[3].title = 'Развитие системы НОК (редакция 2)';
    const oldDigest = (await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021-draft' } })).definitionSha256;
    const result = await as(IMPORT, { input: { definition: changed } });
    expect(result.data.importCampaignDefinition.data.outcome).toBe('UPDATED');
    const campaign = await t.db.prisma.campaign.findUniqueOrThrow({
      where: { code: 'nok-2021-draft' },
      include: { sections: { orderBy: { position: 'asc' } } },
    });
    expect(campaign.sections[3]!.title).toBe('Развитие системы НОК (редакция 2)');
    expect(campaign.state).toBe('DRAFT');
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'campaign.definition.import' }, orderBy: { id: 'desc' } });
    expect(entry.before).toMatchObject({ digest: oldDigest, sections: 4 });
    expect(entry.after).toMatchObject({ outcome: 'updated', digest: campaign.definitionSha256 });
  });

  it('an invalid document: every problem with its path and a Russian message; nothing written', async () => {
    const before = await snapshot();
    const bad = draft2021('nok-bad');
    delete bad.title;
    bad.window.opensAt = '8 ноября 2021';
    bad.sections[0].questions[0].requried = true;
    bad.sections[0].questions[4].options[1].code = bad.sections[0].questions[4].options[0].code;
    // A choice question by its code (its position moves when questions are added before it).
    const emptied = bad.sections[1].questions.findIndex((question: any) => question.code === 'opinion_forms');
    expect(emptied).toBeGreaterThanOrEqual(0);
    bad.sections[1].questions[emptied].options = [];
    bad.sections[1].questions[2].type = 'scale';
    const result = await as(IMPORT, { input: { definition: bad } });
    const error = result.data.importCampaignDefinition;
    expect(error.__typename).toBe('ValidationError');
    expect(error.message).toMatch(/ничего не импортировано/);
    const byPath = Object.fromEntries(error.fieldErrors.map((item: any) => [item.path, item]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'title',
        'window.opensAt',
        'sections[0].questions[0]',
        'sections[0].questions[4].options[1].code',
        `sections[1].questions[${emptied}].options`,
        'sections[1].questions[2].type',
      ].sort(),
    );
    expect(byPath.title.message).toBe('Обязательное поле «title» не заполнено.');
    expect(byPath['window.opensAt'].message).toMatch(/ISO 8601/);
    expect(byPath['sections[0].questions[0]']).toMatchObject({ questionCode: 'respondent_name', code: 'UNKNOWN_KEY' });
    expect(byPath['sections[0].questions[0]'].message).toMatch(/Неизвестное поле «requried»/);
    expect(byPath['sections[0].questions[4].options[1].code']).toMatchObject({ questionCode: 'respondent_powers', code: 'DUPLICATE_CODE' });
    expect(byPath[`sections[1].questions[${emptied}].options`].message).toMatch(/не меньше 1 элемента/);
    expect(byPath['sections[1].questions[2].type'].message).toMatch(/^Неизвестный тип «scale»: допустимы text, longText/);
    for (const item of error.fieldErrors) expect(item.message).toMatch(/[а-яё]/i);
    // A broken document is refused by the preview alike.
    expect((await as(PREVIEW, { definition: bad })).data.campaignDefinitionPreview.fieldErrors).toHaveLength(6);
    // Not an object at all.
    expect((await as(IMPORT, { input: { definition: [1, 2] } })).data.importCampaignDefinition.message).toMatch(/JSON-объект/);
    // Only the schema's own rules: a window closing before it opens, an unknown unlock section.
    const refined = draft2021('nok-bad');
    refined.window.closesAt = '2021-11-01T00:00:00+03:00';
    refined.sections[3].unlockAfter = ['nowhere'];
    const refusal = (await as(IMPORT, { input: { definition: refined } })).data.importCampaignDefinition;
    expect(refusal.fieldErrors.map((item: any) => [item.path, item.message])).toEqual([
      ['window.closesAt', 'Дата закрытия (closesAt) должна быть позже даты открытия (opensAt).'],
      ['sections[3].unlockAfter[0]', 'Раздела с кодом «nowhere» нет в документе (или это сам раздел): укажите код другого раздела.'],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a change to a published campaign, and to a draft that has responses; nothing changes', async () => {
    const before = await snapshot();
    const published = nok2023();
    published.sections[0].title = 'Другое название';
    const preview = (await as(PREVIEW, { definition: published })).data.campaignDefinitionPreview;
    expect(preview).toMatchObject({ __typename: 'DefinitionLockedError', reason: 'NOT_DRAFT' });
    const refused = (await as(IMPORT, { input: { definition: published } })).data.importCampaignDefinition;
    expect(refused).toMatchObject({ __typename: 'DefinitionLockedError', code: 'DEFINITION_LOCKED', reason: 'NOT_DRAFT' });
    expect(refused.message).toMatch(/^Опрос «nok-2023» опубликован: .*импортируйте под новым кодом/);
    expect(await snapshot()).toEqual(before);

    // A draft with an answer (it was open once, then taken back to a draft by hand).
    await as(IMPORT, { input: { definition: draft2021('nok-answered') } });
    await t.openWindow('nok-answered');
    await t.db.prisma.campaign.update({ where: { code: 'nok-answered' }, data: { state: 'PUBLISHED' } });
    await respondentWith(t, 'official@altai.example', 'nok-answered', [['authority', section1]]);
    await t.db.prisma.campaign.update({ where: { code: 'nok-answered' }, data: { state: 'DRAFT' } });
    const answered = await snapshot();
    const changed = draft2021('nok-answered');
    changed.sections[0].title = 'Другое название';
    const result = (await as(IMPORT, { input: { definition: changed } })).data.importCampaignDefinition;
    expect(result).toMatchObject({ __typename: 'DefinitionLockedError', reason: 'HAS_RESPONSES', responses: 1 });
    expect(result.message).toMatch(/уже есть 1 ответ: они ссылаются на коды вопросов/);
    const edit = (
      await as(EDIT, {
        input: {
          campaignCode: 'nok-answered',
          questionCode: 'legislation_changes',
          help: 'x',
          options: [
            { code: 'a', label: 'А' },
            { code: 'b', label: 'Б' },
          ],
        },
      })
    ).data.updateQuestionTexts;
    expect(edit).toMatchObject({ __typename: 'DefinitionLockedError', reason: 'HAS_RESPONSES' });
    expect(await snapshot()).toEqual(answered);
  });

  it('lets a change of the analytics block alone into a published campaign with responses; the questionnaire rows stay', async () => {
    await t.openWindow('nok-2023');
    await respondentWith(t, 'official@tver.example', 'nok-2023', [['operator', { operator_contract_price: { 2021: 600 } }]]);
    const rowsBefore = await snapshot();
    // An older database holds nok-2023 without the cost ratios (as before they were added).
    const { analytics, ...withoutRatios } = nok2023();
    expect(analytics.ratios.length).toBe(2);
    const cli = await importSurveyDefinition(t.db.prisma, parseDefinition(withoutRatios));
    expect(cli.outcome).toBe('updated');
    expect(campaignDefinition(await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } })).analytics).toBeUndefined();
    // And back, from the console: allowed, audited, rows untouched.
    const preview = (await as(PREVIEW, { definition: nok2023() })).data.campaignDefinitionPreview;
    expect(preview.data).toMatchObject({ outcome: 'UPDATED', message: expect.stringMatching(/только расчётные показатели аналитики/) });
    const result = (await as(IMPORT, { input: { definition: nok2023(), reason: 'Стоимость НОК' } })).data.importCampaignDefinition;
    expect(result.data).toMatchObject({ outcome: 'UPDATED', campaign: { code: 'nok-2023', state: 'PUBLISHED' } });
    const after = await snapshot();
    expect(after.sections).toEqual(rowsBefore.sections);
    expect(after.questions).toEqual(rowsBefore.questions);
    expect(after.options).toEqual(rowsBefore.options);
    expect(after.audit).toBe(rowsBefore.audit + 1);
    const stored = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    expect(campaignDefinition(stored).analytics?.ratios.map((ratio) => ratio.code)).toEqual(['cost_per_organisation', 'cost_per_respondent']);
    expect(stored.definitionSha256).toBe(definitionDigest(parseDefinition(nok2023())));
    expect(await t.db.prisma.response.count({ where: { campaignId: stored.id } })).toBe(1);
  });
});

describe('campaignDefinitionDocument', () => {
  it('returns the stored document, which imports back as unchanged', async () => {
    const result = await as(
      `{ campaignDefinitionDocument(code: "nok-2021") { __typename ... on QueryCampaignDefinitionDocumentSuccess { data } ... on Error { message } } }`,
    );
    const document = result.data.campaignDefinitionDocument.data;
    expect(document.code).toBe('nok-2021');
    expect(definitionDigest(document)).toBe((await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } })).definitionSha256);
    expect((await as(PREVIEW, { definition: document })).data.campaignDefinitionPreview.data.outcome).toBe('UNCHANGED');
    const missing = await as(`{ campaignDefinitionDocument(code: "nope") { __typename ... on Error { message } } }`);
    expect(missing.data.campaignDefinitionDocument).toEqual({ __typename: 'NotFoundError', message: 'Опрос «nope» не найден.' });
  });
});

describe('updateQuestionTexts', () => {
  it('renames, reorders, adds and removes options and sets the help of a draft question: rows, JSON, digest and engine agree', async () => {
    const { question: before } = await rowsOf('nok-2021-draft', 'legislation_changes');
    const kept = before.options.slice(0, 2);
    const options = [
      { code: kept[1]!.code, label: `  ${kept[1]!.label} (уточнено) `, help: 'Подсказка к варианту' },
      { code: kept[0]!.code, label: kept[0]!.label },
      { code: 'other', label: 'Иное' },
    ];
    const result = await as(EDIT, {
      input: {
        campaignCode: 'nok-2021-draft',
        questionCode: 'legislation_changes',
        help: 'Отметьте один вариант.',
        options,
        reason: 'Уточнение формулировок',
      },
    });
    const data = result.data.updateQuestionTexts.data;
    expect(data.help).toBe('Отметьте один вариант.');
    expect(data.options).toEqual([
      { code: kept[1]!.code, label: `${kept[1]!.label} (уточнено)`, help: 'Подсказка к варианту', position: 0 },
      { code: kept[0]!.code, label: kept[0]!.label, help: null, position: 1 },
      { code: 'other', label: 'Иное', help: null, position: 2 },
    ]);
    const { campaign, question } = await rowsOf('nok-2021-draft', 'legislation_changes');
    expect(campaign.definitionSha256).toBe(definitionDigest(campaign.definition));
    const engine = campaignDefinition(campaign)
      .sections.flatMap((section) => section.questions)
      .find((item) => item.code === 'legislation_changes')!;
    expect(engine).toMatchObject({ help: 'Отметьте один вариант.' });
    expect('options' in engine && engine.options).toEqual([
      { code: kept[1]!.code, label: `${kept[1]!.label} (уточнено)`, help: 'Подсказка к варианту' },
      { code: kept[0]!.code, label: kept[0]!.label },
      { code: 'other', label: 'Иное' },
    ]);
    expect(question.options.map((option) => option.code)).toEqual(engine.type === 'singleChoice' ? engine.options.map((option) => option.code) : []);
    const entry = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'campaign.definition.edit' } });
    expect(entry).toMatchObject({ subjectId: 'nok-2021-draft/legislation_changes', reason: 'Уточнение формулировок' });
    expect((entry.before as any).question.options).toHaveLength(before.options.length);
    expect((entry.after as any).question).toMatchObject({
      help: 'Отметьте один вариант.',
      options: [{ help: 'Подсказка к варианту' }, {}, { code: 'other' }],
    });
    expect((entry.after as any).digest).toBe(campaign.definitionSha256);
  });

  it('edits the options of a year-matrix cell (they live in its settings)', async () => {
    const document = nok2023();
    document.code = 'nok-2023-draft';
    await as(IMPORT, { input: { definition: document } });
    const { question: before } = await rowsOf('nok-2023-draft', 'operator_selection_method');
    const cellOptions = (before.settings as any).cell.options as { code: string; label: string }[];
    const options = [...cellOptions.map((option) => ({ code: option.code, label: option.label })), { code: 'e_shop', label: 'Электронный магазин' }];
    const result = await as(EDIT, { input: { campaignCode: 'nok-2023-draft', questionCode: 'operator_selection_method', options } });
    expect(result.data.updateQuestionTexts.data.settings.cell.options.at(-1)).toEqual({ code: 'e_shop', label: 'Электронный магазин' });
    const { campaign } = await rowsOf('nok-2023-draft', 'operator_selection_method');
    expect(campaign.definitionSha256).toBe(definitionDigest(campaign.definition));
  });

  it('refuses duplicate, blank and malformed codes, blank labels and a single option, all at once; nothing changes', async () => {
    const before = await snapshot();
    const result = await as(EDIT, {
      input: {
        campaignCode: 'nok-2021-draft',
        questionCode: 'legislation_changes',
        help: 'Новая подсказка',
        options: [
          { code: 'yes', label: 'Да' },
          { code: 'yes', label: 'Тоже да' },
          { code: ' ', label: 'Пусто' },
          { code: 'Bad-Code', label: '  ' },
        ],
      },
    });
    const error = result.data.updateQuestionTexts;
    expect(error.__typename).toBe('ValidationError');
    expect(error.fieldErrors.map((item: any) => [item.path, item.code])).toEqual([
      ['options[1].code', 'DUPLICATE_CODE'],
      ['options[2].code', 'REQUIRED'],
      ['options[3].code', 'WRONG_FORMAT'],
      ['options[3].label', 'REQUIRED'],
    ]);
    expect(error.fieldErrors[0].message).toBe('Вариант 2: код «yes» уже есть у варианта 1; коды вариантов должны быть разными.');
    const single = await as(EDIT, {
      input: { campaignCode: 'nok-2021-draft', questionCode: 'legislation_changes', options: [{ code: 'yes', label: 'Да' }] },
    });
    expect(single.data.updateQuestionTexts.message).toBe('У вопроса с выбором ответа должно быть не меньше двух вариантов.');
    // Options for a text question; an unknown question; an unknown campaign.
    const text = await as(EDIT, {
      input: {
        campaignCode: 'nok-2021-draft',
        questionCode: 'authority_name',
        options: [
          { code: 'a', label: 'А' },
          { code: 'b', label: 'Б' },
        ],
      },
    });
    expect(text.data.updateQuestionTexts.message).toMatch(/нет списка вариантов ответа/);
    const unknown = await as(EDIT, { input: { campaignCode: 'nok-2021-draft', questionCode: 'nope', options: [] } });
    expect(unknown.data.updateQuestionTexts).toEqual({
      __typename: 'NotFoundError',
      message: 'В опросе «nok-2021-draft» нет вопроса с кодом «nope».',
    });
    expect((await as(EDIT, { input: { campaignCode: 'nope', questionCode: 'x', options: [] } })).data.updateQuestionTexts.__typename).toBe(
      'NotFoundError',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses edits of a published campaign; nothing changes', async () => {
    const before = await snapshot();
    const { question } = await rowsOf('nok-2021', 'legislation_changes');
    const options = question.options.map((option) => ({ code: option.code, label: `${option.label}!` }));
    const result = await as(EDIT, { input: { campaignCode: 'nok-2021', questionCode: 'legislation_changes', options } });
    expect(result.data.updateQuestionTexts).toMatchObject({ __typename: 'DefinitionLockedError', reason: 'NOT_DRAFT' });
    expect(result.data.updateQuestionTexts.message).toMatch(
      /^Опрос «nok-2021» опубликован: менять варианты ответа и подсказки можно только у черновика/,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('changes only the help text of a question without options, and the question keeps its place', async () => {
    const result = await as(EDIT, { input: { campaignCode: 'nok-2021-draft', questionCode: 'authority_name', help: 'Как в уставе', options: [] } });
    expect(result.data.updateQuestionTexts.data).toMatchObject({ code: 'authority_name', help: 'Как в уставе', options: [] });
    const cleared = await as(EDIT, { input: { campaignCode: 'nok-2021-draft', questionCode: 'authority_name', help: '   ', options: [] } });
    expect(cleared.data.updateQuestionTexts.data.help).toBeNull();
    const { campaign, question } = await rowsOf('nok-2021-draft', 'authority_name');
    expect(question.position).toBe(3);
    expect(campaign.definitionSha256).toBe(definitionDigest(campaign.definition));
    expect(campaignDefinition(campaign).sections[0]!.questions[3]).not.toHaveProperty('help');
  });
});
