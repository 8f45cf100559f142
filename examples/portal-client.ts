// A regional portal's client, as small as it gets (docs/portal.md): prints the monitoring status of
// the token's region and a page of the best-practice catalogue.
//
//   npx tsx examples/portal-client.ts --url http://localhost:4000 --token nokp_…   [--q "текст"] [--per-page 5]
//
// The token may also come from the PORTAL_TOKEN environment variable. Only Node's own fetch is used.
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:4000' },
    token: { type: 'string' },
    q: { type: 'string' },
    'per-page': { type: 'string', default: '5' },
  },
});
const token = values.token ?? process.env.PORTAL_TOKEN;
if (!token) {
  console.error('Usage: npx tsx examples/portal-client.ts --url http://localhost:4000 --token <token> [--q <text>] [--per-page N]');
  process.exit(2);
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string };
}

/** One GraphQL request: POST with a JSON body and the token; no cookies, so no CSRF header. */
async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(new URL('/graphql', values.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphQLError[] };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new Error(`HTTP ${response.status}, ${first?.extensions?.code ?? 'ERROR'}: ${first?.message}`);
  }
  return body.data as T;
}

interface RegionStatus {
  portalRegion: {
    region: { code: string; name: string };
    campaigns: {
      code: string;
      title: string;
      windowState: string;
      opensAt: string;
      closesAtForRegion: string;
      regionExtendedUntil: string | null;
      respondents: { total: number; inProgress: number; submitted: number };
      completion: number;
      sections: { title: string; percent: number }[];
      submittedAuthorities: string[];
    }[];
  };
}

const STATUS = /* GraphQL */ `
  query RegionStatus {
    portalRegion {
      region { code name }
      campaigns {
        code title windowState opensAt closesAtForRegion regionExtendedUntil
        respondents { total inProgress submitted }
        completion
        sections { title percent }
        submittedAuthorities
      }
    }
  }
`;

interface Catalogue {
  _allPracticesMeta: { count: number };
  allPractices: { id: string; text: string; region: { name: string }; sphere: { name: string }; form: { name: string } }[];
}

const PRACTICES = /* GraphQL */ `
  query Practices($filter: PracticeFilter, $perPage: Int) {
    _allPracticesMeta(filter: $filter) { count }
    allPractices(filter: $filter, perPage: $perPage, page: 0) {
      id text
      region { name }
      sphere { name }
      form { name }
    }
  }
`;

const day = (iso: string) => new Date(iso).toLocaleString('ru-RU', { timeZone: 'Europe/Moscow', dateStyle: 'long', timeStyle: 'short' });

try {
  const { portalRegion } = await graphql<RegionStatus>(STATUS);
  console.log(`Регион: ${portalRegion.region.name} (${portalRegion.region.code})`);
  for (const campaign of portalRegion.campaigns) {
    const extended = campaign.regionExtendedUntil ? ' (продлено для региона)' : '';
    console.log(`\n${campaign.title} [${campaign.code}] — ${campaign.windowState}`);
    console.log(`  Сроки: ${day(campaign.opensAt)} — ${day(campaign.closesAtForRegion)}${extended}`);
    const { total, inProgress, submitted } = campaign.respondents;
    console.log(`  Анкет: ${total}, заполняются: ${inProgress}, отправлены: ${submitted}; заполнение: ${campaign.completion}%`);
    for (const section of campaign.sections) console.log(`    ${section.title}: ${section.percent}%`);
    console.log(`  Отправили анкеты: ${campaign.submittedAuthorities.join('; ') || 'пока никто'}`);
  }

  const perPage = Number(values['per-page']);
  const catalogue = await graphql<Catalogue>(PRACTICES, { filter: values.q ? { q: values.q } : null, perPage });
  console.log(`\nКаталог лучших практик: ${catalogue._allPracticesMeta.count}${values.q ? ` по запросу «${values.q}»` : ''}`);
  for (const practice of catalogue.allPractices) {
    const flat = practice.text.replace(/\s+/g, ' ').trim();
    const text = flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
    console.log(`  [${practice.id}] ${practice.region.name} · ${practice.sphere.name} · ${practice.form.name}\n      ${text}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
