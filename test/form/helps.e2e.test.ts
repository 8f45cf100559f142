// Issue 13, «A form that helps before it hurts», in real Chromium against a listening server: the
// multi-select as the ARIA listbox pattern says, what a partial save still misses, «Иное» with
// «уточните», the phone layout, the window reopening while the form is open, the toast beside the
// field being typed in. Screens go to test-results/screens/form-helps-*.png; axe checks each one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { issueLoginLink } from '../../api/src/auth/loginLinks.ts';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { openBrowserSession, screensDir, startLiveSite, type BrowserSession, type LiveSite } from '../helpers/browser.ts';

let site: LiveSite;
let desk: BrowserSession;

const inAWeek = () => new Date(Date.now() + 7 * 86_400_000);

/** A respondent of nok-2021 signed in through their personal link in this browser session. */
async function signIn(session: BrowserSession, email: string) {
  session.page.setDefaultTimeout(30_000);
  const prisma = site.db.prisma;
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const { token } = await prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, role: 'RESPONDENT' } });
    return issueLoginLink(tx, user.id, campaign.id);
  });
  await session.page.goto(`${site.url}/auth?e=${encodeURIComponent(email)}&h=${token}`, { timeout: 120_000 });
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
}, 240_000);

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

describe('all errors at once, and a counter instead of a silent cut (item 9)', () => {
  it('registration lists every problem, the robot check included, in a summary that has the focus and links to each field', async () => {
    const page = await desk.context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto(`${site.url}/`);
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Исправьте ошибки' });
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('error-summary');
    const links = summary.getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Укажите адрес электронной почты.',
      'Подтвердите, что Вы не робот: отметьте «Я не робот» и дождитесь завершения проверки.',
      'Без согласия на обработку персональных данных регистрация невозможна: отметьте согласие.',
    ]);
    await page.screenshot({ path: `${screensDir}/form-helps-registration-error-summary.png`, fullPage: true });
    expect(await site.axe(page)).toEqual([]);
    await links.first().click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('email');
    // A Cyrillic address is kept as typed.
    await page.getByLabel('Адрес электронной почты').fill('иванов@минтруд.рф');
    expect(await page.getByLabel('Адрес электронной почты').inputValue()).toBe('иванов@минтруд.рф');
    await page.close();
  });

  it('a pasted text over the limit is kept whole, the counter says by how much, and the save lists it in the error summary', async () => {
    const { page } = desk;
    const name = page.getByLabel('ФИО лица, заполняющего анкету');
    const counter = page.getByTestId('q-respondent_name-counter');
    await name.fill('Иванова Анна Петровна');
    expect(await counter.count()).toBe(0);
    await name.fill('Я'.repeat(10_000));
    expect(await name.inputValue()).toHaveLength(10_000);
    expect((await counter.textContent())?.replace(/\s/g, ' ')).toBe('Превышено на 9 700 символов');
    const refused = await saveAndWait(page);
    expect(refused.__typename).toBe('ValidationError');
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      expect.stringMatching(/^Не более 300 символов \(сейчас 10000\)/) as unknown as string,
    ]);
    await desk.check('02-form-error-summary', { top: true });
    await name.fill('Иванова Анна Петровна');
  });
});

