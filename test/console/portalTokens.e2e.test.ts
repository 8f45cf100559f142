// Regional portals' tokens in the coordinators' console (issue 11), in real Chromium against a
// listening server: issue one (a refusal first, then the secret shown once with a copy button and a
// warning), see it used by a portal (last use time and address in the list), limit it to an uploaded
// .graphql file, rotate it with an overlap, revoke it. The database and the audit log are checked after
// each step. Screens go to test-results/screens/console-portal-tokens-NN-*.png; axe checks each one.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authenticatePortalToken } from '../../api/src/services/portalTokens.ts';
import { consoleBrowserTest, COORDINATOR, signInToConsole } from '../helpers/console.ts';

const t = consoleBrowserTest('console-portal-tokens');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
let secret = '';
let id = 0;

const OPERATIONS = `# Утверждённые запросы портала КБР
query RegionStatus { portalRegion { region { code name } } }
query Spheres { allSpheres { id name } }
`;

describe("regional portals' tokens in the console", () => {
  it('lists no tokens yet and refuses an expiry in the past, issuing nothing', { timeout: 90_000 }, async () => {
    await signInToConsole(t);
    await t.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: t.site.url });
    await t.page.getByRole('menuitem', { name: 'Токены порталов' }).click();
    await t.page.getByText('Токенов порталов пока нет.').waitFor();
    await t.check('01-empty-list');
    await t.page.getByRole('link', { name: 'Выпустить токен' }).click();
    await t.page.getByRole('heading', { name: 'Выпуск токена регионального портала' }).waitFor();
    await t.page.getByRole('combobox', { name: 'Субъект РФ' }).click();
    await t.page.getByRole('option', { name: 'Кабардино-Балкарская Республика' }).click();
    await t.page.getByLabel(/^Название/).fill('Портал Минтруда КБР');
    await t.page.getByRole('checkbox', { name: /^Ответы и меры/ }).check();
    await t.page.getByLabel('Действует до').fill('2001-01-01');
    await t.page.getByRole('button', { name: 'Выпустить токен' }).click();
    await t.page.getByRole('alert').filter({ hasText: 'Срок действия токена должен быть в будущем.' }).waitFor();
    await t.check('02-issue-refused');
    expect(await t.site.db.prisma.portalToken.count()).toBe(0);
  });

  it('issues the token and shows its secret once, with a copy button and a warning', async () => {
    await t.page.getByLabel('Действует до').fill('2030-12-31');
    await t.page.getByRole('button', { name: 'Выпустить токен' }).click();
    const panel = t.page.getByTestId('portal-token-secret');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('показывается один раз');
    secret = await panel.getByLabel('Токен портала').inputValue();
    expect(secret).toMatch(/^nokp_/);
    const row = await t.site.db.prisma.portalToken.findFirstOrThrow();
    id = row.id;
    expect(row).toMatchObject({ secretSha256: sha256(secret), scopes: ['status', 'answers'], createdBy: COORDINATOR.email });
    expect(row.expiresAt.toISOString()).toBe('2030-12-30T21:00:00.000Z');
    await panel.getByRole('button', { name: 'Копировать' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Токен скопирован в буфер обмена.' }).waitFor();
    expect(await t.page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await t.check('03-issued-secret');
    const audit = await t.site.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'portalToken.issue' } });
    expect(audit.actorEmail).toBe(COORDINATOR.email);
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it("lists it with region, scopes, expiry, state and the portal's last use", async () => {
    const used = await fetch(`${t.site.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ portalRegion { region { code } } }' }),
    });
    expect((await used.json()).data.portalRegion.region.code).toBe('RU-KB');
    await t.page.getByRole('link', { name: 'К списку токенов' }).click();
    const row = t.page.locator('tbody tr').filter({ hasText: 'Портал Минтруда КБР' });
    await row.waitFor();
    const text = await row.textContent();
    for (const part of ['Кабардино-Балкарская Республика', 'Ход мониторинга', 'Ответы и меры', '31.12.2030', '127.0.0.1', 'Действует', 'любые'])
      expect(text).toContain(part);
    expect(text).not.toContain(secret);
    await t.check('04-list');
    await row.click();
    await t.page.getByRole('button', { name: 'Заменить токен' }).waitFor();
    await t.check('05-show');
  });

  it('limits it to the queries of an uploaded .graphql file', async () => {
    await t.page.getByRole('button', { name: 'Изменить список операций' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Список разрешённых операций' });
    await dialog.getByTestId('operations-file').setInputFiles({ name: 'portal.graphql', mimeType: 'text/plain', buffer: Buffer.from(OPERATIONS) });
    await expect.poll(() => dialog.getByLabel('Текст документа GraphQL').inputValue()).toBe(OPERATIONS);
    await t.check('06-operations-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Список сохранён: разрешённых операций — 2.' }).waitFor();
    expect(await t.page.getByTestId('added-operations').textContent()).toContain('RegionStatus');
    expect((await t.site.db.prisma.portalToken.findUniqueOrThrow({ where: { id } })).allowedOperations).toHaveLength(2);
    // The token now runs the approved query only.
    const refused = await fetch(`${t.site.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ allRegions { code } }' }),
    });
    expect((await refused.json()).errors[0].extensions.code).toBe('OPERATION_NOT_ALLOWED');
    await t.check('07-operations-saved');
  });

  it('rotates it with an overlap: the new secret shown once, the old one working until then', async () => {
    await t.page.getByRole('button', { name: 'Заменить токен' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Заменить токен' });
    await dialog.getByLabel('Перекрытие, часов').fill('2');
    await dialog.getByRole('button', { name: 'Заменить' }).click();
    const panel = t.page.getByTestId('portal-token-secret');
    await panel.waitFor();
    const fresh = await panel.getByLabel('Токен портала').inputValue();
    expect(fresh).not.toBe(secret);
    expect(await panel.textContent()).toContain('Прежний токен действует до');
    const now = Date.now();
    expect((await authenticatePortalToken(t.site.db.prisma, secret, new Date(now + 3_600_000), null)).ok).toBe(true);
    expect((await authenticatePortalToken(t.site.db.prisma, secret, new Date(now + 3 * 3_600_000), null)).ok).toBe(false);
    expect((await authenticatePortalToken(t.site.db.prisma, fresh, new Date(now + 3 * 3_600_000), null)).ok).toBe(true);
    await t.check('08-rotated');
    secret = fresh;
  });

  it('revokes it after a confirmation: both secrets stop at once', async () => {
    await t.page.getByRole('button', { name: 'Отозвать' }).click();
    const dialog = t.page.getByRole('dialog', { name: 'Отозвать токен' });
    expect(await dialog.textContent()).toContain('перестанет работать сразу');
    await t.check('09-revoke-dialog', { dialog: true });
    await dialog.getByRole('button', { name: 'Отозвать' }).click();
    await t.page.getByRole('status').filter({ hasText: 'Токен отозван.' }).waitFor();
    expect((await authenticatePortalToken(t.site.db.prisma, secret, new Date(), null)).ok).toBe(false);
    const actions = (await t.site.db.prisma.auditLog.findMany({ where: { subjectType: 'PortalToken' }, orderBy: { id: 'asc' } })).map(
      (entry) => `${entry.action} ${entry.actorEmail}`,
    );
    expect(actions).toEqual(
      ['portalToken.issue', 'portalToken.allowOperations', 'portalToken.rotate', 'portalToken.revoke'].map(
        (action) => `${action} ${COORDINATOR.email}`,
      ),
    );
    await expect.poll(() => t.page.getByText('Отозван', { exact: true }).count()).toBeGreaterThan(0);
    await t.check('10-revoked');
    expect(t.problems).toEqual([]);
  });
});
