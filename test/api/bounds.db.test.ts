// Every query is bounded: page size, depth, aliases; batching is off; errors say what to do.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

it('pages are at most 100 rows, and a bigger page is refused', async () => {
  const result = await t.gql('{ allRegions(perPage: 500) { code } }');
  expect(result.errors?.[0]?.message).toMatch(/perPage: от 1 до 100/);
  const meta = await t.gql('{ _allRegionsMeta { count } allRegions(page: 1, perPage: 50, sortField: "name") { name } }');
  expect(meta.data._allRegionsMeta.count).toBe(89);
  expect(meta.data.allRegions).toHaveLength(39);
});

it('an unknown sort field is refused with the allowed ones named', async () => {
  const result = await t.gql('{ allRegions(sortField: "password") { code } }');
  expect(result.errors?.[0]?.message).toMatch(/sortField: одно из position, name, code/);
});

it('too deep and too many aliases are refused before execution, without revealing the limits', async () => {
  const deep = await t.gql('{ allPlanActivities { plan { activities { plan { activities { plan { activities { plan { code } } } } } } } } }');
  expect(deep.data).toBeUndefined();
  expect(deep.errors?.[0]?.message).toBe('Syntax Error: Query validation error.');
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: viewer { id }`).join(' ');
  const many = await t.gql(`{ ${aliases} }`);
  expect(many.data).toBeUndefined();
  expect(many.errors?.[0]?.message).toBe('Syntax Error: Query validation error.');
  const fine = await t.gql(`{ ${Array.from({ length: 10 }, (_, i) => `a${i}: viewer { id }`).join(' ')} }`);
  expect(fine.errors).toBeUndefined();
});

it('refuses batched requests and anonymous introspection', async () => {
  const batch = await t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify([{ query: '{ viewer { id } }' }, { query: '{ viewer { id } }' }]),
  });
  expect(batch.status).toBeGreaterThanOrEqual(400);
  const introspection = await t.gql('{ __schema { types { name } } }');
  expect(introspection.errors?.[0]?.message).toMatch(/только координаторам/);
});

it('a cross-site form post without the CSRF header is refused', async () => {
  const response = await t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'query=%7B%20viewer%20%7B%20id%20%7D%20%7D',
  });
  expect(response.status).toBe(403);
});

it('unexpected failures reach the client as a generic message without internals', async () => {
  const result = await t.gql('{ Region(id: "99999999999999999999") { code } }');
  expect(result.errors?.[0]?.message).toBe('Некорректный идентификатор.');
  expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
});
