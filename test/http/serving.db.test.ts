// What goes over the wire: pages, assets and GraphQL results compressed (brotli or gzip) by the
// client's Accept-Encoding, identity otherwise; assets under hashed names, cached for a year; HEAD
// answered wherever GET is.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssets, type Assets } from '../../api/src/http/assets.ts';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

let t: TestWeb;
let assets: Assets;
beforeAll(async () => {
  t = await createTestWeb();
  assets = await loadAssets();
}, 120_000);
afterAll(() => t.close());

const get = (path: string, headers: Record<string, string> = {}) => t.request(path, { headers });
const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** The body as sent, decoded by its Content-Encoding. */
async function decoded(response: Response): Promise<Buffer> {
  const body = await bytes(response);
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  expect(encoding).toBeNull();
  return body;
}

/** The /assets/ URLs a page names in src and href attributes. */
const assetUrls = (html: string) => [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((match) => match[1]!);

describe('pages name the assets by the hashes of their contents', () => {
  it('registration pages: the stylesheet and the robot-check widget', async () => {
    await t.openWindow();
    const urls = assetUrls(await (await get('/')).text());
    expect(urls).toEqual([assets.url('site.css'), assets.url('register.js')]);
    expect(urls[0]).toMatch(/^\/assets\/site\.[0-9a-f]{10}\.css$/);
    expect(urls[1]).toMatch(/^\/assets\/register\.[0-9a-f]{10}\.js$/);
    expect(assetUrls(await (await get('/link/sent')).text())).toEqual([assets.url('site.css')]);
  });

  it('the form: one classic script and its stylesheet', async () => {
    const html = await (await get('/form/nok-2021/')).text();
    expect(assetUrls(html)).toEqual([assets.url('form.css'), assets.url('form.js')]);
    expect(html).toContain(`<script defer src="${assets.url('form.js')}"></script>`);
  });

  it('the console: its entry as a module, the chunks it imports preloaded, its stylesheet', async () => {
    const html = await (await get('/admin/')).text();
    expect(html).toContain(`<script type="module" src="${assets.url('console.js')}"></script>`);
    expect(assets.consoleImports.length).toBeGreaterThan(0);
    for (const url of assets.consoleImports) expect(html).toContain(`<link rel="modulepreload" href="${url}">`);
    expect(assetUrls(html).sort()).toEqual([assets.url('console.css'), assets.url('console.js'), ...assets.consoleImports].sort());
  });
});

describe('assets', () => {
  const samples = () => [
    assets.url('form.js'),
    assets.url('site.css'),
    assets.url('register.js'),
    assets.url('console.js'),
    ...assets.consoleImports,
  ];

  it('are served under their hashed names, cached for a year, with their validator', async () => {
    for (const url of samples()) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control'), url).toBe(IMMUTABLE);
      expect(response.headers.get('etag'), url).toMatch(/^"[\w-]{27}"$/);
      expect(response.headers.get('vary'), url).toBe('Accept-Encoding');
      expect(response.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-encoding')).toBeNull();
      const body = await bytes(response);
      expect(Number(response.headers.get('content-length'))).toBe(body.byteLength);
      expect(body.equals(assets.files.get(url.slice('/assets/'.length))!.body)).toBe(true);
    }
  });

  it('are sent compressed as brotli or gzip when the client takes it, and decompress to the same bytes', async () => {
    for (const url of samples()) {
      const plain = await bytes(await get(url));
      const cases: [string, string | null][] = [
        ['br', 'br'],
        ['gzip, deflate, br', 'br'],
        ['gzip', 'gzip'],
        ['br;q=0, gzip', 'gzip'],
        ['gzip;q=1, br;q=0.5', 'gzip'],
        ['*', 'br'],
        ['identity', null],
        ['deflate', null],
      ];
      for (const [accept, expected] of cases) {
        const response = await get(url, { 'accept-encoding': accept });
        expect(response.headers.get('content-encoding'), `${url} ${accept}`).toBe(expected);
        expect(response.headers.get('vary')).toBe('Accept-Encoding');
        const sent = await bytes(response.clone());
        expect(Number(response.headers.get('content-length'))).toBe(sent.byteLength);
        if (expected) expect(sent.byteLength, `${url} ${accept}`).toBeLessThan(plain.byteLength * 0.5);
        expect((await decoded(response)).equals(plain), `${url} ${accept}`).toBe(true);
      }
    }
  });

  it('answer 304 to a request that holds the validator of the same encoding', async () => {
    const url = assets.url('form.js');
    const brotli = await get(url, { 'accept-encoding': 'br' });
    const plain = await get(url);
    const brotliTag = brotli.headers.get('etag')!;
    expect(brotliTag).not.toBe(plain.headers.get('etag'));
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': brotliTag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(brotliTag);
    expect(again.headers.get('cache-control')).toBe(IMMUTABLE);
    expect(await again.text()).toBe('');
    expect((await get(url, { 'if-none-match': plain.headers.get('etag')! })).status).toBe(304);
    // The identity validator does not stand for the brotli body, nor the other way round.
    expect((await get(url, { 'accept-encoding': 'br', 'if-none-match': plain.headers.get('etag')! })).status).toBe(200);
    expect((await get(url, { 'if-none-match': brotliTag })).status).toBe(200);
  });

  it('redirect from their plain names to the current file, uncached; other names are not found', async () => {
    for (const name of ['form.js', 'form.css', 'site.css', 'register.js', 'console.js', 'console.css'] as const) {
      const response = await get(`/assets/${name}`);
      expect(response.status, name).toBe(307);
      expect(response.headers.get('location')).toBe(assets.url(name));
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await get('/assets/form.0000000000.js')).status).toBe(404);
    expect((await get('/assets/other.js')).status).toBe(404);
  });
});

