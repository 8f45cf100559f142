// The GraphQL client: every outcome is a value (success, sign-in needed, server error, no network).
import { describe, expect, it } from 'vitest';
import { gql, toOutcome } from '../../admin/src/form/lib/api.ts';

describe('GraphQL outcomes', () => {
  it('success, UNAUTHENTICATED anywhere in the errors, other errors, empty bodies', () => {
    expect(toOutcome(200, { data: { viewer: null } })).toEqual({ kind: 'ok', data: { viewer: null } });
    expect(
      toOutcome(200, {
        data: { viewer: null, myResponse: null },
        errors: [{ message: 'Войдите по персональной ссылке', extensions: { code: 'UNAUTHENTICATED' } }],
      }),
    ).toEqual({
      kind: 'unauthenticated',
      message: 'Войдите по персональной ссылке',
    });
    expect(toOutcome(200, { data: null, errors: [{ message: 'Внутренняя ошибка сервера.' }] })).toEqual({
      kind: 'error',
      message: 'Внутренняя ошибка сервера.',
    });
    expect(toOutcome(502, null)).toMatchObject({ kind: 'error', message: expect.stringContaining('502') });
  });

  it('posts JSON to /graphql on the same origin with the cookie, and reports a failed connection as network', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const ok = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response(JSON.stringify({ data: { x: 1 } }), { headers: { 'content-type': 'application/json' } });
    }) as unknown as typeof fetch;
    expect(await gql('{ x }', { a: 1 }, { fetch: ok })).toEqual({ kind: 'ok', data: { x: 1 } });
    expect(calls[0]!.url).toBe('/graphql');
    expect(calls[0]!.init.method).toBe('POST');
    expect(calls[0]!.init.credentials).toBe('same-origin');
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({ query: '{ x }', variables: { a: 1 } });
    expect((calls[0]!.init.headers as Record<string, string>)['content-type']).toBe('application/json');

    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await gql('{ x }', {}, { fetch: offline })).toEqual({ kind: 'network' });

    const html = (async () => new Response('<html>Bad gateway</html>', { status: 502 })) as unknown as typeof fetch;
    expect(await gql('{ x }', {}, { fetch: html })).toMatchObject({ kind: 'error' });
  });

  it('gives up on a request that never answers', async () => {
    const hanging = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) =>
        init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as unknown as typeof fetch;
    expect(await gql('{ x }', {}, { fetch: hanging, timeoutMs: 20 })).toEqual({ kind: 'network' });
  });
});
