// Issue 11, point 3: CORS on /graphql for the origins named in CORS_ORIGINS only. A listed origin's
// preflight and request get Access-Control-Allow-Origin (that origin), never Allow-Credentials; an
// unlisted origin gets no CORS header (its preflight 403); with none configured, no origin gets any
// (yoga's own default answered every origin, with credentials). A coordinator's cookie sent from another
// origin is not used (the request is served as anonymous), listed or not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWeb, parseCorsOrigins, type Web } from '../../api/src/http/web.ts';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestWeb, PUBLIC_URL, type TestWeb } from '../helpers/web.ts';

const LISTED = 'https://portal.kbr.ru';
const OTHER = 'https://mintrud.kbr.ru';
const UNLISTED = 'https://evil.example';

let t: TestWeb;
let cors: Web;
let secret = '';
let cookie = '';

beforeAll(async () => {
  t = await createTestWeb();
  cors = createWeb({ prisma: t.db.prisma, mailer: t.mailer, publicUrl: PUBLIC_URL, outboxIntervalMs: 0, corsOrigins: [LISTED, OTHER] });
  secret = (await issuePortalToken(t.db.prisma, { id: 'test', email: 'coordinator@vcot.example' }, { regionCode: 'RU-KB', name: 'Портал КБР' }))
    .secret;
  cookie = await t.signInCoordinator({ email: 'coordinator@vcot.example', password: 'correct horse battery staple' });
});
afterAll(async () => {
  await cors?.close();
  await t?.close();
});

const preflight = (web: Web, origin: string) =>
  web.fetch(
    new Request(`${PUBLIC_URL}/graphql`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    }),
    { ip: '127.0.0.1' },
  );
const post = (web: Web, headers: Record<string, string>, query = '{ allRegions(filter: { q: "RU-KB" }) { code } }') =>
  web.fetch(
    new Request(`${PUBLIC_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    }),
    { ip: '127.0.0.1' },
  );
const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

describe('CORS on /graphql', () => {
  it('answers a listed origin’s preflight with that origin, the methods, headers and max age, without credentials', async () => {
    for (const origin of [LISTED, OTHER]) {
      const response = await preflight(cors, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toMatch(/Origin/);
      expect(response.headers.get('access-control-allow-methods')).toBe('POST, GET');
      expect(response.headers.get('access-control-allow-headers')).toBe('authorization, content-type');
      expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(response.headers.has('access-control-allow-credentials')).toBe(false);
    }
  });

  it('answers a listed origin’s request with a token, its origin and the budget headers exposed', async () => {
    const response = await post(cors, { origin: LISTED, authorization: `Bearer ${secret}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { allRegions: [{ code: 'RU-KB' }] } });
    expect(response.headers.get('access-control-allow-origin')).toBe(LISTED);
    expect(response.headers.get('vary')).toMatch(/Origin/);
    expect(response.headers.get('access-control-expose-headers')).toMatch(/RateLimit-Remaining/);
    expect(response.headers.has('access-control-allow-credentials')).toBe(false);
    expect(response.headers.get('ratelimit-limit')).not.toBeNull();
  });

  it('gives an unlisted origin no CORS header: its preflight is 403, its request carries none', async () => {
    const refused = await preflight(cors, UNLISTED);
    expect(refused.status).toBe(403);
    expect(corsHeaders(refused)).toEqual([]);
    const response = await post(cors, { origin: UNLISTED, authorization: `Bearer ${secret}` });
    expect(corsHeaders(response)).toEqual([]);
    // A near miss is not the origin: another scheme, a port, a suffix.
    for (const origin of ['http://portal.kbr.ru', 'https://portal.kbr.ru:8443', 'https://portal.kbr.ru.evil.example']) {
      expect(corsHeaders(await preflight(cors, origin))).toEqual([]);
    }
  });

  it('with no origin configured (the default) gives no origin any CORS header', async () => {
    for (const origin of [LISTED, UNLISTED]) {
      const refused = await preflight(t.web, origin);
      expect(refused.status).toBe(403);
      expect(corsHeaders(refused)).toEqual([]);
      expect(corsHeaders(await post(t.web, { origin, authorization: `Bearer ${secret}` }))).toEqual([]);
    }
  });

  it('does not use a coordinator’s cookie sent from another origin, listed or not; the same cookie works from our own pages', async () => {
    const query = '{ viewer { role } }';
    expect(await (await post(cors, { origin: PUBLIC_URL, cookie }, query)).json()).toEqual({ data: { viewer: { role: 'COORDINATOR' } } });
    for (const [web, origin] of [
      [cors, LISTED],
      [cors, UNLISTED],
      [t.web, LISTED],
    ] as const) {
      expect(await (await post(web, { origin, cookie }, query)).json()).toEqual({ data: { viewer: null } });
    }
  });

  it('reads CORS_ORIGINS: exact origins, comma-separated; anything else stops the start', () => {
    expect(parseCorsOrigins(undefined)).toEqual([]);
    expect(parseCorsOrigins(' ')).toEqual([]);
    expect(parseCorsOrigins(`${LISTED}, ${OTHER},`)).toEqual([LISTED, OTHER]);
    for (const bad of ['*', 'portal.kbr.ru', 'https://portal.kbr.ru/', 'https://portal.kbr.ru/app', 'ftp://portal.kbr.ru']) {
      expect(() => parseCorsOrigins(bad)).toThrow(/CORS_ORIGINS/);
    }
  });
});
