// npm run bench [-- --quick] [--pglite] [--rounds R] [--seconds S] [--no-write] [--profile] [--only a,b]
//
// Starts the real server (node api/start.mjs, what `npm start` runs) on loopback against a fresh
// database and measures, each scenario beside a baseline measured in the same run, interleaved over
// several rounds (median, and the spread from the lowest to the highest round):
//   - saveSection, closed loop at 100 and 500 connections and open loop at 250, 500 and 1,000 saves/s,
//     vs a graphql-yoga hello-world (same yoga) answering a trivial mutation with the same input;
//   - { __typename } vs the hello-world;
//   - the coordinators' dashboard at 10 / 1,000 / 10,000 respondents per region (npm run dataset) vs
//     the same aggregate as one SQL query through pg;
//   - a nested read (region → authorities → respondents' progress → measures) vs PostGraphile v4 on the
//     same database;
//   - the personal link's POST and the form's first load: bytes (identity, gzip, brotli) and time;
//   - the public report (GET /reports/nok-2023, an older version's page, the whole CSV) of two
//     publications of nok-2023's dataset (10 per region, with answers), 50 connections, vs /healthz
//     of the same server;
//   - the server's memory, idle and at its peak.
// PostgreSQL by default: a database of its own on BENCH_DATABASE_URL (default
// postgresql://postgres@127.0.0.1:5432/postgres), created here and dropped at the end. --pglite: the
// embedded database in a temporary folder (the SQL and PostGraphile baselines need a PostgreSQL
// server and are left out). Writes the table to BENCHMARKS.md, newest run first. --profile: our server
// runs with --cpu-prof, and the notes say where its CPU time went (it slows the server a little).
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Pool } from 'undici';
import { LOAD, SAVE } from '../../../admin/src/form/lib/api.ts';
import { createLucia, startSession } from '../../src/auth/sessions.ts';
import { issueLoginLink } from '../../src/auth/loginLinks.ts';
import { rawSection } from '../../src/dataset/answers.ts';
import { generateDataset } from '../../src/dataset/generate.ts';
import { createRandom } from '../../src/dataset/random.ts';
import type { Database } from '../../src/db/client.ts';
import { publishAnalytics } from '../../src/services/analytics.ts';
import { campaignByCode, campaignDefinition, setCampaignWindow } from '../../src/services/campaigns.ts';
import { createCoordinator } from '../../src/services/coordinators.ts';
import { openProductDatabase } from '../../src/snapshots.ts';
import { validateSection } from '../../src/survey/engine.ts';
import { closedLoop, type LoadResult, openLoop, quantile, sequential, type Workload } from './load.ts';
import { type RunningServer, startHelloWorld, startOurServer, startPostGraphile } from './servers.ts';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    pglite: { type: 'boolean', default: false },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    'no-write': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
/** --only typename,saves,open,nested,link,report,dashboard: the scenarios to run (all by default). */
const SCENARIOS = ['typename', 'saves', 'open', 'nested', 'link', 'report', 'dashboard'] as const;
const only = new Set(args.only ? args.only.split(',').map((name) => name.trim()) : SCENARIOS);
for (const name of only) {
  if (!(SCENARIOS as readonly string[]).includes(name)) throw new Error(`--only: unknown scenario ${name} (known: ${SCENARIOS.join(', ')})`);
}
const runs = (name: (typeof SCENARIOS)[number]) => only.has(name);
const quick = args.quick!;
const rounds = Number(args.rounds ?? (quick ? 1 : 3));
const seconds = Number(args.seconds ?? (quick ? 3 : 10));
const dashboardSizes = quick ? [10, 100, 1000] : [10, 1_000, 10_000];
const dashboardRequests = quick ? 20 : 50;
const SAVE_CAMPAIGN = 'nok-2021';
const SAVE_SECTION = 'situation';
const DASHBOARD_CAMPAIGN = 'nok-2023';
const REPORT_CONNECTIONS = 50;
const root = path.resolve(import.meta.dirname, '../../..');
const log = (line: string) => console.error(line);

// ---------------------------------------------------------------------------
// The database

const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
let databaseEnv: Record<string, string>;
let databaseUrl: string | null = null;
let cleanup: () => Promise<void>;
if (args.pglite) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'nok-bench-'));
  databaseEnv = { DATA_DIR: dataDir };
  cleanup = () => rm(dataDir, { recursive: true, force: true });
} else {
  const name = `nok_bench_${randomBytes(4).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  databaseEnv = { DATABASE_URL: databaseUrl };
  cleanup = () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

async function adminQuery(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const openDb = async () => (await openProductDatabase({ ...databaseEnv })).db;

// ---------------------------------------------------------------------------
// Statistics and the table

interface Row {
  scenario: string;
  ours: string;
  baseline: string;
  ratio: string;
}
const rows: Row[] = [];
const notes: string[] = [];

const median = (values: number[]) =>
  quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
const spread = (values: number[], digits = 0) =>
  values.length > 1 ? ` (${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)})` : '';
const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(value < 10 ? 1 : 0)} ms`);

