// Finding 4 of issue 10: a coordinator's write that selects nothing of its result (only `__typename`,
// or only the error types' fields) was committed with its audit record and then answered
// «Внутренняя ошибка»: the row was read back with an empty Prisma `select`. Every mutation that reads
// its row back now answers its success whatever the selection, and an answer that is not a success
// comes with nothing changed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prismaDir } from '../../api/src/db/migrations.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { databaseFingerprint } from '../helpers/db.ts';
import { respondentWith, signInCoordinator } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let t: TestApp;
let coordinator: string;
const ref = { region: '', sphere: '', form: '', authority: '', target: '' };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  const prisma = t.db.prisma;
  ref.region = String((await prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } })).id);
  ref.sphere = String((await prisma.sphere.findUniqueOrThrow({ where: { code: 'health' } })).id);
  ref.form = String((await prisma.practiceForm.findFirstOrThrow({ orderBy: { id: 'asc' } })).id);
  ref.target = String((await prisma.planTarget.findFirstOrThrow({ where: { year: 2016, indicator: { number: 1 } } })).id);
  await t.openWindow('nok-2021');
  await respondentWith(t, 'altai@example.org', 'nok-2021', [['authority', section1]]);
  ref.authority = String((await prisma.authority.findFirstOrThrow()).id);
  // A draft questionnaire whose texts may still change.
  const definition = { ...JSON.parse(readFileSync(path.join(prismaDir, 'surveys', 'nok-2021.json'), 'utf8')), code: 'nok-2021-draft' };
  const imported = await as(`mutation($input: ImportCampaignDefinitionInput!) { importCampaignDefinition(input: $input) { __typename } }`, {
    input: { definition },
  });
  expect(imported.data.importCampaignDefinition.__typename).toBe('MutationImportCampaignDefinitionSuccess');
});
afterAll(() => t?.close());

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

/** Every table but the refusal logs, comparable. */
const state = () => databaseFingerprint(t.db);

const auditCount = () => t.db.prisma.auditLog.count();

/** The selections that name no field of the written row. */
const SELECTIONS = {
  typename: '{ __typename }',
  errorsOnly: '{ ... on Error { code message } ... on ValidationError { fieldErrors { path } } }',
  typenameAndErrors: '{ __typename ... on Error { code } }',
} as const;

type Case = { field: string; inputType: string; input: () => Record<string, unknown>; committed: () => Promise<boolean> };

let practiceText = 0;
const newText = () => `Практика для проверки ответа на запись номер ${++practiceText}`;
let createdId = '';

const cases: Case[] = [
  {
    field: 'createPractice',
    inputType: 'CreatePracticeInput',
    input: () => ({ text: newText(), regionId: ref.region, sphereId: ref.sphere, formId: ref.form }),
    committed: async () => {
      const row = await t.db.prisma.practice.findFirstOrThrow({ where: { text: `Практика для проверки ответа на запись номер ${practiceText}` } });
      createdId = String(row.id);
      return true;
    },
  },
  {
    field: 'updatePractice',
    inputType: 'UpdatePracticeInput',
    input: () => ({ id: createdId, text: newText(), reason: 'уточнение' }),
    committed: async () =>
      (await t.db.prisma.practice.findUniqueOrThrow({ where: { id: Number(createdId) } })).text ===
      `Практика для проверки ответа на запись номер ${practiceText}`,
  },
  {
    field: 'setPlanTargetActual',
    inputType: 'SetPlanTargetActualInput',
    input: () => ({ targetId: ref.target, actual: String(40 + practiceText++), reason: 'отчёт' }),
    committed: async () =>
      (await t.db.prisma.planTarget.findUniqueOrThrow({ where: { id: Number(ref.target) } })).actual?.toString() === String(40 + practiceText - 1),
  },
  {
    field: 'updateAuthority',
    inputType: 'UpdateAuthorityInput',
    input: () => ({ id: ref.authority, name: `Министерство социальной защиты Алтайского края ${++practiceText}`, sphereId: ref.sphere }),
    committed: async () =>
      (await t.db.prisma.authority.findUniqueOrThrow({ where: { id: Number(ref.authority) } })).name ===
      `Министерство социальной защиты Алтайского края ${practiceText}`,
  },
  {
    field: 'updateQuestionTexts',
    inputType: 'UpdateQuestionTextsInput',
    input: () => ({
      campaignCode: 'nok-2021-draft',
      questionCode: 'respondent_name',
      help: `Подсказка ${++practiceText}`,
      options: [],
    }),
    committed: async () => {
      const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021-draft' } });
      const question = await t.db.prisma.question.findUniqueOrThrow({
        where: { campaignId_code: { campaignId: campaign.id, code: 'respondent_name' } },
      });
      return question.help === `Подсказка ${practiceText}`;
    },
  },
  {
    field: 'moveCampaignWindow',
    inputType: 'CampaignWindowInput',
    input: () => ({ campaignCode: 'nok-2021', closesAt: new Date(Date.now() + (20 + ++practiceText) * 86_400_000).toISOString() }),
    committed: async () => {
      const campaign = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
      return Math.abs(campaign.closesAt!.getTime() - (Date.now() + (20 + practiceText) * 86_400_000)) < 60_000;
    },
  },
];

