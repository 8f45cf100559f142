// Issue 10: the authorisation matrix, generated from the schema. Every root Query and Mutation field
// (and the introspection meta-fields) is called as {anonymous, respondent A, respondent B, coordinator,
// and (issue 11) the portal tokens of region A (Altai) and region B (Moscow), a revoked token and an
// expired one} with minimal arguments made from its argument types, and the answer — allowed, or refused with
// UNAUTHENTICATED / FORBIDDEN — is compared with the table below, so a new root field without an entry
// fails here. Then the object-level checks: everything anonymous callers and respondent A may call,
// with every field they may select (to depth 3) and arguments aimed at respondent B's records, never
// shows B's e-mail, id, answers or authority; nor does anything Altai's portal token may call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  type GraphQLSchema,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from 'graphql';
import { startSession } from '../../api/src/auth/sessions.ts';
import { issuePortalToken, revokePortalToken } from '../../api/src/services/portalTokens.ts';
import { schema } from '../../api/src/schema/index.ts';
import { createTestApp, type GraphQLResult, type TestApp } from '../helpers/app.ts';
import { respondentWith } from '../helpers/console.ts';
import { section1 } from '../helpers/fixtures2021.ts';

type Role = 'anonymous' | 'respondentA' | 'respondentB' | 'coordinator' | 'portalA' | 'portalB' | 'portalRevoked' | 'portalExpired';
const ROLES: Role[] = ['anonymous', 'respondentA', 'respondentB', 'coordinator', 'portalA', 'portalB', 'portalRevoked', 'portalExpired'];
/** Refused before any field is looked at (HTTP 401): a revoked or expired token is never anonymous. */
const DEAD_TOKENS: Role[] = ['portalRevoked', 'portalExpired'];

/**
 * Who may call a root field: anyone (portals read, never write); people only (anonymous or signed in,
 * no portal); respondents; anyone signed in; coordinators; coordinators and portals (introspection);
 * regional portals (their own region, always the token's).
 */
type Access = 'public' | 'people' | 'respondent' | 'signedIn' | 'coordinator' | 'coordinatorOrPortal' | 'portal';
const allowedTo: Record<Access, Role[]> = {
  public: ['anonymous', 'respondentA', 'respondentB', 'coordinator', 'portalA', 'portalB'],
  people: ['anonymous', 'respondentA', 'respondentB', 'coordinator'],
  respondent: ['respondentA', 'respondentB'],
  signedIn: ['respondentA', 'respondentB', 'coordinator'],
  coordinator: ['coordinator'],
  coordinatorOrPortal: ['coordinator', 'portalA', 'portalB'],
  portal: ['portalA', 'portalB'],
};

