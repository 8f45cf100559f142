// Issue 11: `npm run portal-token` as its function (api/src/portalTokenCommand.ts) on a test database:
// create prints the token alone on its last line, list shows no secret, rotate and revoke by id, and
// bad arguments are refused with the usage or a Russian message, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { runPortalTokenCommand } from '../../api/src/portalTokenCommand.ts';
import { authenticatePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database;
const now = new Date('2027-03-01T12:00:00Z');

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPortalTokenCommand(db.prisma, argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    actor: { id: 'cli', email: 'npm run portal-token (test)' },
    now: () => now,
  });
  return { code, out, err, last: out.at(-1) ?? '' };
}

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped' });
});
afterAll(() => db?.close());

describe('npm run portal-token', () => {
  it('creates a token and prints it alone on the last line', async () => {
    const created = await run('create', '--region', 'RU-KB', '--name', 'Портал Минтруда КБР', '--expires', '2027-12-31', '--scopes', 'status,report');
    expect(created.code).toBe(0);
    expect(created.last).toMatch(/^nokp_[A-Za-z0-9_-]+$/);
    expect(created.out[0]).toContain('Кабардино-Балкарская');
    const result = await authenticatePortalToken(db.prisma, created.last, now, null);
    expect(result).toMatchObject({ ok: true, portal: { regionCode: 'RU-KB', scopes: ['status', 'report'] } });
    const row = await db.prisma.portalToken.findFirstOrThrow({ where: { name: 'Портал Минтруда КБР' } });
    expect(row.expiresAt).toEqual(new Date('2027-12-31T00:00:00Z'));

    const listed = await run('list');
    expect(listed.code).toBe(0);
    expect(listed.out.join('\n')).toContain(`${row.id}\tRU-KB\tПортал Минтруда КБР\tstatus,report`);
    expect(listed.out.join('\n')).not.toContain(created.last);
    expect(listed.out.join('\n')).not.toContain(row.secretSha256);

    const rotated = await run('rotate', String(row.id), '--overlap-hours', '2');
    expect(rotated.code).toBe(0);
    expect(rotated.last).toMatch(/^nokp_/);
    expect(rotated.last).not.toBe(created.last);
    expect((await authenticatePortalToken(db.prisma, created.last, new Date(now.getTime() + 3_600_000), null)).ok).toBe(true);
    expect((await authenticatePortalToken(db.prisma, created.last, new Date(now.getTime() + 2 * 3_600_000), null)).ok).toBe(false);

    const revoked = await run('revoke', String(row.id));
    expect(revoked.code).toBe(0);
    expect(await authenticatePortalToken(db.prisma, rotated.last, now, null)).toEqual({ ok: false, reason: 'revoked' });
    expect((await run('list')).out.join('\n')).toContain('отозван');
    const actions = await db.prisma.auditLog.findMany({ where: { subjectType: 'PortalToken' }, orderBy: { id: 'asc' } });
    expect(actions.map((record) => [record.action, record.actorEmail])).toEqual([
      ['portalToken.issue', 'npm run portal-token (test)'],
      ['portalToken.rotate', 'npm run portal-token (test)'],
      ['portalToken.revoke', 'npm run portal-token (test)'],
    ]);
  });

  it('refuses bad arguments and changes nothing', async () => {
    const before = await db.prisma.portalToken.count();
    const audits = await db.prisma.auditLog.count();
    const cases: [string[], number, RegExp][] = [
      [[], 2, /Usage/],
      [['create', '--region', 'RU-KB'], 2, /Usage/],
      [['create', '--name', 'x'], 2, /Usage/],
      [['create', '--region', 'RU-KB', '--name', 'x', '--unknown'], 2, /Usage/],
      [['create', '--region', 'RU-ZZ', '--name', 'x'], 1, /Регион RU-ZZ не найден/],
      [['create', '--region', 'RU-KB', '--name', 'x', '--expires', 'tomorrow'], 1, /Не дата/],
      [['create', '--region', 'RU-KB', '--name', 'x', '--expires', '2020-01-01'], 1, /в будущем/],
      [['create', '--region', 'RU-KB', '--name', 'x', '--scopes', 'status,admin'], 1, /Неизвестные права: admin/],
      [['revoke'], 2, /Usage/],
      [['revoke', 'abc'], 1, /номер токена/],
      [['revoke', '424242'], 1, /не найден/],
      [['rotate', '1', '--overlap-hours', 'много'], 1, /--overlap-hours/],
      [['rotate', '1', '--overlap-hours', '10000'], 1, /Перекрытие/],
      [['delete', '1'], 2, /Usage/],
    ];
    for (const [argv, code, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(code);
      expect(result.err.join('\n'), argv.join(' ')).toMatch(message);
      expect(result.out, argv.join(' ')).toEqual([]);
    }
    expect(await db.prisma.portalToken.count()).toBe(before);
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });
});
