// Issue 11, point 1: coordinators keep portals' tokens through GraphQL (the console's page): the list,
// issue (the secret in that answer only), rotate with an overlap, revoke, the operation list (a pasted
// document added or replacing, cleared); each audited with the coordinator as the actor, each refusal a
// ValidationError naming the input's field, with nothing changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticatePortalToken } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { COORDINATOR, signInCoordinator } from '../helpers/console.ts';
import { databaseFingerprint } from '../helpers/db.ts';

let t: TestApp;
let cookie = '';

const TOKEN =
  'id name regionId regionCode regionName scopes state expiresAt createdBy rotatedAt previousValidUntil revokedAt lastUsedAt lastUsedFrom allowedOperations operationsCount';
const union = (success: string, data: string) =>
  `__typename ... on ${success} { data { ${data} } } ... on ValidationError { message fieldErrors { path message } }`;
const ISSUE = `mutation($input: IssuePortalTokenInput!) { r: issuePortalToken(input: $input) { ${union('MutationIssuePortalTokenSuccess', `secret token { ${TOKEN} }`)} } }`;
const ROTATE = `mutation($input: RotatePortalTokenInput!) { r: rotatePortalToken(input: $input) { ${union('MutationRotatePortalTokenSuccess', `secret token { ${TOKEN} }`)} } }`;
const REVOKE = `mutation($input: PortalTokenIdInput!) { r: revokePortalToken(input: $input) { ${union('MutationRevokePortalTokenSuccess', TOKEN)} } }`;
const ALLOW = `mutation($input: AllowPortalOperationsInput!) { r: allowPortalOperations(input: $input) { ${union('MutationAllowPortalOperationsSuccess', `token { ${TOKEN} } operations { name hash }`)} } }`;
const CLEAR = `mutation($input: PortalTokenIdInput!) { r: clearPortalOperations(input: $input) { ${union('MutationClearPortalOperationsSuccess', TOKEN)} } }`;

const as = (query: string, variables: Record<string, unknown>) => t.gql(query, variables, { cookie });
const ok = async (query: string, input: Record<string, unknown>) => {
  const result = await as(query, { input });
  expect(result.errors).toBeUndefined();
  expect(result.data.r.__typename, JSON.stringify(result.data.r)).toMatch(/Success$/);
  return result.data.r.data;
};

beforeAll(async () => {
  t = await createTestApp();
  cookie = await signInCoordinator(t);
});
afterAll(() => t?.close());