describe('a partial save says what is still missing (item 10)', () => {
  it('lists the required questions left blank, by name, each a link to its input', async () => {
    const { page } = desk;
    await page.getByLabel('ФИО лица, заполняющего анкету').fill('Иванова Анна Петровна');
    const result = await saveAndWait(page);
    expect(result.__typename).toBe('MutationSaveSectionSuccess');
    await page.getByRole('status').getByText('Сведения сохранены').waitFor();
    expect(await page.getByRole('status').textContent()).toContain('Без ответа 3 обязательных вопроса');
    const note = page.getByTestId('missing-note');
    expect(await note.getByRole('heading').textContent()).toBe('Раздел «Сведения об органе власти» сохранён, но заполнен не полностью');
    expect(await note.getByRole('link').allTextContents()).toEqual([
      'Должность лица, заполняющего анкету',
      'Субъект РФ',
      'Полное наименование органа власти',
    ]);
    await desk.check('03-missing-after-save', { top: true });
    // The save went on to section 2; the link comes back and puts the focus on the question.
    await page.getByRole('heading', { level: 2, name: /Охарактеризуйте текущую ситуацию/ }).waitFor();
    await note.getByRole('link', { name: 'Субъект РФ' }).click();
    await page.getByRole('heading', { level: 2, name: 'Сведения об органе власти', exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-region');
  });

  it('says nothing is missing once the section is complete', async () => {
    const { page } = desk;
    await page.getByLabel('Должность лица, заполняющего анкету').fill('Специалист');
    await page.getByLabel('Субъект РФ').selectOption('RU-ALT');
    await page.getByLabel('Полное наименование органа власти').fill('Министерство социальной защиты Алтайского края');
    expect((await saveAndWait(page)).__typename).toBe('MutationSaveSectionSuccess');
    await page.getByRole('heading', { level: 2, name: /Охарактеризуйте текущую ситуацию/ }).waitFor();
    expect(await page.getByTestId('missing-note').count()).toBe(0);
  });
});

describe('the window reopens while the form is open (item 13)', () => {
  it('unlocks the inputs with the unsaved answers still in them, without a reload', async () => {
    const { page } = desk;
    const prisma = site.db.prisma;
    await page.getByRole('link', { name: /Сведения об органе власти/ }).click();
    const position = page.getByLabel('Должность лица, заполняющего анкету');
    await position.fill('Главный специалист-эксперт');
    await setCampaignWindow(prisma, 'nok-2021', { closesAt: 'now' });
    const closed = await saveAndWait(page);
    expect(closed.__typename).toBe('WindowClosedError');
    await expect.poll(() => position.isDisabled()).toBe(true);
    expect(await position.inputValue()).toBe('Главный специалист-эксперт');
    // A marker that a reload would lose.
    await page.evaluate(() => ((window as unknown as { kept: boolean }).kept = true));
    await setCampaignWindow(prisma, 'nok-2021', { opensAt: new Date(Date.now() - 86_400_000), closesAt: inAWeek() });
    // Coming back to the tab asks the server (so does a timer, every 30 s).
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await expect.poll(() => position.isDisabled()).toBe(false);
    expect(await position.inputValue()).toBe('Главный специалист-эксперт');
    expect(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept)).toBe(true);
    await page.getByRole('status').getByText('Опрос снова открыт').waitFor();
    expect((await saveAndWait(page)).__typename).toBe('MutationSaveSectionSuccess');
    const stored = await prisma.answer.findFirst({ where: { questionCode: 'respondent_position' } });
    expect(stored?.value).toBe('Главный специалист-эксперт');
  });
});

describe('phone first (item 12)', () => {
  let phone: BrowserSession;
  beforeAll(async () => {
    phone = await openBrowserSession(site, 'form-helps-phone');
    await phone.context.close();
    // An iPhone SE's screen: 375 × 667 CSS pixels.
    const context = await site.browser.newContext({
      locale: 'ru-RU',
      timezoneId: 'Europe/Moscow',
      viewport: { width: 375, height: 667 },
      isMobile: true,
      hasTouch: true,
    });
    phone = { ...phone, context, page: await context.newPage() };
    phone.check = (await import('../helpers/browser.ts')).screenChecker(site, phone.page, 'form-helps-phone');
    await signIn(phone, 'phone@example.org');
  }, 240_000);
  afterAll(async () => {
    if (phone) console.log(phone.check.report());
    await phone?.context.close();
  });

  it('shows the first question on the first screen, the sections folded into «Раздел 1 из 4», the percent beside it', async () => {
    const { page } = phone;
    const summary = page.locator('summary.steps-summary');
    expect(await summary.textContent()).toMatch(/^Раздел 1 из 4\s*,?\s*заполнено 0%$/);
    expect(await page.getByRole('navigation', { name: 'Разделы анкеты' }).getByRole('link').first().isVisible()).toBe(false);
    const first = await page.getByLabel('ФИО лица, заполняющего анкету').boundingBox();
    expect(first).not.toBeNull();
    expect(first!.y + first!.height).toBeLessThan(667);
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await phone.check('01-first-screen', { top: true });
    await summary.click();
    await page.getByRole('link', { name: /2\. Охарактеризуйте/ }).click();
    await page.getByRole('heading', { level: 2, name: /Охарактеризуйте текущую ситуацию/ }).waitFor();
    expect((await summary.textContent())?.replace(/\s+/g, ' ')).toContain('Раздел 2 из 4');
    expect(await page.getByRole('link', { name: /1\. Сведения/ }).isVisible()).toBe(false);
  });
});

describe('one typeface, and a toast that keeps clear of the field (item 16)', () => {
  it('registration and the form are set in the same typeface', async () => {
    const { page } = desk;
    const formFont = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    const other = await desk.context.newPage();
    await other.goto(`${site.url}/link`);
    await expect.poll(() => other.evaluate(() => getComputedStyle(document.body).fontFamily)).toBe(formFont);
    expect(await other.evaluate(() => getComputedStyle(document.getElementById('email')!).fontFamily)).toBe(formFont);
    await other.close();
  });

  it('the notice after a save goes when the person focuses a field under it, or types', async () => {
    const { page } = desk;
    const step = (text: string) => console.log(new Date().toISOString(), text);
    await page
      .getByRole('link', { name: /Сведения об органе власти/ })
      .first()
      .click();
    step('opened');
    expect((await saveAndWait(page)).__typename).toBe('MutationSaveSectionSuccess');
    step('saved');
    const toast = page.locator('.live .notice');
    await toast.waitFor();
    step('toast');
    // The save went on to section 2: back to section 1, the notice still up.
    await page
      .getByRole('link', { name: /Сведения об органе власти/ })
      .first()
      .click();
    // Bring a field under the notice, then focus it.
    const box = (await toast.boundingBox())!;
    const field = page.getByLabel('Полное наименование органа власти');
    await field.evaluate((element, top) => {
      element.scrollIntoView({ block: 'start' });
      window.scrollBy(0, element.getBoundingClientRect().top - top - 5);
    }, box.y);
    const fieldBox = (await field.boundingBox())!;
    const overlaps = (a: typeof box, b: typeof box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(fieldBox, box)).toBe(true);
    step('overlaps');
    await field.focus();
    await toast.waitFor({ state: 'detached' });
  });
});

describe('«Иное» asks «уточните» (item 11)', () => {
  it('shows the text under the chosen «Иное», stores it, and clears it when «Иное» is un-chosen', async () => {
    const { page } = desk;
    const prisma = site.db.prisma;
    await page
      .getByRole('link', { name: /Сведения об органе власти/ })
      .first()
      .click();
    const specify = page.getByLabel('Уточните, какие иные полномочия');
    expect(await specify.count()).toBe(0);
    const powers = page.getByRole('combobox', { name: /Полномочия лица/ });
    await powers.click();
    await page.getByRole('option', { name: 'Иное' }).click();
    await page.keyboard.press('Escape');
    await specify.fill('Ведение реестра поставщиков социальных услуг');
    await desk.check('06-other-specify');
    expect((await saveAndWait(page)).__typename).toBe('MutationSaveSectionSuccess');
    const stored = await prisma.answer.findFirst({ where: { questionCode: 'respondent_powers_other' } });
    expect(stored?.value).toBe('Ведение реестра поставщиков социальных услуг');
    await page
      .getByRole('link', { name: /Сведения об органе власти/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Удалить: Иное' }).click();
    expect(await specify.count()).toBe(0);
    expect((await saveAndWait(page)).__typename).toBe('MutationSaveSectionSuccess');
    expect(await prisma.answer.count({ where: { questionCode: 'respondent_powers_other' } })).toBe(0);
  });
});
