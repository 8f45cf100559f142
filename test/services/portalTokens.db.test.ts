// Issue 11: portal tokens as plain functions with a fake clock (every call is given `now`): issue,
// list, the hash only, expiry, the rotation's overlap, revocation, the last use written at most once a
// minute, and the audit record of every issue, rotation and revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../api/src/auth/tokens.ts';
import type { Database } from '../../api/src/db/client.ts';
import {
  authenticatePortalToken,
  issuePortalToken,
  listPortalTokens,
  PortalTokenInputError,
  revokePortalToken,
  rotatePortalToken,
} from '../../api/src/services/portalTokens.ts';
import { createTestDatabase } from '../helpers/db.ts';

let db: Database;
const actor = { id: 'cli', email: 'portal-token (test)' };
const T0 = new Date('2027-01-10T09:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped' });
});
afterAll(() => db?.close());

describe('portal tokens', () => {
  it('are issued for a region and stored as a hash only, shown once', async () => {
    const { token, secret } = await issuePortalToken(db.prisma, actor, { regionCode: 'ru-kb', name: 'Портал КБР' }, T0);
    expect(secret).toMatch(/^nokp_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ regionCode: 'RU-KB', name: 'Портал КБР', scopes: ['status'], createdBy: actor.email });
    expect(token.expiresAt.getTime()).toBe(T0.getTime() + 365 * 86_400_000);
    const row = await db.prisma.portalToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.secretSha256).toBe(sha256Hex(secret));
    const everything = JSON.stringify(await db.prisma.$queryRawUnsafe('SELECT * FROM "PortalToken"'));
    expect(everything).not.toContain(secret);
    expect(JSON.stringify(await db.prisma.auditLog.findMany())).not.toContain(secret);
    const listed = await listPortalTokens(db.prisma);
    expect(listed.map((listedToken) => listedToken.id)).toContain(token.id);
    expect(JSON.stringify(listed)).not.toContain(row.secretSha256);
  });

  it('refuse bad input and change nothing', async () => {
    const count = await db.prisma.portalToken.count();
    const audits = await db.prisma.auditLog.count();
    for (const input of [
      { regionCode: 'RU-XX', name: 'x' },
      { regionCode: 'RU-KB', name: '  ' },
      { regionCode: 'RU-KB', name: 'x', scopes: ['status', 'everything'] },
      { regionCode: 'RU-KB', name: 'x', scopes: [] },
      { regionCode: 'RU-KB', name: 'x', expiresAt: at(-1) },
    ]) {
      await expect(issuePortalToken(db.prisma, actor, input, T0)).rejects.toBeInstanceOf(PortalTokenInputError);
    }
    await expect(rotatePortalToken(db.prisma, actor, 999_999, {}, T0)).rejects.toBeInstanceOf(PortalTokenInputError);
    await expect(revokePortalToken(db.prisma, actor, 999_999, T0)).rejects.toBeInstanceOf(PortalTokenInputError);
    expect(await db.prisma.portalToken.count()).toBe(count);
    expect(await db.prisma.auditLog.count()).toBe(audits);
  });

  it('authenticate until the expiry, then refuse as expired; an unknown secret is unknown', async () => {
    const { token, secret } = await issuePortalToken(
      db.prisma,
      actor,
      { regionCode: 'RU-MOW', name: 'Москва', scopes: ['status', 'personal'], expiresAt: at(48) },
      T0,
    );
    expect(await authenticatePortalToken(db.prisma, secret, at(47), '203.0.113.5')).toEqual({
      ok: true,
      portal: { tokenId: token.id, regionId: token.regionId, regionCode: 'RU-MOW', scopes: ['status', 'personal'] },
    });
    expect(await authenticatePortalToken(db.prisma, secret, at(48), null)).toEqual({ ok: false, reason: 'expired' });
    expect(await authenticatePortalToken(db.prisma, `${secret}x`, at(1), null)).toEqual({ ok: false, reason: 'unknown' });
    expect(await authenticatePortalToken(db.prisma, 'not-a-token', at(1), null)).toEqual({ ok: false, reason: 'unknown' });
  });

  it('rotate with an overlap: the old secret works until it ends, the new one after', async () => {
    const { token, secret: old } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-KB', name: 'Ротация' }, T0);
    const { secret: fresh, token: rotated } = await rotatePortalToken(db.prisma, actor, token.id, {}, at(1));
    expect(rotated.id).toBe(token.id);
    expect(fresh).not.toBe(old);
    expect(rotated.previousValidUntil).toEqual(at(25));
    expect((await authenticatePortalToken(db.prisma, old, at(24.99), null)).ok).toBe(true);
    expect((await authenticatePortalToken(db.prisma, fresh, at(24.99), null)).ok).toBe(true);
    expect(await authenticatePortalToken(db.prisma, old, at(25), null)).toEqual({ ok: false, reason: 'expired' });
    expect((await authenticatePortalToken(db.prisma, fresh, at(25), null)).ok).toBe(true);
    // A second rotation with no overlap ends the secret it replaces at once; the first one stays dead.
    const { secret: third } = await rotatePortalToken(db.prisma, actor, token.id, { overlapHours: 0 }, at(30));
    expect(await authenticatePortalToken(db.prisma, fresh, at(30), null)).toEqual({ ok: false, reason: 'expired' });
    expect(await authenticatePortalToken(db.prisma, old, at(30), null)).toEqual({ ok: false, reason: 'unknown' });
    expect((await authenticatePortalToken(db.prisma, third, at(30), null)).ok).toBe(true);
    await expect(rotatePortalToken(db.prisma, actor, token.id, { overlapHours: -1 }, at(31))).rejects.toThrow(/Перекрытие/);
  });

  it('revoke at once, both the current and the overlapping secret', async () => {
    const { token, secret: old } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-KB', name: 'Отзыв' }, T0);
    const { secret: fresh } = await rotatePortalToken(db.prisma, actor, token.id, { overlapHours: 24 }, at(1));
    await revokePortalToken(db.prisma, actor, token.id, at(2));
    expect(await authenticatePortalToken(db.prisma, old, at(2), null)).toEqual({ ok: false, reason: 'revoked' });
    expect(await authenticatePortalToken(db.prisma, fresh, at(2), null)).toEqual({ ok: false, reason: 'revoked' });
    await expect(revokePortalToken(db.prisma, actor, token.id, at(3))).rejects.toThrow(/уже отозван/);
    await expect(rotatePortalToken(db.prisma, actor, token.id, {}, at(3))).rejects.toThrow(/уже отозван/);
  });

  it('write the last use at most once a minute', async () => {
    const { token, secret } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-KB', name: 'Последнее использование' }, T0);
    const lastUse = async () =>
      db.prisma.portalToken.findUniqueOrThrow({ where: { id: token.id }, select: { lastUsedAt: true, lastUsedFrom: true } });
    await authenticatePortalToken(db.prisma, secret, at(1), '198.51.100.1');
    expect(await lastUse()).toEqual({ lastUsedAt: at(1), lastUsedFrom: '198.51.100.1' });
    await authenticatePortalToken(db.prisma, secret, new Date(at(1).getTime() + 59_000), '198.51.100.2');
    expect(await lastUse()).toEqual({ lastUsedAt: at(1), lastUsedFrom: '198.51.100.1' });
    await authenticatePortalToken(db.prisma, secret, new Date(at(1).getTime() + 60_000), '198.51.100.3');
    expect(await lastUse()).toEqual({ lastUsedAt: new Date(at(1).getTime() + 60_000), lastUsedFrom: '198.51.100.3' });
  });

  it('write every issue, rotation and revocation to the audit log', async () => {
    const { token } = await issuePortalToken(db.prisma, actor, { regionCode: 'RU-KB', name: 'Аудит', scopes: ['status', 'report'] }, T0);
    await rotatePortalToken(db.prisma, actor, token.id, { overlapHours: 2 }, at(1));
    await revokePortalToken(db.prisma, actor, token.id, at(2));
    const records = await db.prisma.auditLog.findMany({ where: { subjectType: 'PortalToken', subjectId: String(token.id) }, orderBy: { id: 'asc' } });
    expect(records.map((record) => [record.action, record.actorEmail])).toEqual([
      ['portalToken.issue', actor.email],
      ['portalToken.rotate', actor.email],
      ['portalToken.revoke', actor.email],
    ]);
    expect(records[0]!.after).toMatchObject({ name: 'Аудит', region: 'RU-KB', scopes: ['status', 'report'] });
    expect(records[1]!.after).toMatchObject({ previousValidUntil: at(3).toISOString() });
    expect(records[2]!.after).toMatchObject({ revokedAt: at(2).toISOString() });
  });
});
