// Issue 11, points 2 and 4: a portal's token of region A never sees region B's non-public data, checked
// with queries generated from the schema. From every root field a portal may call (its auth scopes admit
// a portal), the walk selects every field a portal may select, as deep as the query limits allow
// (splitting a selection the limits refuse into one query per field), with arguments aimed at B's
// records (B's ids in every id argument and filter, B's campaign code). A field added later is walked
// the same way, so it cannot skip the check. As token A (all scopes) no answer holds any of B's secrets
// (names, positions, e-mails, free-text answers, measure titles, B's draft-only authority); the same walk
// as token B finds B's secrets through the answers and personal fields (so the walk reaches them), and
// finds none of A's. Then the scopes: `answers` without `personal` reads the region's answers without the
// person; `personal` reads its own officials only; `status` reads neither; drafts are never read.
import {
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
  getNamedType,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../../api/src/schema/index.ts';
import { issuePortalToken, PORTAL_SCOPES } from '../../api/src/services/portalTokens.ts';
import { createTestApp, type GraphQLResult, type TestApp } from '../helpers/app.ts';
import { respondentWith } from '../helpers/console.ts';
import { measure, section1, section2at80 } from '../helpers/fixtures2021.ts';

let t: TestApp;
const tokens: Record<'A' | 'B' | 'AStatus' | 'AAnswers' | 'APersonal', string> = { A: '', B: '', AStatus: '', AAnswers: '', APersonal: '' };

/** Each region's secrets: what only that region's portal (with the scope) may read. */
const secretsOf = (region: 'A' | 'B') => ({
  email: `official-${region}@secret-${region}.example`,
  name: `Секретова ${region}-Анна Ивановна`,
  position: `Начальник тайного отдела ${region}`,
  authority: `Министерство секретов региона ${region}`,
  proposal: `Описание меры только для региона ${region}: повысить прозрачность`,
  measure: `Мера региона ${region}: ремонт пандусов`,
});
const A = secretsOf('A');
const B = secretsOf('B');
/** A draft in region A: nobody's portal reads drafts. */
const DRAFT = {
  email: 'draft@altai-draft.example',
  name: 'Черновикова Дарья',
  authority: 'Департамент неотправленных анкет',
  proposal: 'Черновое предложение',
};
/** Section 2 complete (the last section opens only after the first three). */
const situation = { ...section2at80, staffing_technologies: 'agree' };
const ids = { responseB: 0, authorityB: 0, regionB: 0, userB: '' };

async function submitted(region: 'RU-ALT' | 'RU-MOW', secrets: ReturnType<typeof secretsOf>) {
  return respondentWith(
    t,
    secrets.email,
    'nok-2021',
    [
      ['authority', { ...section1, region, respondent_name: secrets.name, respondent_position: secrets.position, authority_name: secrets.authority }],
      ['situation', situation],
      ['measures', { measures: [{ ...measure(1), title: secrets.measure, description: secrets.proposal }] }],
    ],
    { submitted: true },
  );
}

beforeAll(async () => {
  // The walk asks every field as deep as the limits allow: the cost budget is lifted here. Its 1,158
  // calls as token A can request more than 10^9 points within one minute's window (on PostgreSQL,
  // which walks faster, CI saw the next test's call refused as RATE_LIMITED), so a window's points
  // are as many as a number holds.
  t = await createTestApp({ portalBudget: { points: Number.MAX_SAFE_INTEGER, maxCostPerOperation: 1_000_000_000 } });
  await t.openWindow('nok-2021');
  await submitted('RU-ALT', A);
  const b = await submitted('RU-MOW', B);
  await respondentWith(t, DRAFT.email, 'nok-2021', [
    ['authority', { ...section1, region: 'RU-ALT', respondent_name: DRAFT.name, authority_name: DRAFT.authority }],
  ]);
  ids.responseB = b.responseId!;
  ids.userB = b.user.id;
  ids.authorityB = (await t.db.prisma.authority.findFirstOrThrow({ where: { name: B.authority } })).id;
  ids.regionB = (await t.db.prisma.region.findUniqueOrThrow({ where: { code: 'RU-MOW' } })).id;
  const issuer = { id: 'test', email: 'coordinator@vcot.example' };
  const issue = async (regionCode: string, scopes: string[]) =>
    (await issuePortalToken(t.db.prisma, issuer, { regionCode, name: 'Портал', scopes })).secret;
  // Every scope there is, so nothing a scope opens escapes the walk.
  const all = [...PORTAL_SCOPES];
  tokens.A = await issue('RU-ALT', all);
  tokens.B = await issue('RU-MOW', all);
  tokens.AStatus = await issue('RU-ALT', ['status']);
  tokens.AAnswers = await issue('RU-ALT', ['status', 'answers']);
  // portalRegion itself needs status.
  tokens.APersonal = await issue('RU-ALT', ['status', 'personal']);
});
afterAll(() => t?.close());

const asToken = (token: string, query: string, variables: Record<string, unknown> = {}) =>
  t.gql(query, variables, { authorization: `Bearer ${token}` });

// ---------------------------------------------------------------------------------------------------
// The generated walk

/** Whether a field's auth scopes admit a portal holding every scope (no scopes: inherits, admitted). */
function portalMaySelect(field: GraphQLField<unknown, unknown>): boolean {
  const scopes = (field.extensions?.pothosOptions as { authScopes?: Record<string, unknown> } | undefined)?.authScopes;
  if (!scopes) return true;
  return Object.keys(scopes).some((scope) => scope === 'public' || scope === 'portal' || scope === 'portalWith');
}

/** A value for an argument or input field (by name and type), aimed at region B; undefined to leave it out. */
let mode: 'minimal' | 'aimed' = 'minimal';
function aimed(name: string, type: GraphQLInputType, required: boolean, nesting = 0): unknown {
  // Minimal: only what is required (the region's own data, unfiltered); aimed: every id and filter at B.
  if (!required && mode === 'minimal') return undefined;
  if (isNonNullType(type)) return aimed(name, type.ofType, true, nesting);
  if (isListType(type)) {
    const item = aimed(name, type.ofType as GraphQLInputType, required, nesting);
    return item === undefined ? undefined : [item];
  }
  if (isInputObjectType(type)) {
    if (nesting > 2) return required ? {} : undefined;
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const inner = aimed(field.name, field.type, false, nesting + 1);
      if (inner !== undefined) value[field.name] = inner;
    }
    return required || Object.keys(value).length ? value : undefined;
  }
  if (isEnumType(type)) return required ? type.getValues()[0]!.value : undefined;
  const scalar = (type as GraphQLNamedType).name;
  if (name === 'campaignCode' || name === 'code') return 'nok-2021';
  if (scalar === 'ID' || /Id$|^ids?$/.test(name)) {
    if (/region/i.test(name)) return String(ids.regionB);
    if (/authority/i.test(name)) return String(ids.authorityB);
    if (/user|respondent/i.test(name)) return ids.userB;
    if (scalar === 'ID' || scalar === 'String') return String(ids.responseB);
  }
  if (name === 'q') return B.authority;
  if (!required) return undefined;
  return { String: 'x', Int: 1, Float: 1, Boolean: false, DateTime: '2030-01-01T00:00:00Z', JSON: {}, Decimal: '1' }[scalar] ?? 'x';
}

