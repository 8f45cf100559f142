// Regional follow-up protocols in the coordinators' console (issue 12, point 4 and the done-when), in
// real Chromium against a listening server. Seed 004 is loaded on first start as the protocol of
// Кабардино-Балкарская Республика; a second region's protocol (a copy of it for Алтайский край, № 12)
// is imported for the view across regions. The database's clock is set to 25 August 2017 (its
// clock_timestamp(), which the product reads for "today", shadowed by a function of a schema ahead of
// pg_catalog on the search path). A coordinator sees the protocols, the header and every numbered
// item with its deadline and the recurring duties, marks item 2.1 done with a report (audited), sees
// across regions what is overdue and due within 30 days (filtered by region, owner and status,
// sorted by region), records an owner's e-mail and matches the owner to an authority, and previews
// and sends the reminders. Screens go to test-results/screens/console-protocols-NN-*.png; axe checks
// each one.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { importProtocolFile } from '../../api/src/import/protocol.ts';
import { consoleBrowserTest, COORDINATOR, signInToConsole } from '../helpers/console.ts';

const SEED = path.resolve(import.meta.dirname, '../../prisma/seeds/protocol-kbr-2017-06-02-3.txt');
const TODAY = '2017-08-25';

/**
 * Sets the database's clock (clock_timestamp()) to noon in Moscow on `day` for this PGlite session:
 * a function of the same name in a schema searched before pg_catalog takes its place.
 */
async function setDatabaseDate(db: Database, day: string): Promise<void> {
  await db.prisma.$executeRawUnsafe('CREATE SCHEMA IF NOT EXISTS fake_clock');
  await db.prisma.$executeRawUnsafe(
    `CREATE OR REPLACE FUNCTION fake_clock.clock_timestamp() RETURNS timestamptz LANGUAGE sql AS $$ SELECT '${day} 12:00:00+03'::timestamptz $$`,
  );
  await db.prisma.$executeRawUnsafe('SET search_path TO fake_clock, pg_catalog, public');
}

const t = consoleBrowserTest('console-protocols', {
  seed: async (site) => {
    const folder = await mkdtemp(path.join(tmpdir(), 'protocol-'));
    const altai = (await readFile(SEED, 'utf8'))
      .replaceAll('Кабардино-Балкарской Республики', 'Алтайского края')
      .replaceAll('Кабардино-Балкарской Республике', 'Алтайском крае')
      .replaceAll(' КБР', ' Алтайского края')
      .replace('№ 3', '№ 12');
    await writeFile(path.join(folder, 'altai.txt'), altai);
    await importProtocolFile(site.db.prisma, path.join(folder, 'altai.txt'), { regionCode: 'RU-ALT', today: TODAY });
    await rm(folder, { recursive: true });
    const kb = await site.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-KB' } });
    await site.db.prisma.authority.create({ data: { regionId: kb.id, name: 'Минздрав КБР' } });
    await setDatabaseDate(site.db, TODAY);
  },
});