describe('pages and API results', () => {
  it('pages over 1 KB are compressed when asked, and decompress to the page', async () => {
    const plain = await get('/link');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('vary')).toBe('Accept-Encoding');
    const html = await bytes(plain);
    expect(html.byteLength).toBeGreaterThan(1024);
    for (const encoding of ['br', 'gzip']) {
      const response = await get('/link', { 'accept-encoding': encoding });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('vary')).toBe('Accept-Encoding');
      expect((await decoded(response)).equals(html)).toBe(true);
    }
    // Error pages too.
    const missing = await get('/no-such-page', { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-encoding')).toBe('br');
    expect((await decoded(missing)).toString()).toContain('Страница не найдена');
  });

  it('a page that sets a cookie keeps it when compressed', async () => {
    const response = await t.request('/auth/logout', { method: 'POST', headers: { origin: 'http://monitoring.test', 'accept-encoding': 'br' } });
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().length).toBe(1);
  });

  it('GraphQL results over 1 KB are compressed when asked; small ones are sent as they are', async () => {
    const graphql = (query: string, acceptEncoding?: string) =>
      t.request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
        body: JSON.stringify({ query }),
      });
    const large = '{ campaign(code: "nok-2021") { title sections { title questions { code label required } } } }';
    const plain = await graphql(large);
    const json = await bytes(plain);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(json.byteLength).toBeGreaterThan(1024);
    expect(JSON.parse(json.toString()).data.campaign.sections.length).toBeGreaterThan(3);
    for (const encoding of ['br', 'gzip']) {
      const response = await graphql(large, `${encoding}, deflate`);
      expect(response.headers.get('content-encoding')).toBe(encoding);
      expect(response.headers.get('content-type')).toMatch(/json/);
      expect(response.headers.get('vary')).toMatch(/Accept-Encoding/);
      const sent = await bytes(response.clone());
      expect(sent.byteLength).toBeLessThan(json.byteLength / 3);
      expect((await decoded(response)).equals(json)).toBe(true);
    }
    const small = await graphql('{ __typename }', 'br, gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('the robot check and the health check stay small and plain', async () => {
    const challenge = await get('/altcha/challenge', { 'accept-encoding': 'br' });
    expect(challenge.headers.get('content-encoding')).toBeNull();
    expect(typeof (await challenge.json())).toBe('object');
    expect(await (await get('/healthz', { 'accept-encoding': 'br' })).text()).toBe('ok');
  });
});

describe('HEAD', () => {
  it('answers as GET would, with the same headers and no body', async () => {
    await t.openWindow();
    for (const [path, accept] of [
      ['/', 'br'],
      ['/link', ''],
      ['/form/nok-2021/', 'gzip'],
      ['/admin/', 'br'],
      [assets.url('console.js'), 'br'],
      [assets.url('form.css'), ''],
      ['/assets/form.js', ''],
      ['/healthz', ''],
      ['/no-such-page', 'br'],
    ] as const) {
      const headers: Record<string, string> = accept ? { 'accept-encoding': accept } : {};
      const viaGet = await get(path, headers);
      const viaHead = await t.request(path, { method: 'HEAD', headers });
      expect(viaHead.status, path).toBe(viaGet.status);
      for (const name of ['content-type', 'content-encoding', 'cache-control', 'etag', 'vary', 'location']) {
        expect(viaHead.headers.get(name), `${path} ${name}`).toBe(viaGet.headers.get(name));
      }
      const length = viaHead.headers.get('content-length');
      if (length !== null) expect(Number(length), path).toBe((await bytes(viaGet)).byteLength);
      expect((await bytes(viaHead)).byteLength, path).toBe(0);
    }
  });
});

describe('through the server’s node:http adapter (issue 13, item 17)', () => {
  /** A listening server over the same web handler, as `npm start` makes it. */
  async function listen() {
    const { createServer } = await import('node:http');
    const { toNodeListener } = await import('../../api/src/http/node.ts');
    const server = createServer(toNodeListener(t.web, 'http://monitoring.test'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise((resolve) => server.close(resolve)),
    };
  }

  it('HEAD is answered like GET on every page, without a body (was 500 for every HEAD)', async () => {
    await t.openWindow();
    const server = await listen();
    try {
      for (const path of ['/', '/link', '/registered', '/link/sent', '/form/nok-2021/', '/admin/', '/favicon.ico', '/healthz', '/no-such-page']) {
        const viaGet = await fetch(`${server.url}${path}`, { redirect: 'manual' });
        const viaHead = await fetch(`${server.url}${path}`, { method: 'HEAD', redirect: 'manual' });
        expect(viaHead.status, path).toBe(viaGet.status);
        expect(viaHead.headers.get('content-type'), path).toBe(viaGet.headers.get('content-type'));
        expect((await bytes(viaHead)).byteLength, path).toBe(0);
        await bytes(viaGet);
      }
      expect((await fetch(`${server.url}/`, { method: 'HEAD' })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('/favicon.ico is an icon: an ICO holding a 32×32 PNG', async () => {
    const response = await get('/favicon.ico');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/x-icon');
    const body = await bytes(response);
    expect([...body.subarray(0, 6)]).toEqual([0, 0, 1, 0, 1, 0]);
    expect(body[6]).toBe(32);
    expect(body.subarray(22, 26).toString('latin1')).toBe('\x89PNG');
    const again = await get('/favicon.ico', { 'if-none-match': response.headers.get('etag')! });
    expect(again.status).toBe(304);
  });
});
