// The whole HTTP surface as one fetch handler (Request → Response), so tests call it without a
// network and server.ts adapts it to node:http:
//   /                      registration (email, «Я не робот», consent)
//   /link                  "send me my link again"
//   /auth?e=&h=            the personal link: GET shows «Войти», POST signs in
//   /auth/logout           POST signs out
//   /auth/copy             POST: the sent questionnaire, read-only, for its personal link (sentCopy.ts)
//   /form/<campaign>/copy  the signed-in respondent's questionnaire, read-only and printable
//   /altcha/challenge      a robot-check challenge for the widget
//   /form/<campaign>/      the respondent form client
//   /admin/                the coordinators' console (react-admin, hash-routed)
//   /admin/export/<campaign>.xlsx|.csv   a coordinator's download of the answers (streamed)
//   /reports/<campaign>[/v<N>[.csv]]     the published analytics, for anyone (reportPages.ts)
//   /assets/*              scripts and styles, named by their content's hash (assets.ts)
//   /graphql               the API
import { Request as FetchRequest } from '@whatwg-node/fetch';
import { databaseUnavailable, type Db } from '../db/client.ts';
import type { RequestOrigin } from '../auth/authEvents.ts';
import { defaultCaptchaConfig, newChallenge, type CaptchaConfig } from '../auth/captcha.ts';
import { sessionFromRequest } from '../auth/sessions.ts';
import type { Mailer } from '../email/mailer.ts';
import { startOutboxWorker } from '../email/outbox.ts';
import { windowText } from '../survey/window.ts';
import { register, requestLink, RegistrationRefused, openCampaignForRegistration, type RateLimits } from '../services/registration.ts';
import { inspectLink, signInWithLink, signOut } from '../services/signIn.ts';
import { createApp, RETRY_AFTER_SECONDS, type App, unavailableMessages } from '../yoga.ts';
import { EXPORT_PATH, exportDownload } from './exportRoute.ts';
import { consoleClient, formClient, isAssetName, loadAssets } from './assets.ts';
import { bodyOf, chooseEncoding, compressResponse } from './compression.ts';
import { faviconResponse } from './favicon.ts';
import { sentCopyByLink, sentCopyPage, sentLinkPage } from './sentCopy.ts';
import { answerSheet } from '../services/answerSheet.ts';
import { REPORTS_PREFIX, reportRoute } from './reportPages.ts';
import { linkRequestPage, linkSentPage, messagePage, registeredPage, registerPage, signInPage, windowClosedPage, type FieldErrors } from './pages.ts';

export interface WebOptions {
  prisma: Db;
  mailer: Mailer;
  /** The address people use, e.g. https://monitoring-noq.vcot.info (links in mails, origin checks). */
  publicUrl: string;
  exposeSchema?: boolean;
  captcha?: CaptchaConfig;
  limits?: RateLimits;
  /** Trust X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** Outbox polling interval; 0 = no background worker (tests drive the outbox themselves). */
  outboxIntervalMs?: number;
  /**
   * Exact origins (CORS_ORIGINS) whose pages may call /graphql from a browser, with a portal's Bearer
   * token: never with cookies (no Access-Control-Allow-Credentials). None by default.
   */
  corsOrigins?: readonly string[];
}

export interface Web {
  fetch(request: Request, client?: { ip?: string | null }): Promise<Response>;
  app: App;
  /** Delivers due mails now. */
  deliverMail(): void;
  close(): Promise<void>;
}

/** Form posts and GraphQL requests larger than this are refused with 413 before being read whole. */
export const MAX_BODY_BYTES = 1024 * 1024;
const MAX_FORM_BYTES = 64 * 1024;

const securityHeaders = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin',
  'x-frame-options': 'DENY',
};

/**
 * CORS_ORIGINS: comma-separated exact origins (`https://portal.kbr.ru,https://mintrud.kbr.ru`); empty or
 * unset = none. Anything that is not an origin (a path, a `*`, no scheme) is refused at start.
 */
