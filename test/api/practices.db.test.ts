// The best-practice catalogue kept by coordinators: full-text search in Russian, create / update /
// delete with typed Russian errors and the audit log, and re-importing seed 003 after edits.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDocumentsDir } from '../../api/src/bootstrap.ts';
import { importPracticesFile, sha256 } from '../../api/src/import/practices.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signInCoordinator } from '../helpers/console.ts';

let t: TestApp;
let coordinator: string;
const ref = { altai: '', moscow: '', health: '', social: '', bonus: '', other: '' };

beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
  const prisma = t.db.prisma;
  ref.altai = String((await prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } })).id);
  ref.moscow = String((await prisma.region.findUniqueOrThrow({ where: { code: 'RU-MOW' } })).id);
  ref.health = String((await prisma.sphere.findUniqueOrThrow({ where: { code: 'health' } })).id);
  ref.social = String((await prisma.sphere.findUniqueOrThrow({ where: { code: 'social' } })).id);
  const forms = await prisma.practiceForm.findMany({ orderBy: { id: 'asc' } });
  ref.bonus = String(forms.find((form) => form.name.startsWith('Премирование'))!.id);
  ref.other = String(forms.find((form) => !form.name.startsWith('Премирование'))!.id);
});
afterAll(() => t?.close());

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

const RESULT = `__typename ... on Error { code message } ... on ValidationError { fieldErrors { path code message } }`;
const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { ${RESULT} ... on MutationCreatePracticeSuccess { data { id text regionId sphereId formId } } } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { ${RESULT} ... on MutationUpdatePracticeSuccess { data { id text regionId sphereId formId } } } }`;
const DELETE = `mutation($input: DeletePracticeInput!) { deletePractice(input: $input) { ${RESULT} ... on MutationDeletePracticeSuccess { data { id } } } }`;

const create = async (input: Record<string, unknown>) => (await as(CREATE, { input })).data.createPractice;
const update = async (input: Record<string, unknown>) => (await as(UPDATE, { input })).data.updatePractice;
const remove = async (input: Record<string, unknown>) => (await as(DELETE, { input })).data.deletePractice;

/** Everything a refused write could have touched. */
const state = async () => ({
  practices: await t.db.prisma.practice.findMany({ orderBy: { id: 'asc' } }),
  audit: await t.db.prisma.auditLog.count(),
});

const search = async (filter: Record<string, unknown>, extra = '') => {
  const result = await t.gql(
    `query($filter: PracticeFilter) { allPractices(filter: $filter, perPage: 100${extra}) { id text sphere { id } region { id } } _allPracticesMeta(filter: $filter) { count } }`,
    {
      filter,
    },
  );
  expect(result.errors).toBeUndefined();
  return {
    rows: result.data.allPractices as { id: string; text: string; sphere: { id: string }; region: { id: string } }[],
    count: result.data._allPracticesMeta.count as number,
  };
};

describe('full-text search', () => {
  it('finds by stemmed Russian words: «премирования руководителей» finds «Премирование руководителя»', async () => {
    const created = await create({
      text: 'Премирование руководителя учреждения по итогам независимой оценки',
      regionId: ref.altai,
      sphereId: ref.health,
      formId: ref.bonus,
    });
    expect(created.__typename).toBe('MutationCreatePracticeSuccess');
    const { rows } = await search({ q: 'премирования руководителей' });
    expect(rows.map((row) => row.id)).toContain(created.data.id);
    // The seed's own wording is found too: «премировании директоров», «премирование …».
    const seeded = await search({ q: 'премирования' });
    expect(seeded.count).toBeGreaterThanOrEqual(3);
    for (const row of seeded.rows) expect(row.text.toLowerCase()).toMatch(/премирова/);
    // An ILIKE on the words would not find these: the word form differs.
    expect(rows.some((row) => !row.text.toLowerCase().includes('премирования'))).toBe(true);
  });

  it('matches the last word as a prefix, so a word being typed already finds', async () => {
    const whole = await search({ q: 'рейтинг' });
    const typing = await search({ q: 'рейтин' });
    expect(typing.count).toBeGreaterThanOrEqual(whole.count);
    expect(typing.rows.map((row) => row.id)).toEqual(expect.arrayContaining(whole.rows.map((row) => row.id)));
    const partial = await search({ q: 'премирование руковод' });
    expect(partial.count).toBeGreaterThan(0);
    // Only the last word is a prefix: «руковод» in the middle is a whole (unknown) word.
    expect((await search({ q: 'руковод премирование' })).count).toBe(0);
  });

  it('orders by relevance when no sortField is given', async () => {
    const once = await create({
      text: 'Квазиперсептрон применяется в одном учреждении области',
      regionId: ref.altai,
      sphereId: ref.social,
      formId: ref.other,
    });
    const thrice = await create({
      text: 'Квазиперсептрон, квазиперсептрона и квазиперсептроны: три упоминания',
      regionId: ref.moscow,
      sphereId: ref.social,
      formId: ref.other,
    });
    const ranked = await search({ q: 'квазиперсептрон' });
    expect(ranked.rows.map((row) => row.id)).toEqual([thrice.data.id, once.data.id]);
    const byRegion = await search({ q: 'квазиперсептрон' }, ', sortField: "createdAt"');
    expect(byRegion.rows.map((row) => row.id)).toEqual([once.data.id, thrice.data.id]);
  });

  it('works together with the filters by sphere, form, group and region', async () => {
    const all = await search({ q: 'рейтинг' });
    const social = await search({ q: 'рейтинг', sphereId: ref.social });
    expect(social.count).toBeGreaterThan(0);
    expect(social.count).toBeLessThan(all.count);
    for (const row of social.rows) expect(row.sphere.id).toBe(ref.social);
    const altai = await search({ q: 'квазиперсептрон', regionId: ref.altai });
    expect(altai.rows).toHaveLength(1);
    expect(altai.rows[0]!.region.id).toBe(ref.altai);
    expect((await search({ q: 'квазиперсептрон', formId: ref.bonus })).count).toBe(0);
    const group = await t.db.prisma.practiceForm.findUniqueOrThrow({ where: { id: Number(ref.other) } });
    expect((await search({ q: 'квазиперсептрон', groupId: String(group.groupId) })).count).toBe(2);
    const first = all.rows[0]!;
    expect((await search({ q: 'рейтинг', ids: [first.id] })).rows.map((row) => row.id)).toEqual([first.id]);
  });

  it('survives hostile input: quotes and tsquery operators are never syntax', async () => {
    for (const q of [
      `'&|!:*()`,
      `рейтинг' OR 1=1 --`,
      `"рейтинг" & !премирование | (`,
      '\\',
      ':*',
      '!!!',
      'рейтинг:* & ',
      'a<->b',
      '$1',
      'и',
      'ёлка'.repeat(200),
    ]) {
      const result = await t.gql(`query($q: String) { allPractices(filter: { q: $q }) { id } _allPracticesMeta(filter: { q: $q }) { count } }`, {
        q,
      });
      expect(result.errors, q).toBeUndefined();
      expect(result.data.allPractices.length, q).toBeLessThanOrEqual(result.data._allPracticesMeta.count);
    }
    // Operators around real words: the words still count.
    const operators = await search({ q: `"рейтинг" & !` });
    expect(operators.count).toBe((await search({ q: 'рейтинг' })).count);
  });
});

