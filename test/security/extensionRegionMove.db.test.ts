// Finding 7 of issue 10: after the close, with one region's window extended, a response saved under
// that region could be moved to another region by the next save (the extension was checked for the
// region before the save only). The window must hold for the region before the save and after it:
// a respondent of the extended region cannot leave it, one of a closed region cannot move into it,
// and a refused save or submit changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { extendWindowForRegion, setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { COORDINATOR } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let t: TestApp;
const people = { altai: { id: '', cookie: '' }, moscow: { id: '', cookie: '' } };

const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) { __typename
  ... on MutationSaveSectionSuccess { data { version } }
  ... on Error { code message } } }`;
const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { __typename ... on Error { code message } } }`;

const save = (cookie: string, version: number, answers: Record<string, unknown>) =>
  t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version, answers } }, { cookie });

/** Every row a save or a submit writes. */
async function state() {
  const prisma = t.db.prisma;
  return JSON.parse(
    JSON.stringify({
      responses: await prisma.response.findMany({ orderBy: { id: 'asc' } }),
      answers: await prisma.answer.findMany({ orderBy: { id: 'asc' } }),
      authorities: await prisma.authority.findMany({ orderBy: { id: 'asc' } }),
    }),
  ) as unknown;
}

const regionOf = async (respondentId: string) => {
  const response = await t.db.prisma.response.findFirstOrThrow({ where: { respondentId }, include: { region: true } });
  return { code: response.region?.code, version: response.version };
};

beforeAll(async () => {
  t = await createTestApp();
  await t.openWindow('nok-2021');
  people.altai = await t.respondent('altai@example.org');
  people.moscow = await t.respondent('moscow@example.org');
  expect((await save(people.altai.cookie, 0, section1)).data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
  expect((await save(people.moscow.cookie, 0, { ...section1, region: 'RU-MOW' })).data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
  // The window closes; Altai alone may answer for three more days.
  await setCampaignWindow(t.db.prisma, 'nok-2021', { closesAt: 'now' });
  await createCoordinator(t.db.prisma, COORDINATOR);
  const coordinator = await t.db.prisma.user.findUniqueOrThrow({ where: { email: COORDINATOR.email } });
  await extendWindowForRegion(
    t.db.prisma,
    { id: coordinator.id, email: coordinator.email },
    { campaignCode: 'nok-2021', regionCode: 'RU-ALT', closesAt: new Date(Date.now() + 3 * 86_400_000) },
  );
});
afterAll(() => t?.close());

describe("a region's extension after the close", () => {
  it('lets the extended region save its own section (the extension works)', async () => {
    const { version } = await regionOf(people.altai.id);
    const saved = await save(people.altai.cookie, version, { ...section1, respondent_position: 'Начальник отдела' });
    expect(saved.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    expect(await regionOf(people.altai.id)).toEqual({ code: 'RU-ALT', version: version + 1 });
  });

  it('refuses a save that moves a response of the extended region to a closed one, changing nothing', async () => {
    const before = await state();
    const { version } = await regionOf(people.altai.id);
    const moved = await save(people.altai.cookie, version, { ...section1, region: 'RU-MOW' });
    expect(moved.data.saveSection).toMatchObject({ __typename: 'WindowClosedError', code: 'WINDOW_CLOSED' });
    expect(moved.data.saveSection.message).toMatch(/^Приём ответов завершён/);
    expect(await state()).toEqual(before);
    expect((await regionOf(people.altai.id)).code).toBe('RU-ALT');
  });

  it('refuses a save that clears the region of a response of the extended region', async () => {
    const before = await state();
    const { version } = await regionOf(people.altai.id);
    const { region: _region, ...withoutRegion } = section1;
    const cleared = await save(people.altai.cookie, version, withoutRegion);
    expect(cleared.data.saveSection.__typename).toBe('WindowClosedError');
    expect(await state()).toEqual(before);
  });

  it('refuses a save that moves a response of a closed region into the extended one, changing nothing', async () => {
    const before = await state();
    const { version } = await regionOf(people.moscow.id);
    const moved = await save(people.moscow.cookie, version, { ...section1, region: 'RU-ALT' });
    expect(moved.data.saveSection.__typename).toBe('WindowClosedError');
    const stays = await save(people.moscow.cookie, version, { ...section1, region: 'RU-MOW' });
    expect(stays.data.saveSection.__typename).toBe('WindowClosedError');
    expect(await state()).toEqual(before);
    expect((await regionOf(people.moscow.id)).code).toBe('RU-MOW');
  });

  it('refuses the submit of a response of a closed region, changing nothing', async () => {
    const before = await state();
    const { version } = await regionOf(people.moscow.id);
    const submitted = await t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie: people.moscow.cookie });
    expect(submitted.data.submitResponse.__typename).toBe('WindowClosedError');
    expect(await state()).toEqual(before);
  });

  it('refuses a first save after the close that names the extended region from a section that does not name it', async () => {
    const newcomer = await t.respondent('newcomer@example.org');
    const before = await state();
    const saved = await t.gql(
      SAVE,
      {
        input: {
          campaignCode: 'nok-2021',
          sectionCode: 'situation',
          version: 0,
          answers: { region: 'RU-ALT', legislation_changes: 'no_changes_needed' },
        },
      },
      { cookie: newcomer.cookie },
    );
    expect(saved.data.saveSection.__typename).toBe('WindowClosedError');
    expect(await state()).toEqual(before);
  });
});
