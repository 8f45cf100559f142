// The form's assets build, stay small for slow connections, and the page shell escapes what it inserts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFormAssets, formPageHtml, type FormAssets } from '../../admin/src/form/build.ts';

// About 21 KB gzip and 19 KB brotli today: respondents are often on slow connections.
const JS_BUDGET_GZIP = 25 * 1024;
const JS_BUDGET_BROTLI = 22 * 1024;

let assets: FormAssets;
beforeAll(async () => {
  assets = await buildFormAssets();
});

describe('the form assets', () => {
  it('bundle into one script that renders the app', () => {
    expect(assets.js.length).toBeGreaterThan(10_000);
    expect(assets.js).toContain('getElementById("app")');
    // One self-contained script: no module imports left (compared as booleans: the bundle is long).
    expect(/\bimport\s*[("{]|\brequire\(/.test(assets.js)).toBe(false);
  });

  it('come from sources that never inject HTML (answers are rendered as text)', () => {
    const root = path.join(import.meta.dirname, '../../admin/src/form');
    const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      const text = readFileSync(path.join(root, file), 'utf8');
      expect(/dangerouslySetInnerHTML|\.innerHTML|insertAdjacentHTML|document\.write/.test(text), file).toBe(false);
    }
  });

  it(`keep the script under ${JS_BUDGET_GZIP / 1024} KB gzipped and ${JS_BUDGET_BROTLI / 1024} KB as brotli`, () => {
    expect(gzipSync(assets.js, { level: 9 }).length).toBeLessThan(JS_BUDGET_GZIP);
    expect(brotliCompressSync(assets.js).length).toBeLessThan(JS_BUDGET_BROTLI);
  });

  it('minify the stylesheet', () => {
    expect(assets.css).toContain('.chips');
    expect(assets.css).not.toContain('/*');
    expect(assets.css.split('\n').length).toBeLessThan(5);
  });
});

describe('the page shell', () => {
  const html = formPageHtml({
    campaignCode: 'nok-2021',
    scriptUrl: '/assets/form.js',
    styleUrl: '/assets/form.css',
    title: 'Анкета мониторинга НОК',
  });

  it('is a Russian page with the app root, the assets and a message without JavaScript', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<div id="app" data-campaign="nok-2021">');
    expect(html).toContain('<script defer src="/assets/form.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/form.css">');
    expect(html).toMatch(/<noscript>.*включите JavaScript.*<\/noscript>/s);
    expect(html).toContain('<title>Анкета мониторинга НОК</title>');
  });

  it('escapes every inserted value', () => {
    const evil = formPageHtml({
      campaignCode: '"><script>alert(1)</script>',
      scriptUrl: '/a.js?x="y"',
      styleUrl: "/a.css?'",
      title: '</title><script>alert(2)</script>',
    });
    expect(evil).not.toContain('<script>alert');
    expect(evil).toContain('data-campaign="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(evil).toContain('src="/a.js?x=&quot;y&quot;"');
    expect(evil).toContain('href="/a.css?&#39;"');
    expect(evil).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;</title>');
  });
});
