// Chasing respondents in the coordinators' console, in real Chromium against a listening server:
// return a submitted questionnaire for rework (the database and the audit log record it), read and
// block respondents, preview and send reminders to those who have not started (the outbox holds
// them and the test SMTP server receives them), and list the sent mails. Screens go to
// test-results/screens/console-1x-*.png; axe checks each one.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { saveSection } from '../../api/src/services/responses.ts';
import type { LiveSite } from '../helpers/browser.ts';
import { consoleBrowserTest, COORDINATOR, signInToConsole, submitConsoleSignIn } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

let submittedId: number;

/** One submitted questionnaire (section 1 answered) and one registered person who has not started. */
async function seed(site: LiveSite) {
  const prisma = site.db.prisma;
  const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2021' } });
  const author = await prisma.user.create({ data: { email: 's1@example.org' } });
  await prisma.loginLink.create({ data: { userId: author.id, campaignId: campaign.id, tokenSha256: 'hash-s1' } });
  await saveSection(prisma, author.id, { campaignCode: 'nok-2021', sectionCode: 'authority', version: 0, answers: section1 });
  const response = await prisma.response.update({
    where: { campaignId_respondentId: { campaignId: campaign.id, respondentId: author.id } },
    data: { status: 'SUBMITTED', submittedAt: new Date(), completion: 100 },
  });
  submittedId = response.id;
  const idle = await prisma.user.create({ data: { email: 'n1@example.org' } });
  await prisma.loginLink.create({ data: { userId: idle.id, campaignId: campaign.id, tokenSha256: 'hash-n1' } });
}

const t = consoleBrowserTest('console-1x', { openWindows: ['nok-2021'], seed });

