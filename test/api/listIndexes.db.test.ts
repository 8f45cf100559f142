// An index under every filter, sort and grouping the coordinators' lists use. The console's list
// queries (and the summaries beside them) run through the GraphQL API on a few thousand rows; every
// SQL statement Prisma sent is then EXPLAINed, as it was sent, with sequential scans disabled: the
// planner still reads a large table from end to end only when no index can serve the statement, and
// reads more rows than a page needs only when no index gives the order the page asks for.
// SHOW_PLANS=1 prints every statement with its plan.
import type { SqlDriverAdapterFactory, SqlQuery } from '@prisma/driver-adapter-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../api/src/auth/sessions.ts';
import type { Database } from '../../api/src/db/client.ts';
import { PrismaClient } from '../../api/src/generated/prisma/client.ts';
import { createApp } from '../../api/src/yoga.ts';
import { createTestDatabase } from '../helpers/db.ts';

/** The tables that grow with the respondents. */
const LARGE_TABLES = ['Response', 'Answer', 'Measure', 'AuthEvent', 'LoginLink', 'User', 'OutboxMail', 'AuditLog'];

let db: Database;
let app: ReturnType<typeof createApp>;
let client: PrismaClient;
let cookie: string;
const sent: SqlQuery[] = [];

/** The adapter factory of the test database, remembering every query Prisma sends through it. */
function recording(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => {
      const adapter = await factory.connect();
      return new Proxy(adapter, {
        get(target, property) {
          if (property === 'queryRaw') {
            return (query: SqlQuery) => {
              sent.push(query);
              return target.queryRaw(query);
            };
          }
          const value = Reflect.get(target, property, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    },
  };
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Plan Rows'?: number;
  Plans?: PlanNode[];
}

/** Each index's table and first column. */
let indexes: Map<string, { table: string; column: string }>;

/** Nodes that read all their input before giving a row: a Limit above them does not stop the scan below. */
const BLOCKING = new Set(['Sort', 'Hash', 'Materialize', 'WindowAgg', 'SetOp', 'Aggregate']);
/** More rows than a page of a list or a group of pages ever needs (the tables hold a few thousand). */
const MANY_ROWS = 1000;

/** Whether an index condition seeks on the column (equality or range), not merely names it. */
const seeks = (condition: string | undefined, column: string) => !!condition && new RegExp(`(^|[\\s(."])${column}"?\\s*(=|<|>)`).test(condition);

/**
 * What a statement reads of the large tables with sequential scans disabled, beyond what the page
 * needs: a sequential scan (no index serves it); an index searched on a column that is not its first
 * (the whole index is read); an index read whole without a Limit that stops it after the page (except
 * to count what a filter selects); and many rows read for a page (an index serves the filter but not
 * the order, or too little of the filter).
 */
function fullReads(node: PlanNode, counting: boolean, limited = false): string[] {
  const type = node['Node Type'];
  const stopped = type === 'Limit' || (limited && !BLOCKING.has(type));
  const here: string[] = [];
  const index = node['Index Name'] ? indexes.get(node['Index Name']) : undefined;
  const table = index?.table ?? node['Relation Name'] ?? '';
  if (LARGE_TABLES.includes(table)) {
    if (type === 'Seq Scan') here.push(`${table}: sequential scan`);
    if (index && node['Index Cond'] && !seeks(node['Index Cond'], index.column)) {
      here.push(`${table}: ${node['Index Name']} searched without its first column, ${index.column}`);
    }
    if (index && !node['Index Cond'] && !stopped && !counting) here.push(`${table}: the whole of ${node['Index Name']}`);
    if ((node['Plan Rows'] ?? 0) > MANY_ROWS && !stopped && !counting) here.push(`${table}: ${node['Plan Rows']} rows for one page`);
  }
  return [...here, ...(node.Plans ?? []).flatMap((child) => fullReads(child, counting, stopped))];
}

async function explain(query: SqlQuery): Promise<PlanNode> {
  const adapter = await db.adapterFactory.connect();
  const tx = await adapter.startTransaction();
  try {
    await tx.executeRaw({ sql: 'SET LOCAL enable_seqscan = off', args: [], argTypes: [] });
    const result = await tx.queryRaw({ ...query, sql: `EXPLAIN (FORMAT JSON) ${query.sql}` });
    const cell = result.rows[0]?.[0];
    return ((typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: PlanNode }[])[0]!.Plan;
  } finally {
    await tx.rollback();
    await adapter.dispose();
  }
}

function describePlan(node: PlanNode, depth = 0): string {
  const line = `${'  '.repeat(depth)}${node['Node Type']}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}${node['Index Cond'] ? ` (${node['Index Cond']})` : ''}`;
  return [line, ...(node.Plans ?? []).map((child) => describePlan(child, depth + 1))].join('\n');
}

async function gql(query: string, variables: Record<string, unknown> = {}) {
  const response = await app.yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors, query).toBeUndefined();
  return body.data;
}

beforeAll(async () => {
  db = await createTestDatabase({ contents: 'bootstrapped' });
  const prisma = db.prisma;
  const [c2021, c2023] = await Promise.all(['nok-2021', 'nok-2023'].map((code) => prisma.campaign.findUniqueOrThrow({ where: { code } })));
  // 3,000 respondents over the regions: links, responses of both campaigns with answers and measures,
  // authorities, sign-ins, mails and coordinators' actions — by bulk statements.
  await prisma.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "User" (id, email, "createdAt") SELECT 'person-' || i, 'person' || i || '@example.org', now() - i * interval '1 minute'
      FROM generate_series(1, 3000) i`;
    await tx.$executeRaw`
      INSERT INTO "Authority" ("regionId", "sphereId", name)
      SELECT g.id, (SELECT id FROM "Sphere" ORDER BY id OFFSET k % 5 LIMIT 1), 'Орган ' || k FROM "Region" g, generate_series(1, 4) k`;
    await tx.$executeRaw`
      INSERT INTO "LoginLink" (id, "userId", "campaignId", "tokenSha256", "lastUsedAt")
      SELECT 'link-' || i, 'person-' || i, CASE WHEN i % 6 = 0 THEN ${c2023!.id}::int ELSE ${c2021!.id}::int END, md5('link-' || i), now()
      FROM generate_series(1, 3000) i`;
    await tx.$executeRaw`
      INSERT INTO "Response" ("campaignId", "respondentId", status, "regionId", "authorityId", completion, "sectionCompletion", "updatedAt", "submittedAt")
      SELECT CASE WHEN i % 6 = 0 THEN ${c2023!.id}::int ELSE ${c2021!.id}::int END, 'person-' || i,
             CASE WHEN i % 3 = 0 THEN 'SUBMITTED'::"ResponseStatus" ELSE 'DRAFT'::"ResponseStatus" END,
             a."regionId", a.id, i % 101, jsonb_build_object('authority', 100, 'situation', i % 101),
             now() - i * interval '1 second', CASE WHEN i % 3 = 0 THEN now() END
      FROM generate_series(1, 2700) i
      JOIN LATERAL (SELECT id, "regionId" FROM "Authority" ORDER BY id OFFSET i % 356 LIMIT 1) a ON true`;
    await tx.$executeRaw`
      INSERT INTO "Answer" ("responseId", "sectionCode", "questionCode", value, "updatedAt")
      SELECT r.id, 'authority', q, to_jsonb('Ответ ' || r.id), now() FROM "Response" r, unnest(ARRAY['respondent_name', 'respondent_position', 'region', 'authority_name']) q`;
    await tx.$executeRaw`
      INSERT INTO "Measure" ("responseId", "questionCode", position, "typeId", title, year, "updatedAt")
      SELECT r.id, 'measures', k, (SELECT id FROM "MeasureType" ORDER BY id OFFSET (r.id + k) % 8 LIMIT 1), 'Мероприятие ' || k, 2019 + k, now() - r.id * interval '1 second'
      FROM "Response" r, generate_series(0, 2) k WHERE r."campaignId" = ${c2021!.id}::int`;
    await tx.$executeRaw`
      INSERT INTO "AuthEvent" (id, at, kind, email, "userId")
      SELECT 'event-' || i || '-' || k, now() - (i + k) * interval '1 minute', (ARRAY['login', 'link_sent', 'link_requested'])[1 + k % 3],
             'person' || i || '@example.org', 'person-' || i
      FROM generate_series(1, 3000) i, generate_series(0, 3) k`;
    await tx.$executeRaw`
      INSERT INTO "OutboxMail" (id, template, "to", data, status, "createdAt", "sentAt")
      SELECT 'mail-' || i, CASE WHEN i % 4 = 0 THEN 'reminder' ELSE 'login-link' END, 'person' || i || '@example.org', '{}',
             CASE WHEN i % 10 = 0 THEN 'PENDING'::"MailStatus" ELSE 'SENT'::"MailStatus" END, now() - i * interval '1 minute',
             CASE WHEN i % 10 = 0 THEN NULL ELSE now() - i * interval '1 minute' END
      FROM generate_series(1, 3000) i`;
    await tx.$executeRaw`
      INSERT INTO "AuditLog" (at, "actorEmail", action, "subjectType", "subjectId")
      SELECT now() - i * interval '1 minute', 'coordinator@vcot.example', (ARRAY['response.reopen', 'respondent.revoke', 'authority.update'])[1 + i % 3],
             'Response', (i % 500)::text
      FROM generate_series(1, 3000) i`;
  });
  await prisma.$executeRawUnsafe('ANALYZE');

  client = new PrismaClient({ adapter: recording(db.adapterFactory) });
  app = createApp({ prisma: client });
  const coordinator = await prisma.user.create({ data: { email: 'coordinator@vcot.example', role: 'COORDINATOR' } });
  const { cookie: sessionCookie } = await startSession(app.auth, coordinator.id);
  cookie = `${sessionCookie.name}=${sessionCookie.value}`;
  const rows = await prisma.$queryRaw<{ index: string; table: string; column: string }[]>`
    SELECT c.relname AS index, t.relname AS table, a.attname AS column
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
    JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = 'public'`;
  indexes = new Map(rows.map((row) => [row.index, { table: row.table, column: row.column }]));
}, 120_000);

afterAll(async () => {
  await client?.$disconnect();
  await db?.close();
});

// What the console asks for (its default sorts and filters, admin/src/console/*), and the other sorts it offers.
// Not here: a sort by another table's column (measures by region or type, authorities by region or
// sphere, practices by form, region or sphere), which no index of the listed table can give, and a
// search for part of a word (q: ILIKE '%…%'), which needs trigram indexes (pg_trgm).
const lists: [string, string][] = [
  [
    'responses of a campaign, latest first',
    '{ allResponses(filter: { campaignCode: "nok-2021" }, sortField: "updatedAt", sortOrder: DESC) { id regionName } _allResponsesMeta(filter: { campaignCode: "nok-2021" }) { count } }',
  ],
  [
    'responses by status and region, by completion',
    'query($region: ID) { allResponses(filter: { campaignCode: "nok-2021", status: SUBMITTED, regionId: $region }, sortField: "completion") { id } _allResponsesMeta(filter: { campaignCode: "nok-2021", status: SUBMITTED, regionId: $region }) { count } }',
  ],
  [
    'responses of a region in any campaign, by submission',
    'query($region: ID) { allResponses(filter: { regionId: $region }, sortField: "submittedAt", sortOrder: DESC) { id } _allResponsesMeta(filter: { regionId: $region }) { count } }',
  ],
  ['all responses, by update', '{ allResponses(sortField: "updatedAt", sortOrder: DESC) { id } }'],
  [
    'all responses, by submission both ways',
    '{ a: allResponses(sortField: "submittedAt", sortOrder: DESC) { id } b: allResponses(sortField: "submittedAt") { id } }',
  ],
  ['all responses, by completion', '{ allResponses(sortField: "completion", sortOrder: DESC) { id } }'],
  [
    'respondents in progress',
    '{ allRespondents(filter: { campaignCode: "nok-2021", status: DRAFT }, sortField: "email") { id lastActivity progress(campaignCode: "nok-2021") status(campaignCode: "nok-2021") } _allRespondentsMeta(filter: { campaignCode: "nok-2021", status: DRAFT }) { count } }',
  ],
  [
    'respondents not started',
    '{ allRespondents(filter: { campaignCode: "nok-2021", status: NOT_STARTED }, sortField: "email") { id lastActivity } _allRespondentsMeta(filter: { campaignCode: "nok-2021", status: NOT_STARTED }) { count } }',
  ],
  [
    'respondents of a region, newest first',
    'query($region: ID) { allRespondents(filter: { campaignCode: "nok-2021", regionId: $region }, sortField: "createdAt", sortOrder: DESC) { id lastActivity } _allRespondentsMeta(filter: { campaignCode: "nok-2021", regionId: $region }) { count } }',
  ],
  ['respondents of a region in any campaign', 'query($region: ID) { allRespondents(filter: { regionId: $region }, sortField: "email") { id } }'],
  ['all respondents', '{ allRespondents(sortField: "email") { id lastActivity } }'],
  [
    'measures of sent questionnaires, latest first',
    '{ allMeasures(filter: { campaignCode: "nok-2021", submittedOnly: true }, sortField: "updatedAt", sortOrder: DESC) { id region { name } authority { name } type { name } responseStatus } }',
  ],
  [
    'measures of a region and type group',
    'query($region: ID, $group: ID) { allMeasures(filter: { regionId: $region, groupId: $group }, sortField: "year") { id } _allMeasuresMeta(filter: { regionId: $region, groupId: $group }) { count } }',
  ],
  [
    'measures of an authority, by type',
    'query($authority: ID) { allMeasures(filter: { authorityId: $authority }, sortField: "type") { id } _allMeasuresMeta(filter: { authorityId: $authority }) { count } }',
  ],
  [
    'measures of a type, latest first',
    'query($type: ID) { allMeasures(filter: { typeId: $type }, sortField: "updatedAt", sortOrder: DESC) { id } _allMeasuresMeta(filter: { typeId: $type }) { count } }',
  ],
  ['all measures, by year both ways', '{ a: allMeasures(sortField: "year", sortOrder: DESC) { id } b: allMeasures(sortField: "year") { id } }'],
  ['the measure summary', '{ measureSummary(campaignCode: "nok-2021") { ... on QueryMeasureSummarySuccess { data { total regions { count } } } } }'],
  [
    'authorities of a region, with their counts',
    'query($region: ID) { allAuthorities(filter: { regionId: $region }, sortField: "region") { id responsesCount measuresCount } _allAuthoritiesMeta(filter: { regionId: $region }) { count } }',
  ],
  [
    'authorities of a sphere, newest first',
    'query($sphere: ID) { allAuthorities(filter: { sphereId: $sphere }, sortField: "createdAt", sortOrder: DESC) { id responsesCount measuresCount } }',
  ],
  ['all authorities by name, with their counts', '{ allAuthorities(sortField: "name") { id responsesCount measuresCount } }'],
  ['mails, latest first', '{ allOutboxMails(sortField: "createdAt", sortOrder: DESC) { id } }'],
  [
    'mails by status and template',
    '{ allOutboxMails(filter: { status: SENT, template: "reminder" }, sortField: "sentAt", sortOrder: DESC) { id } _allOutboxMailsMeta(filter: { status: SENT, template: "reminder" }) { count } }',
  ],
  ['mails by address', '{ allOutboxMails(sortField: "to") { id } }'],
  [
    'all mails, by sending both ways',
    '{ a: allOutboxMails(sortField: "sentAt", sortOrder: DESC) { id } b: allOutboxMails(sortField: "sentAt") { id } }',
  ],
  ['the audit log, latest first', '{ allAuditLogs(sortField: "at", sortOrder: DESC) { id } }'],
  [
    'the audit log of a record',
    '{ allAuditLogs(filter: { subjectType: "Response", subjectId: "7" }, sortField: "at", sortOrder: DESC) { id } _allAuditLogsMeta(filter: { subjectType: "Response", subjectId: "7" }) { count } }',
  ],
  [
    'the audit log by action',
    '{ allAuditLogs(filter: { action: "authority.update" }, sortField: "action") { id } _allAuditLogsMeta(filter: { action: "authority.update" }) { count } }',
  ],
  [
    'reminder audiences',
    '{ a: reminderPreview(input: { campaignCode: "nok-2021", audience: NOT_STARTED }) { ... on QueryReminderPreviewSuccess { data { recipients } } } b: reminderPreview(input: { campaignCode: "nok-2021", audience: IN_PROGRESS_BELOW_100 }) { ... on QueryReminderPreviewSuccess { data { recipients } } } }',
  ],
  ['the dashboard', '{ campaignDashboard(campaignCode: "nok-2021") { registered regions { responses } } }'],
];

describe('every list query is served by indexes on the large tables', () => {
  it.each(lists)('%s', async (_name, query) => {
    const prisma = db.prisma;
    const region = await prisma.region.findFirstOrThrow({ where: { code: 'RU-ALT' } });
    const [authority, type, sphere] = await Promise.all([
      prisma.authority.findFirstOrThrow({ where: { regionId: region.id } }),
      prisma.measureType.findFirstOrThrow(),
      prisma.sphere.findFirstOrThrow(),
    ]);
    const variables = { region: region.id, authority: authority.id, type: type.id, group: type.groupId, sphere: sphere.id };
    sent.length = 0;
    await gql(query, Object.fromEntries(Object.entries(variables).filter(([key]) => query.includes(`$${key}`))));
    const selects = sent.filter((statement) => /^\s*(SELECT|WITH)/i.test(statement.sql) && !/"Session"/.test(statement.sql));
    expect(selects.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const statement of selects) {
      const plan = await explain(statement);
      // Counting what a filter selects reads all of it; counting inside a page's statement (a count per row) may not.
      const top = plan['Node Type'] === 'Sort' ? plan.Plans?.[0] : plan;
      const counting = /\bCOUNT\(/i.test(statement.sql) && top?.['Node Type'] === 'Aggregate';
      const reads = fullReads(plan, counting);
      if (process.env.SHOW_PLANS) console.log(`${statement.sql}\n${describePlan(plan)}\n`);
      if (reads.length) found.push(`${reads.join(', ')} read in full by:\n${statement.sql}\n${describePlan(plan)}`);
    }
    expect(found, found.join('\n\n')).toEqual([]);
  });
});
