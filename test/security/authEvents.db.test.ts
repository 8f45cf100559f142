// Finding 8 of issue 10 (second part): anonymous requests wrote one AuthEvent row each, without
// limit (about 190 rows/s), and nothing pruned AuthEvent, RateLimitHit or UsedChallenge. Refusals of
// anonymous requests are now one row per kind, network and minute with a count; the server prunes
// what is past its retention (AuthEvent 180 days, RateLimitHit 24 hours, used challenges at expiry)
// by indexes on the time columns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logRefusal, networkOf } from '../../api/src/auth/authEvents.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await createTestWeb();
  await t.openWindow();
});
afterAll(() => t?.close());

async function events(where: { kind?: string; ip?: string } = {}) {
  const rows = await t.db.prisma.authEvent.findMany({ where, orderBy: { at: 'asc' } });
  return { rows: rows.length, total: rows.reduce((sum, row) => sum + row.count, 0), first: rows[0] };
}

describe('retention', () => {
  it('the server prunes AuthEvent past 180 days, RateLimitHit past 24 hours and expired used challenges', async () => {
    const now = Date.now();
    const prisma = t.db.prisma;
    await prisma.authEvent.createMany({
      data: [
        { id: 'old-event', kind: 'login', at: new Date(now - 181 * DAY) },
        { id: 'kept-event', kind: 'login', at: new Date(now - 179 * DAY) },
      ],
    });
    await prisma.rateLimitHit.createMany({
      data: [
        { key: 'retention:old', at: new Date(now - 25 * 3_600_000) },
        { key: 'retention:kept', at: new Date(now - 23 * 3_600_000) },
      ],
    });
    await prisma.usedChallenge.createMany({
      data: [
        { id: 'sig:old', expiresAt: new Date(now - 60_000) },
        { id: 'sig:kept', expiresAt: new Date(now + 60_000) },
      ],
    });
    // A test database is new to this process: its first request that may log prunes (so this runs first).
    expect((await t.postForm('/auth', { e: 'someone@example.org', h: 'wrong' }, { ip: '10.40.3.1' })).status).toBe(400);
    expect((await prisma.authEvent.findMany({ where: { id: { in: ['old-event', 'kept-event'] } } })).map((row) => row.id)).toEqual(['kept-event']);
    expect((await prisma.rateLimitHit.findMany({ where: { key: { startsWith: 'retention:' } } })).map((row) => row.key)).toEqual(['retention:kept']);
    expect((await prisma.usedChallenge.findMany({ where: { id: { in: ['sig:old', 'sig:kept'] } } })).map((row) => row.id)).toEqual(['sig:kept']);
  });

  it('each pruning statement reads an index on its time column, not the table', async () => {
    const plans = await t.db.prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
      const explain = async (sql: string) =>
        (await tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${sql}`)).map((row) => row['QUERY PLAN']).join('\n');
      return [
        await explain(`SELECT id FROM "AuthEvent" WHERE at < (now() AT TIME ZONE 'UTC') - interval '180 days' ORDER BY at LIMIT 5000`),
        await explain(`SELECT id FROM "RateLimitHit" WHERE at < (now() AT TIME ZONE 'UTC') - interval '1 day' ORDER BY at LIMIT 5000`),
        await explain(`SELECT id FROM "UsedChallenge" WHERE "expiresAt" < (now() AT TIME ZONE 'UTC') ORDER BY "expiresAt" LIMIT 5000`),
      ];
    });
    expect(plans[0]).toMatch(/Index (Only )?Scan (using|on) "AuthEvent_at_idx"/);
    expect(plans[1]).toMatch(/Index (Only )?Scan (using|on) "RateLimitHit_at_idx"/);
    for (const plan of plans) expect(plan).not.toMatch(/Seq Scan/);
    expect(plans[2]).toMatch(/Index (Only )?Scan (using|on) "UsedChallenge_expiresAt_idx"/);
  });
});

describe('what anonymous requests may log', () => {
  it('200 posts of a wrong personal link from one address: a row or two, counting all 200', async () => {
    for (let i = 0; i < 200; i++) {
      const response = await t.postForm('/auth', { e: `victim${i}@example.org`, h: `wrong-token-${i}` }, { ip: '10.40.0.1' });
      expect(response.status).toBe(400);
    }
    const logged = await events({ kind: 'login_refused', ip: '10.40.0.1' });
    expect(logged.rows).toBeGreaterThanOrEqual(1);
    expect(logged.rows).toBeLessThanOrEqual(2);
    expect(logged.total).toBe(200);
    expect(logged.first).toMatchObject({ email: 'victim0@example.org', detail: 'unknown' });
    expect(logged.first!.lastAt!.getTime()).toBeGreaterThanOrEqual(logged.first!.at.getTime());
  });

  it('registrations refused (no robot check, a bad address): aggregated per kind', async () => {
    for (let i = 0; i < 50; i++) {
      expect((await t.postForm('/register', { email: `bot${i}@example.org`, consent: 'yes' }, { ip: '10.40.0.2' })).status).toBe(400);
      expect((await t.postForm('/register', { email: `bot ${i}`, consent: 'yes' }, { ip: '10.40.0.2' })).status).toBe(400);
      expect((await t.postForm('/link', { email: `bot${i}@example.org` }, { ip: '10.40.0.2' })).status).toBe(400);
    }
    const captcha = await events({ kind: 'captcha_failed', ip: '10.40.0.2' });
    const refused = await events({ kind: 'registration_refused', ip: '10.40.0.2' });
    expect(captcha.total).toBe(100);
    expect(refused.total).toBe(50);
    expect(captcha.rows + refused.rows).toBeLessThanOrEqual(4);
  });

  it('other addresses get rows of their own; an IPv6 /64 is one network', async () => {
    const now = new Date('2026-12-01T10:00:30Z');
    for (const ip of ['10.40.1.1', '10.40.1.2', '2001:db8:5:6::1', '2001:db8:5:6:a:b:c:d', '::ffff:10.40.1.1']) {
      await logRefusal(t.db.prisma, 'login_refused', { ip, userAgent: null }, { detail: 'unknown' }, now);
    }
    const rows = await t.db.prisma.authEvent.findMany({ where: { at: now }, orderBy: { ip: 'asc' } });
    expect(rows.map((row) => [row.ip, row.count])).toEqual([
      ['10.40.1.1', 2],
      ['10.40.1.2', 1],
      ['2001:db8:5:6::1', 2],
    ]);
    expect(networkOf('2001:0db8:0005:0006:0:0:0:1')).toBe('2001:db8:5:6::/64');
    // The next minute starts a new row.
    await logRefusal(t.db.prisma, 'login_refused', { ip: '10.40.1.2', userAgent: null }, {}, new Date('2026-12-01T10:01:00Z'));
    expect(await t.db.prisma.authEvent.count({ where: { kind: 'login_refused', ip: '10.40.1.2' } })).toBe(2);
  });

  it('concurrent refusals neither lose counts nor make a second row', async () => {
    const now = new Date('2026-12-01T11:00:00Z');
    await Promise.all(Array.from({ length: 30 }, () => logRefusal(t.db.prisma, 'captcha_failed', { ip: '10.40.2.1', userAgent: null }, {}, now)));
    const rows = await t.db.prisma.authEvent.findMany({ where: { ip: '10.40.2.1' } });
    expect(rows.map((row) => row.count)).toEqual([30]);
  });
});