// The expected access of every root field. A field missing here (or an entry without a field) fails.
const expected: Record<string, Access> = {
  // Reference data, the published questionnaire, the plan and the catalogue.
  'Query.Authority': 'public',
  'Query.Campaign': 'public',
  'Query.MeasureType': 'public',
  'Query.Plan': 'public',
  'Query.PlanActivity': 'public',
  'Query.PlanIndicator': 'public',
  'Query.Practice': 'public',
  'Query.Region': 'public',
  'Query.Sphere': 'public',
  'Query._allAuthoritiesMeta': 'public',
  'Query._allCampaignsMeta': 'public',
  'Query._allMeasureTypesMeta': 'public',
  'Query._allPlanActivitiesMeta': 'public',
  'Query._allPlanIndicatorsMeta': 'public',
  'Query._allPlansMeta': 'public',
  'Query._allPracticesMeta': 'public',
  'Query._allRegionsMeta': 'public',
  'Query._allSpheresMeta': 'public',
  'Query.allAuthorities': 'public',
  'Query.allCampaigns': 'public',
  'Query.allMeasureTypes': 'public',
  'Query.allPlanActivities': 'public',
  'Query.allPlanIndicators': 'public',
  'Query.allPlans': 'public',
  'Query.allPractices': 'public',
  'Query.allRegions': 'public',
  'Query.allSpheres': 'public',
  'Query.campaign': 'public',
  'Query.measureTypeGroups': 'public',
  'Query.practiceGroups': 'public',
  // The catalogue as a cursor list for portals (issue 11, point 3).
  'Query.practiceCatalogue': 'public',
  'Query.viewer': 'public',
  // The respondent's own questionnaire.
  'Query.myResponse': 'respondent',
  // Regional protocols' tasks (issue 12): coordinators across regions, a portal's token (scope tasks)
  // its own region's; reports and statuses also by a portal (scope taskReports), its region's only.
  'Query.Protocol': 'coordinatorOrPortal',
  'Query.ProtocolItem': 'coordinatorOrPortal',
  'Query.TaskOccurrence': 'coordinatorOrPortal',
  'Query.TaskOwner': 'coordinatorOrPortal',
  'Query.TaskReport': 'coordinatorOrPortal',
  'Query._allProtocolItemsMeta': 'coordinatorOrPortal',
  'Query._allProtocolsMeta': 'coordinatorOrPortal',
  'Query._allTaskOccurrencesMeta': 'coordinatorOrPortal',
  'Query._allTaskOwnersMeta': 'coordinatorOrPortal',
  'Query._allTaskReportsMeta': 'coordinatorOrPortal',
  'Query.allProtocolItems': 'coordinatorOrPortal',
  'Query.allProtocols': 'coordinatorOrPortal',
  'Query.allTaskOccurrences': 'coordinatorOrPortal',
  'Query.allTaskOwners': 'coordinatorOrPortal',
  'Query.allTaskReports': 'coordinatorOrPortal',
  'Query.taskContactsDue': 'coordinator',
  'Mutation.reportTaskProgress': 'coordinatorOrPortal',
  'Mutation.setTaskStatus': 'coordinatorOrPortal',
  'Mutation.addOwnerContact': 'coordinator',
  'Mutation.removeOwnerContact': 'coordinator',
  'Mutation.matchTaskOwner': 'coordinator',
  // Reminders of their deadlines to the recorded contacts (issue 12, point 4).
  'Query.taskReminderPreview': 'coordinator',
  'Mutation.sendTaskReminders': 'coordinator',
  // The coordinators' console.
  'Query.AuditLog': 'coordinator',
  'Query.Measure': 'coordinator',
  'Query.OutboxMail': 'coordinator',
  'Query.Respondent': 'coordinator',
  'Query.ResponseRecord': 'coordinator',
  'Query._allAuditLogsMeta': 'coordinator',
  'Query._allMeasuresMeta': 'coordinator',
  'Query._allOutboxMailsMeta': 'coordinator',
  'Query._allRespondentsMeta': 'coordinator',
  'Query._allResponsesMeta': 'coordinator',
  'Query.allAuditLogs': 'coordinator',
  'Query.allMeasures': 'coordinator',
  'Query.allOutboxMails': 'coordinator',
  'Query.allRespondents': 'coordinator',
  'Query.allResponses': 'coordinator',
  'Query.campaignAnalytics': 'coordinator',
  'Query.campaignDashboard': 'coordinator',
  'Query.campaignDefinitionDocument': 'coordinator',
  'Query.campaignDefinitionPreview': 'coordinator',
  'Query.measureSummary': 'coordinator',
  'Query.reminderPreview': 'coordinator',
  'Query.PortalToken': 'coordinator',
  'Query._allPortalTokensMeta': 'coordinator',
  'Query.allPortalTokens': 'coordinator',
  // Introspection (the console reads schema.graphql at build time; portals' developers build clients).
  'Query.__schema': 'coordinatorOrPortal',
  'Query.__type': 'coordinatorOrPortal',
  // Regional portals (issue 11): their own region's status.
  'Query.portalRegion': 'portal',
  // Published analytics (issue 14): anyone; a portal's token needs the report scope (tested in test/api/publication.db.test.ts).
  'Query.publishedAnalytics': 'public',
  // Sign-in and out (people only: a portal's token never writes).
  'Mutation.signIn': 'people',
  'Mutation.signOut': 'signedIn',
  // The respondent's writes.
  'Mutation.saveSection': 'respondent',
  'Mutation.submitResponse': 'respondent',
  // The coordinators' writes.
  'Mutation.closeCampaignWindow': 'coordinator',
  'Mutation.createPractice': 'coordinator',
  'Mutation.deletePractice': 'coordinator',
  'Mutation.extendRegionWindow': 'coordinator',
  'Mutation.importCampaignDefinition': 'coordinator',
  'Mutation.moveCampaignWindow': 'coordinator',
  'Mutation.openCampaignWindow': 'coordinator',
  'Mutation.publishCampaignAnalytics': 'coordinator',
  'Mutation.setCampaignExpectedRegions': 'coordinator',
  'Mutation.reopenResponse': 'coordinator',
  'Mutation.resendLink': 'coordinator',
  'Mutation.revokeRespondent': 'coordinator',
  'Mutation.sendReminders': 'coordinator',
  'Mutation.setPlanTargetActual': 'coordinator',
  'Mutation.updateAuthority': 'coordinator',
  'Mutation.updatePractice': 'coordinator',
  'Mutation.updateQuestionTexts': 'coordinator',
  // Portals' tokens, kept in the console (issue 11).
  'Mutation.issuePortalToken': 'coordinator',
  'Mutation.rotatePortalToken': 'coordinator',
  'Mutation.revokePortalToken': 'coordinator',
  'Mutation.allowPortalOperations': 'coordinator',
  'Mutation.clearPortalOperations': 'coordinator',
};

