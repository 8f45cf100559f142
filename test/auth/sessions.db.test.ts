// Sessions: the cookie carries the secret; the database keeps only its SHA-256.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('stores only the SHA-256 of the session id, and the cookie is HttpOnly, SameSite=Lax', async () => {
  const user = await t.db.prisma.user.create({ data: { email: 'hash@example.org' } });
  const { session, cookie } = await startSession(t.app.auth, user.id);
  expect(session.id.length).toBeGreaterThanOrEqual(32);
  const rows = await t.db.prisma.session.findMany({ where: { userId: user.id } });
  expect(rows).toHaveLength(1);
  expect(rows[0]!.id).not.toBe(session.id);
  expect(rows[0]!.id).toBe(createHash('sha256').update(session.id).digest('hex'));
  const serialized = cookie.serialize();
  expect(serialized).toMatch(/HttpOnly/);
  expect(serialized).toMatch(/SameSite=Lax/);
  expect(serialized).toMatch(/Path=\//);
  expect(serialized).toMatch(/Max-Age=\d+/);
});

it('a cookie holding the stored hash instead of the secret is not a session', async () => {
  const user = await t.db.prisma.user.create({ data: { email: 'leak@example.org' } });
  await startSession(t.app.auth, user.id);
  const [row] = await t.db.prisma.session.findMany({ where: { userId: user.id } });
  const result = await t.gql('{ viewer { email } }', {}, { cookie: `nok_session=${row!.id}` });
  expect(result.data.viewer).toBeNull();
});

it('a valid cookie identifies the person; a disabled person has no session', async () => {
  const { cookie, id } = await t.respondent('viewer@example.org');
  expect((await t.gql('{ viewer { email role } }', {}, { cookie })).data.viewer).toEqual({ email: 'viewer@example.org', role: 'RESPONDENT' });
  await t.db.prisma.user.update({ where: { id }, data: { disabledAt: new Date() } });
  expect((await t.gql('{ viewer { email } }', {}, { cookie })).data.viewer).toBeNull();
});

it('an expired session is refused and deleted', async () => {
  const { cookie, id } = await t.respondent('expired@example.org');
  await t.db.prisma.session.updateMany({ where: { userId: id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await t.gql('{ viewer { email } }', {}, { cookie })).data.viewer).toBeNull();
  expect(await t.db.prisma.session.count({ where: { userId: id } })).toBe(0);
});

it('a session past half its life is extended and the cookie re-sent', async () => {
  const { cookie, id } = await t.respondent('sliding@example.org');
  const soon = new Date(Date.now() + 2 * 86_400_000);
  await t.db.prisma.session.updateMany({ where: { userId: id }, data: { expiresAt: soon } });
  const result = await t.gql('{ viewer { email } }', {}, { cookie });
  expect(result.data.viewer.email).toBe('sliding@example.org');
  expect(result.headers.get('set-cookie')).toMatch(/^nok_session=/);
  const [row] = await t.db.prisma.session.findMany({ where: { userId: id } });
  expect(row!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
});

it('behind https the cookie is Secure and __Host- prefixed, and only that name is read', async () => {
  const { createLucia } = await import('../../api/src/auth/sessions.ts');
  const secureAuth = createLucia(t.db.prisma, { secureCookies: true });
  const user = await t.db.prisma.user.create({ data: { email: 'https@example.org' } });
  const { cookie } = await startSession(secureAuth, user.id);
  const serialized = cookie.serialize();
  expect(serialized).toMatch(/^__Host-nok_session=/);
  expect(serialized).toMatch(/; Secure/);
  expect(serialized).toMatch(/Path=\//);
  expect(serialized).not.toMatch(/Domain=/);
  expect(secureAuth.readSessionCookie(`nok_session=${cookie.value}`)).toBeNull();
  expect(secureAuth.readSessionCookie(`__Host-nok_session=${cookie.value}`)).toBe(cookie.value);
});
