// The respondent journey in real Chromium against a listening server and a real SMTP server:
// register → read the mail → open the link → «Войти» → fill the 2021 questionnaire → 82% → 100% →
// submit → read-only. Screens are saved in test-results/screens/; axe-core checks each screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { setCampaignWindow } from '../../api/src/services/campaigns.ts';
import { screenChecker, startLiveSite, type LiveSite, type ScreenCheck } from '../helpers/browser.ts';
import { linkIn } from '../helpers/smtp.ts';

let site: LiveSite;
let context: BrowserContext;
let page: Page;
let check: ScreenCheck;

beforeAll(async () => {
  site = await startLiveSite();
  await setCampaignWindow(site.db.prisma, 'nok-2021', {
    opensAt: new Date(Date.now() - 86_400_000),
    closesAt: new Date(Date.now() + 7 * 86_400_000),
  });
  context = await site.browser.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  check = screenChecker(site, page, '');
  page.setDefaultTimeout(10_000);
}, 120_000);

afterAll(async () => {
  if (check) console.log(check.report());
  await context?.close();
  await site?.close();
});

describe('registration in the browser', () => {
  it('registers with the robot check and the consent', async () => {
    await page.goto(`${site.url}/`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Мониторинг использования результатов');
    await check('01-registration');
    await page.getByLabel('Адрес электронной почты').fill('official@altai.example');
    await page.getByText('Я не робот').click();
    await page.waitForFunction(() => ((document.querySelector('input[name="altcha"]') as HTMLInputElement | null)?.value.length ?? 0) > 10, null, {
      timeout: 30_000,
    });
    await page.getByLabel(/Я согласен на обработку персональных данных/).check();
    await page.getByRole('button', { name: 'Зарегистрироваться' }).click();
    await page.waitForURL(`${site.url}/registered`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Учетная запись создана успешно');
    await check('02-registered');
  });

  it('receives the mail and signs in through «Войти»', async () => {
    const [mail] = await site.mailbox.waitFor(1, 20_000);
    expect(mail!.subject).toBe('Мониторинг результатов НОК');
    const link = linkIn(mail!);
    await page.goto(link.toString());
    await check('03-sign-in');
    expect(await site.db.prisma.session.count()).toBe(0);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.waitForURL(`${site.url}/form/nok-2021/`);
    expect(await site.db.prisma.session.count()).toBe(1);
  });
});

describe('filling in the 2021 questionnaire', () => {
  const overall = () => page.getByTestId('completion-overall').textContent();
  const sectionLink = (name: RegExp) => page.getByRole('navigation', { name: 'Разделы анкеты' }).getByRole('link', { name });
  async function saveSection() {
    const saved = page.waitForResponse(
      (response) => response.url().endsWith('/graphql') && (response.request().postData() ?? '').includes('saveSection'),
    );
    await page.getByRole('button', { name: 'Сохранить' }).click();
    expect((await (await saved).json()).data.saveSection.__typename).toBe('MutationSaveSectionSuccess');
    await page.getByRole('status').getByText('Сведения сохранены').waitFor();
  }

  it('shows the dates, the e-mail and the sections with their completion', async () => {
    await page.getByTestId('completion-overall').waitFor();
    const header = await page.locator('header').first().textContent();
    expect(header).toContain('official@altai.example');
    expect(await overall()).toContain('0%');
    await check('04-form-start');
  });

  it('saves section 1 like the seed, using the multi-select and Backspace', async () => {
    await page.getByLabel('ФИО лица, заполняющего анкету').fill('Иванова Анна Петровна');
    await page.getByLabel('Должность лица, заполняющего анкету').fill('Специалист');
    await page.getByLabel('Субъект РФ').selectOption('RU-ALT');
    await page.getByLabel('Полное наименование органа власти').fill('Министерство социальной защиты Алтайского края');
    const powers = page.getByRole('combobox', { name: /Полномочия лица/ });
    await powers.click();
    await page.getByRole('option', { name: 'Размещение информации о результатах НОК на официальном сайте bus.gov.ru' }).click();
    await powers.click();
    await page.getByRole('option', { name: 'Обеспечение достоверности, полноты и своевременности размещения информации' }).click();
    await powers.click();
    await page.getByRole('option', { name: 'Иное' }).click();
    const chosen = page.getByRole('list', { name: 'Выбранные варианты' }).getByRole('listitem');
    expect(await chosen.count()).toBe(3);
    await powers.focus();
    await page.keyboard.press('Backspace');
    expect(await chosen.count()).toBe(2);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('listbox').count()).toBe(0);
    await check('05-section-1-filled');
    await saveSection();
    expect(await overall()).toContain('45%');
  });

  it("saves section 2 with 3.3 left open: the seed's 82%", async () => {
    await page.getByRole('heading', { level: 2, name: /Охарактеризуйте текущую ситуацию/ }).waitFor();
    const forms = page.getByRole('combobox', { name: /Какие формы получения мнения/ });
    await forms.click();
    await page.getByRole('option', { name: 'Анкетирование на бумажном носителе в организациях' }).click();
    await page.keyboard.press('Escape');
    await page
      .getByRole('radiogroup', { name: /^2\./ })
      .getByLabel('Меры реализуются в рамках действующей нормативной правовой базы; изменения не потребовались')
      .check();
    await page
      .getByRole('radiogroup', { name: /3\.1\./ })
      .getByLabel('Скорее согласен')
      .check();
    await page
      .getByRole('radiogroup', { name: /3\.2\./ })
      .getByLabel('Полностью согласен')
      .check();
    await saveSection();
    expect(await overall()).toContain('82%');
    expect(await page.getByTestId('completion-authority').textContent()).toContain('100%');
    expect(await page.getByTestId('completion-situation').textContent()).toContain('80%');
    await check('06-completion-82');
  });

  it('adds five measures with their types, completes 3.3, reaches 100% and opens section 4', async () => {
    await sectionLink(/Опишите конкретные мероприятия/).click();
    for (let n = 1; n <= 5; n++) {
      await page.getByRole('button', { name: 'Добавить мероприятие' }).click();
      const item = page.getByRole('group', { name: `Мероприятие ${n}` });
      await item.getByLabel('Тип мероприятия').selectOption(n % 2 ? 'material_base' : 'motivation');
      await item.getByLabel('Наименование мероприятия').fill(`Мероприятие <script>alert(${n})</script>`);
      await item.getByLabel('Краткое описание мероприятия').fill(`Описание мероприятия ${n}`);
    }
    await check('07-measures');
    await saveSection();
    await sectionLink(/Охарактеризуйте текущую ситуацию/).click();
    await page
      .getByRole('radiogroup', { name: /3\.3\./ })
      .getByLabel('Скорее согласен')
      .check();
    await saveSection();
    expect(await overall()).toContain('100%');
    await sectionLink(/Развитие системы НОК/).waitFor();
  });

  it('submits after «Завершить заполнение анкеты?» and thanks the respondent', async () => {
    await sectionLink(/Развитие системы НОК/).click();
    await page.getByLabel('Ваши предложения по развитию НОК').fill('Проводить обучающие семинары для операторов');
    await page.getByLabel('Завершить заполнение анкеты?').check();
    await check('08-submit');
    await page.getByRole('button', { name: 'Отправить анкету' }).click();
    await page.getByRole('heading', { name: 'Благодарим за участие в опросе!' }).waitFor();
    await check('09-thanks');
    const response = await site.db.prisma.response.findFirstOrThrow({ include: { measures: true } });
    expect(response.status).toBe('SUBMITTED');
    expect(response.measures).toHaveLength(5);
    expect(response.measures[0]!.title).toBe('Мероприятие <script>alert(1)</script>');
  });

  it('is read-only afterwards, and shows a script typed into an answer as text', async () => {
    await page.reload();
    await sectionLink(/Опишите конкретные мероприятия/).click();
    const title = page.getByRole('group', { name: 'Мероприятие 1' }).getByLabel('Наименование мероприятия');
    expect(await title.inputValue()).toBe('Мероприятие <script>alert(1)</script>');
    expect(await title.isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: 'Сохранить' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Добавить мероприятие' }).count()).toBe(0);
    await check('10-read-only');
  });
});
