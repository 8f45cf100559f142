// Issue 11, point 3: persisted operations. `npm run portal-token -- allow <id> <file.graphql>` limits a
// token to the file's named queries (SHA-256 of each one's normalized text: the operation and the
// fragments it uses, printed by graphql-js); the token then runs those, however they are spaced or
// commented, and nothing else: a changed query is refused with OPERATION_NOT_ALLOWED, unexecuted and
// uncharged. A token without a list is unaffected; `allow <id> --clear` lifts the list. Audited.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPortalTokenCommand } from '../../api/src/portalTokenCommand.ts';
import { issuePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

let t: TestApp;
const actor = { id: 'test', email: 'coordinator@vcot.example' };
let limited = { id: 0, secret: '' };
let free = { id: 0, secret: '' };
let file = '';

const APPROVED = `# The portal's approved queries
query Regions($q: String) { allRegions(filter: { q: $q }) { ...RegionFields } }
fragment RegionFields on Region { code name }
query Spheres { allSpheres { id } }
`;

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPortalTokenCommand(t.db.prisma, argv, { out: (text) => out.push(text), err: (text) => err.push(text), actor });
  return { code, out, err };
}

const post = (secret: string, body: Record<string, unknown>) =>
  t.app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify(body),
  });

const spent = async (id: number) => (await t.db.prisma.portalBudget.findUnique({ where: { tokenId: id } }))?.spent ?? 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const [name, target] of [
    ['Ограниченный', (issued: typeof limited) => (limited = issued)],
    ['Свободный', (issued: typeof free) => (free = issued)],
  ] as const) {
    const { token, secret } = await issuePortalToken(t.db.prisma, actor, { regionCode: 'RU-KB', name });
    target({ id: token.id, secret });
  }
  file = join(await mkdtemp(join(tmpdir(), 'nok-ops-')), 'portal.graphql');
  await writeFile(file, APPROVED);
});
afterAll(() => t?.close());

describe('persisted operations for a portal token', () => {
  it('allow <id> <file> stores each named query’s hash, audited', async () => {
    const result = await run('allow', String(limited.id), file);
    expect(result).toMatchObject({ code: 0, err: [] });
    expect(result.out.slice(0, 2)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\tRegions$/), expect.stringMatching(/^[0-9a-f]{64}\tSpheres$/)]);
    const row = await t.db.prisma.portalToken.findUniqueOrThrow({ where: { id: limited.id } });
    expect(row.allowedOperations).toHaveLength(2);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'portalToken.allowOperations', subjectId: String(limited.id) } });
    expect(audit.after).toEqual({ allowedOperations: row.allowedOperations });
    // The same file again changes nothing.
    await run('allow', String(limited.id), file);
    expect((await t.db.prisma.portalToken.findUniqueOrThrow({ where: { id: limited.id } })).allowedOperations).toEqual(row.allowedOperations);
  });

  it('runs an approved operation, however it is spaced, commented or its fragments ordered', async () => {
    const response = await post(limited.secret, {
      query: `fragment RegionFields on Region {\n  code\n  name\n}\n# spaced differently\nquery Regions($q: String) {\n  allRegions(filter: {q: $q}) { ...RegionFields }\n}`,
      variables: { q: 'RU-KB' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: { allRegions: [{ code: 'RU-KB' }] } });
    // A document holding several approved operations runs the one named.
    const both = await post(limited.secret, { query: APPROVED, operationName: 'Spheres' });
    expect((await both.json()).data.allSpheres.length).toBeGreaterThan(0);
  });

  it('refuses a changed operation with OPERATION_NOT_ALLOWED in Russian, executing and charging nothing', async () => {
    const before = await spent(limited.id);
    for (const query of [
      'query Regions($q: String) { allRegions(filter: { q: $q }) { ...RegionFields id } } fragment RegionFields on Region { code name }',
      'query Regions($q: String) { allRegions(filter: { q: $q }) { code name } }',
      'query Other { allSpheres { id } }',
      '{ allSpheres { id } }',
      'mutation { signOut }',
    ]) {
      const body = await (await post(limited.secret, { query, variables: { q: 'RU-KB' } })).json();
      expect(body.data ?? null).toBeNull();
      expect(body.errors).toEqual([expect.objectContaining({ extensions: expect.objectContaining({ code: 'OPERATION_NOT_ALLOWED' }) })]);
      expect(body.errors[0].message).toMatch(/не входит в список разрешённых/);
    }
    expect(await spent(limited.id)).toBe(before);
  });

  it('list shows each token’s operation-list size (issue 11, point 5)', async () => {
    const listed = (await run('list')).out;
    expect(listed.find((line) => line.startsWith(`${limited.id}\t`))).toContain('разрешённых операций: 2');
    expect(listed.find((line) => line.startsWith(`${free.id}\t`))).toContain('любые запросы на чтение');
  });

  it('leaves a token without a list unaffected; --clear lifts the list (audited)', async () => {
    const body = await (await post(free.secret, { query: '{ allSpheres { id } }' })).json();
    expect(body.errors).toBeUndefined();
    expect(await run('allow', String(limited.id), '--clear')).toMatchObject({ code: 0 });
    expect((await (await post(limited.secret, { query: '{ allSpheres { id } }' })).json()).errors).toBeUndefined();
    expect(await t.db.prisma.auditLog.count({ where: { action: 'portalToken.clearOperations', subjectId: String(limited.id) } })).toBe(1);
  });

  it('refuses bad files and arguments, changing nothing', async () => {
    const dir = join(tmpdir(), `nok-ops-bad-${process.pid}`);
    const bad = async (text: string) => {
      const path = `${dir}-${Math.random().toString(36).slice(2)}.graphql`;
      await writeFile(path, text);
      return path;
    };
    for (const argv of [
      ['allow', String(free.id), await bad('{ allSpheres { id } }')],
      ['allow', String(free.id), await bad('query A { allSpheres { ...Missing } }')],
      ['allow', String(free.id), await bad('mutation M { signOut }')],
      ['allow', String(free.id), await bad('query {')],
      ['allow', String(free.id), await bad('fragment F on Region { code }')],
      ['allow', String(free.id), '/nonexistent/file.graphql'],
      ['allow', '999999', file],
    ]) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(1);
      expect(result.err.join('\n')).toMatch(/[а-яё]/i);
    }
    for (const argv of [['allow'], ['allow', String(free.id)], ['allow', String(free.id), file, 'extra']]) {
      expect((await run(...argv)).code).toBe(2);
    }
    expect((await t.db.prisma.portalToken.findUniqueOrThrow({ where: { id: free.id } })).allowedOperations).toEqual([]);
  });
});