describe("coordinators keep portals' tokens through GraphQL", () => {
  let id = '';
  let first = '';

  it('issues a token: the secret once, the list and one token without it, audited with the coordinator', async () => {
    const issued = await ok(ISSUE, {
      regionCode: 'ru-kb',
      name: 'Портал Минтруда КБР',
      scopes: ['status', 'answers'],
      expiresAt: '2099-01-01T00:00:00Z',
    });
    expect(issued.secret).toMatch(/^nokp_/);
    expect(issued.token).toMatchObject({
      regionCode: 'RU-KB',
      scopes: ['status', 'answers'],
      state: 'ACTIVE',
      createdBy: COORDINATOR.email,
      operationsCount: 0,
    });
    id = issued.token.id;
    first = issued.secret;
    const list = await as(
      `{ allPortalTokens(perPage: 10, sortField: "createdAt", sortOrder: DESC) { ${TOKEN} } _allPortalTokensMeta { count } PortalToken(id: "${id}") { id name } }`,
      {},
    );
    expect(list.errors).toBeUndefined();
    expect(list.data._allPortalTokensMeta.count).toBe(1);
    expect(list.data.allPortalTokens[0].name).toBe('Портал Минтруда КБР');
    expect(JSON.stringify(list.data)).not.toContain(first);
    expect(list.data.PortalToken.name).toBe('Портал Минтруда КБР');
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'portalToken.issue', subjectId: id } });
    expect(audit.actorEmail).toBe(COORDINATOR.email);
    expect(JSON.stringify(audit)).not.toContain(first);
  });

  it('rotates with an overlap: both secrets work until it ends, then only the new one', async () => {
    const rotated = await ok(ROTATE, { id, overlapHours: 2 });
    expect(rotated.secret).not.toBe(first);
    expect(rotated.token.state).toBe('ROTATING');
    const now = Date.now();
    expect((await authenticatePortalToken(t.db.prisma, first, new Date(now + 3_600_000), null)).ok).toBe(true);
    expect(await authenticatePortalToken(t.db.prisma, first, new Date(now + 3 * 3_600_000), null)).toEqual({ ok: false, reason: 'expired' });
    expect((await authenticatePortalToken(t.db.prisma, rotated.secret, new Date(now + 3 * 3_600_000), null)).ok).toBe(true);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'portalToken.rotate', subjectId: id, actorEmail: COORDINATOR.email } })).toBe(1);
  });

  it('sets the operation list from a pasted document (added or replacing) and clears it, audited', async () => {
    const added = await ok(ALLOW, { id, document: 'query A { allSpheres { id } }\nquery B { allRegions { code } }' });
    expect(added.operations.map((operation: { name: string }) => operation.name)).toEqual(['A', 'B']);
    expect(added.token.operationsCount).toBe(2);
    expect((await ok(ALLOW, { id, document: 'query C { allSpheres { name } }' })).token.operationsCount).toBe(3);
    const replaced = await ok(ALLOW, { id, document: 'query C { allSpheres { name } }', replace: true });
    expect(replaced.token.allowedOperations).toEqual([replaced.operations[0].hash]);
    expect((await ok(CLEAR, { id })).operationsCount).toBe(0);
    expect(await t.db.prisma.auditLog.count({ where: { action: 'portalToken.allowOperations', subjectId: id, actorEmail: COORDINATOR.email } })).toBe(
      3,
    );
    expect(await t.db.prisma.auditLog.count({ where: { action: 'portalToken.clearOperations', subjectId: id } })).toBe(1);
  });

  it('refuses bad input as a ValidationError naming the field, changing nothing', async () => {
    const before = await databaseFingerprint(t.db);
    const cases: [string, Record<string, unknown>, string][] = [
      [ISSUE, { regionCode: 'RU-XX', name: 'x' }, 'regionCode'],
      [ISSUE, { regionCode: 'RU-KB', name: '   ' }, 'name'],
      [ISSUE, { regionCode: 'RU-KB', name: 'x', scopes: ['everything'] }, 'scopes'],
      [ISSUE, { regionCode: 'RU-KB', name: 'x', scopes: [] }, 'scopes'],
      [ISSUE, { regionCode: 'RU-KB', name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [ROTATE, { id, overlapHours: -1 }, 'overlapHours'],
      [ROTATE, { id, overlapHours: 100_000 }, 'overlapHours'],
      [ROTATE, { id: '999999' }, 'id'],
      [ROTATE, { id: 'abc' }, 'id'],
      [REVOKE, { id: '0' }, 'id'],
      [ALLOW, { id, document: 'query {' }, 'document'],
      [ALLOW, { id, document: '{ allSpheres { id } }' }, 'document'],
      [ALLOW, { id, document: 'mutation M { signOut }' }, 'document'],
      [ALLOW, { id: '99999999999', document: 'query A { allSpheres { id } }' }, 'id'],
      [CLEAR, { id: '999999' }, 'id'],
    ];
    for (const [query, input, field] of cases) {
      const result = await as(query, { input });
      expect(result.errors, JSON.stringify(input)).toBeUndefined();
      expect(result.data.r.__typename, JSON.stringify(input)).toBe('ValidationError');
      expect(result.data.r.fieldErrors.map((error: { path: string }) => error.path)).toEqual([field]);
      expect(result.data.r.message).toMatch(/[а-яА-Я]/);
    }
    expect(await databaseFingerprint(t.db)).toEqual(before);
  });

  it('revokes: both secrets stop, a second revocation is refused', async () => {
    const revoked = await ok(REVOKE, { id });
    expect(revoked.state).toBe('REVOKED');
    expect((await as(REVOKE, { input: { id } })).data.r.fieldErrors[0].path).toBe('id');
    expect(await t.db.prisma.auditLog.count({ where: { action: 'portalToken.revoke', subjectId: id, actorEmail: COORDINATOR.email } })).toBe(1);
  });

  it('is refused to respondents and portals', async () => {
    const respondent = await t.respondent('r@example.ru');
    const asRespondent = await t.gql('{ allPortalTokens { id } }', {}, { cookie: respondent.cookie });
    expect(asRespondent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const issued = await ok(ISSUE, { regionCode: 'RU-KB', name: 'Другой' });
    const asPortal = await t.gql('{ allPortalTokens { id } }', {}, { authorization: `Bearer ${issued.secret}` });
    expect(asPortal.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
