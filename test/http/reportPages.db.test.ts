// Issue 14, point 9: the public report. From the 2023 answers built to match seed 002 a coordinator
// publishes; anyone (no session) reads /reports/nok-2023: the seed's figures in its order with n and
// the share method under each, suppressed cells as «<3» whose counts are nowhere in the page or the
// CSV, free text escaped; the CSV of every table (BOM, formulas inert) and of one; version 1 stays as
// published after the answers change and version 2 is published; 404s in Russian; HEAD as GET;
// cache headers and ETags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COORDINATOR } from '../helpers/console.ts';
import { writeSeed002 } from '../helpers/seed002Db.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;
let coordinator: string;

const XSS = '<img src=x onerror=alert(1)> & "кавычки"';
const FORMULA = '=HYPERLINK("http://evil.example")';

/** Text with the narrow and ordinary no-break spaces of Russian numbers made plain. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
const page = async (path: string, init?: RequestInit) => {
  const response = await t.request(path, init);
  return { response, body: plain(await response.text()) };
};
/** One block of the page: the article labelled by the question's (or ratio's) heading. */
const block = (body: string, id: string) => {
  const start = body.indexOf(`<article class="block" aria-labelledby="${id}">`);
  expect(start, id).toBeGreaterThan(0);
  return body.slice(start, body.indexOf('</article>', start));
};

async function publish(): Promise<number> {
  const response = await t.request('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: coordinator },
    body: JSON.stringify({
      query: `mutation($input: PublishAnalyticsInput!) { publishCampaignAnalytics(input: $input) {
        __typename ... on MutationPublishCampaignAnalyticsSuccess { data { version } } } }`,
      variables: { input: { campaignCode: 'nok-2023' } },
    }),
  });
  const result = await response.json();
  expect(result.data.publishCampaignAnalytics.__typename, JSON.stringify(result)).toBe('MutationPublishCampaignAnalyticsSuccess');
  return result.data.publishCampaignAnalytics.data.version;
}

let v1Page = '';
let v1Csv = '';
let latestEtag = '';

beforeAll(async () => {
  t = await createTestWeb();
  coordinator = await t.signInCoordinator(COORDINATOR);
  // Two programme names of table 17 (published free text) as an attacker would write them.
  await writeSeed002(t.db.prisma, (response) => {
    const programme = response.region === 'RU-TAM' ? XSS : response.region === 'RU-NGR' ? FORMULA : null;
    if (!programme) return response;
    return {
      ...response,
      sections: response.sections.map(([code, answers]) =>
        code === 'operator' ? [code, { ...answers, operator_funding_programme: { 2023: programme } }] : [code, answers],
      ),
    };
  });
  expect(await publish()).toBe(1);
  // Pages name the built assets: built here, not in the first test's time.
  await t.request('/healthz');
}, 300_000);
afterAll(() => t?.close());

