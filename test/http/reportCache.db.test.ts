// The public report's rendered bodies kept in memory (api/src/http/reportPages.ts): a repeat request
// of a page or a CSV costs one SQL statement (the versions list, which says whether a newer
// publication exists) and answers the same bytes and headers as the first; brotli/gzip forms are the
// same page; HEAD and 304 stay as they were; concurrent first requests render once; a new publication
// shows on the latest page at once, the older version's page lists it, its CSV stays the same.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import { smtpMailer } from '../../api/src/email/mailer.ts';
import { ReportBodyCache, reportBodyCache } from '../../api/src/http/reportPages.ts';
import { createWeb, type Web } from '../../api/src/http/web.ts';
import { publishAnalytics } from '../../api/src/services/analytics.ts';
import type { Actor } from '../../api/src/services/audit.ts';
import { createCoordinator } from '../../api/src/services/coordinators.ts';
import { createTestDatabase } from '../helpers/db.ts';
import { writeSeed002 } from '../helpers/seed002Db.ts';
import { type Mailbox, startMailbox } from '../helpers/smtp.ts';
import { PUBLIC_URL } from '../helpers/web.ts';

let db: Database;
let web: Web;
let mailbox: Mailbox;
let actor: Actor;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped', onQuery: (sql) => statements.push(sql) });
  mailbox = await startMailbox();
  web = createWeb({ prisma: db.prisma, mailer: smtpMailer(mailbox.url), publicUrl: PUBLIC_URL, outboxIntervalMs: 0 });
  const email = 'publisher@vcot.example';
  await createCoordinator(db.prisma, { email, password: 'correct horse battery staple' });
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email } });
  actor = { id: user.id, email };
  await writeSeed002(db.prisma);
  expect((await publishAnalytics(db.prisma, actor, 'nok-2023')).version).toBe(1);
  // Pages name the built assets: built here, not in the first test's time.
  await request('/healthz');
}, 300_000);
afterAll(async () => {
  await web?.close();
  await mailbox?.close();
  await db?.close();
});

function request(path: string, init: RequestInit = {}): Promise<Response> {
  return web.fetch(new Request(`${PUBLIC_URL}${path}`, { redirect: 'manual', ...init }), { ip: '127.0.0.1' });
}

/** The answer, its body's bytes and the SQL statements it cost. */
async function counted(path: string, init: RequestInit = {}) {
  statements.length = 0;
  const response = await request(path, init);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, statements: statements.length };
}

const headersOf = (response: Response) => Object.fromEntries([...response.headers].filter(([name]) => name !== 'date'));

