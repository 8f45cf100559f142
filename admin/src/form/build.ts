// Builds the respondent form's assets (one script, one stylesheet) in memory, and the HTML page that
// loads them. The server serves GET /form/<campaignCode>/ → formPageHtml(...) naming the built files
// by their hashed names (/assets/form.<hash>.js, api/src/http/assets.ts). The form stays one small
// classic script: respondents are often on slow connections, and one request is the fastest.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface FormAssets {
  js: string;
  css: string;
}

export async function buildFormAssets(): Promise<FormAssets> {
  const [script, stylesheet] = await Promise.all([
    build({
      entryPoints: [path.join(here, 'main.tsx')],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      jsx: 'automatic',
      jsxImportSource: 'preact',
      legalComments: 'none',
      charset: 'utf8',
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    }),
    readFile(path.join(here, 'form.css'), 'utf8').then((css) => transform(css, { loader: 'css', minify: true, charset: 'utf8' })),
  ]);
  return { js: script.outputFiles[0]!.text, css: stylesheet.code };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/** The page shell of the form; every inserted value is escaped. */
export function formPageHtml(options: { campaignCode: string; scriptUrl: string; styleUrl: string; title: string }): string {
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<link rel="icon" href="data:,">
<title>${title}</title>
<link rel="stylesheet" href="${escapeHtml(options.styleUrl)}">
<script defer src="${escapeHtml(options.scriptUrl)}"></script>
</head>
<body>
<noscript><div class="noscript"><h1>${title}</h1><p>Для заполнения анкеты включите JavaScript в настройках браузера и обновите страницу. Если это невозможно, обратитесь в Ресурсный центр ФГБУ «ВНИИ труда» Минтруда России: (495) 917-26-89, diagnostica@vcot.info.</p></div></noscript>
<div id="app" data-campaign="${escapeHtml(options.campaignCode)}"><p class="loading">Загрузка анкеты…</p></div>
</body>
</html>
`;
}
