// A save or a submit that waits for a window change (the window lock held exclusively) is checked
// against the window as that change left it, not as it was when the save began: no save is
// acknowledged after a close, nor after a region's extension ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../../api/src/db/client.ts';
import { lockWindowsForChange } from '../../api/src/services/campaigns.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

const SAVE = `mutation($input: SaveSectionInput!) { saveSection(input: $input) {
  __typename ... on MutationSaveSectionSuccess { data { version } } ... on Error { message } } }`;
const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) {
  __typename ... on MutationSubmitResponseSuccess { data { status } } ... on Error { message } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Holds the window lock as a window change does, makes `change` inside it, starts `request` while
 * the lock is held, and commits the change a moment later; returns what the request answered.
 */
async function duringWindowChange<T>(change: (tx: Tx, now: Date) => Promise<unknown>, request: () => Promise<T>): Promise<T> {
  let answer: Promise<T> | undefined;
  await t.db.prisma.$transaction(async (tx) => {
    const now = await lockWindowsForChange(tx);
    await change(tx, now);
    answer = request();
    // Long enough for the request to reach the lock (or, on PGlite, the line for the one connection).
    await sleep(300);
  });
  return answer!;
}

async function campaign() {
  return t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
}

describe('waiting for a window change', () => {
  it('a save that waited for a close is refused, and stores nothing', async () => {
    await t.openWindow('nok-2021');
    const { cookie, id } = await t.respondent('waited@example.org');
    const first = await t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } }, { cookie });
    expect(first.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    const { id: campaignId } = await campaign();
    const answer = await duringWindowChange(
      (tx, now) => tx.campaign.update({ where: { id: campaignId }, data: { closesAt: now } }),
      () => t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'situation', version: 1, answers: section2at80 } }, { cookie }),
    );
    expect(answer.data.saveSection.__typename).toBe('WindowClosedError');
    expect(answer.data.saveSection.message).toMatch(/Приём ответов завершён/);
    expect(await t.db.prisma.response.findFirstOrThrow({ where: { respondentId: id } })).toMatchObject({ version: 1 });
    expect(await t.db.prisma.answer.count({ where: { response: { respondentId: id }, sectionCode: 'situation' } })).toBe(0);
  });

  it("a save that waited for a region's extension to be cut short is refused", async () => {
    await t.openWindow('nok-2021');
    const { cookie, id } = await t.respondent('extended@example.org');
    await t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 } }, { cookie });
    const { id: campaignId } = await campaign();
    const altai = await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-ALT' } });
    // The campaign closed a minute ago; Altai may answer for a day more.
    await t.db.prisma.campaign.update({ where: { id: campaignId }, data: { closesAt: new Date(Date.now() - 60_000) } });
    await t.db.prisma.regionWindowExtension.create({ data: { campaignId, regionId: altai.id, closesAt: new Date(Date.now() + 86_400_000) } });
    try {
      const before = await t.gql(
        SAVE,
        { input: { campaignCode: 'nok-2021', sectionCode: 'situation', version: 1, answers: section2at80 } },
        { cookie },
      );
      expect(before.data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
      const answer = await duringWindowChange(
        (tx, now) => tx.regionWindowExtension.updateMany({ where: { campaignId, regionId: altai.id }, data: { closesAt: now } }),
        () =>
          t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode: 'measures', version: 2, answers: { measures: [measure(1)] } } }, { cookie }),
      );
      expect(answer.data.saveSection.__typename).toBe('WindowClosedError');
      expect(await t.db.prisma.response.findFirstOrThrow({ where: { respondentId: id } })).toMatchObject({ version: 2 });
      expect(await t.db.prisma.measure.count({ where: { response: { respondentId: id } } })).toBe(0);
    } finally {
      await t.db.prisma.regionWindowExtension.deleteMany({ where: { campaignId } });
    }
  });

  it('a submit that waited for a close is refused', async () => {
    await t.openWindow('nok-2021');
    const { cookie, id } = await t.respondent('submitter@example.org');
    let version = 0;
    for (const [sectionCode, answers] of [
      ['authority', section1],
      ['situation', { ...section2at80, staffing_technologies: 'rather_agree' }],
      ['measures', { measures: [1, 2, 3, 4, 5].map(measure) }],
      ['development', { proposals: 'Обучение' }],
    ] as const) {
      const saved = await t.gql(SAVE, { input: { campaignCode: 'nok-2021', sectionCode, version, answers } }, { cookie });
      version = saved.data.saveSection.data.version;
    }
    const { id: campaignId } = await campaign();
    const answer = await duringWindowChange(
      (tx, now) => tx.campaign.update({ where: { id: campaignId }, data: { closesAt: now } }),
      () => t.gql(SUBMIT, { input: { campaignCode: 'nok-2021', version, confirm: true } }, { cookie }),
    );
    expect(answer.data.submitResponse.__typename).toBe('WindowClosedError');
    expect(await t.db.prisma.response.findFirstOrThrow({ where: { respondentId: id } })).toMatchObject({ status: 'DRAFT', version });
  });
});