describe('createPractice', () => {
  it('adds a practice with its hash, trimmed, and records it in the audit log', async () => {
    const text = '  Проведение публичных слушаний по итогам оценки  \n\n';
    const result = await create({ text, regionId: ref.moscow, sphereId: ref.health, formId: ref.other });
    expect(result.__typename).toBe('MutationCreatePracticeSuccess');
    expect(result.data).toMatchObject({
      text: 'Проведение публичных слушаний по итогам оценки',
      regionId: ref.moscow,
      sphereId: ref.health,
      formId: ref.other,
    });
    const row = await t.db.prisma.practice.findUniqueOrThrow({ where: { id: Number(result.data.id) } });
    expect(row.textSha256).toBe(sha256('Проведение публичных слушаний по итогам оценки'));
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.create', subjectId: result.data.id } });
    expect(audit).toMatchObject({ actorEmail: 'coordinator@vcot.example', subjectType: 'Practice', before: null });
    expect(audit.after).toMatchObject({ text: 'Проведение публичных слушаний по итогам оценки', regionId: Number(ref.moscow) });
    // Found by the search at once (the generated column is kept by PostgreSQL).
    expect((await search({ q: 'слушаниям' })).rows.map((r) => r.id)).toContain(result.data.id);
  });

  it('refuses every bad input with a Russian message on its field, and changes nothing', async () => {
    const seeded = await t.db.prisma.practice.findFirstOrThrow({ where: { source: { not: null }, deletedAt: null } });
    const good = { text: 'Достаточно длинный текст практики', regionId: ref.altai, sphereId: ref.health, formId: ref.other };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ ...good, text: '   коротко  ' }, 'text', /не менее 10 символов \(сейчас 7\)/],
      [{ ...good, text: 'я'.repeat(5001) }, 'text', /не более 5000 символов \(сейчас 5001\)/],
      [{ ...good, text: '   ' }, 'text', /Введите текст практики/],
      [{ ...good, text: null }, 'text', /Введите текст практики/],
      [{ ...good, regionId: null }, 'regionId', /Выберите субъект РФ из списка/],
      [{ ...good, regionId: 'abc' }, 'regionId', /Выберите субъект РФ из списка/],
      [{ ...good, regionId: '999999' }, 'regionId', /Такого субъекта РФ нет в справочнике/],
      [{ ...good, sphereId: '999999' }, 'sphereId', /Такой сферы нет в справочнике/],
      [{ ...good, formId: '999999' }, 'formId', /Такой формы реализации нет в каталоге/],
      [{ ...good, formId: '-1' }, 'formId', /Выберите форму реализации из списка/],
      [
        { text: `  ${seeded.text}\n`, regionId: String(seeded.regionId), sphereId: String(seeded.sphereId), formId: String(seeded.formId) },
        'text',
        new RegExp(`Такая практика уже есть в каталоге \\(№ ${seeded.id}\\)`),
      ],
    ];
    for (const [input, path, message] of cases) {
      const before = await state();
      const result = await create(input);
      expect(result.__typename, path).toBe('ValidationError');
      expect(result.message).toMatch(message);
      expect(result.fieldErrors.find((error: any) => error.path === path)?.message).toMatch(message);
      expect(await state()).toEqual(before);
    }
    // Several problems at once: each on its own field.
    const several = await create({ text: 'мало', regionId: '999999', sphereId: '999999', formId: ref.other });
    expect(several.fieldErrors.map((error: any) => error.path)).toEqual(['text']);
    const references = await create({ ...good, regionId: '999999', sphereId: '999999' });
    expect(references.fieldErrors.map((error: any) => error.path)).toEqual(['regionId', 'sphereId']);
  });
});