describe('chasing respondents in the console', () => {
  it('signs in', async () => {
    await signInToConsole(t);
  });

  it('returns a submitted questionnaire for rework with a reason', async () => {
    await t.page.getByRole('menuitem', { name: 'Анкеты' }).click();
    const row = t.page.locator('tbody tr').filter({ hasText: 's1@example.org' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Отправлена');
    await t.page.getByRole('combobox', { name: 'Статус' }).click();
    await t.page.getByRole('option', { name: 'Заполняется', exact: true }).click();
    await expect.poll(async () => decodeURIComponent(t.page.url())).toContain('DRAFT');
    await expect.poll(async () => t.page.locator('tbody tr').filter({ hasText: 's1@example.org' }).count()).toBe(0);
    await t.page.getByRole('combobox', { name: 'Статус' }).click();
    await t.page.getByRole('option', { name: 'Отправлена', exact: true }).click();
    await row.waitFor();
    await t.check('01-responses');
    await row.click();
    await t.page.getByRole('heading', { name: /Сведения об органе власти/ }).waitFor();
    expect(await t.page.locator('main').textContent()).toContain(section1.respondent_name);
    await t.check('02-response-show');
    await t.page.getByRole('button', { name: 'Вернуть на доработку' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Вернуть анкету на доработку' });
    expect(await dialog.getByTestId('confirm-consequence').textContent()).toContain('снова станет черновиком');
    expect(await dialog.getByRole('button', { name: 'Вернуть' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/^Причина/).fill('Не указан орган власти');
    await t.check('03-reopen-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Вернуть' }).click();
    await t.page.getByRole('status').filter({ hasText: 'возвращена на доработку' }).waitFor();
    expect((await t.site.db.prisma.response.findUniqueOrThrow({ where: { id: submittedId } })).status).toBe('DRAFT');
    const entries = await t.site.db.prisma.auditLog.findMany({ where: { action: 'response.reopen' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: COORDINATOR.email, reason: 'Не указан орган власти' });
    // The official is told, with the reason (issue 13, item 1).
    const told = await t.site.db.prisma.outboxMail.findFirstOrThrow({ where: { template: 'returned', to: 's1@example.org' } });
    expect(told.data).toMatchObject({ reason: 'Не указан орган власти' });
    await expect.poll(async () => t.page.getByRole('button', { name: 'Вернуть на доработку' }).count()).toBe(0);
  });

  it('lists respondents with their status and opens one', async () => {
    await t.page.getByRole('menuitem', { name: 'Респонденты' }).click();
    const row = t.page.locator('tbody tr').filter({ hasText: 'n1@example.org' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Не приступил');
    expect(await t.page.locator('tbody tr').filter({ hasText: 's1@example.org' }).textContent()).toContain('Заполняет');
    await t.check('04-respondents');
    await row.click();
    await t.page.getByRole('button', { name: 'Заблокировать' }).waitFor();
    await t.check('05-respondent-show');
    await t.page.getByRole('button', { name: 'Отправить ссылку повторно' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Новая ссылка для входа поставлена в очередь на n1@example.org' }).waitFor();
    expect(await t.site.db.prisma.outboxMail.count({ where: { template: 'login-link', to: 'n1@example.org' } })).toBe(1);
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'respondent.resend_link' } })).toBe(1);
    await t.page.getByRole('button', { name: 'Заблокировать' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Заблокировать респондента' });
    expect(await dialog.getByTestId('confirm-consequence').textContent()).toContain('больше не сможет входить');
    expect(await dialog.getByRole('button', { name: 'Заблокировать' }).isDisabled()).toBe(true);
    await t.check('06-revoke-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Отмена' }).click();
  });

  it('previews and sends reminders to two groups at once (not started, returned for rework); the mails leave', async () => {
    await t.page.getByRole('menuitem', { name: 'Напоминания', exact: true }).click();
    await t.page.getByRole('heading', { name: 'Напоминания', level: 1 }).waitFor();
    expect(await t.page.getByRole('checkbox', { name: 'Не приступили' }).isChecked()).toBe(true);
    await t.page.getByRole('button', { name: 'Показать письмо и получателей' }).click();
    const recipients = t.page.getByTestId('reminder-recipients');
    await recipients.waitFor();
    expect(await recipients.textContent()).toContain('n1@example.org');
    expect(await recipients.textContent()).not.toContain('s1@example.org');
    // The questionnaire returned above is at no 100% group but «Возвращены на доработку»: both groups at once.
    await t.page.getByRole('checkbox', { name: 'Возвращены на доработку' }).check();
    await t.page.getByRole('button', { name: 'Показать письмо и получателей' }).click();
    await expect.poll(async () => recipients.textContent()).toContain('s1@example.org');
    expect(await recipients.textContent()).toContain('Получателей: 2');
    expect(await t.page.getByTestId('reminder-groups').textContent()).toContain('не приступили — 1; возвращены на доработку — 1');
    expect((await t.page.getByTestId('reminder-subject').textContent())!.length).toBeGreaterThan(0);
    await t.check('07-reminders-preview');
    await t.page.getByRole('button', { name: 'Отправить', exact: true }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Отправить напоминания' });
    expect(await dialog.getByTestId('confirm-consequence').textContent()).toContain(
      'Будет отправлено 2 письма (не приступили, возвращены на доработку',
    );
    await t.check('08-reminders-confirm', { dialog: true });
    await dialog.getByRole('button', { name: 'Отправить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Поставлено в очередь: 2 письма' }).waitFor();
    const rows = await t.site.db.prisma.outboxMail.findMany({ where: { template: 'reminder' }, orderBy: { to: 'asc' } });
    expect(rows.map((row) => row.to)).toEqual(['n1@example.org', 's1@example.org']);
    // The server's outbox worker delivers it to the test SMTP server.
    // (with the link resent above: two mails to n1).
    // The mailbox already holds the mail of the return for rework and the resent link: wait for both
    // reminders themselves, not for any two mails.
    const reminders = () => t.site.mailbox.mails.filter((mail) => /^Напоминание/.test(mail.subject ?? ''));
    await expect.poll(() => reminders().length, { timeout: 20_000 }).toBe(2);
    const reminder = reminders().find((mail) => (mail.to as any)?.text?.includes('n1@example.org'));
    expect(reminder, 'the reminder reached the SMTP server').toBeDefined();
    expect((reminder!.to as any)?.text).toContain('n1@example.org');
  });

  it('lists the sent mails', async () => {
    await t.page.getByRole('menuitem', { name: 'Письма', exact: true }).click();
    await t.page.getByRole('heading', { name: 'Отправленные письма', level: 1 }).waitFor();
    const row = t.page.locator('tbody tr').filter({ hasText: 'n1@example.org' }).filter({ hasText: 'Напоминание' });
    await row.waitFor();
    await expect.poll(async () => row.textContent(), { timeout: 10_000 }).toContain('Отправлено');
    expect(await t.page.locator('tbody tr').filter({ hasText: 'Ссылка для входа' }).count()).toBe(1);
    await t.check('09-outbox');
  });

  it('blocks a respondent; with the session gone, the dialog says so and nothing changes', async () => {
    await t.page.getByRole('menuitem', { name: 'Респонденты' }).click();
    // The mails' list (which also names n1) gives way to the respondents' list first.
    await t.page.getByRole('heading', { name: 'Респонденты', level: 1 }).waitFor();
    await t.page.locator('tbody tr').filter({ hasText: 'n1@example.org' }).click();
    await t.page.getByRole('button', { name: 'Заблокировать' }).click();
    let dialog = t.page.getByRole('dialog', { name: 'Заблокировать респондента' });
    await dialog.getByLabel(/^Причина/).fill('Адрес не относится к органу власти');
    // The coordinator's session ends (expired or signed out elsewhere) while the dialog is open.
    await t.site.db.prisma.session.deleteMany({ where: { user: { role: 'COORDINATOR' } } });
    await dialog.getByRole('button', { name: 'Заблокировать' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Сеанс завершён' }).waitFor();
    await t.check('10-revoke-refused', { dialog: true });
    const n1 = await t.site.db.prisma.user.findUniqueOrThrow({ where: { email: 'n1@example.org' } });
    expect(n1.disabledAt).toBeNull();
    expect(await t.site.db.prisma.auditLog.count({ where: { action: 'respondent.revoke' } })).toBe(0);
    // Signing in again and confirming blocks the person, with the reason in the audit log.
    await t.page.reload();
    await submitConsoleSignIn(t.page, COORDINATOR);
    await t.page.getByRole('button', { name: 'Заблокировать' }).click();
    dialog = t.page.getByRole('dialog', { name: 'Заблокировать респондента' });
    await dialog.getByLabel(/^Причина/).fill('Адрес не относится к органу власти');
    await dialog.getByRole('button', { name: 'Заблокировать' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Доступ закрыт: n1@example.org.' }).waitFor();
    expect((await t.site.db.prisma.user.findUniqueOrThrow({ where: { email: 'n1@example.org' } })).disabledAt).not.toBeNull();
    const entries = await t.site.db.prisma.auditLog.findMany({ where: { action: 'respondent.revoke' } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorEmail: COORDINATOR.email, reason: 'Адрес не относится к органу власти', subjectId: n1.id });
  });

  it('downloads the answers as XLSX and CSV from the dashboard; the workbook has the answers with labels', async () => {
    await t.page.goto(`${t.site.url}/admin/#/`);
    await t.page.getByRole('combobox', { name: 'Опрос' }).click();
    await t.page.getByRole('option', { name: /2021/ }).click();
    const [xlsx] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('link', { name: 'Скачать в Excel (.xlsx)' }).click()]);
    expect(xlsx.suggestedFilename()).toBe('nok-2021.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await xlsx.path())!);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '1. Сведения об органе власти',
      expect.stringMatching(/^2\. /),
      expect.stringMatching(/^4\. /),
      'Мероприятия',
    ]);
    const authority = workbook.worksheets[0]!;
    expect(authority.rowCount).toBe(2);
    const row = (authority.getRow(2).values as unknown[]).slice(1);
    // Returned for rework above, so it is a draft again; the answers read as labels.
    expect(row.slice(0, 3)).toEqual(['s1@example.org', 'Алтайский край', 'Заполняется']);
    expect(row).toContain(section1.respondent_name);
    const [csv] = await Promise.all([t.page.waitForEvent('download'), t.page.getByRole('link', { name: 'Скачать в CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('nok-2021.csv');
    const text = await readFile((await csv.path())!, 'utf8');
    expect(text.split('\n')[1]).toContain('s1@example.org');
    expect(t.problems).toEqual([]);
  });

  it('signs out when a read finds the session gone (here: the dashboard of another campaign)', async () => {
    await t.page.getByTestId('region-table').waitFor();
    await t.site.db.prisma.session.deleteMany({ where: { user: { role: 'COORDINATOR' } } });
    await t.page.getByRole('combobox', { name: 'Опрос' }).click();
    await t.page.getByRole('option', { name: /2023/ }).click();
    await t.page.getByLabel('Электронная почта').waitFor();
    expect(t.page.url()).toMatch(/#\/login$/);
    expect(t.problems).toEqual([]);
  });
});
