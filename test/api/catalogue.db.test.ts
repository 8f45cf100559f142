// Regional portals read the best-practice catalogue and the federal plan: filters and pagination.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const ids = async (query: string) => (await t.gql(query)).data;

it('counts practices per form, region and sphere as in seed 003', async () => {
  const { practiceGroups } = await ids('{ practiceGroups { name forms { id name practiceCount } } }');
  expect(practiceGroups.map((group: any) => group.name)).toEqual(['Учет результатов НСОК', 'Публичные мероприятия по реализации НСОК']);
  const forms = practiceGroups.flatMap((group: any) => group.forms);
  expect(forms).toHaveLength(25);
  expect(forms.reduce((sum: number, form: any) => sum + form.practiceCount, 0)).toBe(162);
  const bonus = forms.find((form: any) => form.name.startsWith('Премирование'));
  expect(bonus.practiceCount).toBe(32);

  const filtered = await ids(`{ _allPracticesMeta(filter: { formId: "${bonus.id}" }) { count } }`);
  expect(filtered._allPracticesMeta.count).toBe(32);

  const { allSpheres } = await ids('{ allSpheres { id code } }');
  const social = allSpheres.find((sphere: any) => sphere.code === 'social');
  expect((await ids(`{ _allPracticesMeta(filter: { sphereId: "${social.id}" }) { count } }`))._allPracticesMeta.count).toBe(55);

  const { allRegions } = await ids('{ allRegions(filter: { q: "Чувашская" }) { id name } }');
  expect(allRegions).toEqual([{ id: expect.any(String), name: 'Чувашская Республика' }]);
});

it('finds practices by words of their text, case-insensitively, a page at a time', async () => {
  const meta = await ids('{ _allPracticesMeta(filter: { q: "рейтинг" }) { count } }');
  expect(meta._allPracticesMeta.count).toBeGreaterThan(3);
  const page = await ids(
    '{ allPractices(filter: { q: "РЕЙТИНГ" }, perPage: 2, sortField: "region") { text region { name } sphere { name } form { name } } }',
  );
  expect(page.allPractices).toHaveLength(2);
  for (const practice of page.allPractices) expect(practice.text.toLowerCase()).toContain('рейтинг');
});

it('gives the plan targets with the 45–50 range and the activities by level', async () => {
  const { allPlanIndicators } = await ids('{ allPlanIndicators { number unit baseValue targets { year targetMin targetMax isRange actual } } }');
  expect(allPlanIndicators[0].baseValue).toBe('50.5');
  expect(allPlanIndicators[0].targets[0]).toEqual({ year: 2016, targetMin: '45', targetMax: '50', isRange: true, actual: null });
  expect(allPlanIndicators[1].targets.map((target: any) => target.targetMax)).toEqual(['60', '70', '83']);
  const federal = await ids('{ _allPlanActivitiesMeta(filter: { level: FEDERAL, topLevelOnly: true }) { count } }');
  const regional = await ids('{ _allPlanActivitiesMeta(filter: { level: REGIONAL, topLevelOnly: true }) { count } }');
  expect(federal._allPlanActivitiesMeta.count + regional._allPlanActivitiesMeta.count).toBe(18);
  expect(regional._allPlanActivitiesMeta.count).toBe(6);
});

it('says which activity numbers and owners the plan document prints and which were inferred', async () => {
  const { allPlanActivities } = await ids('{ allPlanActivities(perPage: 100) { number numberPrinted ownersInherited parent { number } } }');
  expect(allPlanActivities).toHaveLength(35);
  expect(allPlanActivities.filter((activity: any) => !activity.numberPrinted).map((activity: any) => activity.number)).toEqual(['1.6а']);
  const inherited = allPlanActivities.filter((activity: any) => activity.ownersInherited);
  expect(inherited).toHaveLength(12);
  expect(new Set(inherited.map((activity: any) => activity.parent?.number))).toEqual(new Set(['1']));
  const six = allPlanActivities.filter((activity: any) => activity.parent?.number === '6');
  expect(six.map((activity: any) => [activity.number, activity.numberPrinted, activity.ownersInherited])).toEqual(
    ['6.1', '6.2', '6.3', '6.4', '6.5'].map((number) => [number, true, false]),
  );
});