describe('updatePractice and deletePractice', () => {
  it('edits a practice: new hash, the audit row has before and after and the reason', async () => {
    const created = (await create({ text: 'Черновой текст практики для правки', regionId: ref.altai, sphereId: ref.health, formId: ref.other })).data;
    const result = await update({ id: created.id, text: 'Исправленный текст практики', sphereId: ref.social, reason: 'Опечатка' });
    expect(result.__typename).toBe('MutationUpdatePracticeSuccess');
    expect(result.data).toMatchObject({ id: created.id, text: 'Исправленный текст практики', sphereId: ref.social, regionId: ref.altai });
    const row = await t.db.prisma.practice.findUniqueOrThrow({ where: { id: Number(created.id) } });
    expect(row.textSha256).toBe(sha256('Исправленный текст практики'));
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.update', subjectId: created.id } });
    expect(audit.reason).toBe('Опечатка');
    expect(audit.before).toMatchObject({ text: 'Черновой текст практики для правки', sphereId: Number(ref.health) });
    expect(audit.after).toMatchObject({ text: 'Исправленный текст практики', sphereId: Number(ref.social) });
    // The search follows the edit.
    expect((await search({ q: 'исправленный' })).rows.map((r) => r.id)).toEqual([created.id]);
    expect((await search({ q: 'черновой' })).count).toBe(0);
    // Saving without a change writes nothing.
    const audits = await t.db.prisma.auditLog.count();
    expect((await update({ id: created.id, text: 'Исправленный текст практики  ' })).__typename).toBe('MutationUpdatePracticeSuccess');
    expect(await t.db.prisma.auditLog.count()).toBe(audits);
  });

  it('refuses bad edits with their messages and changes nothing', async () => {
    const a = (await create({ text: 'Первая практика для проверки правок', regionId: ref.altai, sphereId: ref.health, formId: ref.other })).data;
    const b = (await create({ text: 'Вторая практика для проверки правок', regionId: ref.altai, sphereId: ref.health, formId: ref.other })).data;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ id: a.id, text: 'коротко' }, 'VALIDATION', /не менее 10 символов/],
      [{ id: a.id, regionId: '999999' }, 'VALIDATION', /Такого субъекта РФ нет/],
      [{ id: a.id, text: b.text }, 'VALIDATION', new RegExp(`уже есть в каталоге \\(№ ${b.id}\\)`)],
      [{ id: a.id, reason: 'x'.repeat(1001) }, 'VALIDATION', /Причина не длиннее 1000 символов/],
      [{ id: '999999', text: 'Текст достаточной длины' }, 'NOT_FOUND', /Практика не найдена/],
      [{ id: 'abc', text: 'Текст достаточной длины' }, 'VALIDATION', /Выберите практику из списка/],
    ];
    for (const [input, code, message] of cases) {
      const before = await state();
      const result = await update(input);
      expect(result.code, JSON.stringify(input)).toBe(code);
      expect(result.message).toMatch(message);
      expect(await state()).toEqual(before);
    }
  });

  it('deletes with a reason: gone from lists and Practice(id), kept in the audit log; twice is NOT_FOUND', async () => {
    const created = (await create({ text: 'Практика, которую удалят', regionId: ref.moscow, sphereId: ref.social, formId: ref.bonus })).data;
    for (const reason of [null, '', '  ', 'ой']) {
      const before = await state();
      const refused = await remove({ id: created.id, reason });
      expect(refused.__typename).toBe('ValidationError');
      expect(refused.fieldErrors[0]).toMatchObject({ path: 'reason' });
      expect(refused.message).toMatch(/Укажите причину удаления/);
      expect(await state()).toEqual(before);
    }
    const formCount = async () =>
      (await t.gql('{ practiceGroups { forms { id practiceCount } } }')).data.practiceGroups
        .flatMap((group: any) => group.forms)
        .find((form: any) => form.id === ref.bonus).practiceCount;
    const countBefore = await formCount();
    const result = await remove({ id: created.id, reason: 'Дубликат практики' });
    expect(result).toMatchObject({ __typename: 'MutationDeletePracticeSuccess', data: { id: created.id } });
    expect(await formCount()).toBe(countBefore - 1);
    expect((await t.gql(`{ Practice(id: "${created.id}") { id } }`)).data.Practice).toBeNull();
    expect((await search({ q: 'удалят' })).count).toBe(0);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'practice.delete', subjectId: created.id } });
    expect(audit).toMatchObject({ reason: 'Дубликат практики', after: null });
    expect(audit.before).toMatchObject({ text: 'Практика, которую удалят' });
    const before = await state();
    expect(await remove({ id: created.id, reason: 'Ещё раз' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'Практика не найдена: возможно, её уже удалили. Обновите список.',
    });
    expect(await update({ id: created.id, text: 'Правка удалённой практики' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await state()).toEqual(before);
  });
});