const NUMBERS = ['1', '2', '2.1', '2.2', '3', '3.1', '3.2', '3.3', '3.4', '3.5', '4', '5', '5.1', '5.2', '5.3', '5.4'];
const DEADLINES: Record<string, string> = {
  '2.1': '15 июня 2017 г.',
  '2.2': '15 июня 2017 г.',
  '3.1': '20 августа 2017 г.',
  '3.2': '30 августа 2017 г.',
  '3.3': '10 сентября 2017 г.',
  '3.4': '1 ноября 2017 г.',
  '3.5': 'к 15 июля 2017 г., далее – ежемесячно',
  '5.1': '20 июня 2017 г.',
  '5.2': '20 июня 2017 г., далее – ежемесячно',
  '5.3': '20 сентября 2017 г.',
  '5.4': '20 ноября 2017 г.',
};
/** For a wait on the server's answer: the page's default 10 s is too short when the whole suite loads the machine. */
const SLOW = { timeout: 30_000 };
/** Polls as expect.poll does, but waits long enough for a busy machine's server. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 250 });
const rowTexts = async () =>
  Promise.all((await t.page.locator('tbody tr').all()).map(async (row) => ((await row.textContent()) ?? '').replace(/\s+/g, ' ')));

describe('protocols in the console', { timeout: 120_000 }, () => {
  it('reads the database date as 25 August 2017', async () => {
    const [row] = await t.site.db.prisma.$queryRaw<
      { today: string }[]
    >`SELECT to_char((clock_timestamp() AT TIME ZONE 'Europe/Moscow')::date, 'YYYY-MM-DD') AS today`;
    expect(row!.today).toBe(TODAY);
  });

  it('lists the protocols of both regions', { timeout: 90_000 }, async () => {
    await signInToConsole(t);
    await t.page.getByRole('menuitem', { name: 'Протоколы' }).click();
    await t.page.waitForURL(/#\/Protocol$/);
    const kb = t.page.locator('tbody tr').filter({ hasText: '02.06.2017' }).filter({ hasText: 'Кабардино-Балкарская Республика' });
    await kb.waitFor({ timeout: 30_000 });
    expect(await kb.textContent()).toContain('Протокол совещания у Заместителя Председателя Правительства');
    await t.page.locator('tbody tr').filter({ hasText: '02.06.2017' }).filter({ hasText: 'Алтайский край' }).waitFor();
    expect(await t.page.locator('tbody tr').count()).toBe(2);
    await t.check('01-protocols');
  });

  it("shows seed 004's header and every numbered item with its deadline, the recurring duties and overdue marks", async () => {
    await t.page.locator('tbody tr').filter({ hasText: 'Кабардино-Балкарская Республика' }).click();
    await t.page.waitForURL(/#\/Protocol\/\d+\/show$/);
    const header = t.page.getByTestId('protocol-header');
    await header.waitFor({ timeout: 30_000 });
    const headerText = (await header.textContent()) ?? '';
    for (const part of ['Кабардино-Балкарская Республика', '02.06.2017', 'Ахохов Т.Б.', 'Председательствовал', 'Контроль исполнения'])
      expect(headerText).toContain(part);
    expect(headerText).toMatch(/Контроль исполнения.*министерств/i);
    const items = t.page.getByTestId('protocol-items');
    for (const number of NUMBERS) await items.getByTestId(`item-${number}`).waitFor();
    expect(await items.locator('tbody tr').count()).toBe(NUMBERS.length);
    for (const [number, deadline] of Object.entries(DEADLINES)) {
      expect(await items.getByTestId(`item-${number}`).textContent(), number).toContain(deadline);
    }
    for (const number of ['3.5', '5.2']) expect(await items.getByTestId(`item-${number}`).textContent()).toContain('Ежемесячно');
    // On 25 August 2017: 2.1 (15 June) is overdue by 71 days; 3.2 (30 August) comes in 5 days; 3.4 (1 November) is far.
    expect(await items.getByTestId('item-2.1').textContent()).toContain('Просрочено на 71 день');
    expect(await items.getByTestId('item-3.2').textContent()).toContain('через 5 дней');
    expect(await items.getByTestId('item-3.4').getByTestId('overdue-mark').count()).toBe(0);
    // 5.2, monthly from 20 June: three dates passed (June, July, August).
    expect(await items.getByTestId('item-5.2').getByTestId('item-overdue').textContent()).toBe('3');
    expect(await items.getByTestId('item-5.2').textContent()).toContain('0 из 3 (0%)');
    await t.check('02-protocol-tree');
  });

  it('marks task 2.1 done with a report and a link to evidence, audited', async () => {
    await t.page.getByTestId('item-2.1').getByRole('link', { name: '15.06.2017' }).click();
    await t.page.getByRole('heading', { name: 'Пункт 2.1, срок 15.06.2017' }).waitFor();
    await t.check('03-task');
    await t.page.getByLabel(/^Что сделано/).fill('Сайты созданы у всех 214 организаций; перечень направлен куратору.');
    await t.page.getByLabel('Ссылка на подтверждение').fill('ftp://kbr.example/sites');
    await t.page.getByRole('combobox', { name: 'Отметить состояние' }).click();
    await t.page.getByRole('option', { name: 'Выполнено' }).click();
    await t.page.getByRole('button', { name: 'Добавить отчёт' }).click();
    await t.page.getByRole('alert').waitFor();
    expect(await t.site.db.prisma.taskReport.count()).toBe(0);
    await t.check('04-report-refused');
    await t.page.getByLabel('Ссылка на подтверждение').fill('https://kbr.example/nok/sites-2017.pdf');
    await t.page.getByRole('button', { name: 'Добавить отчёт' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Отчёт добавлен, состояние: Выполнено.' }).waitFor();
    await t.page.getByTestId('task-reports').getByText('https://kbr.example/nok/sites-2017.pdf').waitFor();
    const report = await t.site.db.prisma.taskReport.findFirstOrThrow({ include: { occurrence: { include: { item: true } } } });
    expect(report).toMatchObject({ evidenceUrl: 'https://kbr.example/nok/sites-2017.pdf', status: 'DONE' });
    expect(report.occurrence).toMatchObject({ status: 'DONE' });
    expect(report.occurrence.item.number).toBe('2.1');
    const audits = await t.site.db.prisma.auditLog.findMany({ where: { actorEmail: COORDINATOR.email } });
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).toContain('sites-2017.pdf');
    await t.check('05-task-done');
    await t.page.getByRole('link', { name: '№ 3 от 02.06.2017' }).click();
    await poll(() => t.page.getByTestId('item-2.1').textContent()).toContain('Выполнено');
    expect(await t.page.getByTestId('item-2.1').getByTestId('overdue-mark').count()).toBe(0);
  });

  it('shows across regions what is overdue and due within 30 days, filtered by region, owner and status', async () => {
    await t.page.getByRole('menuitem', { name: 'Сроки поручений' }).click();
    await t.page.waitForURL(/#\/TaskOccurrence/);
    await t.page.locator('tbody tr').filter({ hasText: '№ 3 от 02.06.2017' }).first().waitFor({ timeout: 30_000 });
    await t.check('06-due-across-regions');
    await poll(async () => (await rowTexts()).length).toBeGreaterThan(10);
    let rows = await rowTexts();
    // Both regions; the default view is «due within 30 days and overdue», by date.
    expect(rows.some((row) => row.includes('Кабардино-Балкарская Республика'))).toBe(true);
    expect(rows.some((row) => row.includes('Алтайский край'))).toBe(true);
    const kbRows = rows.filter((row) => row.includes('Кабардино-Балкарская Республика'));
    // KBR: 2.2, 3.1, 3.2, 3.3, 3.5 ×3, 5.1, 5.2 ×4, 5.3 — not 2.1 (done), 3.4 and 5.4 (beyond 30 days).
    const kbItems = kbRows.map((row) => row.match(/№ 3 от 02\.06\.2017\s*(\d\.\d)/)?.[1]).sort();
    expect(kbItems).toEqual(['2.2', '3.1', '3.2', '3.3', '3.5', '3.5', '3.5', '5.1', '5.2', '5.2', '5.2', '5.2', '5.3']);
    expect(rows.filter((row) => row.includes('Алтайский край') && /№ 12 .*2\.1/.test(row))).toHaveLength(1);

    // Sorted by region (official order: Алтайский край after Кабардино-Балкарская Республика).
    await t.page.getByRole('button', { name: 'Субъект РФ' }).click();
    await poll(async () => (await rowTexts())[0]).toContain('Кабардино-Балкарская Республика');
    await t.page.getByRole('button', { name: 'Субъект РФ' }).click();
    await poll(async () => (await rowTexts())[0]).toContain('Алтайский край');

    // Filtered by region and owner.
    await t.page.getByRole('combobox', { name: 'Субъект РФ' }).click();
    await t.page.getByRole('option', { name: 'Кабардино-Балкарская Республика' }).click();
    await poll(async () => (await rowTexts()).every((row) => row.includes('Кабардино-Балкарская Республика'))).toBe(true);
    await t.page.getByLabel('Исполнитель (часть названия)').fill('здравоохранения');
    await poll(async () => (await rowTexts()).length).toBe(7); // 2.2, 3.1, 3.2, 3.3, 3.5 ×3
    rows = await rowTexts();
    expect(rows.every((row) => /Министерств[оу] здравоохранения/.test(row))).toBe(true);
    await t.check('07-due-filtered');

    // Only overdue, by status.
    await t.page.getByRole('combobox', { name: 'Срок в ближайшие' }).click();
    await t.page.getByRole('option', { name: '7 дней' }).click();
    await poll(async () => (await rowTexts()).length).toBe(5); // 3.2 (30.08) in 5 days; 2.2, 3.1 and 3.5 twice overdue
    await t.page.getByLabel('И просроченные').uncheck();
    await poll(async () => (await rowTexts()).length).toBe(1);
    expect((await rowTexts())[0]).toContain('30.08.2017');
    await t.check('08-due-within-7-days');
  });

  it("records an owner's e-mail and matches the owner to the region's authority", async () => {
    await t.page.getByRole('menuitem', { name: 'Исполнители поручений' }).click();
    await t.page.waitForURL(/#\/TaskOwner/, SLOW);
    await t.page.getByLabel('Поиск по названию').fill('здравоохранения Кабардино');
    const row = t.page.locator('tbody tr').filter({ hasText: 'Министерство здравоохранения Кабардино-Балкарской Республики' });
    await poll(() => row.count()).toBe(1);
    await row.click();
    await t.page.waitForURL(/#\/TaskOwner\/\d+\/show$/, SLOW);
    await t.check('09-owner-page');
    // The app bar's loading indicator, shown while an answer is on its way, has an accessible name
    // (react-admin's has none; CI once caught it mid-fetch on this screen).
    await t.page.route('**/graphql', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await route.continue();
    });
    await t.page.getByRole('button', { name: 'Обновить' }).click();
    await t.page.locator('.app-loader').waitFor();
    expect(await t.page.locator('.app-loader').getAttribute('aria-label')).toBe('Загрузка');
    expect(await t.site.axe(t.page)).toEqual([]);
    await t.page.unrouteAll({ behavior: 'wait' });
    await t.page.locator('.app-loader').waitFor({ state: 'detached', ...SLOW });
    await t.page.getByRole('heading', { name: 'Адреса для напоминаний о сроках' }).waitFor(SLOW);
    await t.page.getByLabel(/^Электронная почта/).fill('не адрес');
    await t.page.getByRole('button', { name: 'Записать адрес' }).click();
    await t.page.getByText('Адрес электронной почты, например minzdrav@kbr.ru.').waitFor(SLOW);
    expect(await t.site.db.prisma.ownerContact.count()).toBe(0);
    await t.page.getByLabel(/^Электронная почта/).fill('minzdrav@kbr.example');
    await t.page.getByLabel('Кто это (необязательно)').fill('Хачетлова Е. Р.');
    await t.page.getByRole('button', { name: 'Записать адрес' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Адрес minzdrav@kbr.example записан.' }).waitFor(SLOW);
    await t.page.getByTestId('owner-contacts').getByText('minzdrav@kbr.example').waitFor(SLOW);
    await t.page.getByRole('combobox', { name: 'Орган власти региона' }).click();
    await t.page.getByRole('option', { name: 'Минздрав КБР' }).click(SLOW);
    await t.page.getByRole('button', { name: 'Сохранить сопоставление' }).click(SLOW);
    await t.page.getByRole('status').filter({ hasText: 'Исполнитель сопоставлен с органом власти.' }).waitFor(SLOW);
    const owner = await t.site.db.prisma.taskOwner.findFirstOrThrow({
      where: { name: 'Министерство здравоохранения Кабардино-Балкарской Республики' },
      include: { authority: true, contacts: true },
    });
    expect(owner.authority?.name).toBe('Минздрав КБР');
    expect(owner.contacts.map((contact) => contact.email)).toEqual(['minzdrav@kbr.example']);
    await t.check('10-owner-contact');
  });

  it('previews the reminder to that contact and sends it through the outbox', async () => {
    await t.page.getByRole('menuitem', { name: 'Напоминания о сроках' }).click();
    await t.page.waitForURL(/#\/task-reminders$/, SLOW);
    await t.page.getByRole('button', { name: 'Показать письма' }).click(SLOW);
    const mail = t.page.getByTestId('task-reminder-mail');
    await mail.waitFor(SLOW);
    expect(await mail.count()).toBe(1);
    const text = (await mail.textContent()) ?? '';
    expect(text).toContain('minzdrav@kbr.example');
    expect(text).toContain('Протокол № 3 от 02.06.2017');
    expect(text).toContain('п. 2.2 «');
    expect(text).not.toContain('п. 2.1 «'); // done
    expect(text).toContain('ПРОСРОЧЕНО 2 срока: с 15.07.2017 по 15.08.2017; следующий срок 15.09.2017 — осталось 21 день');
    expect(text).toContain('срок 30.08.2017 — осталось 5 дней');
    await t.check('11-reminder-preview');
    await t.page.getByRole('button', { name: 'Отправить выбранные (1)' }).click(SLOW);
    const dialog = t.page.getByRole('dialog', { name: 'Отправить напоминания' });
    await dialog.getByRole('button', { name: 'Отправить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Поставлено в очередь: 1 письмо.' }).waitFor(SLOW);
    const rows = await t.site.db.prisma.outboxMail.findMany({ where: { template: 'task-reminder' } });
    expect(rows.map((row) => row.to)).toEqual(['minzdrav@kbr.example']);
    const [received] = await t.site.mailbox.waitFor(1, 30_000);
    expect(received!.subject).toBe('Просрочено исполнение 3 пунктов протокола: Министерство здравоохранения Кабардино-Балкарской Республики');
    expect(received!.text).toContain('п. 3.1 «');
    await t.check('12-reminders-sent');
    expect(t.problems).toEqual([]);
  });
});