// ---------------------------------------------------------------------------------------------------
// Walking the schema (types told apart by their constructor's name, as a reader of any schema would).

type AnyType = GraphQLOutputType | GraphQLInputType;
const kind = (type: AnyType | GraphQLNamedType) => type.constructor.name;
const wrapped = (type: AnyType) => (type as { ofType?: AnyType }).ofType;
function named(type: AnyType): GraphQLNamedType {
  let current = type;
  while (wrapped(current)) current = wrapped(current)!;
  return current as GraphQLNamedType;
}

interface RootField {
  /** e.g. Query.allCampaigns */
  key: string;
  operation: 'query' | 'mutation';
  name: string;
  args: readonly GraphQLArgument[];
  type: GraphQLOutputType;
}

function rootFields(target: GraphQLSchema): RootField[] {
  const fields: RootField[] = [];
  for (const [operation, type] of [
    ['query', target.getQueryType()],
    ['mutation', target.getMutationType()],
  ] as const) {
    for (const field of Object.values(type!.getFields())) {
      fields.push({ key: `${type!.name}.${field.name}`, operation, name: field.name, args: field.args, type: field.type });
    }
  }
  // The introspection meta-fields are roots too, though no type lists them.
  for (const meta of [SchemaMetaFieldDef, TypeMetaFieldDef]) {
    fields.push({ key: `Query.${meta.name}`, operation: 'query', name: meta.name, args: meta.args, type: meta.type });
  }
  return fields;
}

/**
 * Values for arguments: what `pick` chooses for an argument or input field (by its name and scalar
 * type), else for a required one the smallest valid-looking value; optional ones are left out.
 */
type Pick = (argName: string, scalar: string) => unknown;
const smallest: Record<string, unknown> = {
  String: 'x',
  ID: '0',
  Int: 1,
  Float: 1,
  Boolean: false,
  DateTime: '2030-01-01T00:00:00Z',
  JSON: {},
  Decimal: '1',
};
const minimal: Pick = () => undefined;