function describeLoad(results: LoadResult[], unit: string): string {
  const rate = results.map((result) => result.rate);
  const p50 = results.map((result) => result.p50);
  const p99 = results.map((result) => result.p99);
  const errors = results.reduce((sum, result) => sum + result.errors, 0);
  const requests = results.reduce((sum, result) => sum + result.requests, 0);
  const unsent = results.reduce((sum, result) => sum + result.unsent, 0);
  const unanswered = results.reduce((sum, result) => sum + result.unanswered, 0);
  return (
    `${Math.round(median(rate))} ${unit}${spread(rate)}; p50 ${ms(median(p50))}${spread(p50)}; p99 ${ms(median(p99))}${spread(p99)}; ` +
    `errors ${errors} of ${requests}${unanswered ? ` (${unanswered} unanswered)` : ''}${unsent ? ` (+${unsent} not sent: every respondent had a save in flight)` : ''}`
  );
}

function loadRow(scenario: string, ours: LoadResult[], baseline: LoadResult[], baselineName: string, unit: string) {
  const ratio = median(ours.map((result) => result.rate)) / median(baseline.map((result) => result.rate));
  rows.push({
    scenario,
    ours: describeLoad(ours, unit),
    baseline: `${baselineName}: ${describeLoad(baseline, 'req/s')}`,
    ratio: `${ratio.toFixed(ratio < 0.1 ? 3 : 2)}× rate`,
  });
}

function latencyRow(scenario: string, ours: number[][], baseline: number[][] | null, baselineName: string) {
  const describe = (runs: number[][]) => {
    const p50 = runs.map((run) =>
      quantile(
        [...run].sort((a, b) => a - b),
        0.5,
      ),
    );
    const p95 = runs.map((run) =>
      quantile(
        [...run].sort((a, b) => a - b),
        0.95,
      ),
    );
    return { text: `p50 ${ms(median(p50))}${spread(p50, 1)}; p95 ${ms(median(p95))}${spread(p95, 1)}`, p50: median(p50) };
  };
  const own = describe(ours);
  const base = baseline ? describe(baseline) : null;
  rows.push({
    scenario,
    ours: own.text,
    baseline: base ? `${baselineName}: ${base.text}` : `${baselineName}: n/a`,
    ratio: base ? `${(own.p50 / base.p50).toFixed(1)}× time` : '—',
  });
}

// ---------------------------------------------------------------------------
// Preparing: windows open, respondents with sessions, a coordinator, personal links

interface Respondent {
  email: string;
  cookie: string;
  version: number;
}

const cookieHeader = (cookie: { name: string; value: string }) => `${cookie.name}=${cookie.value}`;

async function prepare(db: Database) {
  const now = Date.now();
  for (const code of [SAVE_CAMPAIGN, DASHBOARD_CAMPAIGN]) {
    await setCampaignWindow(db.prisma, code, { opensAt: new Date(now - 86_400_000), closesAt: new Date(now + 30 * 86_400_000) });
  }
  const dataset = await generateDataset(db.prisma, { campaignCode: SAVE_CAMPAIGN, perRegion: quick ? 20 : 40, seed: 1 });
  log(`dataset ${SAVE_CAMPAIGN}: ${dataset.respondents} respondents in ${dataset.ms} ms (${JSON.stringify(dataset.timings)})`);
  const campaign = await campaignByCode(db.prisma, SAVE_CAMPAIGN);
  const drafts = await db.prisma.response.findMany({
    where: { campaignId: campaign.id, status: 'DRAFT' },
    select: { version: true, respondent: { select: { id: true, email: true } } },
    orderBy: { id: 'asc' },
  });
  const auth = createLucia(db.prisma, { secureCookies: false });
  const respondents: Respondent[] = [];
  for (const draft of drafts) {
    const { cookie } = await startSession(auth, draft.respondent.id);
    respondents.push({ email: draft.respondent.email, cookie: cookieHeader(cookie), version: draft.version });
  }
  const coordinator = await createCoordinator(db.prisma, { email: 'bench.coordinator@example.org' });
  const coordinatorUser = await db.prisma.user.findUniqueOrThrow({ where: { email: coordinator.email } });
  const coordinatorCookie = cookieHeader((await startSession(auth, coordinatorUser.id)).cookie);
  // Personal links of respondents who do not save in the load scenarios.
  const linkHolders = respondents.splice(respondents.length - rounds * 3);
  const links: { email: string; token: string }[] = [];
  for (const holder of linkHolders) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: holder.email } });
    const { token } = await db.prisma.$transaction((tx) => issueLoginLink(tx, user.id, campaign.id));
    links.push({ email: holder.email, token });
  }
  // Valid answers for the section the load saves, as the form sends them.
  const definition = campaignDefinition(campaign);
  const [regions, types] = await Promise.all([db.prisma.region.findMany(), db.prisma.measureType.findMany()]);
  const catalog = { regionCodes: new Set(regions.map((region) => region.code)), measureTypeCodes: new Set(types.map((type) => type.code)) };
  const section = definition.sections.find((candidate) => candidate.code === SAVE_SECTION)!;
  const variants = Array.from({ length: 16 }, (_, index) => {
    const input = rawSection(section, 'all', createRandom(99, index), catalog);
    if (!validateSection(definition, SAVE_SECTION, input, catalog).ok) throw new Error('bench answers refused by the engine');
    return input;
  });
  const regionIds = regions.sort((a, b) => a.position - b.position).map((region) => region.id);
  return { respondents, coordinatorCookie, links, variants, regionIds, campaignId: campaign.id };
}

