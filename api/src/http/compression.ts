// Compression of what the server sends, by the client's Accept-Encoding: brotli or gzip (both in
// Node's zlib). The static assets are compressed once, when they are built (at the highest levels:
// assets.ts); pages and API responses above 1 KB on the fly, at levels that cost little time.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip, type BrotliOptions, type ZlibOptions } from 'node:zlib';

export type Encoding = 'br' | 'gzip';

/** What our encodings are called in Content-Encoding, and in the names of built files (`.br`, `.gz`). */
export const ENCODINGS: readonly Encoding[] = ['br', 'gzip'];

/** Below this a response is sent as it is: compressing would save less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

const brotli = promisify<Buffer | Uint8Array, BrotliOptions, Buffer>(brotliCompress);
const gzipped = promisify<Buffer | Uint8Array, ZlibOptions, Buffer>(gzip);

/**
 * The encoding to answer with for this Accept-Encoding header: brotli if the client takes it, else
 * gzip, else none (null). q-values count (`br;q=0` refuses brotli; `*` stands for any encoding not
 * named); among encodings of equal weight brotli wins, as it is smaller.
 */
export function chooseEncoding(acceptEncoding: string | null): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = parameters.map((parameter) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    const weight = q === undefined ? 1 : Number(q);
    weights.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(weight) ? weight : 0);
  }
  let best: Encoding | null = null;
  let bestWeight = 0;
  for (const encoding of ENCODINGS) {
    const weight = weights.get(encoding) ?? weights.get('*') ?? 0;
    if (weight > bestWeight) {
      best = encoding;
      bestWeight = weight;
    }
  }
  return best;
}

/** Both encodings at their smallest (brotli 11, gzip 9): for files built once and sent often. */
export async function compressOnce(body: Uint8Array): Promise<Record<Encoding, Buffer>> {
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      },
    }),
    gzipped(body, { level: 9 }),
  ]);
  return { br, gzip: gz };
}

/** One encoding, fast (brotli 5, gzip 6): for a response made for one request. */
export function compressNow(body: Uint8Array, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'gzip') return gzipped(body, { level: 6 });
  return brotli(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/** Media types worth compressing when made per request: pages, JSON and GraphQL results, text. */
const compressible = /^(?:text\/html|text\/plain|application\/json|application\/graphql-response\+json)\s*(?:;|$)/i;

/** Adds a token to a response's Vary header (once). */
export function varyOnEncoding(headers: Headers): void {
  const vary = headers.get('vary');
  if (!vary) headers.set('vary', 'Accept-Encoding');
  else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * A response made for this request, compressed if the client takes brotli or gzip and its body is
 * a page, JSON or text of 1 KB or more. Left as they are: responses already negotiated (they vary on
 * Accept-Encoding: the static assets), already encoded, streamed downloads and event streams (other
 * media types), and bodiless ones.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
  if (!response.body || response.status === 204 || response.status === 304) return response;
  const headers = response.headers;
  if (headers.has('content-encoding') || /accept-encoding/i.test(headers.get('vary') ?? '')) return response;
  if (!compressible.test(headers.get('content-type') ?? '')) return response;
  const declared = headers.get('content-length');
  if (declared !== null && Number(declared) < MIN_COMPRESSED_BYTES) return response;
  const body = new Uint8Array(await response.arrayBuffer());
  const init = { status: response.status, statusText: response.statusText, headers: new Headers(headers) };
  if (body.byteLength < MIN_COMPRESSED_BYTES) {
    init.headers.set('content-length', String(body.byteLength));
    return new Response(body, init);
  }
  varyOnEncoding(init.headers);
  const encoding = chooseEncoding(request.headers.get('accept-encoding'));
  if (!encoding) {
    init.headers.set('content-length', String(body.byteLength));
    return new Response(body, init);
  }
  const encoded = await compressNow(body, encoding);
  init.headers.set('content-encoding', encoding);
  init.headers.set('content-length', String(encoded.byteLength));
  return new Response(bodyOf(encoded), init);
}

/** A Buffer as a response body (the same bytes, typed as Fetch takes them). */
export function bodyOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}
