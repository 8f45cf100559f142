// The public report of a campaign's published analytics (issue 14, point 9): server-rendered pages
// anyone reads without signing in and without JavaScript, and the CSV of every published table.
//   /reports/<campaign>                  the latest publication (with the list of every version)
//   /reports/<campaign>/v<N>             publication N: older ones stay readable
//   /reports/<campaign>/v<N>.csv         every table of publication N in one CSV (UTF-8 with a BOM)
//   /reports/<campaign>/v<N>/<table>.csv one table of it (a question's code, or ratio-<code>)
// Only the stored snapshots are read (AnalyticsPublication: disclosure control already applied,
// free-text answers only where the definition publishes them, without their regions), never the live
// answers. The layout is seed 002's: who took part, then every figure and table in the order
// reportBlocks gives (api/src/services/analyticsReport.ts, the console's report tab uses the same),
// a bar chart (inline SVG, role="img" with every value in its name) beside each table of options, n
// and the share method under each, suppressed cells as «<3» with a footnote. Printing (to PDF) leaves
// out the site's header, the version list and the links, and keeps a figure on one page where it fits.
// Caching: a publication never changes, so its CSVs are immutable; a version's page may still gain
// newer versions in its list (an hour's cache), the latest page is revalidated each time (ETag).
// In this process the rendered bodies (and a page's brotli and gzip forms, made when first asked
// for) are kept by their ETag, a small LRU per database: a repeat request costs the one query of the
// versions list (which says whether a newer publication exists, whichever server published it),
// then answers from memory; a new publication changes the ETag of the pages, so the latest page
// shows it at once. Concurrent first requests of one body render it once.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.ts';
import { type Publication, publicationVersions, publishedAnalytics, type PublicationSummary } from '../services/analytics.ts';
import {
  blockCode,
  blockCsv,
  byMentions,
  formatNumber,
  formatShare,
  hiddenMark,
  methodNote,
  type NamedColumn,
  questionColumns,
  questionnaires,
  questionTitle,
  type ReportBlock,
  type ReportQuestion,
  type ReportRatio,
  type ReportRegion,
  regionsCount,
  reportBlocks,
  reportCsv,
} from '../services/analyticsReport.ts';
import { assetUrl } from './assets.ts';
import { bodyOf, chooseEncoding, compressNow, type Encoding, varyOnEncoding } from './compression.ts';
import { escapeHtml, layout, messagePage } from './pages.ts';

/** Any path under /reports/ is answered here (an unknown one with the report's own 404). */
export const REPORTS_PREFIX = '/reports/';
const REPORT_PATH = /^\/reports\/([a-z0-9-]{1,64})(?:\/|\/v([1-9][0-9]{0,6})(?:(\.csv)|\/([a-z0-9_-]{1,80})\.csv)?)?$/;

/** Bumped when the page's markup changes, so validators of earlier renderings no longer match. */
const RENDERING = '1';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const VERSION_PAGE = 'public, max-age=3600';
const LATEST_PAGE = 'public, no-cache';

const dateTime = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Moscow' });
const dateText = (date: Date) => `${dateTime.format(date)} (МСК)`;

/** How a page is answered (web.ts's html(): its security headers, the status, these headers over its no-store). */
export type HtmlResponder = (body: string, status?: number, headers?: Record<string, string>) => Response;

const e = escapeHtml;

// ---------------------------------------------------------------------------------------------------
// Charts: horizontal bars as inline SVG.

const SERIES_COLOURS = ['#1565c0', '#e65100', '#2e7d32', '#6a1b9a', '#37474f'];

