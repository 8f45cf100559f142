// Issue 11: `Authorization: Bearer <token>` on /graphql. A portal's request needs no cookie and no CSRF
// header (a JSON body); a bad, revoked or expired token is answered 401 UNAUTHENTICATED in Russian and
// never served as anonymous; a token reads public fields, is refused coordinators' fields and every
// mutation (FORBIDDEN), may introspect, and its last use (time, address) is recorded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import { issuePortalToken, revokePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const actor = { id: 'test', email: 'coordinator@vcot.example' };
let secret = '';
let tokenId = 0;

beforeAll(async () => {
  t = await createTestApp();
  const issued = await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-KB', name: 'Портал КБР' });
  secret = issued.secret;
  tokenId = issued.token.id;
});
afterAll(() => t?.close());

const post = (body: unknown, headers: Record<string, string>) =>
  t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('a portal token on /graphql', () => {
  it('authenticates a JSON POST without cookies or the CSRF header, and records the last use', async () => {
    const response = await t.app.yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      body: JSON.stringify({ query: '{ allRegions(filter: { q: "RU-KB" }) { code } }' }),
    });
    expect(response.status).toBe(200);
    // Every answer to a portal reports its cost (test/api/portalBudget.db.test.ts).
    expect(await response.json()).toEqual({
      data: { allRegions: [{ code: 'RU-KB' }] },
      extensions: { cost: expect.objectContaining({ actual: 2 }) },
    });
    const row = await t.db.prisma.portalToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(row.lastUsedAt).not.toBeNull();
  });

  it('refuses a bad, malformed, revoked or expired token with 401 in Russian, even for public fields', async () => {
    const revoked = await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-KB', name: 'Отозванный' });
    await revokePortalToken(t.db.prisma, actor, revoked.token.id);
    const expired = await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-KB', name: 'Истёкший', expiresAt: new Date(Date.now() + 60_000) });
    await t.db.prisma.portalToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const [authorization, message] of [
      [`Bearer ${secret.slice(0, -1)}x`, /Токен портала не распознан/],
      ['Bearer nothing-like-a-token', /Токен портала не распознан/],
      [`Basic ${Buffer.from('a:b').toString('base64')}`, /ожидается «Bearer/],
      ['Bearer', /ожидается «Bearer/],
      [`Bearer ${revoked.secret}`, /отозван/],
      [`Bearer ${expired.secret}`, /Срок действия токена портала истёк/],
    ] as const) {
      const response = await post({ query: '{ allSpheres { id } }' }, { authorization });
      expect(response.status, authorization).toBe(401);
      const body = (await response.json()) as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
      expect(body.data, authorization).toBeUndefined();
      expect(body.errors[0]!.message, authorization).toMatch(message);
      expect(body.errors[0]!.extensions.code, authorization).toBe('UNAUTHENTICATED');
    }
  });

  it('is a portal, not the session of a cookie sent along: coordinators’ fields and mutations are refused', async () => {
    const coordinator = await t.db.prisma.user.create({ data: { email: 'c@vcot.example', role: 'COORDINATOR' } });
    const { cookie } = await startSession(t.app.auth, coordinator.id);
    const headers = { authorization: `Bearer ${secret}`, cookie: `${cookie.name}=${cookie.value}` };
    const dashboard = (await (await post({ query: '{ campaignDashboard(campaignCode: "nok-2021") { registered } }' }, headers)).json()) as any;
    expect(dashboard.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(dashboard.data).toBeNull();
    const signIn = (await (
      await post({ query: 'mutation { signIn(input: { email: "c@vcot.example", password: "whatever-it-is" }) { __typename } }' }, headers)
    ).json()) as any;
    expect(signIn.errors[0]).toMatchObject({ message: /только на чтение/, extensions: { code: 'FORBIDDEN' } });
    expect(signIn.data).toBeNull();
  });

  it('may introspect the schema (anonymous callers may not)', async () => {
    const query = '{ __schema { queryType { name } } }';
    expect(await (await post({ query }, { authorization: `Bearer ${secret}` })).json()).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
      extensions: { cost: expect.objectContaining({ requested: 3 }) },
    });
    const anonymous = (await (await post({ query }, {})).json()) as any;
    expect(anonymous.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
