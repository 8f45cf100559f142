// Issue 11, point 3: a cost budget per portal token. Each portal's response reports its cost
// (extensions.cost) and the RateLimit-* headers; an operation over the per-operation maximum is refused
// with nothing charged; a token that spent its budget gets HTTP 429 with Retry-After and nothing runs,
// then works again in the next window (a fake clock); tokens have separate budgets, and the points are
// kept in the database, so two server processes (two apps) share them. Other callers are not counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../api/src/db/client.ts';
import {
  COST_LIMIT_EXCEEDED,
  MAX_COST_PER_OPERATION,
  operationCost,
  PORTAL_BUDGET,
  RATE_LIMITED,
  UNPAGED_LIST_SIZE,
} from '../../api/src/portalBudget.ts';
import { parse } from 'graphql';
import { schema } from '../../api/src/schema/index.ts';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createApp, type App } from '../../api/src/yoga.ts';
import { createTestDatabase } from '../helpers/db.ts';

const actor = { id: 'test', email: 'coordinator@vcot.example' };
let db: Database;
const statements: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped', onQuery: (sql) => statements.push(sql) });
});
afterAll(() => db?.close());

async function token(name: string): Promise<string> {
  return (await issuePortalToken(db.prisma, actor, { regionCode: 'RU-KB', name })).secret;
}

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions: Record<string, any> }[]; extensions?: { cost?: Record<string, any> } };
}