export function parseCorsOrigins(value: string | undefined): string[] {
  const origins: string[] = [];
  for (const part of (value ?? '').split(',')) {
    const origin = part.trim();
    if (!origin) continue;
    let parsed: URL | null = null;
    try {
      parsed = new URL(origin);
    } catch {}
    if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.origin !== origin) {
      throw new Error(`CORS_ORIGINS: «${origin}» is not an origin (scheme://host[:port], no path, no trailing slash)`);
    }
    origins.push(origin);
  }
  return origins;
}

/** A preflight's answer to a configured origin: the methods and headers a portal's request uses. */
const CORS_PREFLIGHT = {
  'access-control-allow-methods': 'POST, GET',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};
/** Response headers a portal's script may read beyond the CORS-safelisted ones (the budget, the 401). */
const CORS_EXPOSED = 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, WWW-Authenticate';

/** For files whose names hold a hash of their content: a new content has a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Whether an If-None-Match header names this entity tag (or any, `*`). */
function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...securityHeaders, ...headers },
  });
}

function redirect(location: string, cookie?: string): Response {
  const headers = new Headers({ location, 'cache-control': 'no-store', ...securityHeaders });
  if (cookie) headers.append('set-cookie', cookie);
  return new Response(null, { status: 303, headers });
}

class BodyTooLarge extends Error {}

async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limit) throw new BodyTooLarge();
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks);
}

async function readForm(request: Request): Promise<URLSearchParams> {
  return new URLSearchParams(Buffer.from(await readBody(request, MAX_FORM_BYTES)).toString('utf8'));
}