describe('a coordinator write that selects nothing of its row', () => {
  for (const [selectionName, selection] of Object.entries(SELECTIONS)) {
    for (const item of cases) {
      it(`${item.field} with ${selectionName} answers its success and the change is committed with its audit record`, async () => {
        const audit = await auditCount();
        const result = await as(`mutation($input: ${item.inputType}!) { ${item.field}(input: $input) ${selection} }`, { input: item.input() });
        expect(result.errors).toBeUndefined();
        const success = `Mutation${item.field[0]!.toUpperCase()}${item.field.slice(1)}Success`;
        if (selectionName === 'errorsOnly') expect(result.data[item.field]).toEqual({});
        else expect(result.data[item.field].__typename).toBe(success);
        expect(await item.committed()).toBe(true);
        expect(await auditCount()).toBe(audit + 1);
      });
    }
  }

  it('deletePractice with only __typename answers its success, and the practice is gone from the catalogue', async () => {
    const audit = await auditCount();
    const result = await as(`mutation($input: DeletePracticeInput!) { deletePractice(input: $input) { __typename } }`, {
      input: { id: createdId, reason: 'дубликат' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.deletePractice.__typename).toBe('MutationDeletePracticeSuccess');
    expect((await t.db.prisma.practice.findUniqueOrThrow({ where: { id: Number(createdId) } })).deletedAt).not.toBeNull();
    expect(await auditCount()).toBe(audit + 1);
  });

  it('a refusal with only __typename is a typed error, and nothing changed', async () => {
    const before = await state();
    const refusals: [string, string, Record<string, unknown>, string][] = [
      ['createPractice', 'CreatePracticeInput', { text: 'коротко', regionId: ref.region, sphereId: ref.sphere, formId: ref.form }, 'ValidationError'],
      ['updatePractice', 'UpdatePracticeInput', { id: '999999', text: newText() }, 'NotFoundError'],
      ['deletePractice', 'DeletePracticeInput', { id: createdId, reason: 'ещё раз' }, 'NotFoundError'],
      ['setPlanTargetActual', 'SetPlanTargetActualInput', { targetId: ref.target, actual: '-1' }, 'ValidationError'],
      ['updateAuthority', 'UpdateAuthorityInput', { id: ref.authority, name: ' ' }, 'ValidationError'],
      [
        'updateQuestionTexts',
        'UpdateQuestionTextsInput',
        { campaignCode: 'nok-2021', questionCode: 'respondent_name', options: [] },
        'DefinitionLockedError',
      ],
    ];
    for (const [field, inputType, input, typename] of refusals) {
      const result = await as(`mutation($input: ${inputType}!) { ${field}(input: $input) { __typename } }`, { input });
      expect(result.errors, field).toBeUndefined();
      expect(result.data[field].__typename, field).toBe(typename);
    }
    expect(await state()).toEqual(before);
  });
});