/** A label as lines of about `chars` characters (SVG text does not wrap), at most three, the last cut with «…». */
function lines(label: string, chars = 30, max = 3): string[] {
  const result: string[] = [];
  let line = '';
  for (const word of label.split(/\s+/).filter(Boolean)) {
    if (line && line.length + word.length + 1 > chars) {
      result.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) result.push(line);
  if (result.length <= max) return result;
  const rest = result.slice(max - 1).join(' ');
  return [...result.slice(0, max - 1), `${rest.slice(0, chars - 1)}…`];
}

/**
 * Shares 0–1 per category and series (null: suppressed, drawn as «<3» without a bar). role="img":
 * its accessible name is the title and every value, as the table beside it gives them.
 */
function barChart(title: string, categories: string[], series: { name: string; values: (number | null)[] }[], threshold: number | null): string {
  const labelWidth = 250;
  const barWidth = 300;
  const width = labelWidth + barWidth + 60;
  const band = 14;
  const gap = 10;
  const lineHeight = 14;
  const legend = series.length > 1 ? 22 : 0;
  const value = (share: number | null) => (share === null ? hiddenMark(threshold) : formatShare(share));
  let y = legend;
  const rows = categories.map((category, c) => {
    const text = lines(category);
    const top = y;
    y += Math.max(text.length * lineHeight, series.length * band) + gap;
    const label = `<text x="${labelWidth - 8}" y="${top + 11}" text-anchor="end">${text
      .map((line, l) => `<tspan x="${labelWidth - 8}" dy="${l === 0 ? 0 : lineHeight}">${e(line)}</tspan>`)
      .join('')}</text>`;
    const bars = series
      .map((one, s) => {
        const share = one.values[c] ?? null;
        const length = share === null ? 0 : share > 0 ? Math.max(1, Math.round(barWidth * Math.min(share, 1))) : 0;
        const barTop = top + s * band + 1;
        return `<rect x="${labelWidth}" y="${barTop}" width="${length}" height="11" fill="${SERIES_COLOURS[s % SERIES_COLOURS.length]}"/><text x="${labelWidth + length + 4}" y="${barTop + 10}" font-size="11">${e(value(share))}</text>`;
      })
      .join('');
    return label + bars;
  });
  const axisTop = y;
  const ticks = [0, 0.25, 0.5, 0.75, 1]
    .map((tick) => {
      const x = labelWidth + barWidth * tick;
      return `<line x1="${x}" x2="${x}" y1="${legend}" y2="${axisTop}" stroke="#ddd"/><text x="${x}" y="${axisTop + 13}" font-size="11" text-anchor="middle">${e(formatShare(tick))}</text>`;
    })
    .join('');
  const legendMarks =
    series.length > 1
      ? series
          .map(
            (one, s) =>
              `<rect x="${labelWidth + s * 80}" y="4" width="10" height="10" fill="${SERIES_COLOURS[s % SERIES_COLOURS.length]}"/><text x="${labelWidth + s * 80 + 14}" y="13">${e(one.name)}</text>`,
          )
          .join('')
      : '';
  const summary = categories
    .map((category, c) => `${category} — ${series.map((one) => `${one.name ? `${one.name} — ` : ''}${value(one.values[c] ?? null)}`).join(', ')}`)
    .join('; ');
  const height = axisTop + 20;
  return `<svg class="chart" role="img" aria-label="${e(`${title}: ${summary}`)}" viewBox="0 0 ${width} ${height}" width="100%" style="max-width:${width}px" font-size="12" fill="#222">${legendMarks}${ticks}${rows.join('')}</svg>`;
}

// ---------------------------------------------------------------------------------------------------
// Tables.

/** A suppressed cell: «<3», pointing to the footnote on disclosure control. */
const hiddenCell = (threshold: number | null) => `<span class="hidden-cell">${e(hiddenMark(threshold))}</span>`;
const SUPPRESSED_TEXT = '<span class="hidden-cell">скрыто</span>';

function footnote(threshold: number | null): string {
  return ` <a href="#disclosure" class="footnote">«${e(hiddenMark(threshold))}» — скрыто: меньше ${threshold ?? 3} респондентов (или чтобы скрытое нельзя было вычислить из итогов).</a>`;
}

const regionNames = (regions: ReportRegion[]) => regions.map((region) => region.name).join(', ');

function choiceFigures(labelId: string, title: string, columns: NamedColumn[], type: string | null, threshold: number | null): string {
  const options = columns[0]!.options!;
  const heads = columns.map((column) => `<th scope="col">${e(column.name || 'Количество (доля)')}</th>`).join('');
  const cell = (count: number | null, share: number | null, suppressed: boolean) =>
    suppressed || count === null ? hiddenCell(threshold) : e(`${formatNumber(count)} (${formatShare(share ?? 0)})`);
  const rows = options
    .map(
      (option, o) =>
        `<tr><th scope="row">${e(option.label)}</th>${columns
          .map((column) => {
            const one = column.options![o]!;
            return `<td>${cell(one.count, one.share, one.suppressed)}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const total = (name: string, value: (column: NamedColumn) => string) =>
    `<tr class="total"><th scope="row">${e(name)}</th>${columns.map((column) => `<td>${value(column)}</td>`).join('')}</tr>`;
  const n = total('Ответили (n)', (column) => (column.answered === null ? hiddenCell(threshold) : e(formatNumber(column.answered))));
  const mentions = byMentions(columns[0]!)
    ? total('Упоминаний', (column) => (column.mentions === null ? hiddenCell(threshold) : e(formatNumber(column.mentions))))
    : '';
  const notApplicable = columns.some((column) => column.notApplicable > 0)
    ? total('Не применимо', (column) => e(formatNumber(column.notApplicable)))
    : '';
  // Nothing to draw when every cell is hidden: the table says «<3» alone.
  const visible = columns.some((column) => column.options!.some((option) => !option.suppressed));
  const chart = !visible
    ? ''
    : barChart(
        `${title}, ${byMentions(columns[0]!) ? 'доля упоминаний' : 'доля ответивших'}`,
        options.map((option) => option.label),
        columns.map((column) => ({ name: column.name, values: column.options!.map((option) => (option.suppressed ? null : option.share)) })),
        threshold,
      );
  const withRegions = options.filter((_, o) => columns.some((column) => column.options![o]!.regions.length));
  const regions = withRegions.length
    ? `<details class="regions"><summary>Регионы по вариантам ответа</summary>${columns
        .map(
          (column) =>
            `${columns.length > 1 ? `<p class="regions-year">${e(column.name)}</p>` : ''}<ul>${column
              .options!.filter((option) => option.regions.length)
              .map((option) => `<li>${e(option.label)}: ${e(regionNames(option.regions))}</li>`)
              .join('')}</ul>`,
        )
        .join('')}</details>`
    : '';
  return `<div class="figure-body">
<table aria-labelledby="${labelId}"><thead><tr><th scope="col">Вариант ответа</th>${heads}</tr></thead><tbody>${rows}${n}${mentions}${notApplicable}</tbody></table>
${chart}
</div>
<p class="note" data-testid="method-note">${e(methodNote(columns, type))}${columns.some((column) => column.suppressed) ? footnote(threshold) : ''}</p>
${regions}`;
}

function numbersFigures(labelId: string, columns: NamedColumn[], threshold: number | null): string {
  const perYear = columns.length > 1 || Boolean(columns[0]?.name);
  const extreme = (value: number | undefined, regions: ReportRegion[] | undefined) =>
    value === undefined ? '' : `${formatNumber(value)}${regions?.length ? ` (${regionNames(regions)})` : ''}`;
  const rows = columns
    .map((column) => {
      const numbers = column.numbers;
      const stat = (text: string) => (numbers ? e(text) : column.suppressed ? SUPPRESSED_TEXT : '—');
      return `<tr>${perYear ? `<th scope="row">${e(column.name)}</th>` : ''}<td>${column.answered === null ? hiddenCell(threshold) : e(formatNumber(column.answered))}</td><td>${stat(formatNumber(numbers?.sum))}</td><td>${stat(formatNumber(numbers?.mean))}</td><td>${stat(extreme(numbers?.min, numbers?.minRegions))}</td><td>${stat(extreme(numbers?.max, numbers?.maxRegions))}</td><td>${stat(formatNumber(numbers?.median))}</td></tr>`;
    })
    .join('');
  const heads = ['Ответили (n)', 'Сумма', 'Среднее', 'Минимум', 'Максимум', 'Медиана'].map((name) => `<th scope="col">${name}</th>`).join('');
  return `<table aria-labelledby="${labelId}"><thead><tr>${perYear ? '<th scope="col">Год</th>' : ''}${heads}</tr></thead><tbody>${rows}</tbody></table>
<p class="note" data-testid="method-note">n — ответившие на вопрос${perYear ? ' за год' : ''}; минимум и максимум — с регионами, давшими эти ответы.${columns.some((column) => column.suppressed) ? footnote(threshold) : ''}</p>`;
}

function textFigures(labelId: string, columns: NamedColumn[], threshold: number | null): string {
  const n = columns
    .map((column) => `${column.name ? `${column.name} — ` : ''}${column.answered === null ? hiddenMark(threshold) : formatNumber(column.answered)}`)
    .join(', ');
  const yearly = columns.filter((column) => column.name && !column.name.includes('–'));
  const listed = yearly.length ? yearly : columns;
  const texts = listed.flatMap((column) => (column.texts ?? []).map((text) => ({ text: text.text, year: column.name })));
  const total = listed.reduce((sum, column) => sum + column.textsTotal, 0);
  const list = texts.length
    ? `<ol class="texts" aria-labelledby="${labelId}">${texts
        .map((text) => `<li>${e(text.text)}${text.year && listed.length > 1 ? ` (${e(text.year)})` : ''}</li>`)
        .join('')}</ol>${total > texts.length ? `<p class="note">Показаны ${formatNumber(texts.length)} ответов из ${formatNumber(total)}.</p>` : ''}`
    : '';
  return `<p class="note" data-testid="method-note">Ответили (n): ${e(n)}.${columns.some((column) => column.suppressed) ? footnote(threshold) : ''}</p>${list}`;
}

function columnsFigures(labelId: string, title: string, columns: NamedColumn[], type: string | null, threshold: number | null): string {
  if (columns[0]!.options) return choiceFigures(labelId, title, columns, type, threshold);
  if (type === 'number') return numbersFigures(labelId, columns, threshold);
  return textFigures(labelId, columns, threshold);
}

function heading(id: string, level: 3 | 4, caption: string | null, title: string): string {
  return `<h${level} id="${id}">${caption ? `${e(caption)}<span class="subtitle">${e(title)}</span>` : e(title)}</h${level}>`;
}

function questionBlock(question: ReportQuestion, threshold: number | null, csvBase: string): string {
  const id = `q-${question.code}`;
  const title = questionTitle(question);
  const csv = `<p class="table-csv"><a href="${e(`${csvBase}/${question.code}.csv`)}">Таблица в CSV</a></p>`;
  if (question.fields) {
    const fields = question.fields
      .filter((field) => field.type !== 'longText')
      .map((field) => {
        const fieldId = `${id}-${field.code}`;
        return `<div class="field-block">${heading(fieldId, 4, null, field.caption ?? field.label)}${columnsFigures(
          fieldId,
          field.caption ?? `${title}: ${field.label}`,
          [{ ...field, name: '' }],
          field.type,
          threshold,
        )}</div>`;
      })
      .join('\n');
    return `<article class="block" aria-labelledby="${id}">${heading(id, 3, question.caption, title)}
<p class="note">Ответили (n): ${question.answered === null ? hiddenCell(threshold) : e(formatNumber(question.answered))}; всего записей: ${e(formatNumber(question.items))}. Доли полей — от числа записей, ответивших на поле.</p>
${fields}${csv}</article>`;
  }
  const type = question.type === 'region' ? 'region' : (question.cellType ?? question.type);
  return `<article class="block" aria-labelledby="${id}">${heading(id, 3, question.caption, title)}
${columnsFigures(id, question.caption ?? title, questionColumns(question, { skipEmptyYears: true }), type, threshold)}${csv}</article>`;
}

const RATIO_COLUMNS = [
  ['count', 'Учтено анкет'],
  ['skipped', 'Не учтено'],
  ['mean', 'Среднее'],
  ['min', 'Минимум'],
  ['max', 'Максимум'],
  ['median', 'Медиана'],
  ['aggregate', 'Совокупно'],
] as const;

function ratioBlock(ratio: ReportRatio, threshold: number | null, csvBase: string): string {
  const id = `ratio-${ratio.code}`;
  const title = `${ratio.label}${ratio.unit ? `, ${ratio.unit}` : ''}`;
  const rows = ratio.years
    .map(
      (year) =>
        `<tr><th scope="row">${year.year}</th>${RATIO_COLUMNS.map(([key]) => {
          const value = year[key];
          return `<td>${value === null && year.suppressed ? SUPPRESSED_TEXT : e(formatNumber(value))}</td>`;
        }).join('')}</tr>`,
    )
    .join('');
  const suppressed = ratio.years.some((year) => year.suppressed);
  return `<article class="block" aria-labelledby="${id}">${heading(id, 3, null, title)}
<table aria-labelledby="${id}"><thead><tr><th scope="col">Год</th>${RATIO_COLUMNS.map(([, name]) => `<th scope="col">${name}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>
<p class="note" data-testid="method-note">По анкетам, в которых даны оба числа (n — «Учтено анкет»); «Совокупно» — сумма числителей, делённая на сумму знаменателей.${suppressed ? ` <a href="#disclosure" class="footnote">«скрыто» — меньше ${threshold ?? 3} анкет.</a>` : ''}</p>
<p class="table-csv"><a href="${e(`${csvBase}/${id}.csv`)}">Таблица в CSV</a></p></article>`;
}

// ---------------------------------------------------------------------------------------------------
// The page.

const STYLE = `<style>
main.report { max-width: 64rem; }
.report .lead { margin-top: -0.5rem; }
.report h2 { font-size: 1.3rem; margin: 2rem 0 0.75rem; }
.report h3 { font-size: 1.05rem; margin: 0 0 0.5rem; }
.report h4 { font-size: 1rem; margin: 1rem 0 0.4rem; }
.report .subtitle { display: block; font-weight: 400; color: var(--muted); font-size: 0.92rem; }
.report .block { border-top: 1px solid var(--line); padding: 1rem 0 0.5rem; }
.report .figure-body { display: flex; flex-wrap: wrap; gap: 1.25rem; align-items: flex-start; }
.report .figure-body table { flex: 1 1 22rem; }
.report .chart { flex: 1 1 26rem; }
.report table { border-collapse: collapse; font-size: 0.92rem; margin: 0.25rem 0; }
.report th, .report td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; }
.report thead th { background: var(--bg); }
.report td { text-align: right; white-space: nowrap; }
.report tbody th { text-align: left; font-weight: 400; }
.report tr.total th { font-weight: 700; }
.report .note { color: var(--muted); font-size: 0.9rem; margin: 0.4rem 0; }
.report .hidden-cell { font-style: italic; }
.report .footnote { color: var(--muted); }
.report .table-csv { font-size: 0.9rem; margin: 0.25rem 0 0; }
.report .versions ul { padding-left: 1.2rem; }
.report .disclosure { border-left: 6px solid var(--accent); background: var(--bg); padding: 0.6rem 1rem; }
.report details.regions { font-size: 0.9rem; margin: 0.4rem 0; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  header.site, footer.site, .skip, nav.versions, .report-actions, .table-csv, details.regions { display: none !important; }
  html, body { background: #fff; color: #000; font-size: 10.5pt; }
  main.report { max-width: none; margin: 0; padding: 0; border: 0; }
  .report .block, .report .field-block, .report table, .report svg { break-inside: avoid; }
  .report h2, .report h3, .report h4 { break-after: avoid; }
  .report .footnote { color: #000; text-decoration: none; }
  .report .chart { max-width: 16cm !important; }
}
</style>`;

function versionsNav(code: string, versions: PublicationSummary[], shown: number): string {
  const base = `/reports/${encodeURIComponent(code)}`;
  return `<nav class="versions" aria-labelledby="versions-heading">
<h2 id="versions-heading">Версии публикации</h2>
<ul>${versions
    .map(
      (one) =>
        `<li><a href="${e(`${base}/v${one.version}`)}"${one.version === shown ? ' aria-current="page"' : ''}>№ ${one.version} от ${e(dateText(one.publishedAt))}</a> — ${e(questionnaires(one.respondentsCount))}</li>`,
    )
    .join('')}</ul>
</nav>`;
}

/** The page of one publication, with the list of every version. */
export function reportPage(publication: Publication, versions: PublicationSummary[]): string {
  const analytics = publication.analytics;
  const code = publication.campaignCode;
  const latest = versions[0]?.version ?? publication.version;
  const csvBase = `/reports/${encodeURIComponent(code)}/v${publication.version}`;
  const threshold = publication.threshold;
  const regions = analytics.nonParticipatingRegions;
  const sectionTitle = new Map(analytics.sections.map((section) => [section.code, section.title]));
  let section: string | null = null;
  const blocks = reportBlocks(analytics)
    .map((block: ReportBlock) => {
      let head = '';
      if (block.kind === 'question' && block.question.sectionCode !== section) {
        section = block.question.sectionCode;
        head = `<h2>${e(sectionTitle.get(section) ?? section)}</h2>\n`;
      }
      return head + (block.kind === 'question' ? questionBlock(block.question, threshold, csvBase) : ratioBlock(block.ratio, threshold, csvBase));
    })
    .join('\n');
  const body = `${STYLE}
<h1>${e(analytics.title)}</h1>
<p class="lead" data-testid="report-version">Опубликованная аналитика. Публикация № ${publication.version} от <time datetime="${publication.publishedAt.toISOString()}">${e(dateText(publication.publishedAt))}</time>. Учтены отправленные анкеты: ${e(questionnaires(publication.respondentsCount))}.</p>
${publication.version !== latest ? `<p class="notice report-actions">Есть более новая публикация: <a href="/reports/${e(encodeURIComponent(code))}">№ ${latest}</a>.</p>` : ''}
<p class="report-actions"><a href="${e(`${csvBase}.csv`)}" data-testid="report-csv">Скачать все таблицы (CSV)</a>. Чтобы распечатать отчёт или сохранить его в PDF, воспользуйтесь печатью браузера (Ctrl+P).</p>
${versionsNav(code, versions, publication.version)}
<h2 id="participation">Участие в опросе</h2>
<p data-testid="report-participation">В опросе приняли участие представители ${e(regionsCount(analytics.participatingRegionsCount))} из ${e(formatNumber(analytics.expectedRegionsCount))} ожидаемых.${regions.length ? ` Не принимали участия: ${e(regions.map((region) => region.name).join(', '))}.` : ''}</p>
<p class="disclosure" id="disclosure">Контроль раскрытия: показатели, основанные на ответах менее чем ${threshold} респондентов, скрыты («${e(hiddenMark(threshold))}», «скрыто»), как и ячейки, по которым скрытое можно было бы вычислить из итогов. Доли под каждой таблицей названы: от числа ответивших на вопрос (n) или от числа упоминаний.</p>
${blocks}`;
  return layout({ title: `${analytics.title}: аналитика`, body }).replace('<main id="main">', '<main id="main" class="report">');
}

// ---------------------------------------------------------------------------------------------------
// The routes.

/** A weak validator of what a page shows: the publication, the newest version (the list), the markup and the stylesheet. */
function validator(parts: (string | number)[]): string {
  return `W/"${createHash('sha256')
    .update([RENDERING, assetUrl('site.css'), ...parts].join('|'))
    .digest('base64url')
    .slice(0, 22)}"`;
}

function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim() === '*' || strip(tag) === strip(etag));
}