export function createWeb(options: WebOptions): Web {
  const app = createApp({ prisma: options.prisma, secureCookies: options.publicUrl.startsWith('https:'), exposeSchema: options.exposeSchema });
  const { prisma } = app;
  const ownOrigin = new URL(options.publicUrl).origin;
  const corsOrigins = new Set(options.corsOrigins ?? []);
  const outboxContext = { prisma, mailer: options.mailer, publicUrl: options.publicUrl };
  const worker = options.outboxIntervalMs === 0 ? null : startOutboxWorker(outboxContext, options.outboxIntervalMs ?? 5_000);

  function originOf(request: Request, client?: { ip?: string | null }): RequestOrigin {
    const forwarded = options.trustProxy ? request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() : null;
    return { ip: forwarded || client?.ip || null, userAgent: request.headers.get('user-agent') };
  }

  /** Form posts must come from our own pages (browsers send Origin on every POST). */
  function crossSite(request: Request): boolean {
    const origin = request.headers.get('origin');
    return origin !== null && origin !== ownOrigin;
  }

  async function currentCampaignInfo() {
    return prisma.$transaction(async (tx) => {
      const { campaign, open, next } = await openCampaignForRegistration(tx);
      return { campaign, open, next };
    });
  }

  async function registration(request: Request, client?: { ip?: string | null }): Promise<Response> {
    const { campaign, open, next } = await currentCampaignInfo();
    if (!campaign) {
      const message = next
        ? `Регистрация откроется вместе с опросом. ${windowText(next.opensAt, next.closesAt)}.`
        : 'Сейчас нет открытого опроса: регистрация и заполнение анкеты недоступны.';
      return html(windowClosedPage(message), request.method === 'POST' ? 403 : 200);
    }
    const infoOf = (one: typeof campaign) => ({ code: one.code, title: one.title, window: windowText(one.opensAt, one.closesAt) });
    const info = infoOf(campaign);
    const campaigns = open.map(infoOf);
    if (request.method === 'GET') return html(registerPage({ campaign: info, campaigns }));
    const form = await readForm(request);
    const email = form.get('email') ?? '';
    const chosen = form.get('campaign');
    try {
      await register(
        prisma,
        { email, campaign: chosen, consent: form.get('consent') === 'yes', captcha: form.get('altcha'), origin: originOf(request, client) },
        { limits: options.limits },
      );
    } catch (error) {
      if (!(error instanceof RegistrationRefused)) throw error;
      const errors: FieldErrors = error.fields;
      return html(registerPage({ campaign: info, campaigns, chosen: chosen ?? undefined, email: email.slice(0, 254), errors }), error.status);
    }
    worker?.poke();
    return redirect('/registered');
  }

  async function linkRequest(request: Request, client?: { ip?: string | null }): Promise<Response> {
    if (request.method === 'GET') return html(linkRequestPage({}));
    const form = await readForm(request);
    const email = form.get('email') ?? '';
    try {
      await requestLink(prisma, { email, captcha: form.get('altcha'), origin: originOf(request, client) }, { limits: options.limits });
    } catch (error) {
      if (!(error instanceof RegistrationRefused)) throw error;
      return html(linkRequestPage({ email: email.slice(0, 254), errors: error.fields }), error.status);
    }
    worker?.poke();
    return redirect('/link/sent');
  }

  /** A personal link that cannot sign in; a fresh one can be asked for unless the questionnaire is sent or closed. */
  const linkRefused = (refusal: { message: string; reason: string }) =>
    html(
      messagePage({
        title: 'Вход по ссылке невозможен',
        message: refusal.message,
        linkToRequest: refusal.reason !== 'submitted' && refusal.reason !== 'expired',
      }),
      400,
    );

  async function personalLink(request: Request, client?: { ip?: string | null }): Promise<Response> {
    if (request.method === 'GET') {
      const url = new URL(request.url);
      const email = url.searchParams.get('e') ?? '';
      const token = url.searchParams.get('h') ?? '';
      const status = await inspectLink(prisma, email, token);
      // A sent questionnaire: the link no longer signs in, but shows the copy read-only (sentCopy.ts).
      if (!status.ok && status.reason === 'submitted') return html(sentLinkPage({ email, token }));
      if (!status.ok) return linkRefused(status);
      return html(signInPage({ email, token }));
    }
    const form = await readForm(request);
    const result = await signInWithLink(prisma, app.auth, {
      email: form.get('e') ?? '',
      token: form.get('h') ?? '',
      origin: originOf(request, client),
    });
    if (!result.ok) return linkRefused(result);
    return redirect(`/form/${encodeURIComponent(result.campaignCode)}/`, result.cookie.serialize());
  }

  /** POST /auth/copy: the sent questionnaire, read-only, for its personal link (no session is made). */
  async function copyByLink(request: Request, client?: { ip?: string | null }): Promise<Response> {
    const form = await readForm(request);
    const email = form.get('e') ?? '';
    const token = form.get('h') ?? '';
    const copy = await sentCopyByLink(prisma, { email, token, origin: originOf(request, client) });
    if (copy.kind === 'copy') return html(sentCopyPage(copy.sheet));
    if (copy.kind === 'draft') return html(signInPage({ email, token }));
    return linkRefused(copy);
  }

  /** GET /form/<campaign>/copy: the signed-in respondent's own questionnaire, read-only and printable. */
  async function ownCopy(request: Request, campaignCode: string): Promise<Response> {
    const resolved = await sessionFromRequest(app.auth, request);
    const response = resolved
      ? await prisma.response.findFirst({ where: { respondentId: resolved.user.id, campaign: { code: campaignCode } }, select: { id: true } })
      : null;
    const sheet = response ? await answerSheet(prisma, response.id) : null;
    if (!sheet) {
      return html(
        messagePage({ title: 'Анкета не найдена', message: 'Войдите по персональной ссылке из письма, чтобы просмотреть свою анкету.' }),
        resolved ? 404 : 401,
      );
    }
    return html(sentCopyPage(sheet, { backToForm: true }));
  }

  async function logout(request: Request, client?: { ip?: string | null }): Promise<Response> {
    const resolved = await sessionFromRequest(app.auth, request);
    if (!resolved) return redirect('/', app.auth.createBlankSessionCookie().serialize());
    const blank = await signOut(prisma, app.auth, resolved.session.id, resolved.user.id, originOf(request, client));
    return redirect('/', blank.serialize());
  }

  /**
   * A file under /assets/ by its hashed name, cached for a year, in the encoding the client takes
   * (compressed when it was built); a plain name (`form.js`) redirects to the current file.
   */
  async function serveAsset(name: string, request: Request): Promise<Response> {
    const assets = await loadAssets();
    const found = assets.files.get(name);
    if (!found) {
      if (isAssetName(name)) return new Response(null, { status: 307, headers: { location: assets.url(name), 'cache-control': 'no-cache' } });
      return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
    }
    const encoding = chooseEncoding(request.headers.get('accept-encoding'));
    const encoded = encoding ? found.encoded[encoding] : undefined;
    // Each encoding is a representation of its own, with a validator of its own.
    const etag = encoded ? `${found.etag.slice(0, -1)}-${encoding}"` : found.etag;
    const headers: Record<string, string> = { etag, 'cache-control': IMMUTABLE, vary: 'Accept-Encoding' };
    if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    const body = encoded ?? found.body;
    if (encoded && encoding) headers['content-encoding'] = encoding;
    return new Response(bodyOf(body), {
      headers: { ...headers, 'content-type': found.type, 'content-length': String(body.byteLength), 'x-content-type-options': 'nosniff' },
    });
  }

  async function route(request: Request, client?: { ip?: string | null }): Promise<Response> {
    const url = new URL(request.url);
    const { pathname } = url;
    const method = request.method;
    if (pathname === '/graphql') {
      // CORS for the configured origins only (yoga's own CORS is off: it would answer any origin, with
      // credentials). Another origin's request is never served with our cookies: a portal sends its
      // Bearer token, and a coordinator's session is not used from another site's page.
      const origin = request.headers.get('origin');
      const foreign = origin !== null && origin !== ownOrigin;
      const allowed = foreign && corsOrigins.has(origin);
      const vary: Record<string, string> = corsOrigins.size ? { vary: 'Origin' } : {};
      if (method === 'OPTIONS') {
        if (!allowed) return new Response(null, { status: foreign ? 403 : 204, headers: { allow: 'GET, POST, OPTIONS', ...vary } });
        return new Response(null, { status: 204, headers: { 'access-control-allow-origin': origin, ...CORS_PREFLIGHT, ...vary } });
      }
      let headers = request.headers;
      if (foreign && headers.has('cookie')) {
        headers = new Headers(headers);
        headers.delete('cookie');
      }
      if (method === 'POST') {
        const body = await readBody(request, MAX_BODY_BYTES);
        // graphql-yoga's own Request class: it parses a body it holds whole without streaming it again.
        request = new FetchRequest(request.url, { method, headers, body: body as unknown as BodyInit }) as unknown as Request;
      } else if (headers !== request.headers) {
        request = new FetchRequest(request.url, { method, headers }) as unknown as Request;
      }
      const response = await app.yoga.fetch(request, { clientIp: originOf(request, client).ip });
      if (!allowed && !corsOrigins.size) return response;
      const answered = new Headers(response.headers);
      for (const [name, value] of Object.entries(vary)) answered.set(name, value);
      if (allowed) {
        answered.set('access-control-allow-origin', origin);
        answered.set('access-control-expose-headers', CORS_EXPOSED);
      }
      return new Response(response.body, { status: response.status, statusText: response.statusText, headers: answered });
    }
    if (method === 'POST' && crossSite(request)) {
      return html(messagePage({ title: 'Запрос отклонён', message: 'Форма отправлена с другого сайта. Откройте страницу заново и повторите.' }), 403);
    }
    if (pathname === '/' || pathname === '/register') {
      if (method === 'GET' || (method === 'POST' && pathname === '/register')) return registration(request, client);
    }
    if (pathname === '/registered' && method === 'GET') return html(registeredPage());
    if (pathname === '/link' && (method === 'GET' || method === 'POST')) return linkRequest(request, client);
    if (pathname === '/link/sent' && method === 'GET') return html(linkSentPage());
    if (pathname === '/auth' && (method === 'GET' || method === 'POST')) return personalLink(request, client);
    if (pathname === '/auth/logout' && method === 'POST') return logout(request, client);
    if (pathname === '/auth/copy' && method === 'POST') return copyByLink(request, client);
    const copy = /^\/form\/([a-z0-9-]{1,64})\/copy$/.exec(pathname);
    if (copy && method === 'GET') return ownCopy(request, copy[1]!);
    if (pathname === '/altcha/challenge' && method === 'GET') {
      const challenge = await newChallenge(prisma, options.captcha ?? defaultCaptchaConfig);
      return new Response(JSON.stringify(challenge), { headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
    }
    const form = /^\/form\/([a-z0-9-]{1,64})\/$/.exec(pathname);
    if (form && method === 'GET') {
      const campaign = await prisma.campaign.findFirst({ where: { code: form[1], state: { not: 'DRAFT' } }, select: { code: true, title: true } });
      if (!campaign) return html(messagePage({ title: 'Опрос не найден', message: 'Проверьте адрес страницы.' }), 404);
      const [{ formPageHtml }, assets] = await Promise.all([formClient(), loadAssets()]);
      return html(
        formPageHtml({ campaignCode: campaign.code, title: campaign.title, scriptUrl: assets.url('form.js'), styleUrl: assets.url('form.css') }),
      );
    }
    if ((pathname === '/admin' || pathname === '/admin/') && method === 'GET') {
      const [{ consolePageHtml }, assets] = await Promise.all([consoleClient(), loadAssets()]);
      return html(consolePageHtml({ scriptUrl: assets.url('console.js'), styleUrl: assets.url('console.css'), preloadUrls: assets.consoleImports }));
    }
    const assetMatch = /^\/assets\/([\w.-]+\.(?:js|css))$/.exec(pathname);
    if (assetMatch && method === 'GET') return serveAsset(assetMatch[1]!, request);
    const exportMatch = EXPORT_PATH.exec(pathname);
    if (exportMatch && method === 'GET') return exportDownload(prisma, app.auth, request, exportMatch[1]!, exportMatch[2] as 'xlsx' | 'csv');
    if (pathname.startsWith(REPORTS_PREFIX) && method === 'GET') return reportRoute(prisma, request, pathname, html);
    if (pathname === '/healthz') return new Response('ok');
    if (pathname === '/favicon.ico' && method === 'GET') return faviconResponse(request);
    return html(messagePage({ title: 'Страница не найдена', message: 'Проверьте адрес страницы.' }), 404);
  }

  async function respond(request: Request, client?: { ip?: string | null }): Promise<Response> {
    try {
      // Pages name the assets by their hashed names (assetUrl), so the assets are loaded first (at
      // once after the first time; the server loads them before it listens). If they cannot be
      // built, pages still render, naming the plain names, and the asset requests report it.
      if (new URL(request.url).pathname !== '/graphql') await loadAssets().catch(() => undefined);
      return await route(request, client);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return new Response('Слишком большой запрос.', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      }
      // The database overloaded past the request's time, restarting or unreachable: nothing was done,
      // and the person is told to come back (as the API tells its callers).
      const unavailable = databaseUnavailable(error);
      if (unavailable) {
        console.warn(`database unavailable (${unavailable.reason}) for ${request.method} ${new URL(request.url).pathname}`);
        return html(messagePage({ title: 'Сервер временно недоступен', message: unavailableMessages[unavailable.reason] }), 503, {
          'retry-after': String(RETRY_AFTER_SECONDS),
        });
      }
      console.error(error);
      return html(messagePage({ title: 'Ошибка сервера', message: 'Произошла внутренняя ошибка. Попробуйте ещё раз позже.' }), 500);
    }
  }

  return {
    app,
    /**
     * Every request: HEAD is answered as GET would be, without the body; pages and API results are
     * compressed for the client when worth it (compression.ts).
     */
    async fetch(request, client) {
      const head = request.method === 'HEAD';
      // Made from the URL and headers, not from the request itself: the node adapter's requests are
      // @whatwg-node/fetch's, which Node's own Request does not take as its input (every HEAD was 500).
      const asked = head ? (new FetchRequest(request.url, { method: 'GET', headers: request.headers }) as unknown as Request) : request;
      const response = await compressResponse(asked, await respond(asked, client));
      if (!head) return response;
      await response.body?.cancel();
      return new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers });
    },
    deliverMail: () => worker?.poke(),
    async close() {
      await worker?.stop();
      options.mailer.close();
    },
  };
}
