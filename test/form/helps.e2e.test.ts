// Issue 13, «A form that helps before it hurts», in real Chromium against a listening server: the
// multi-select as the ARIA listbox pattern says, what a partial save still misses, «Иное» with
// «уточните», the phone layout, the window reopening while the form is open, the toast beside the
// field being typed in. Screens go to test-results/screens/form-helps-*.png; axe checks each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { issueLoginLink } from '../../api/src/auth/loginLinks.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { openBrowserSession, startLiveSite, type BrowserSession, type LiveSite } from '../helpers/browser.ts';

let site: LiveSite;
let desk: BrowserSession;

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

/** A respondent of nok-2021 signed in through their personal link in this browser session. */
async function signIn(session: BrowserSession, email: string) {
  const prisma = site.db.prisma;
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const { token } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, role: 'RESPONDENT' } });
    return issueLoginLink(tx, user.id, campaign.id);
  });
  await session.page.goto(`${site.url}/auth?e=${encodeURIComponent(email)}&h=${token}`);
  await session.page.getByRole('button', { name: 'Войти' }).click();
  await session.page.waitForURL(`${site.url}/form/nok-2021/`);
  await session.page.getByTestId('completion-overall').waitFor();
}

async function saveAndWait(page: Page) {
  const saved = page.waitForResponse(
    (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('saveSection'),
  );
  await page.getByRole('button', { name: 'Сохранить' }).click();
  return (await (await saved).json()).data.saveSection;
}

beforeAll(async () => {
  site = await startLiveSite();
  await setCampaignWindow(site.db.prisma, 'nok-2021', { opensAt: new Date(Date.now() - 86_400_000), closesAt: inAWeek() });
  desk = await openBrowserSession(site, 'form-helps');
  // The first page builds the form's assets; the machine is shared.
  desk.page.setDefaultTimeout(30_000);
  await signIn(desk, 'desk@example.org');
}, 180_000);

afterAll(async () => {
  if (desk) console.log(desk.check.report());
  await desk?.context.close();
  await site?.close();
});

describe('the multi-select for screen readers (item 14)', () => {
  const selected = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('#q-respondent_powers-list [role=option]')].map((option) => [
        option.textContent?.replace('✓', '').trim(),
        option.getAttribute('aria-selected'),
      ]),
    );
  const active = (page: Page) =>
    page.evaluate(() => {
      const input = document.getElementById('q-respondent_powers')!;
      return (
        document
          .getElementById(input.getAttribute('aria-activedescendant') ?? '')
          ?.textContent?.replace('✓', '')
          .trim() ?? null
      );
    });

  it('highlights with aria-activedescendant, says chosen with aria-selected, Space chooses, ↓ after Enter goes to the next option', async () => {
    const { page } = desk;
    const powers = page.getByRole('combobox', { name: /Полномочия лица/ });
    await powers.focus();
    await page.keyboard.press('ArrowDown');
    const listbox = page.getByRole('listbox');
    await listbox.waitFor();
    expect(await listbox.getAttribute('aria-multiselectable')).toBe('true');
    // The highlighted option is not announced as chosen.
    const first = await active(page);
    expect(first).toBeTruthy();
    expect((await selected(page)).every(([, state]) => state === 'false')).toBe(true);
    // Enter chooses the highlighted option; it stays in the list, ticked, and stays highlighted.
    await page.keyboard.press('Enter');
    expect(await active(page)).toBe(first);
    const afterEnter = await selected(page);
    expect(afterEnter[0]).toEqual([first, 'true']);
    expect(afterEnter.slice(1).every(([, state]) => state === 'false')).toBe(true);
    // ↓ goes to the second option, not the third.
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe(afterEnter[1]![0]);
    // Space chooses it.
    await page.keyboard.press(' ');
    expect((await selected(page)).slice(0, 3).map(([, state]) => state)).toEqual(['true', 'true', 'false']);
    expect(await powers.inputValue()).toBe('');
    await desk.check('01-multiselect-open');
    // Enter on a chosen option un-chooses it.
    await page.keyboard.press('Enter');
    expect((await selected(page)).slice(0, 2).map(([, state]) => state)).toEqual(['true', 'false']);
    expect(await page.getByRole('list', { name: 'Выбранные варианты' }).getByRole('listitem').count()).toBe(1);
    await page.keyboard.press('Escape');
  });
});