// ---------------------------------------------------------------------------
// Workloads

const JSON_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/graphql-response+json, application/json',
  'x-graphql-yoga-csrf': '1',
};

function saveWorkload(respondents: Respondent[], variants: Record<string, unknown>[], query: string, failures: Map<string, number>): Workload {
  let counter = 0;
  return {
    path: '/graphql',
    clients: respondents.length,
    request(client) {
      const respondent = respondents[client]!;
      const answers = variants[counter++ % variants.length];
      return {
        headers: { ...JSON_HEADERS, cookie: respondent.cookie },
        body: JSON.stringify({
          query,
          variables: { input: { campaignCode: SAVE_CAMPAIGN, sectionCode: SAVE_SECTION, version: respondent.version, answers } },
        }),
      };
    },
    done(client, status, body) {
      let result: { __typename?: string; version?: number; data?: { version: number }; currentVersion?: number; message?: string } | undefined;
      let errors: { message: string }[] | undefined;
      try {
        const parsed = JSON.parse(body);
        result = parsed.data?.saveSection;
        errors = parsed.errors;
      } catch {
        // not JSON: counted below
      }
      const respondent = respondents[client]!;
      if (status === 200 && result && (result.__typename === 'MutationSaveSectionSuccess' || result.__typename === undefined)) {
        respondent.version = result.data?.version ?? result.version ?? respondent.version;
        return true;
      }
      if (result?.__typename === 'ConflictError' && result.currentVersion !== undefined) respondent.version = result.currentVersion;
      const kind = `HTTP ${status}: ${result?.__typename ?? errors?.[0]?.message ?? body.slice(0, 60)}`;
      failures.set(kind, (failures.get(kind) ?? 0) + 1);
      return false;
    },
  };
}

function postWorkload(body: (client: number) => string, headers: Record<string, string>, clients = 1000): Workload {
  return {
    path: '/graphql',
    clients,
    request: (client) => ({ headers: { ...JSON_HEADERS, ...headers }, body: body(client) }),
    done: (_, status, text) => status === 200 && !text.includes('"errors"'),
  };
}

const HELLO_SAVE = 'mutation FormSave($input: SaveSectionInput!) { saveSection(input: $input) { version } }';

const OUR_NESTED = `query Nested($region: ID!, $campaign: String!) {
  allRegions(filter: { ids: [$region] }) { code name }
  allAuthorities(filter: { regionId: $region }, perPage: 100) { id name sphere { name } }
  allResponses(filter: { regionId: $region, campaignCode: $campaign }, perPage: 100) {
    id status completion sectionCompletion measures { position title year typeName } }
}`;
const POSTGRAPHILE_NESTED = `query Nested($region: Int!, $campaign: Int!) {
  regionById(id: $region) { code name
    authoritiesByRegionId { nodes { id name sphereBySphereId { name }
      responsesByAuthorityId(condition: { campaignId: $campaign }) { nodes { id status completion sectionCompletion
        measuresByResponseId(orderBy: POSITION_ASC) { nodes { position title year measureTypeByTypeId { name } } } } } } } }
}`;
const DASHBOARD = `query Dashboard($code: String!) { campaignDashboard(campaignCode: $code) {
  registered notStarted inProgress submitted daysLeft
  regions { code name participates responses inProgress submitted completion sections { code percent } } } }`;

/** The dashboard's aggregate computed from the responses in one statement (what the product did before it kept tallies). */
const RAW_DASHBOARD_SQL = `
  WITH c AS (SELECT id FROM "Campaign" WHERE code = $1),
  per_region AS (
    SELECT r."regionId", count(*) AS responses, count(*) FILTER (WHERE r.status = 'DRAFT') AS in_progress,
           count(*) FILTER (WHERE r.status = 'SUBMITTED') AS submitted, avg(r.completion)::float8 AS completion
    FROM "Response" r, c WHERE r."campaignId" = c.id AND r."regionId" IS NOT NULL GROUP BY r."regionId"),
  per_section AS (
    SELECT r."regionId", s.key, avg(s.value::int)::float8 AS percent
    FROM "Response" r, c, jsonb_each_text(r."sectionCompletion") s
    WHERE r."campaignId" = c.id AND r."regionId" IS NOT NULL GROUP BY r."regionId", s.key)
  SELECT g.code, g.name, coalesce(p.responses, 0) AS responses, coalesce(p.in_progress, 0) AS in_progress,
         coalesce(p.submitted, 0) AS submitted, p.completion,
         (SELECT jsonb_object_agg(ps.key, ps.percent) FROM per_section ps WHERE ps."regionId" = g.id) AS sections,
         (SELECT count(DISTINCT l."userId") FROM "LoginLink" l, c WHERE l."campaignId" = c.id) AS registered
  FROM "Region" g LEFT JOIN per_region p ON p."regionId" = g.id ORDER BY g.position`;