const notFound = (html: HtmlResponder) =>
  html(
    messagePage({
      title: 'Отчёт не найден',
      message: 'Такого опроса нет или его аналитика ещё не опубликована. Проверьте адрес страницы.',
    }),
    404,
  );

function csvResponse(body: Uint8Array<ArrayBuffer>, filename: string, etag: string): Response {
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': IMMUTABLE,
      etag,
      'x-content-type-options': 'nosniff',
    },
  });
}

// ---------------------------------------------------------------------------------------------------
// Rendered bodies kept in memory.

/** How many rendered bodies are kept per database, and their total size in bytes (UTF-8, not counting compressed forms). */
export const REPORT_CACHE_ENTRIES = 48;
export const REPORT_CACHE_BYTES = 48 * 1024 * 1024;

/** A rendered body: its UTF-8 bytes, and its compressed forms once asked for. */
export interface CachedBody {
  bytes: Uint8Array<ArrayBuffer>;
  encoded: Partial<Record<Encoding, Promise<Uint8Array<ArrayBuffer>>>>;
}

/**
 * Bodies by their ETag, least recently used dropped first. An ETag names what its body shows (the
 * campaign, the version, for a page the newest version and the list's length, the markup and the
 * stylesheet), so an entry is right for as long as its ETag is the one a request computes.
 */
