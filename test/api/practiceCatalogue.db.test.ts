// Issue 11, point 3: the practice catalogue for portals as a cursor list (practiceCatalogue): every page
// walked gives every practice once, in id order, whatever the filter (sphere, form, region, text); rows
// added or removed between pages neither repeat nor skip the others; bad cursors and page sizes are
// refused naming the argument; and the cost budget counts `nodes` as `first` items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type GraphQLResult, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let token = '';
const PAGE = `query Page($first: Int, $after: String, $filter: PracticeCatalogueFilter) {
  practiceCatalogue(first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { endCursor hasNextPage } nodes { id regionId sphereId formId text }
  }
}`;

type Node = { id: string; regionId: string; sphereId: string; formId: string; text: string };

async function walk(filter: Record<string, unknown> | null, first: number, between?: (page: number) => Promise<void>) {
  const seen: Node[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 100; page++) {
    const result: GraphQLResult = await t.gql(PAGE, { first, after, filter });
    expect(result.errors).toBeUndefined();
    const connection: { nodes: Node[]; totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean } } = result.data.practiceCatalogue;
    expect(connection.nodes.length).toBeLessThanOrEqual(first);
    seen.push(...connection.nodes);
    totals.add(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { seen, totals };
    after = connection.pageInfo.endCursor;
    await between?.(page);
  }
  throw new Error('more than 100 pages');
}

beforeAll(async () => {
  t = await createTestApp();
  token = (await issuePortalToken(t.db.prisma, { id: 'test', email: 'c@vcot.example' }, { regionCode: 'RU-ALT', name: 'Портал' })).secret;
});
afterAll(() => t?.close());

describe('the practice catalogue as a cursor list', () => {
  it('walks every practice once, in id order, with the same totalCount on every page', async () => {
    const all = (await t.db.prisma.practice.findMany({ where: { deletedAt: null }, select: { id: true }, orderBy: { id: 'asc' } })).map((row) =>
      String(row.id),
    );
    expect(all.length).toBeGreaterThan(100);
    const { seen, totals } = await walk(null, 37);
    expect(seen.map((node) => node.id)).toEqual(all);
    expect([...totals]).toEqual([all.length]);
  });

  it('filters by sphere, form, region and text, the same rows as allPractices', async () => {
    const sample = await t.db.prisma.practice.findFirstOrThrow({ where: { deletedAt: null }, orderBy: { id: 'asc' } });
    const filters: Record<string, unknown>[] = [
      { sphereId: String(sample.sphereId) },
      { formId: String(sample.formId) },
      { regionId: String(sample.regionId) },
      { q: 'стандарт' },
      { q: 'обучающих семинаров', sphereId: String(sample.sphereId) },
    ];
    for (const filter of filters) {
      const { seen, totals } = await walk(filter, 10);
      const expected = new Set<string>();
      for (let page = 0; ; page++) {
        const rows = (
          await t.gql('query($f: PracticeFilter, $p: Int) { allPractices(filter: $f, page: $p, perPage: 100) { id } }', { f: filter, p: page })
        ).data.allPractices as { id: string }[];
        for (const row of rows) expected.add(row.id);
        if (rows.length < 100) break;
      }
      expect(seen.map((node) => node.id).sort(), JSON.stringify(filter)).toEqual([...expected].sort());
      expect([...totals], JSON.stringify(filter)).toEqual([expected.size]);
      const ids = seen.map((node) => Number(node.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      if (filter.sphereId) for (const node of seen) expect(node.sphereId).toBe(filter.sphereId);
    }
  });

  it('neither repeats nor skips a row when others are added or deleted between pages', async () => {
    const before = (await t.db.prisma.practice.findMany({ where: { deletedAt: null }, select: { id: true }, orderBy: { id: 'asc' } })).map((row) =>
      String(row.id),
    );
    const template = await t.db.prisma.practice.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const removed: string[] = [];
    const { seen } = await walk(null, 25, async (page) => {
      if (page === 1) {
        // One already seen and one not yet seen are deleted; a new one is added at the end.
        const gone = [before[3]!, before[80]!];
        await t.db.prisma.practice.updateMany({ where: { id: { in: gone.map(Number) } }, data: { deletedAt: new Date() } });
        removed.push(...gone);
        await t.db.prisma.practice.create({
          data: {
            text: 'Новая практика между страницами',
            textSha256: 'f'.repeat(64),
            regionId: template.regionId,
            sphereId: template.sphereId,
            formId: template.formId,
          },
        });
      }
    });
    const ids = seen.map((node) => node.id);
    expect(new Set(ids).size).toBe(ids.length);
    const expected = before.filter((id) => id !== removed[1]);
    expect(ids.slice(0, expected.length)).toEqual(expected);
    expect(seen.at(-1)!.text).toBe('Новая практика между страницами');
  });

  it('refuses a bad cursor or page size, naming the argument', async () => {
    const other = Buffer.from('response:5').toString('base64url');
    for (const [variables, field] of [
      [{ after: 'not a cursor' }, 'after'],
      [{ after: other }, 'after'],
      [{ after: Buffer.from('practice:99999999999').toString('base64url') }, 'after'],
      [{ after: `cHJhY3RpY2U6MQ${'x'.repeat(80)}` }, 'after'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ filter: { regionId: 'abc' } }, 'filter.regionId'],
    ] as const) {
      const result = await t.gql(PAGE, variables);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.message.startsWith(`${field}:`), result.errors?.[0]?.message).toBe(true);
    }
  });

  it('is counted by the cost budget as `first` items (the default 20 without it)', async () => {
    const query = (first: string) =>
      `{ practiceCatalogue${first} { nodes { id text region { name } } pageInfo { endCursor hasNextPage } totalCount } }`;
    const asPortal = (text: string) =>
      t.app.yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: text }),
      });
    // 1 + (1 + 50 × (1 + 1 + 2)) + (1 + 2) + 1
    const fifty = await (await asPortal(query('(first: 50)'))).json();
    expect(fifty.extensions.cost.requested).toBe(206);
    expect(fifty.data.practiceCatalogue.nodes).toHaveLength(50);
    expect(fifty.extensions.cost.actual).toBe(1 + 50 * 4 + 1 + 2 + 1 + 1);
    const byDefault = await (await asPortal(query(''))).json();
    expect(byDefault.extensions.cost.requested).toBe(1 + 1 + 20 * 4 + 3 + 1);
    expect(byDefault.data.practiceCatalogue.nodes).toHaveLength(20);
  });
});