/**
 * What the database's sessions of the bench database do while a load runs (pg_stat_activity, every
 * 200 ms): how many are running, idle in a transaction, waiting and on what. Added to the notes.
 */
function sampleSessions(label: string) {
  if (!databaseUrl) return { stop: async () => {} };
  const client = new pg.Client({ connectionString: serverUrl });
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    const name = new URL(databaseUrl!).pathname.slice(1);
    while (running) {
      const { rows } = await client.query<{ what: string; n: string }>(
        `SELECT coalesce(state, '?') || coalesce(' / ' || wait_event_type || ':' || wait_event, '') AS what, count(*) AS n
         FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() GROUP BY 1`,
        [name],
      );
      samples++;
      for (const row of rows) counts.set(row.what, (counts.get(row.what) ?? 0) + Number(row.n));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await client.end();
  })();
  return {
    async stop() {
      running = false;
      await loop.catch(() => undefined);
      if (!samples) return;
      const mean = [...counts].sort((a, b) => b[1] - a[1]).map(([what, n]) => `${what} ${(n / samples).toFixed(1)}`);
      notes.push(`Database sessions during ${label} (ours; mean over ${samples} samples): ${mean.join(', ')}.`);
    },
  };
}

/** The CPU profiles our server wrote (--profile): self time by package or source file, the top 15. */
async function summariseProfiles(dir: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const byPlace = new Map<string, number>();
  let total = 0;
  for (const file of (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as {
      nodes: { id: number; callFrame: { functionName: string; url: string }; hitCount?: number }[];
    };
    for (const node of profile.nodes) {
      const hits = node.hitCount ?? 0;
      if (!hits) continue;
      total += hits;
      const { url, functionName } = node.callFrame;
      const place = !url
        ? `(${functionName || 'native'})`
        : url.includes('/node_modules/.cache/nok-server/')
          ? 'our server (api/src, bundled)'
          : url.includes('/node_modules/')
            ? url
                .slice(url.lastIndexOf('/node_modules/') + 14)
                .split('/')
                .slice(0, url.includes('/node_modules/@') ? 2 : 1)
                .join('/')
            : url.startsWith('node:')
              ? url
              : path.relative(root, url.replace(/^file:\/\//, ''));
      byPlace.set(place, (byPlace.get(place) ?? 0) + hits);
    }
  }
  const idle = byPlace.get('((idle))') ?? 0;
  byPlace.delete('((idle))');
  const busy = total - idle;
  return [
    `idle ${((idle / total) * 100).toFixed(0)}% of the run; of the busy time:`,
    ...[...byPlace]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([place, hits]) => `${place} ${((hits / busy) * 100).toFixed(1)}%`),
  ];
}

const VERSION = 'query Version($code: String!) { myResponse(campaignCode: $code) { version } }';

/** Reads every respondent's response version from the server until two reads a second apart agree (saves in flight done). */
async function resync(origin: string, respondents: Respondent[]) {
  const pool = new Pool(origin, { connections: 20 });
  const started = performance.now();
  try {
    let last = '';
    for (;;) {
      const versions: number[] = [];
      for (let from = 0; from < respondents.length; from += 20) {
        const batch = respondents.slice(from, from + 20);
        const read = await Promise.all(
          batch.map(async (respondent) => {
            const response = await pool.request({
              method: 'POST',
              path: '/graphql',
              headers: { ...JSON_HEADERS, cookie: respondent.cookie },
              body: JSON.stringify({ query: VERSION, variables: { code: SAVE_CAMPAIGN } }),
            });
            const body = (await response.body.json()) as { data?: { myResponse?: { version: number } } };
            return body.data?.myResponse?.version ?? respondent.version;
          }),
        );
        versions.push(...read);
      }
      versions.forEach((version, index) => {
        respondents[index]!.version = version;
      });
      const now = versions.join(',');
      if (now === last || performance.now() - started > 120_000) return;
      last = now;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------------------
// The personal link and the form's first load

async function linkAndForm(origin: string, link: { email: string; token: string }, encoding: string) {
  const pool = new Pool(origin, { connections: 8 });
  let bytes = 0;
  const started = performance.now();
  try {
    const accept = { 'accept-encoding': encoding };
    const signIn = await pool.request({
      method: 'POST',
      path: '/auth',
      headers: { ...accept, 'content-type': 'application/x-www-form-urlencoded', origin },
      body: new URLSearchParams({ e: link.email, h: link.token }).toString(),
    });
    bytes += (await signIn.body.arrayBuffer()).byteLength;
    const setCookie = [signIn.headers['set-cookie']].flat().find(Boolean);
    const location = signIn.headers.location;
    if (signIn.statusCode !== 303 && signIn.statusCode !== 302) throw new Error(`POST /auth answered ${signIn.statusCode}`);
    const cookie = String(setCookie).split(';')[0]!;
    const page = await pool.request({ method: 'GET', path: String(location), headers: { ...accept, cookie } });
    const pageBytes = Buffer.from(await page.body.arrayBuffer());
    bytes += pageBytes.length;
    const html =
      page.headers['content-encoding'] === 'br'
        ? (await import('node:zlib')).brotliDecompressSync(pageBytes).toString()
        : page.headers['content-encoding'] === 'gzip'
          ? (await import('node:zlib')).gunzipSync(pageBytes).toString()
          : pageBytes.toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    const [assetBytes, load] = await Promise.all([
      Promise.all(
        assets.map(
          async (asset) => (await (await pool.request({ method: 'GET', path: asset, headers: { ...accept, cookie } })).body.arrayBuffer()).byteLength,
        ),
      ),
      pool.request({
        method: 'POST',
        path: '/graphql',
        headers: { ...JSON_HEADERS, ...accept, cookie },
        body: JSON.stringify({ query: LOAD, variables: { code: SAVE_CAMPAIGN } }),
      }),
    ]);
    bytes += assetBytes.reduce((sum, size) => sum + size, 0);
    const loadBody = Buffer.from(await load.body.arrayBuffer());
    bytes += loadBody.length;
    return { bytes, ms: performance.now() - started, requests: 3 + assets.length };
  } finally {
    await pool.close();
  }
}

// ---------------------------------------------------------------------------
// The run

const memory: { ours: { idle: number; peak: number }; hello: { idle: number; peak: number } } = {
  ours: { idle: Number.NaN, peak: 0 },
  hello: { idle: Number.NaN, peak: 0 },
};
const servers: RunningServer[] = [];
let postgresVersion = 'PGlite (embedded)';

async function stopServer(server: RunningServer, key: 'ours' | 'hello' | null) {
  if (key) memory[key].peak = Math.max(memory[key].peak, (await server.memory()).peak);
  await server.stop();
  servers.splice(servers.indexOf(server), 1);
}

const profileDir = args.profile ? await mkdtemp(path.join(os.tmpdir(), 'nok-bench-profile-')) : undefined;

async function startOurs(): Promise<RunningServer> {
  const server = await startOurServer(databaseEnv, profileDir);
  servers.push(server);
  return server;
}

try {
  log(`preparing the database (${args.pglite ? 'PGlite' : 'PostgreSQL'})…`);
  let db = await openDb();
  if (db.kind === 'postgresql') {
    const [row] = await db.prisma.$queryRawUnsafe<{ version: string }[]>(`SELECT current_setting('server_version') AS version`);
    postgresVersion = `PostgreSQL ${row!.version}`;
  }
  const setup = await prepare(db);
  const firstSize = dashboardSizes[0]!;
  // With answers when the report is measured: the dashboard reads only the responses, which are the same either way.
  const dashboardData = await generateDataset(db.prisma, {
    campaignCode: DASHBOARD_CAMPAIGN,
    perRegion: firstSize,
    seed: 2,
    answers: runs('report'),
  });
  log(`dataset ${DASHBOARD_CAMPAIGN}: ${dashboardData.respondents} respondents in ${dashboardData.ms} ms`);
  // The public report: two publications of that dataset (the latest and an older version).
  const reportFigures: string[] = [];
  if (runs('report')) {
    const publisher = await db.prisma.user.findUniqueOrThrow({ where: { email: 'bench.coordinator@example.org' } });
    const actor = { id: publisher.id, email: publisher.email };
    await publishAnalytics(db.prisma, actor, DASHBOARD_CAMPAIGN);
    const latest = await publishAnalytics(db.prisma, actor, DASHBOARD_CAMPAIGN);
    const figures = JSON.stringify(latest.analytics).length;
    reportFigures.push(
      `${latest.respondentsCount} submitted questionnaires of ${dashboardData.respondents} respondents, ${latest.analytics.questions.length} questions, figures ${(figures / 1024).toFixed(0)} KB of JSON`,
    );
  }
  if (db.kind === 'pglite') await db.close();

  let ours = await startOurs();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  memory.ours.idle = (await ours.memory()).rss;
  const hello = await startHelloWorld();
  servers.push(hello);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  memory.hello.idle = (await hello.memory()).rss;
  const postgraphile = databaseUrl ? await startPostGraphile(databaseUrl) : null;
  if (postgraphile) servers.push(postgraphile);

  const failures = new Map<string, number>();
  const ourSaves = saveWorkload(setup.respondents, setup.variants, SAVE, failures);
  const helloSaves = saveWorkload(
    setup.respondents.map((respondent) => ({ ...respondent })),
    setup.variants,
    HELLO_SAVE,
    new Map(),
  );
  const typename = postWorkload(() => '{"query":"{ __typename }"}', {});
  const region = (client: number) => setup.regionIds[client % setup.regionIds.length]!;
  const ourNested = postWorkload(
    (client) => JSON.stringify({ query: OUR_NESTED, variables: { region: String(region(client)), campaign: SAVE_CAMPAIGN } }),
    { cookie: setup.coordinatorCookie },
  );
  const graphileNested = postWorkload(
    (client) => JSON.stringify({ query: POSTGRAPHILE_NESTED, variables: { region: region(client), campaign: setup.campaignId } }),
    {},
  );

  // Each scenario: ours and its baseline in turn, the order swapped every round.
  const pair = async (label: string, ourRun: () => Promise<LoadResult>, baseRun: () => Promise<LoadResult>) => {
    const own: LoadResult[] = [];
    const base: LoadResult[] = [];
    for (let round = 0; round < rounds; round++) {
      log(`${label}, round ${round + 1} of ${rounds}`);
      if (round % 2 === 0) {
        own.push(await ourRun());
        base.push(await baseRun());
      } else {
        base.push(await baseRun());
        own.push(await ourRun());
      }
    }
    return { own, base };
  };

  if (runs('typename')) {
    const { own, base } = await pair(
      '{ __typename }',
      () => closedLoop(ours.origin, typename, 100, seconds),
      () => closedLoop(hello.origin, typename, 100, seconds),
    );
    loadRow('`{ __typename }`, closed loop, 100 connections', own, base, 'hello-world', 'req/s');
  }
  for (const connections of runs('saves') ? [100, 500] : []) {
    const { own, base } = await pair(
      `saveSection, ${connections} connections`,
      async () => {
        const sampling = sampleSessions(`saveSection, ${connections} connections`);
        const result = await closedLoop(ours.origin, ourSaves, connections, seconds);
        await sampling.stop();
        // autocannon leaves saves in flight when it stops: wait until they are done and read the versions they left.
        await resync(ours.origin, setup.respondents);
        return result;
      },
      () => closedLoop(hello.origin, helloSaves, connections, seconds),
    );
    loadRow(`saveSection, closed loop, ${connections} connections`, own, base, 'hello-world mutation', 'saves/s');
  }
  for (const rate of runs('open') ? [250, 500, 1000] : []) {
    const { own, base } = await pair(
      `saveSection at ${rate}/s`,
      async () => {
        const result = await openLoop(ours.origin, ourSaves, rate, seconds);
        // Saves still in line when the loop stops are answered before the next scenario starts.
        await resync(ours.origin, setup.respondents);
        return result;
      },
      () => openLoop(hello.origin, helloSaves, rate, seconds),
    );
    loadRow(`saveSection, open loop, ${rate} saves/s offered`, own, base, 'hello-world mutation', 'saves/s');
  }
  if (failures.size) {
    notes.push(`Failed saves by answer: ${[...failures].map(([kind, count]) => `${kind} × ${count}`).join('; ')}.`);
  }
  if (!runs('nested')) {
    // not asked for
  } else if (postgraphile) {
    // The same payload both ways: the region's authorities, the campaign's responses there with their progress and measures.
    const count = async (origin: string, workload: Workload) => {
      const { headers, body } = workload.request(0);
      const answer = await fetch(`${origin}/graphql`, { method: 'POST', headers, body }).then((response) => response.text());
      return {
        authorities: (answer.match(/"name":"[^"]*\(/g) ?? []).length,
        responses: (answer.match(/"completion":/g) ?? []).length,
        measures: (answer.match(/"position":/g) ?? []).length,
      };
    };
    const [ourPayload, theirPayload] = [await count(ours.origin, ourNested), await count(postgraphile.origin, graphileNested)];
    notes.push(
      `Nested read: ours is allRegions + allAuthorities + allResponses { measures } filtered by region (our schema has no region → authorities → responses path), PostGraphile's regionById → authoritiesByRegionId → responsesByAuthorityId → measuresByResponseId; ` +
        `one region: ours ${JSON.stringify(ourPayload)}, PostGraphile ${JSON.stringify(theirPayload)}.`,
    );
    const { own, base } = await pair(
      'nested read',
      () => closedLoop(ours.origin, ourNested, 10, seconds),
      () => closedLoop(postgraphile.origin, graphileNested, 10, seconds),
    );
    loadRow('nested read (region → authorities → responses → measures), 10 connections', own, base, 'PostGraphile v4', 'req/s');
  } else {
    rows.push({ scenario: 'nested read', ours: 'n/a', baseline: 'PostGraphile needs a PostgreSQL server', ratio: '—' });
  }

  // The personal link's POST and the form's first load.
  if (runs('link')) {
    const cells: string[] = [];
    let next = 0;
    for (const encoding of ['identity', 'gzip', 'br']) {
      const runs: { bytes: number; ms: number; requests: number }[] = [];
      for (let round = 0; round < rounds; round++) runs.push(await linkAndForm(ours.origin, setup.links[next++]!, encoding));
      const times = runs.map((run) => run.ms);
      cells.push(
        `${encoding}: ${(median(runs.map((run) => run.bytes)) / 1024).toFixed(1)} KB in ${runs[0]!.requests} requests, ${ms(median(times))}${spread(times)}`,
      );
    }
    rows.push({
      scenario: "personal link's POST + the form's first load (HTML, assets, FormLoad query)",
      ours: cells.join('; '),
      baseline: '—',
      ratio: '—',
    });
  }

  // The public report, as anonymous readers open it, beside /healthz of the same server.
  if (runs('report')) {
    const get = (path: string, headers: Record<string, string> = {}): Workload => ({
      path,
      method: 'GET',
      clients: REPORT_CONNECTIONS,
      request: () => ({ headers, body: '' }),
      done: (_, status) => status === 200,
    });
    const healthz = get('/healthz');
    const brotli = { 'accept-encoding': 'br, gzip' };
    const pages = [
      ['the latest page', `/reports/${DASHBOARD_CAMPAIGN}`, {}],
      ["an older version's page", `/reports/${DASHBOARD_CAMPAIGN}/v1`, {}],
      ['every table in one CSV', `/reports/${DASHBOARD_CAMPAIGN}/v2.csv`, {}],
      ['the latest page, Accept-Encoding: br, gzip', `/reports/${DASHBOARD_CAMPAIGN}`, brotli],
    ] as const;
    for (const [name, path, headers] of pages) {
      // undici's request, not fetch: fetch would decode the body and hide what went over the wire.
      const pool = new Pool(ours.origin);
      const answer = await pool.request({ method: 'GET', path, headers });
      const bytes = (await answer.body.arrayBuffer()).byteLength;
      await pool.close();
      if (answer.statusCode !== 200) throw new Error(`GET ${path} answered ${answer.statusCode}`);
      reportFigures.push(`${path}${headers === brotli ? ' (brotli)' : ''} ${(bytes / 1024).toFixed(0)} KB`);
      const { own, base } = await pair(
        `GET ${path} (${name})`,
        () => closedLoop(ours.origin, get(path, headers), REPORT_CONNECTIONS, seconds),
        () => closedLoop(ours.origin, healthz, REPORT_CONNECTIONS, seconds),
      );
      loadRow(`GET ${path} (${name}), closed loop, ${REPORT_CONNECTIONS} connections`, own, base, '/healthz of our server', 'req/s');
    }
    notes.push(
      `Public report of ${DASHBOARD_CAMPAIGN} (2 publications): ${reportFigures.join('; ')}; no If-None-Match (every request gets the whole body).`,
    );
  }

  // The dashboard, growing the dataset between sizes. The baseline is the same aggregate in one SQL
  // statement: through pg on PostgreSQL (interleaved with ours), on PGlite in this process once our
  // server has stopped (one process at a time can open its folder), after our rounds.
  const raw = databaseUrl ? new pg.Client({ connectionString: databaseUrl }) : null;
  await raw?.connect();
  const rawRun = async (query: (sql: string, params: unknown[]) => Promise<unknown>) => {
    const latencies: number[] = [];
    const began = performance.now();
    for (let i = 0; i < dashboardRequests + 3 && (i < 8 || performance.now() - began < 20_000); i++) {
      const started = performance.now();
      await query(RAW_DASHBOARD_SQL, [DASHBOARD_CAMPAIGN]);
      if (i >= 3) latencies.push(performance.now() - started);
    }
    return latencies;
  };
  const dashboard = postWorkload(() => JSON.stringify({ query: DASHBOARD, variables: { code: DASHBOARD_CAMPAIGN } }), {
    cookie: setup.coordinatorCookie,
  });
  let oursRunning = true;
  for (const size of runs('dashboard') ? dashboardSizes : []) {
    if (size !== firstSize) {
      if (db.kind === 'pglite') db = await openDb();
      const grown = await generateDataset(db.prisma, { campaignCode: DASHBOARD_CAMPAIGN, perRegion: size, seed: 2, answers: false });
      log(
        `dataset ${DASHBOARD_CAMPAIGN}: ${grown.respondents} respondents (${grown.added} added in ${(grown.ms / 1000).toFixed(1)} s; ${JSON.stringify(grown.timings)})`,
      );
      notes.push(
        `Dataset for the dashboard at ${size.toLocaleString('en')} per region: ${grown.added.toLocaleString('en')} respondents added in ${(grown.ms / 1000).toFixed(1)} s (npm run dataset, without answers).`,
      );
      if (db.kind === 'pglite') await db.close();
    }
    if (!oursRunning) {
      ours = await startOurs();
      oursRunning = true;
    }
    const own: number[][] = [];
    const base: number[][] = [];
    for (let round = 0; round < rounds; round++) {
      log(`dashboard at ${size} per region, round ${round + 1} of ${rounds}`);
      await sequential(ours.origin, dashboard, 3); // warm-up
      const run = await sequential(ours.origin, dashboard, dashboardRequests, 20_000);
      if (run.errors) notes.push(`Dashboard at ${size} per region: ${run.errors} failed requests.`);
      own.push(run.latencies);
      if (raw) base.push(await rawRun((sql, params) => raw.query(sql, params)));
    }
    if (!raw) {
      await stopServer(ours, 'ours');
      oursRunning = false;
      const pglite = new PGlite({ dataDir: path.join(databaseEnv.DATA_DIR!, 'pglite') });
      try {
        for (let round = 0; round < rounds; round++) base.push(await rawRun((sql, params) => pglite.query(sql, params)));
      } finally {
        await pglite.close();
      }
    }
    latencyRow(
      `dashboard, ${size.toLocaleString('en')} respondents per region (${(size * 89).toLocaleString('en')})`,
      own,
      base,
      raw ? 'one SQL query through pg' : 'one SQL query on PGlite in-process (after our rounds)',
    );
  }
  await raw?.end();
  if (db.kind === 'postgresql') await db.close();

  if (oursRunning) await stopServer(ours, 'ours');
  await stopServer(hello, 'hello');
  if (postgraphile) await stopServer(postgraphile, null);
  rows.push({
    scenario: 'server memory (RSS)',
    ours: `idle ${Math.round(memory.ours.idle)} MB; peak ${Math.round(memory.ours.peak)} MB`,
    baseline: `hello-world: idle ${Math.round(memory.hello.idle)} MB; peak ${Math.round(memory.hello.peak)} MB`,
    ratio: `${(memory.ours.peak / memory.hello.peak).toFixed(1)}× peak`,
  });

  if (profileDir) {
    const [idle, ...busy] = await summariseProfiles(profileDir);
    notes.push(`CPU profile of our server over the whole run (self time): ${idle} ${busy.join(', ')}.`);
    log(`CPU profiles kept in ${profileDir} (open them in Chrome's DevTools, Performance tab)`);
  }
  const report = render();
  console.log(report);
  if (!args['no-write']) {
    await writeRun(report);
    log(`written to ${path.relative(process.cwd(), path.join(root, 'BENCHMARKS.md'))}`);
  }
} finally {
  for (const server of [...servers]) await server.stop().catch(() => undefined);
  await cleanup();
}

function render(): string {
  const cpus = os.cpus();
  const command = `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const lines = [
    `## ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} — ${args.pglite ? 'PGlite' : 'PostgreSQL'}${quick ? ', quick' : ''}`,
    '',
    `- Machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
      .loadavg()
      .map((load) => load.toFixed(1))
      .join(' ')} at the end; Node ${process.version}; ${postgresVersion}; the bench process itself (load generator, dataset) used ${(
      (process.cpuUsage().user + process.cpuUsage().system) / 1e6
    ).toFixed(0)} s of CPU in ${(process.uptime() / 60).toFixed(1)} min`,
    `- Command: \`${command}\` — ${rounds} round${rounds === 1 ? '' : 's'} of ${seconds} s per load, ours and the baseline in turn (order swapped each round); median, and (lowest–highest round)`,
    '',
    '| scenario | our server | baseline, same run | ours ÷ baseline |',
    '|---|---|---|---|',
    ...rows.map((row) => `| ${row.scenario} | ${row.ours} | ${row.baseline} | ${row.ratio} |`),
    '',
    ...notes.map((note) => `- ${note}`),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}

async function writeRun(run: string) {
  const file = path.join(root, 'BENCHMARKS.md');
  const header = [
    '# Benchmarks',
    '',
    '`npm run bench` (api/scripts/bench/; not part of `npm test`) starts the server as `npm start` runs it (`node api/start.mjs`) on loopback',
    'against a fresh database and measures each scenario beside a baseline measured in the same run. Rounds interleave ours and the',
    'baseline (the order swapped each round); a cell gives the median over the rounds and, in brackets, the lowest and highest round.',
    'Closed loop: N connections, each sending its next request when the last is answered (autocannon). Open loop: requests due at the',
    'offered rate whatever the server does, each timed from when it was due (a scheduler over undici); «not sent» counts requests due',
    'while every prepared respondent already had a save in flight. Saves come from respondents of `npm run dataset` with sessions made',
    'by the session service, each naming its current version. The load generator shares the 2-core machine with the servers and the',
    'database, so absolute numbers move with the machine; compare the ratios. Newest run first; earlier runs stay below.',
    '',
    '',
  ].join('\n');
  const existing = await readFile(file, 'utf8').catch(() => '');
  const earlier = existing.startsWith('# Benchmarks') ? existing.slice(existing.indexOf('\n## ') + 1) : '';
  await writeFile(file, `${header}${run}${earlier && existing.includes('\n## ') ? `\n${earlier}` : ''}`);
}