interface Operation {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * Builds `name(args) { selection }` for a field at `path`, declaring its arguments as variables. The
 * selection holds every field a portal may select down to `depth`; a nested field's arguments are aimed
 * at B too.
 */
function fieldCall(
  field: GraphQLField<unknown, unknown>,
  depth: number,
  variables: Record<string, unknown>,
  definitions: string[],
  path: string,
): string {
  const passed: string[] = [];
  for (const arg of field.args) {
    const value = aimed(arg.name, arg.type, isNonNullType(arg.type));
    if (value === undefined) continue;
    const variable = `${path}_${arg.name}`.replace(/[^A-Za-z0-9_]/g, '_');
    variables[variable] = value;
    definitions.push(`$${variable}: ${String(arg.type)}`);
    passed.push(`${arg.name}: $${variable}`);
  }
  const args = passed.length ? `(${passed.join(', ')})` : '';
  const inner = selectionOf(field.type, depth - 1, variables, definitions, `${path}_${field.name}`);
  if (inner === null) return '';
  return `${field.name}${args}${inner}`;
}

/** The selection of a type ('' for a leaf), or null when nothing can be selected at this depth. */
function selectionOf(type: GraphQLOutputType, depth: number, variables: Record<string, unknown>, definitions: string[], path: string): string | null {
  const named = getNamedType(type);
  if (!isObjectType(named) && !isInterfaceType(named) && !isUnionType(named)) return '';
  if (depth <= 0) return ' { __typename }';
  if (isUnionType(named)) {
    const parts = named
      .getTypes()
      .map((member) => `... on ${member.name}${selectionOf(member, depth, variables, definitions, `${path}_${member.name}`)}`);
    return ` { __typename ${parts.join(' ')} }`;
  }
  const parts = ['__typename'];
  for (const field of Object.values(named.getFields())) {
    if (!portalMaySelect(field)) continue;
    const call = fieldCall(field, depth, variables, definitions, path);
    if (call) parts.push(call);
  }
  return ` { ${parts.join(' ')} }`;
}

/** The root fields a portal may call. */
const portalRoots = () => Object.values(schema.getQueryType()!.getFields()).filter(portalMaySelect);

/**
 * Walks one root field as `token`: the whole selection to depth 6; when the limits refuse it (depth,
 * tokens), the root's fields one query each, and so on down. Returns every answer's text and the calls.
 */
async function walk(token: string, root: GraphQLField<unknown, unknown>, stats: { calls: number; errors: string[] }): Promise<string[]> {
  const texts: string[] = [];
  const run = async (operation: Operation): Promise<GraphQLResult> => {
    stats.calls++;
    return asToken(token, operation.query, operation.variables);
  };
  const build = (select: (variables: Record<string, unknown>, definitions: string[]) => string): Operation => {
    const variables: Record<string, unknown> = {};
    const definitions: string[] = [];
    const body = select(variables, definitions);
    return { query: `query Walk${definitions.length ? `(${definitions.join(', ')})` : ''} { ${body} }`, variables };
  };
  // A selection path below the root: the chain of field names to open, then everything below to `depth`.
  const attempt = async (chain: GraphQLField<unknown, unknown>[], depth: number): Promise<void> => {
    const operation = build((variables, definitions) => {
      // Open the chain: each field's arguments, the last one with its full selection.
      let text = '';
      const close: string[] = [];
      chain.forEach((field, index) => {
        const path = chain
          .slice(0, index + 1)
          .map((item) => item.name)
          .join('_');
        const last = index === chain.length - 1;
        if (last) text += fieldCall(field, depth, variables, definitions, path);
        else {
          const call = fieldCall(field, 1, variables, definitions, path);
          text += `${call.slice(0, call.indexOf(' {'))} { __typename `;
          close.push(' }');
        }
      });
      return text + close.reverse().join('');
    });
    const result = await run(operation);
    const refused = result.data === undefined || result.data === null;
    const tooBig = result.errors?.some(
      (error) => error.extensions?.code === 'RESULT_TOO_LARGE' || /Query validation error|too many|depth|limit/i.test(error.message),
    );
    if (refused && tooBig && depth > 1) {
      const last = chain[chain.length - 1]!;
      const named = getNamedType(getNullableType(last.type));
      if (isObjectType(named) || isInterfaceType(named)) {
        for (const field of Object.values(named.getFields())) if (portalMaySelect(field)) await attempt([...chain, field], depth - 1);
        return;
      }
    }
    if (result.errors?.some((error) => error.extensions?.code === 'INTERNAL_SERVER_ERROR' || error.extensions?.code === 'FORBIDDEN')) {
      stats.errors.push(
        `${chain.map((field) => field.name).join('.')}: ${result.errors.map((error) => `${error.extensions?.code} ${error.message}`).join('; ')}`,
      );
    }
    texts.push(JSON.stringify(result.data ?? null));
  };
  await attempt([root], 6);
  return texts;
}

async function walkAll(token: string, modes: ('minimal' | 'aimed')[] = ['minimal', 'aimed']) {
  const stats = { calls: 0, errors: [] as string[] };
  const found: Record<string, string[]> = {};
  for (const root of portalRoots()) {
    found[root.name] = [];
    for (const each of modes) {
      mode = each;
      found[root.name]!.push(...(await walk(token, root, stats)));
    }
  }
  return { found, stats };
}

const leaksOf = (found: Record<string, string[]>, secrets: Record<string, string>) =>
  Object.entries(found).flatMap(([root, texts]) =>
    Object.entries(secrets)
      .filter(([, secret]) => texts.some((text) => text.includes(secret)))
      .map(([kind]) => `${root} shows ${kind}`),
  );

describe('a portal token of region A never sees region B’s non-public data (generated from the schema)', () => {
  it('walks every field a portal may select: token A finds none of B’s secrets nor the draft, token B finds B’s and none of A’s', {
    timeout: 600_000,
  }, async () => {
    const roots = portalRoots().map((root) => root.name);
    expect(roots).toContain('portalRegion');
    const asA = await walkAll(tokens.A);
    console.log(`portal leak walk: ${roots.length} root fields, ${asA.stats.calls} calls as token A`);
    expect(asA.stats.errors).toEqual([]);
    const { authority: _public, ...privateOfB } = B;
    // B's authority is public once its questionnaire is sent (allAuthorities): not a secret.
    expect(leaksOf(asA.found, privateOfB)).toEqual([]);
    // The draft's author is nobody's to read (its authority's name counts in its own region's status, by design).
    expect(leaksOf(asA.found, { draftEmail: DRAFT.email, draftName: DRAFT.name })).toEqual([]);
    // The walk reaches the answers and the personal data: token A finds its own region's through portalRegion.
    expect(leaksOf({ portalRegion: asA.found.portalRegion! }, A).sort()).toEqual(
      ['authority', 'email', 'measure', 'name', 'position', 'proposal'].map((kind) => `portalRegion shows ${kind}`),
    );
    const asB = await walkAll(tokens.B, ['minimal']);
    expect(asB.stats.errors).toEqual([]);
    expect(leaksOf({ portalRegion: asB.found.portalRegion! }, B).sort()).toEqual(
      ['authority', 'email', 'measure', 'name', 'position', 'proposal'].map((kind) => `portalRegion shows ${kind}`),
    );
    const { authority: _aPublic, ...privateOfA } = A;
    expect(leaksOf(asB.found, privateOfA)).toEqual([]);
  });
});

describe('the answers and personal scopes', () => {
  const RESPONSES = `{ portalRegion { responses(first: 10, filter: { campaignCode: "nok-2021" }) {
    totalCount pageInfo { endCursor hasNextPage }
    nodes { campaignCode authorityName authoritySphere completion sections { code answers { questionCode label text value } } measures { title description typeName } } } } }`;
  const OFFICIALS = '{ portalRegion { officials(first: 10) { totalCount nodes { name position email authorityName campaignCode } } } }';

  it('answers: the region’s submitted questionnaires with labels and measures, without the person', async () => {
    const result = await asToken(tokens.AAnswers, RESPONSES);
    expect(result.errors).toBeUndefined();
    const page = result.data.portalRegion.responses;
    expect(page.totalCount).toBe(1);
    expect(page.pageInfo.hasNextPage).toBe(false);
    const [response] = page.nodes;
    expect(response).toMatchObject({
      campaignCode: 'nok-2021',
      authorityName: A.authority,
      measures: [{ title: A.measure, description: A.proposal }],
    });
    const answers = response.sections.flatMap((section: { answers: { questionCode: string; text: string }[] }) => section.answers);
    expect(answers.find((answer: { questionCode: string }) => answer.questionCode === 'staffing_technologies').text).toBe('Полностью согласен');
    expect(answers.find((answer: { questionCode: string }) => answer.questionCode === 'region').text).toBe('Алтайский край');
    const text = JSON.stringify(result.data);
    for (const secret of [A.name, A.position, A.email, B.authority, DRAFT.authority]) expect(text).not.toContain(secret);
    // A filter by another region's authority finds nothing: the region is the token's.
    const aimedAtB = await asToken(
      tokens.AAnswers,
      `{ portalRegion { responses(filter: { authorityId: "${ids.authorityB}" }) { totalCount nodes { id } } } }`,
    );
    expect(aimedAtB.data.portalRegion.responses).toEqual({ totalCount: 0, nodes: [] });
    // Without personal, the officials are refused.
    const officials = await asToken(tokens.AAnswers, OFFICIALS);
    expect(officials.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('personal: the officials who sent the region’s questionnaires, never a draft’s author nor another region’s', async () => {
    const result = await asToken(tokens.APersonal, OFFICIALS);
    expect(result.errors).toBeUndefined();
    expect(result.data.portalRegion.officials).toEqual({
      totalCount: 1,
      nodes: [{ name: A.name, position: A.position, email: A.email, authorityName: A.authority, campaignCode: 'nok-2021' }],
    });
    expect((await asToken(tokens.APersonal, RESPONSES)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('status alone reads neither; pages follow the cursor; a cursor of another list is refused', async () => {
    for (const query of [RESPONSES, OFFICIALS]) expect((await asToken(tokens.AStatus, query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const first = await asToken(tokens.A, '{ portalRegion { responses(first: 1) { pageInfo { endCursor hasNextPage } nodes { id } } } }');
    expect(first.errors).toBeUndefined();
    expect(first.data.portalRegion.responses.pageInfo.hasNextPage).toBe(false);
    const cursor = first.data.portalRegion.responses.pageInfo.endCursor;
    const next = await asToken(tokens.A, `{ portalRegion { responses(after: "${cursor}") { nodes { id } } } }`);
    expect(next.data.portalRegion.responses.nodes).toEqual([]);
    const wrong = await asToken(tokens.A, `{ portalRegion { officials(after: "${cursor}") { nodes { email } } } }`);
    expect(wrong.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(wrong.errors?.[0]?.message).toMatch(/^after:/);
  });
});
