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
