// The survey window as coordinators change it (issue 13): the planned period and the actual
// opening and closing kept apart, and the window mutations reading the campaign back with the
// client's selection (no «Prisma query was unused» in the server's log).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { signInCoordinator } from '../helpers/console.ts';

let t: TestApp;
let coordinator: string;
beforeAll(async () => {
  t = await createTestApp();
  coordinator = await signInCoordinator(t);
});
afterAll(() => t?.close());

const as = (query: string, variables: Record<string, unknown> = {}) => t.gql(query, variables, { cookie: coordinator });

/** A window mutation with a nested selection under the campaign. */
const windowMutation = (name: string) =>
  `mutation($input: CampaignWindowInput!) { ${name}(input: $input) { __typename ... on Error { message }
    ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { code sections { code questions { code } } } } } }`;

describe('the window mutations', () => {
  it('use the client’s selection: no «Prisma query was unused» warning, nested fields answered', async () => {
    const warn = vi.spyOn(console, 'warn');
    try {
      const closesAt = new Date(Date.now() + 5 * 86_400_000).toISOString();
      const moved = await as(windowMutation('moveCampaignWindow'), {
        input: { campaignCode: 'nok-2021', opensAt: new Date(Date.now() + 86_400_000).toISOString(), closesAt },
      });
      expect(moved.data.moveCampaignWindow.data.sections.length).toBeGreaterThan(0);
      const opened = await as(windowMutation('openCampaignWindow'), {
        input: { campaignCode: 'nok-2021' },
      });
      expect(opened.data.openCampaignWindow.data.sections[0].questions.length).toBeGreaterThan(0);
      const closed = await as(windowMutation('closeCampaignWindow'), {
        input: { campaignCode: 'nok-2021' },
      });
      expect(closed.data.closeCampaignWindow.data.code).toBe('nok-2021');
      const warnings = warn.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('Prisma query was unused'));
      expect(warnings).toEqual([]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('the planned period and the actual opening and closing (issue 13, item 3)', () => {
  const CAMPAIGN = `query { campaign(code: "nok-2023") { opensAt closesAt plannedOpensAt plannedClosesAt windowState intro } }`;
  const day = 86_400_000;
  const mutate = (name: string, input: Record<string, unknown>) =>
    as(
      `mutation($input: CampaignWindowInput!) { ${name}(input: $input) { __typename ... on Error { message }
        ... on ValidationError { fieldErrors { path message } } } }`,
      { input: { campaignCode: 'nok-2023', ...input } },
    );
  const read = async () => (await as(CAMPAIGN)).data.campaign;

  it('«Закрыть сейчас» ends the window but not the planned period; the texts keep the planned dates', async () => {
    const opensAt = new Date(Date.now() - 2 * day).toISOString();
    const closesAt = new Date(Date.now() + 10 * day).toISOString();
    expect((await mutate('moveCampaignWindow', { opensAt, closesAt })).data.moveCampaignWindow.__typename).toBe('MutationMoveCampaignWindowSuccess');
    const planned = await read();
    expect(planned).toMatchObject({ opensAt, closesAt, plannedOpensAt: opensAt, plannedClosesAt: closesAt, windowState: 'OPEN' });
    const { windowRange } = await import('../../api/src/survey/window.ts');
    const range = windowRange(new Date(opensAt), new Date(closesAt));
    expect(planned.intro).toContain(`Опрос проводится ${range} в целях`);

    expect((await mutate('closeCampaignWindow', {})).data.closeCampaignWindow.__typename).toBe('MutationCloseCampaignWindowSuccess');
    const closed = await read();
    expect(closed.windowState).toBe('CLOSED');
    expect(Date.parse(closed.closesAt)).toBeLessThanOrEqual(Date.now());
    // The official period stays: the form's header and the introduction do not say it ran one day.
    expect(closed).toMatchObject({ plannedOpensAt: opensAt, plannedClosesAt: closesAt });
    expect(closed.intro).toContain(`Опрос проводится ${range} в целях`);
    const [entry] = await t.db.prisma.auditLog.findMany({ where: { action: 'campaign.window.close', subjectId: 'nok-2023' } });
    expect(entry!.after).toMatchObject({ plannedClosesAt: closesAt });
  });

  it('«Открыть сейчас» after a close reopens until the planned end, without asking for a date', async () => {
    const reopened = await mutate('openCampaignWindow', {});
    expect(reopened.data.openCampaignWindow.__typename, JSON.stringify(reopened)).toBe('MutationOpenCampaignWindowSuccess');
    const open = await read();
    expect(open.windowState).toBe('OPEN');
    expect(open.closesAt).toBe(open.plannedClosesAt);
    expect(Date.parse(open.plannedOpensAt)).toBeLessThan(Date.now() - day);
  });

  it('after the planned period is over, reopening needs a closing date, which starts a new period', async () => {
    const opensAt = new Date(Date.now() - 20 * day).toISOString();
    const closesAt = new Date(Date.now() - 10 * day).toISOString();
    await mutate('moveCampaignWindow', { opensAt, closesAt });
    const refused = await mutate('openCampaignWindow', {});
    expect(refused.data.openCampaignWindow.__typename).toBe('ValidationError');
    expect(refused.data.openCampaignWindow.fieldErrors[0].path).toBe('closesAt');
    expect(refused.data.openCampaignWindow.fieldErrors[0].message).toMatch(/^Плановый срок опроса закончился .+: укажите новую дату закрытия\.$/);
    expect((await read()).windowState).toBe('CLOSED');

    const newEnd = new Date(Date.now() + 5 * day).toISOString();
    expect((await mutate('openCampaignWindow', { closesAt: newEnd })).data.openCampaignWindow.__typename).toBe('MutationOpenCampaignWindowSuccess');
    const round = await read();
    expect(round).toMatchObject({ windowState: 'OPEN', closesAt: newEnd, plannedClosesAt: newEnd });
    expect(Math.abs(Date.parse(round.plannedOpensAt) - Date.now())).toBeLessThan(60_000);
  });
});