describe('/reports/<campaign>: the latest publication, for anyone', () => {
  it('shows the title, the publication, who took part and who did not', async () => {
    const { response, body } = await page('/reports/nok-2023');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, no-cache');
    latestEtag = response.headers.get('etag')!;
    expect(latestEtag).toMatch(/^W\/".+"$/);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const { title } = await t.db.prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    expect(body).toContain(`<h1>${title}</h1>`);
    expect(body).toContain(`<title>${title}: аналитика — Мониторинг результатов НОК</title>`);
    expect(body).toMatch(
      /Публикация № 1 от <time datetime="[^"]+">\d{1,2} [а-я]+ \d{4} г\.[^<]+\(МСК\)<\/time>\. Учтены отправленные анкеты: 80 анкет\./,
    );
    expect(body).toContain(
      'В опросе приняли участие представители 80 регионов из 85 ожидаемых. Не принимали участия: Республика Башкортостан, Республика Калмыкия, Волгоградская область, Калужская область, Нижегородская область.',
    );
    expect(body).toContain('<a href="/reports/nok-2023/v1" aria-current="page">№ 1 от');
    expect(body).toContain('href="/reports/nok-2023/v1.csv"');
    // No script at all: the page works without one.
    expect(body).not.toContain('<script');
  });

  it("lays out seed 002's figures in its order, each with its table, chart, n and method", async () => {
    const { body } = await page('/reports/nok-2023');
    const order = ['Таблица 17 –', 'Рисунок 10 -', 'Рисунок 11 -', 'Рисунок 12 -', 'Рисунок 13 -', 'Рисунок 14 –'].map((caption) =>
      body.indexOf(`>${caption}`),
    );
    for (const at of order) expect(at).toBeGreaterThan(0);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The ratio comes right after the last question it derives from.
    expect(body.indexOf('id="ratio-cost_per_organisation"')).toBeGreaterThan(body.indexOf('id="q-operator_orgs_assessed"'));
    expect(body.indexOf('id="ratio-cost_per_organisation"')).toBeLessThan(body.indexOf('id="q-operator_respondents"'));

    const fig10 = block(body, 'q-operator_selection_method');
    expect(fig10).toMatch(/<th scope="row">Аукцион<\/th><td>19 \(25,7 %\)<\/td><td>14 \(18,9 %\)<\/td><td>18 \(24,3 %\)<\/td>/);
    expect(fig10).toMatch(/<th scope="row">Ответили \(n\)<\/th><td>74<\/td><td>74<\/td><td>74<\/td><td>222<\/td>/);
    expect(fig10).toContain('Доли — от числа ответивших (n — 2021: 74, 2022: 74, 2023: 74, 2021–2023: 222).');
    expect(fig10).toMatch(
      /<svg class="chart" role="img" aria-label="Рисунок 10 - Способы определения оператора, доля ответивших: [^"]*Аукцион — 2021 — 25,7 %/,
    );

    const fig11 = block(body, 'q-operator_control_forms');
    expect(fig11).toContain('<td>33 (41,8 %)</td>');
    expect(fig11).toMatch(/<th scope="row">Упоминаний<\/th><td>79<\/td>/);
    expect(fig11).toContain(
      'Доли — от числа упоминаний (2023: 79); можно было выбрать несколько вариантов, сумма долей — 100 %. n (ответили) — 2023: 60.',
    );
    expect(block(body, 'q-operator_paper_online_share')).toContain('Доли — от числа ответивших (n — 2023: 35).');

    const practices = block(body, 'q-best_practices');
    expect(practices).toContain('всего записей: 100');
    expect(practices).toMatch(/<th scope="row">Организация<\/th><td>44 \(44 %\)<\/td>/);

    const organisations = block(body, 'q-social_orgs_regional');
    expect(organisations).toMatch(/<td>3 650<\/td>.*<td>159 \(Краснодарский край\)<\/td>/s);
    const funding = block(body, 'q-operator_funding_source');
    expect(funding).toContain('<td>49 (61,3 %)</td>');
    expect(funding).toMatch(
      /<summary>Регионы по вариантам ответа<\/summary>.*<li>Средства областного\/республиканского бюджета без конкретизации целевого назначения: [^<]*Республика Крым/s,
    );
  });

  it('hides suppressed cells as «<3» with the footnote, and their counts leak nowhere', async () => {
    const { body } = await page('/reports/nok-2023');
    expect(body).toContain('id="disclosure">Контроль раскрытия: показатели, основанные на ответах менее чем 3 респондентов, скрыты');
    // Refusals (2023 alone: the years nobody answered are left out): 2 of 79, so «yes» is hidden, and «no» (77) too, else 79 − 77 would give it away.
    const refusal = block(body, 'q-operator_refusal');
    expect(refusal.match(/<span class="hidden-cell">&lt;3<\/span>/g)).toHaveLength(2);
    expect(refusal).toContain('<a href="#disclosure" class="footnote">«&lt;3» — скрыто');
    expect(refusal).not.toMatch(/\b77\b|\(2,5 %\)|97,5/);
    expect(refusal).not.toContain('Красноярский край');
    expect(refusal).not.toContain('Архангельская область');
    // Every cell hidden: no chart at all; where some are, the chart says «<3» as the table does, with no bar.
    expect(refusal).not.toContain('<svg');
    expect(block(body, 'q-operator_funding_source')).toMatch(
      /aria-label="[^"]*; Внебюджетные средства — 2022 — 0 %, 2023 — &lt;3, 2021–2023 — &lt;3;/,
    );
    // Figure 12: the treasury app (1) hidden; the practices' two smallest levels.
    expect(block(body, 'q-operator_online_tool')).toMatch(/Федерального казначейства<\/th><td><span class="hidden-cell">&lt;3<\/span><\/td>/);
    expect(block(body, 'q-best_practices')).toMatch(/Муниципальное образование<\/th><td><span class="hidden-cell">&lt;3<\/span>/);
  });

  it('escapes free text from the answers', async () => {
    const { body } = await page('/reports/nok-2023');
    const table17 = block(body, 'q-operator_funding_programme');
    expect(table17).toContain('<li>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;кавычки&quot; (2023)</li>');
    expect(body).not.toContain('<img src=x');
    expect(table17).toContain('<li>=HYPERLINK(&quot;http://evil.example&quot;) (2023)</li>');
    expect(table17.match(/<li>/g)!.length).toBe(43);
  });

  it('answers HEAD as GET without the body, and 304 to a matching If-None-Match', async () => {
    const head = await t.request('/reports/nok-2023', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(latestEtag);
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await head.text()).toBe('');
    const again = await t.request('/reports/nok-2023', { headers: { 'if-none-match': latestEtag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const versioned = await t.request('/reports/nok-2023/v1', { method: 'HEAD' });
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('says «Отчёт не найден» (404) for an unknown campaign, one not published, an unknown version or table', async () => {
    for (const path of [
      '/reports/nope',
      '/reports/nok-2021',
      '/reports/nok-2023/v2',
      '/reports/nok-2023/v0',
      '/reports/nok-2023/v2.csv',
      '/reports/nok-2023/v1/nope.csv',
      '/reports/NOK-2023',
      '/reports/nok-2023/latest',
    ]) {
      const { response, body } = await page(path);
      expect(response.status, path).toBe(404);
      expect(body, path).toContain('<h1>Отчёт не найден</h1>');
      expect(response.headers.get('cache-control'), path).toBe('no-store');
    }
    const head = await t.request('/reports/nope', { method: 'HEAD' });
    expect(head.status).toBe(404);
    expect(await head.text()).toBe('');
  });
});

describe('/reports/<campaign>/v<N>.csv', () => {
  it('every published table in one CSV: BOM, semicolons, decimal commas, suppressed counts empty, formulas inert', async () => {
    const response = await t.request('/reports/nok-2023/v1.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="nok-2023-analytics-v1.csv"');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    v1Csv = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(v1Csv.startsWith('\ufeff"Таблица";"Вопрос"')).toBe(true);
    expect(v1Csv).toContain('"Участие (ожидалось регионов: 85)";"";"";2023;"Приняли участие (регионов)";80;');
    expect(v1Csv).toContain('"Рисунок 10 - Способы определения оператора";"2.7. Способ определения оператора";"";"2021";"Аукцион";19;0,2567');
    expect(v1Csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    const refusals = v1Csv.split('\r\n').filter((line) => line.includes('"2.12.') && line.includes(';"2023";'));
    expect(refusals.length).toBe(2);
    for (const line of refusals) expect(line).toMatch(/^"";"2\.12\.[^;]*";"";"2023";"(Да|Нет)";;;;;"от ответивших";79;79;"да"$/);
  });

  it('one table alone: /reports/<campaign>/v<N>/<question>.csv', async () => {
    const response = await t.request('/reports/nok-2023/v1/operator_selection_method.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="nok-2023-analytics-v1-operator_selection_method.csv"');
    const csv = await response.text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toContain('"Таблица";"Вопрос"');
    expect(lines.slice(1).every((line) => line.startsWith('"Рисунок 10 - Способы определения оператора"'))).toBe(true);
    expect(lines).toHaveLength(1 + 4 * 5);
    const ratio = await t.request('/reports/nok-2023/v1/ratio-cost_per_organisation.csv');
    expect(ratio.status).toBe(200);
    expect(await ratio.text()).toContain('"Стоимость НОК в расчёте на одну организацию";"тыс. руб.";"";2023;"Учтено анкет";80;');
  });
});

describe('versions: the published snapshot, never the live answers', () => {
  it('after the answers change, the page still shows version 1; publishing makes version 2; version 1 stays as it was', async () => {
    const before = await page('/reports/nok-2023/v1');
    v1Page = before.body.slice(before.body.indexOf('<h2 id="participation">'));
    expect(block(v1Page, 'q-operator_online_tool')).toContain('<td>23 (29,1 %)</td>');

    // One region now says its operator uses its own tool (was «Нет»): 24 and 44 instead of 23 and 45.
    const prisma = t.db.prisma;
    const campaign = await prisma.campaign.findUniqueOrThrow({ where: { code: 'nok-2023' } });
    const answer = (await prisma.answer.findMany({ where: { questionCode: 'operator_online_tool', response: { campaignId: campaign.id } } })).find(
      (row) => (row.value as Record<string, string>)['2023'] === 'no',
    )!;
    await prisma.answer.update({ where: { id: answer.id }, data: { value: { 2023: 'operator_own_tool' } } });

    const unpublished = await page('/reports/nok-2023');
    expect(unpublished.response.headers.get('etag')).toBe(latestEtag);
    expect(block(unpublished.body, 'q-operator_online_tool')).toContain('<td>23 (29,1 %)</td>');

    expect(await publish()).toBe(2);
    const latest = await page('/reports/nok-2023', { headers: { 'if-none-match': latestEtag } });
    expect(latest.response.status).toBe(200);
    expect(latest.body).toContain('Публикация № 2 от');
    expect(block(latest.body, 'q-operator_online_tool')).toContain('<td>24 (30,4 %)</td>');
    expect(block(latest.body, 'q-operator_online_tool')).toContain('<td>44 (55,7 %)</td>');
    expect(latest.body).toMatch(
      /<li><a href="\/reports\/nok-2023\/v2" aria-current="page">№ 2 от [^<]+<\/a> — 80 анкет<\/li><li><a href="\/reports\/nok-2023\/v1">№ 1 от/,
    );

    const after = await page('/reports/nok-2023/v1');
    expect(after.body).toContain('Публикация № 1 от');
    expect(after.body).toContain('Есть более новая публикация: <a href="/reports/nok-2023">№ 2</a>');
    expect(after.body.slice(after.body.indexOf('<h2 id="participation">'))).toBe(v1Page);
    const csv = await t.request('/reports/nok-2023/v1.csv');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())).toBe(v1Csv);
    const v2Csv = await (await t.request('/reports/nok-2023/v2.csv')).text();
    expect(v2Csv).not.toBe(v1Csv.slice(1));
  });
});