function valueFor(type: GraphQLInputType, argName: string, pick: Pick, required: boolean, nesting = 0): unknown {
  if (kind(type) === 'GraphQLNonNull') return valueFor(wrapped(type) as GraphQLInputType, argName, pick, true, nesting);
  if (kind(type) === 'GraphQLList') {
    // An optional list of non-null items is still optional.
    const itemType = wrapped(type) as GraphQLInputType;
    const item = valueFor((kind(itemType) === 'GraphQLNonNull' ? wrapped(itemType) : itemType) as GraphQLInputType, argName, pick, required, nesting);
    return item === undefined ? undefined : [item];
  }
  const base = named(type);
  if (kind(base) === 'GraphQLInputObjectType') {
    // An input type that holds itself is filled three levels deep at most.
    if (!required && nesting > 3) return undefined;
    const fields = (base as unknown as { getFields(): Record<string, { name: string; type: GraphQLInputType }> }).getFields();
    const value: Record<string, unknown> = {};
    for (const field of Object.values(fields)) {
      const fieldValue = valueFor(field.type, field.name, pick, false, nesting + 1);
      if (fieldValue !== undefined) value[field.name] = fieldValue;
    }
    return required || Object.keys(value).length > 0 ? value : undefined;
  }
  const chosen = pick(argName, base.name);
  if (chosen !== undefined || !required) return chosen;
  if (kind(base) === 'GraphQLEnumType') return (base as unknown as { getValues(): { name: string }[] }).getValues()[0]!.name;
  return smallest[base.name] ?? 'x';
}

const scopeAdmits = (scope: string, role: Role) =>
  scope === 'public' ||
  (scope === 'respondent' && role.startsWith('respondent')) ||
  (scope === 'coordinator' && role === 'coordinator') ||
  ((scope === 'portal' || scope === 'portalWith') && (role === 'portalA' || role === 'portalB'));

/**
 * A selection of `type`: `__typename` only (depth 0), or every field the role may select down to
 * `depth` levels, skipping fields with required arguments.
 */