async function post(app: App, query: string, authorization?: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization: `Bearer ${authorization}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

// 1 (allRegions) + 5 regions × 2 fields.
const FIVE_REGIONS = '{ allRegions(perPage: 5) { code name } }';
const FIVE_REGIONS_COST = 1 + 5 * 2;

describe('the cost of an operation', () => {
  it('counts 1 a field, lists by their page size (100 without one, 10 unpaged), fragments written out', () => {
    const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables);
    expect(cost(FIVE_REGIONS)).toBe(FIVE_REGIONS_COST);
    expect(cost('query($n: Int) { allRegions(perPage: $n) { code } }', { n: 7 })).toBe(1 + 7);
    expect(cost('{ allRegions { code } }')).toBe(1 + 100);
    expect(cost('{ allRegions(perPage: 100000) { code } }')).toBe(1 + 100);
    expect(cost('{ practiceGroups { name forms { name } } }')).toBe(1 + UNPAGED_LIST_SIZE * (1 + 1 + UNPAGED_LIST_SIZE));
    expect(cost('{ allRegions(perPage: 2) { ...R } } fragment R on Region { code name __typename }')).toBe(1 + 2 * 3);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(5);
  });

  it('keeps the documented queries well under the maximum', () => {
    const statusQuery = `query RegionStatus { portalRegion { region { code name } scopes { code description }
      campaigns { code title windowState opensAt closesAt regionExtendedUntil closesAtForRegion
        respondents { total inProgress submitted } completion sections { code title percent }
        authorities { name sphere respondents inProgress submitted completion } submittedAuthorities } } }`;
    expect(operationCost(schema, parse(statusQuery), undefined)).toBe(1076);
    const practices = `query Practices($filter: PracticeFilter, $perPage: Int) { _allPracticesMeta(filter: $filter) { count }
      allPractices(filter: $filter, perPage: $perPage, page: 0) { id text region { name } sphere { name } form { name } } }`;
    expect(operationCost(schema, parse(practices), undefined, { perPage: 100 })).toBe(2 + 1 + 100 * 8);
    expect(1076).toBeLessThan(MAX_COST_PER_OPERATION);
  });
});

describe('a portal token’s budget', () => {
  it('reports the cost of a query in extensions.cost and the RateLimit-* headers; others are not counted', async () => {
    const app = createApp({ prisma: db.prisma });
    const secret = await token('Отчёт о стоимости');
    const answer = await post(app, FIVE_REGIONS, secret);
    expect(answer.status).toBe(200);
    expect(answer.body.data.allRegions).toHaveLength(5);
    const cost = answer.body.extensions!.cost!;
    expect(cost).toMatchObject({
      requested: FIVE_REGIONS_COST,
      actual: FIVE_REGIONS_COST,
      remaining: PORTAL_BUDGET.points - FIVE_REGIONS_COST,
      budget: PORTAL_BUDGET.points,
    });
    const resetIn = (Date.parse(cost.resetAt) - Date.now()) / 1000;
    expect(resetIn).toBeGreaterThan(-1);
    expect(resetIn).toBeLessThanOrEqual(PORTAL_BUDGET.windowSeconds);
    expect(answer.headers.get('ratelimit-limit')).toBe(String(PORTAL_BUDGET.points));
    expect(answer.headers.get('ratelimit-remaining')).toBe(String(PORTAL_BUDGET.points - FIVE_REGIONS_COST));
    const reset = Number(answer.headers.get('ratelimit-reset'));
    expect(reset).toBeGreaterThanOrEqual(1);
    expect(reset).toBeLessThanOrEqual(PORTAL_BUDGET.windowSeconds);

    // The actual cost is what came back: a filter that finds one region.
    const one = await post(app, '{ allRegions(perPage: 5, filter: { q: "RU-KB" }) { code name } }', secret);
    expect(one.body.extensions!.cost).toMatchObject({ requested: FIVE_REGIONS_COST, actual: 1 + 2 });

    const anonymous = await post(app, FIVE_REGIONS);
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.extensions).toBeUndefined();
    expect(anonymous.headers.get('ratelimit-limit')).toBeNull();
  });

  it('refuses an operation over the per-operation maximum before it runs, charging nothing', async () => {
    const app = createApp({ prisma: db.prisma });
    const secret = await token('Дорогой запрос');
    const abusive = '{ allPractices(perPage: 100) { id text form { group { forms { group { forms { id name } } } } } } }';
    const requested = 1 + 100 * (2 + 1 + 1 + 1 + UNPAGED_LIST_SIZE * (1 + 1 + UNPAGED_LIST_SIZE * 2));
    const answer = await post(app, abusive, secret);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toBeNull();
    expect(answer.body.errors).toHaveLength(1);
    expect(answer.body.errors![0]!.extensions.code).toBe(COST_LIMIT_EXCEEDED);
    expect(answer.body.errors![0]!.message).toBe(
      `Запрос слишком дорогой: ${requested} баллов при максимуме ${MAX_COST_PER_OPERATION} за один запрос. Запросите меньше полей или страницу поменьше (perPage).`,
    );
    expect(answer.body.extensions!.cost).toMatchObject({ requested, actual: 0, remaining: PORTAL_BUDGET.points });
    expect(answer.headers.get('ratelimit-remaining')).toBe(String(PORTAL_BUDGET.points));
    // Anonymous callers are bounded otherwise (graphql-armor, the result's size), not by points.
    const anonymous = await post(app, abusive);
    expect(anonymous.body.errors?.map((error) => error.extensions.code) ?? []).not.toContain(COST_LIMIT_EXCEEDED);
  });

  it('answers 429 with Retry-After once the budget is spent, runs nothing, and serves again in the next window', async () => {
    let now = Date.parse('2026-12-01T10:00:15Z');
    const budget = { points: 4 * FIVE_REGIONS_COST + 5, windowSeconds: 60, now: () => new Date(now) };
    const app = createApp({ prisma: db.prisma, portalBudget: budget });
    const secret = await token('Исчерпавший');
    for (let i = 1; i <= 4; i++) {
      const answer = await post(app, FIVE_REGIONS, secret);
      expect(answer.status).toBe(200);
      expect(answer.body.extensions!.cost!.remaining).toBe(budget.points - i * FIVE_REGIONS_COST);
    }
    now += 10_000;
    statements.length = 0;
    const refused = await post(app, FIVE_REGIONS, secret);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('35');
    expect(refused.headers.get('ratelimit-reset')).toBe('35');
    expect(refused.headers.get('ratelimit-remaining')).toBe('5');
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors).toEqual([
      {
        message: `Превышен лимит запросов токена портала: ${budget.points} баллов за 60 с. Повторите через 35 с (заголовок Retry-After).`,
        extensions: { code: RATE_LIMITED },
      },
    ]);
    expect(refused.body.extensions!.cost).toEqual({
      requested: FIVE_REGIONS_COST,
      actual: 0,
      remaining: 5,
      budget: budget.points,
      resetAt: '2026-12-01T10:01:00.000Z',
    });
    // Nothing ran after the charge was refused: the charge is the request's last statement.
    const charge = statements.findLastIndex((sql) => sql.includes('"PortalBudget"'));
    expect(charge).toBeGreaterThanOrEqual(0);
    expect(statements.slice(charge + 1)).toEqual([]);

    // A query that fits in what is left still runs.
    const small = await post(app, '{ allRegions(perPage: 1) { code } }', secret);
    expect(small.status).toBe(200);
    expect(small.body.extensions!.cost!.remaining).toBe(3);

    now = Date.parse('2026-12-01T10:01:00Z');
    const again = await post(app, FIVE_REGIONS, secret);
    expect(again.status).toBe(200);
    expect(again.body.data.allRegions).toHaveLength(5);
    expect(again.body.extensions!.cost).toMatchObject({ remaining: budget.points - FIVE_REGIONS_COST, resetAt: '2026-12-01T10:02:00.000Z' });
    expect(again.headers.get('ratelimit-reset')).toBe('60');
  });

  it('gives every token its own budget, shared by every server process (the points are in the database)', async () => {
    const now = Date.parse('2026-12-01T11:00:00Z');
    const budget = { points: 2 * FIVE_REGIONS_COST, windowSeconds: 60, now: () => new Date(now) };
    const [first, second] = [createApp({ prisma: db.prisma, portalBudget: budget }), createApp({ prisma: db.prisma, portalBudget: budget })];
    const [a, b] = [await token('Портал А'), await token('Портал Б')];
    expect((await post(first, FIVE_REGIONS, a)).status).toBe(200);
    expect((await post(second, FIVE_REGIONS, a)).status).toBe(200);
    expect((await post(first, FIVE_REGIONS, a)).status).toBe(429);
    expect((await post(second, FIVE_REGIONS, a)).status).toBe(429);
    const other = await post(second, FIVE_REGIONS, b);
    expect(other.status).toBe(200);
    expect(other.body.extensions!.cost!.remaining).toBe(FIVE_REGIONS_COST);
  });

  it('charges concurrent requests atomically: no more run than the budget holds', async () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const budget = { points: 3 * FIVE_REGIONS_COST, windowSeconds: 60, now: () => new Date(now) };
    const app = createApp({ prisma: db.prisma, portalBudget: budget });
    const secret = await token('Параллельный');
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(app, FIVE_REGIONS, secret)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 429, 429, 429, 429, 429, 429, 429]);
  });

  it('reports a refused mutation’s cost without charging it', async () => {
    const app = createApp({ prisma: db.prisma });
    const secret = await token('Пишущий');
    const answer = await post(app, 'mutation { signOut }', secret);
    expect(answer.body.errors![0]!.extensions.code).toBe('FORBIDDEN');
    expect(answer.body.extensions!.cost).toMatchObject({ requested: 1, actual: 0, remaining: PORTAL_BUDGET.points });
  });
});