export class ReportBodyCache {
  private readonly entries = new Map<string, CachedBody>();
  private readonly rendering = new Map<string, Promise<CachedBody | null>>();
  private bytes = 0;
  /** Requests answered from memory, and bodies rendered (for the tests and a curious operator). */
  hits = 0;
  renders = 0;

  constructor(
    private readonly maxEntries = REPORT_CACHE_ENTRIES,
    private readonly maxBytes = REPORT_CACHE_BYTES,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The body under this ETag: kept, being rendered for another request, or rendered now (null: nothing to show, not kept). */
  async body(key: string, render: () => Promise<string | null>): Promise<CachedBody | null> {
    const kept = this.entries.get(key);
    if (kept) {
      this.hits += 1;
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const pending = this.rendering.get(key);
    if (pending) return pending;
    const made = (async () => {
      this.renders += 1;
      const text = await render();
      if (text === null) return null;
      const body: CachedBody = { bytes: bodyOf(Buffer.from(text, 'utf8')), encoded: {} };
      this.keep(key, body);
      return body;
    })().finally(() => this.rendering.delete(key));
    this.rendering.set(key, made);
    return made;
  }

  private keep(key: string, body: CachedBody): void {
    if (body.bytes.byteLength > this.maxBytes) return;
    this.entries.set(key, body);
    this.bytes += body.bytes.byteLength;
    for (const [oldest, old] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.bytes.byteLength;
    }
  }
}

/** The body in the encoding the client takes (compressed once per body and encoding), as compressResponse would send it. */
async function encodedBody(body: CachedBody, request: Request): Promise<{ bytes: Uint8Array<ArrayBuffer>; encoding: Encoding | null }> {
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  if (!encoding) return { bytes: body.bytes, encoding: null };
  let encoded = body.encoded[encoding];
  if (!encoded) {
    encoded = compressNow(body.bytes, encoding).then(bodyOf);
    body.encoded[encoding] = encoded;
    encoded.catch(() => {
      delete body.encoded[encoding];
    });
  }
  return { bytes: await encoded, encoding };
}

/** One cache per database client (tests open several databases in one process). */
const caches = new WeakMap<Db, ReportBodyCache>();

export function reportBodyCache(prisma: Db): ReportBodyCache {
  let cache = caches.get(prisma);
  if (!cache) {
    cache = new ReportBodyCache();
    caches.set(prisma, cache);
  }
  return cache;
}

/**
 * A page from memory with html()'s headers (security headers, these), compressed for the client and
 * marked as varying on Accept-Encoding, so web.ts's compressResponse leaves it as it is.
 */
async function pageResponse(html: HtmlResponder, request: Request, body: CachedBody, headers: Record<string, string>): Promise<Response> {
  const { bytes, encoding } = await encodedBody(body, request);
  const shell = html('', 200, headers);
  const all = new Headers(shell.headers);
  varyOnEncoding(all);
  if (encoding) all.set('content-encoding', encoding);
  all.set('content-length', String(bytes.byteLength));
  return new Response(bytes, { status: 200, headers: all });
}

/** GET (and HEAD, which web.ts answers as GET without the body) of a path under /reports/. */
export async function reportRoute(prisma: Db, request: Request, pathname: string, html: HtmlResponder): Promise<Response> {
  const match = REPORT_PATH.exec(pathname);
  if (!match) return notFound(html);
  const [, code, versionText, wholeCsv, tableCsv] = match as unknown as [string, string, string?, string?, string?];
  const asked = versionText ? Number(versionText) : null;
  const versions = await publicationVersions(prisma, code!);
  if (!versions.length) return notFound(html);
  const latest = versions[0]!.version;
  const version = asked ?? latest;
  const bodies = reportBodyCache(prisma);

  if (wholeCsv || tableCsv) {
    const etag = validator(['csv', code!, version, tableCsv ?? '']);
    if (notModified(request, etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': IMMUTABLE } });
    const body = await bodies.body(etag, async () => {
      const publication = await publishedAnalytics(prisma, code!, version);
      if (!publication) return null;
      if (wholeCsv) return reportCsv(publication.analytics);
      const block = reportBlocks(publication.analytics).find((one) => blockCode(one) === tableCsv);
      return block ? blockCsv(block) : null;
    });
    if (!body) return notFound(html);
    return csvResponse(body.bytes, `${code}-analytics-v${version}${tableCsv ? `-${tableCsv}` : ''}.csv`, etag);
  }

  const cache = asked === null ? LATEST_PAGE : VERSION_PAGE;
  const etag = validator(['page', code!, version, latest, versions.length]);
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: { etag, 'cache-control': cache } });
  const body = await bodies.body(etag, async () => {
    const publication = await publishedAnalytics(prisma, code!, version);
    return publication ? reportPage(publication, versions) : null;
  });
  if (!body) return notFound(html);
  return pageResponse(html, request, body, { 'cache-control': cache, etag });
}