function selection(type: GraphQLOutputType, depth: number, role: Role): string {
  const base = named(type);
  const composite = ['GraphQLObjectType', 'GraphQLInterfaceType', 'GraphQLUnionType'].includes(kind(base));
  if (!composite) return '';
  if (depth === 0) return '{ __typename }';
  if (kind(base) === 'GraphQLUnionType') {
    const members = (base as unknown as { getTypes(): GraphQLOutputType[] }).getTypes();
    return `{ __typename ${members.map((member) => `... on ${named(member).name} ${selection(member, depth, role)}`).join(' ')} }`;
  }
  const fields = Object.values((base as unknown as { getFields(): Record<string, GraphQLField<unknown, unknown>> }).getFields());
  const parts = ['__typename'];
  for (const field of fields) {
    if (field.args.some((arg) => kind(arg.type) === 'GraphQLNonNull')) continue;
    const scopes = (field.extensions?.pothosOptions as { authScopes?: Record<string, boolean> } | undefined)?.authScopes;
    if (scopes && !Object.keys(scopes).some((scope) => scopeAdmits(scope, role))) continue;
    const inner = named(field.type);
    const composite = ['GraphQLObjectType', 'GraphQLInterfaceType', 'GraphQLUnionType'].includes(kind(inner));
    if (!composite) parts.push(field.name);
    else if (depth > 1) parts.push(`${field.name} ${selection(field.type, depth - 1, role)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

/** The operation calling one root field with the given arguments (as variables) and selection. */
function operationFor(field: RootField, pick: Pick, select: string): { query: string; variables: Record<string, unknown> } {
  const variables: Record<string, unknown> = {};
  const definitions: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    const value = valueFor(arg.type as GraphQLInputType, arg.name, pick, kind(arg.type) === 'GraphQLNonNull');
    if (value === undefined) continue;
    variables[arg.name] = value;
    definitions.push(`$${arg.name}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const head = definitions.length ? `(${definitions.join(', ')})` : '';
  const call = passed.length ? `(${passed.join(', ')})` : '';
  return { query: `${field.operation} Matrix${head} { ${field.name}${call} ${select} }`, variables };
}

const denialCodes = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
const deniedBy = (result: GraphQLResult) => result.errors?.map((error) => error.extensions?.code).find((code) => denialCodes.has(code ?? '')) ?? null;

// ---------------------------------------------------------------------------------------------------

let t: TestApp;
/** A fresh session per call: signOut must not end the session the next call uses. */
const users: Partial<Record<Role, string>> = {};
async function cookieOf(role: Role): Promise<string | undefined> {
  const userId = users[role];
  if (!userId) return undefined;
  const { cookie } = await startSession(t.app.auth, userId);
  return `${cookie.name}=${cookie.value}`;
}
/** The portals' tokens (region A: Altai, where A answered; region B: Moscow, where B's draft is). */
const tokens: Partial<Record<Role, string>> = {};
/** What a call as `role` sends: a session cookie, a Bearer token, or nothing. */
async function credentialsOf(role: Role): Promise<{ cookie?: string; authorization?: string }> {
  const token = tokens[role];
  return token ? { authorization: `Bearer ${token}` } : { cookie: await cookieOf(role) };
}

/** Respondent B's records and the texts that must never reach anyone but B and coordinators. */
const B = {
  email: 'b-private@moscow.example',
  name: 'Тайнова Беатриса Борисовна',
  position: 'Начальник отдела тайных дел',
  authority: 'Департамент неподанных анкет Б',
  userId: '',
  responseId: 0,
  authorityId: 0,
};
const A = { email: 'a-official@altai.example', name: 'Открытова Анна Алексеевна' };

beforeAll(async () => {
  // The sweeps ask every field as deep as the query limits allow, many times a minute: portals' cost
  // budget (test/api/portalBudget.db.test.ts) would refuse them, so it is lifted here.
  t = await createTestApp({ portalBudget: { points: 1_000_000_000, maxCostPerOperation: 1_000_000_000 } });
  await t.openWindow('nok-2021');
  const coordinator = await t.db.prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  users.coordinator = coordinator.id;
  // A has sent a questionnaire (its authority is public by then); B has a draft.
  const a = await respondentWith(t, A.email, 'nok-2021', [['authority', { ...section1, respondent_name: A.name }]], { submitted: true });
  users.respondentA = a.user.id;
  const b = await respondentWith(t, B.email, 'nok-2021', [
    ['authority', { ...section1, region: 'RU-MOW', respondent_name: B.name, respondent_position: B.position, authority_name: B.authority }],
  ]);
  users.respondentB = b.user.id;
  B.userId = b.user.id;
  B.responseId = b.responseId!;
  B.authorityId = (await t.db.prisma.authority.findFirstOrThrow({ where: { name: B.authority } })).id;
  const issuer = { id: coordinator.id, email: coordinator.email };
  // Issued with all the scopes, so nothing a scope could open escapes the sweep.
  const scopes = ['status', 'answers', 'personal', 'report', 'tasks', 'taskReports'];
  tokens.portalA = (await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-ALT', name: 'Портал A', scopes })).secret;
  tokens.portalB = (await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-MOW', name: 'Портал B', scopes })).secret;
  const revoked = await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-ALT', name: 'Отозванный', scopes });
  await revokePortalToken(t.db.prisma, issuer, revoked.token.id);
  tokens.portalRevoked = revoked.secret;
  const expired = await issuePortalToken(t.db.prisma, issuer, { regionCode: 'RU-ALT', name: 'Истёкший', scopes });
  await t.db.prisma.portalToken.update({ where: { id: expired.token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.portalExpired = expired.secret;
});
afterAll(() => t?.close());

describe('the authorisation matrix', () => {
  const fields = rootFields(schema);

  it('has an expected access for every root field, and no entry for a field that is gone', () => {
    const keys = fields.map((field) => field.key);
    expect(
      keys.filter((key) => !(key in expected)),
      'root fields missing from the table',
    ).toEqual([]);
    expect(
      Object.keys(expected).filter((key) => !keys.includes(key)),
      'entries for fields the schema no longer has',
    ).toEqual([]);
  });

  it('answers every root field × role as the table says', { timeout: 240_000 }, async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const field of fields) {
      const access = expected[field.key];
      if (!access) continue;
      // Only the required arguments, with the smallest values (unknown codes, id 0): nothing is changed.
      const { query, variables } = operationFor(field, minimal, selection(field.type, 0, 'anonymous'));
      for (const role of ROLES) {
        const result = await t.gql(query, variables, await credentialsOf(role));
        cells++;
        const denial = deniedBy(result);
        const allowed = allowedTo[access].includes(role);
        if (result.status >= 500) mismatches.push(`${field.key} as ${role}: HTTP ${result.status}`);
        else if (allowed && denial) mismatches.push(`${field.key} as ${role}: refused (${denial}), expected allowed`);
        else if (!allowed && !denial)
          mismatches.push(`${field.key} as ${role}: allowed, expected refused (${JSON.stringify(result.errors ?? result.data)})`);
        else if (
          !allowed &&
          denial !==
            (DEAD_TOKENS.includes(role) || (role === 'anonymous' && field.name !== '__schema' && field.name !== '__type')
              ? 'UNAUTHENTICATED'
              : 'FORBIDDEN')
        ) {
          mismatches.push(`${field.key} as ${role}: refused with ${denial}`);
        }
        if (DEAD_TOKENS.includes(role) && result.status !== 401) mismatches.push(`${field.key} as ${role}: HTTP ${result.status}, expected 401`);
        // A refusal reaches the data of no field.
        if (!allowed && result.data && result.data[field.name] != null) mismatches.push(`${field.key} as ${role}: refused but answered data`);
      }
    }
    console.log(`authorisation matrix: ${fields.length} root fields × ${ROLES.length} roles = ${cells} calls`);
    expect(cells).toBe(fields.length * ROLES.length);
    expect(mismatches).toEqual([]);
  });
});

describe("respondent A never sees respondent B's records", () => {
  const secrets = () => [B.email, B.name, B.position, B.authority, B.userId];
  const ids = () => [B.userId, String(B.responseId), String(B.authorityId)];

  /** Argument choices aimed at B: an id argument (and a filter's ids) names one of B's records; a search names B. */
  const aimedAt =
    (id: string): Pick =>
    (argName, scalar) => {
      if (scalar === 'ID' && (argName === 'id' || argName === 'ids' || argName === 'userId' || argName === 'responseId')) return id;
      if (argName === 'q') return B.authority;
      if (argName === 'campaignCode' || argName === 'code') return 'nok-2021';
      if (argName === 'email') return B.email;
      return undefined;
    };

  /** Calls every root field `role` may call, with deep selections and arguments aimed at B; returns what leaked. */
  async function sweep(
    role: Role,
    operations = ['query', 'mutation'],
  ): Promise<{ leaks: string[]; calls: number; selectionErrors: string[]; internal: string[] }> {
    const leaks: string[] = [];
    const internal: string[] = [];
    const selectionErrors: string[] = [];
    let calls = 0;
    for (const field of rootFields(schema)) {
      const access = expected[field.key];
      if (!access || !allowedTo[access].includes(role) || field.name.startsWith('__') || !operations.includes(field.operation)) continue;
      for (const pick of [minimal, ...ids().map(aimedAt)]) {
        // As deep as the query limits (depth, tokens, cost) allow.
        for (const depth of [3, 2, 1]) {
          const { query, variables } = operationFor(field, pick, selection(field.type, depth, role));
          const result = await t.gql(query, variables, await credentialsOf(role));
          calls++;
          if (result.data === undefined) {
            // Refused before execution: too deep, too many tokens or too costly for the limits; try shallower.
            const tooBig = result.errors?.some((error) => /Query validation error/.test(error.message));
            if (!tooBig || depth === 1) selectionErrors.push(`${field.key}: ${result.errors?.map((error) => error.message).join('; ')}`);
            if (tooBig) continue;
            break;
          }
          if (result.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR')) {
            internal.push(`${field.key} (${JSON.stringify(variables)})`);
          }
          const text = JSON.stringify(result);
          for (const secret of secrets()) if (text.includes(secret)) leaks.push(`${field.key} (${JSON.stringify(variables)}) shows ${secret}`);
          break;
        }
      }
    }
    return { leaks, calls, selectionErrors, internal };
  }

  it('through no field anonymous callers, respondent A or the portal of region A may call, whatever the arguments', {
    timeout: 240_000,
  }, async () => {
    for (const role of ['anonymous', 'respondentA', 'portalA'] as const) {
      const { leaks, calls, selectionErrors, internal } = await sweep(role);
      expect(calls).toBeGreaterThan(50);
      expect(selectionErrors).toEqual([]);
      expect(leaks, role).toEqual([]);
      // Aimed arguments are odd for many fields (a person's id as a region's): refused, never a crash.
      expect(internal, role).toEqual([]);
    }
  });

  it("while coordinators, swept the same way, do see B's records (the sweep can find them)", { timeout: 240_000 }, async () => {
    // Queries only: a coordinator's writes aimed at B (revokeRespondent …) would change B.
    const { leaks } = await sweep('coordinator', ['query']);
    for (const secret of [B.email, B.name, B.authority])
      expect(
        leaks.some((leak) => leak.endsWith(secret)),
        secret,
      ).toBe(true);
  });

  it("the portal of region B, swept the same way, does see B's authority through portalRegion (its own region); region A's does not", {
    timeout: 240_000,
  }, async () => {
    const { leaks } = await sweep('portalB', ['query']);
    expect(leaks.filter((leak) => leak.endsWith(B.authority)).map((leak) => leak.split(' ')[0])).toContain('Query.portalRegion');
    // Names and e-mails of people: not even of its own region here, since B's questionnaire is a draft and
    // portals read only sent ones (portalRegion.officials, the personal scope: test/security/portalLeaks).
    for (const secret of [B.email, B.name, B.position, B.userId]) expect(leaks.filter((leak) => leak.endsWith(secret))).toEqual([]);
    const asA = await t.gql(
      '{ portalRegion { region { code } campaigns { authorities { name } submittedAuthorities } } }',
      {},
      await credentialsOf('portalA'),
    );
    expect(asA.data.portalRegion.region.code).toBe('RU-ALT');
    expect(JSON.stringify(asA.data)).toContain(section1.authority_name);
    expect(JSON.stringify(asA.data)).not.toContain(B.authority);
  });

  it("A's own questionnaire and identity are A's, and B's stay B's", async () => {
    const query = '{ viewer { id email } myResponse(campaignCode: "nok-2021") { id answers { questionCode value } } }';
    const asA = await t.gql(query, {}, { cookie: await cookieOf('respondentA') });
    expect(asA.data.viewer.email).toBe(A.email);
    expect(JSON.stringify(asA.data)).toContain(A.name);
    for (const secret of secrets()) expect(JSON.stringify(asA)).not.toContain(secret);
    const asB = await t.gql(query, {}, { cookie: await cookieOf('respondentB') });
    expect(asB.data.viewer.email).toBe(B.email);
    expect(asB.data.myResponse.id).toBe(String(B.responseId));
    expect(JSON.stringify(asB.data)).not.toContain(A.name);
  });
});