describe('re-importing seed 003 after edits', () => {
  it('brings back neither a deleted practice nor the original of an edited one, and duplicates nothing', async () => {
    const prisma = t.db.prisma;
    const [edited, deleted] = await prisma.practice.findMany({ where: { source: { not: null }, deletedAt: null }, orderBy: { id: 'asc' }, take: 2 });
    expect((await update({ id: String(edited!.id), text: `${edited!.text} (уточнено координатором)`, reason: 'Уточнение' })).__typename).toBe(
      'MutationUpdatePracticeSuccess',
    );
    expect((await remove({ id: String(deleted!.id), reason: 'Устарела' })).__typename).toBe('MutationDeletePracticeSuccess');
    const live = async () => (await t.gql('{ _allPracticesMeta { count } }')).data._allPracticesMeta.count as number;
    const before = await live();

    const report = await importPracticesFile(prisma, path.join(seedDocumentsDir, 'best-practices.txt'));
    expect(report.created).toBe(0);
    expect(report.unchanged).toBe(report.practices);
    expect(await live()).toBe(before);
    expect((await search({ q: 'уточнено координатором' })).rows.map((row) => row.id)).toEqual([String(edited!.id)]);
    expect(
      await prisma.practice.count({
        where: { textSha256: edited!.textSha256, formId: edited!.formId, regionId: edited!.regionId, sphereId: edited!.sphereId, deletedAt: null },
      }),
    ).toBe(0);

    // A coordinator may bring the deleted one back by creating it again; the import still adds nothing.
    const again = await create({
      text: deleted!.text,
      regionId: String(deleted!.regionId),
      sphereId: String(deleted!.sphereId),
      formId: String(deleted!.formId),
    });
    expect(again.__typename).toBe('MutationCreatePracticeSuccess');
    expect(await live()).toBe(before + 1);
    expect((await importPracticesFile(prisma, path.join(seedDocumentsDir, 'best-practices.txt'))).created).toBe(0);
    expect(await live()).toBe(before + 1);
  });
});