describe('a repeat request is answered from memory', () => {
  it('the latest page: the first costs the versions, the campaign and the publication; the repeat the versions alone, same bytes and headers', async () => {
    const cache = reportBodyCache(db.prisma);
    const first = await counted('/reports/nok-2023');
    expect(first.response.status).toBe(200);
    expect(first.statements).toBe(3);
    expect(first.bytes.toString()).toContain('Публикация № 1 от');
    const hits = cache.hits;
    const again = await counted('/reports/nok-2023');
    expect(again.response.status).toBe(200);
    expect(again.statements).toBe(1);
    expect(cache.hits).toBe(hits + 1);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(headersOf(again.response)).toEqual(headersOf(first.response));
    expect(again.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(again.response.headers.get('cache-control')).toBe('public, no-cache');
    expect(again.response.headers.get('content-security-policy')).toBeTruthy();
    expect(again.response.headers.get('content-length')).toBe(String(first.bytes.byteLength));
    expect(again.response.headers.get('vary')).toMatch(/accept-encoding/i);
  });

  it('compressed for the client (brotli, gzip) from memory: the same page, one statement', async () => {
    const identity = (await counted('/reports/nok-2023')).bytes;
    for (const [encoding, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      await counted('/reports/nok-2023', { headers: { 'accept-encoding': encoding } });
      const repeat = await counted('/reports/nok-2023', { headers: { 'accept-encoding': encoding } });
      expect(repeat.statements).toBe(1);
      expect(repeat.response.headers.get('content-encoding')).toBe(encoding);
      expect(repeat.response.headers.get('content-length')).toBe(String(repeat.bytes.byteLength));
      expect(repeat.bytes.byteLength).toBeLessThan(identity.byteLength / 3);
      expect(decode(repeat.bytes).equals(identity)).toBe(true);
    }
  });

  it('HEAD from memory: the GET headers without the body; If-None-Match still 304', async () => {
    const get = await counted('/reports/nok-2023');
    const head = await counted('/reports/nok-2023', { method: 'HEAD' });
    expect(head.response.status).toBe(200);
    expect(head.bytes.byteLength).toBe(0);
    expect(head.statements).toBe(1);
    expect(headersOf(head.response)).toEqual(headersOf(get.response));
    const etag = get.response.headers.get('etag')!;
    const revalidated = await counted('/reports/nok-2023', { headers: { 'if-none-match': etag } });
    expect(revalidated.response.status).toBe(304);
    expect(revalidated.bytes.byteLength).toBe(0);
    expect(revalidated.statements).toBe(1);
  });

  it('the CSVs: the repeat costs one statement, the same bytes and headers', async () => {
    for (const path of ['/reports/nok-2023/v1.csv', '/reports/nok-2023/v1/operator_funding_programme.csv']) {
      const first = await counted(path);
      expect(first.response.status, path).toBe(200);
      expect(first.statements, path).toBe(3);
      const again = await counted(path);
      expect(again.statements, path).toBe(1);
      expect(again.bytes.equals(first.bytes), path).toBe(true);
      expect(again.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
      expect(headersOf(again.response)).toEqual(headersOf(first.response));
    }
  });

  it('an unknown table stays a 404 each time, nothing kept for it', async () => {
    const cache = reportBodyCache(db.prisma);
    const size = cache.size;
    for (let i = 0; i < 2; i++) expect((await request('/reports/nok-2023/v1/no_such_table.csv')).status).toBe(404);
    expect(cache.size).toBe(size);
  });

  it('concurrent first requests of one body render it once', async () => {
    const cache = reportBodyCache(db.prisma);
    const page = (await counted('/reports/nok-2023/v1')).bytes.toString();
    const tables = [...page.matchAll(/href="(\/reports\/nok-2023\/v1\/[a-z0-9_-]+\.csv)"/g)].map((match) => match[1]!);
    const path = tables.find((one) => !one.endsWith('/operator_funding_programme.csv'))!;
    expect(path).toBeTruthy();
    const renders = cache.renders;
    const bodies = await Promise.all(Array.from({ length: 5 }, async () => Buffer.from(await (await request(path)).arrayBuffer())));
    expect(cache.renders).toBe(renders + 1);
    expect(bodies[0]!.byteLength).toBeGreaterThan(3);
    for (const body of bodies) expect(body.equals(bodies[0]!)).toBe(true);
  });
});

describe('a new publication', () => {
  it('shows on the latest page at once; the older page lists it; the older CSV stays the same', async () => {
    const oldPage = (await counted('/reports/nok-2023/v1')).bytes.toString();
    const oldCsv = (await counted('/reports/nok-2023/v1.csv')).bytes;
    expect(oldPage).not.toContain('Есть более новая публикация');
    expect((await publishAnalytics(db.prisma, actor, 'nok-2023')).version).toBe(2);
    const latest = await counted('/reports/nok-2023');
    expect(latest.bytes.toString()).toContain('Публикация № 2 от');
    expect(latest.statements).toBe(3);
    const older = (await counted('/reports/nok-2023/v1')).bytes.toString();
    expect(older).toContain('Публикация № 1 от');
    expect(older).toContain('Есть более новая публикация');
    expect(older).toContain('href="/reports/nok-2023/v2"');
    const csv = await counted('/reports/nok-2023/v1.csv');
    expect(csv.bytes.equals(oldCsv)).toBe(true);
    expect(csv.statements).toBe(1);
    expect((await counted('/reports/nok-2023')).statements).toBe(1);
  });
});

describe('ReportBodyCache', () => {
  it('keeps at most its entries and bytes, dropping the least recently used', async () => {
    const cache = new ReportBodyCache(2, 1000);
    const body = (text: string) => async () => text;
    await cache.body('a', body('a'));
    await cache.body('b', body('b'));
    await cache.body('a', body('not rendered'));
    await cache.body('c', body('c'));
    expect(cache.size).toBe(2);
    expect(Buffer.from((await cache.body('a', body('again a')))!.bytes).toString()).toBe('a');
    expect(Buffer.from((await cache.body('b', body('again b')))!.bytes).toString()).toBe('again b');
    await cache.body('big', body('x'.repeat(1001)));
    expect(Buffer.from((await cache.body('big', body('y')))!.bytes).toString()).toBe('y');
    await cache.body('d', body('x'.repeat(600)));
    await cache.body('e', body('x'.repeat(600)));
    expect(cache.size).toBe(1);
  });
});
