// The node:http adapter of the web handler: bodies go out at the client's pace and stop when it
// leaves, HEAD sends headers only, and several cookies stay several headers.
import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { toNodeListener } from '../../api/src/http/node.ts';
import type { Web } from '../../api/src/http/web.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A server whose web handler answers every request with `respond`. */
async function serve(respond: (request: Request) => Response | Promise<Response>): Promise<string> {
  const web = { fetch: respond } as unknown as Web;
  server = createServer(toNodeListener(web, 'http://127.0.0.1'));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function send(url: string, method = 'GET'): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => httpRequest(url, { method }, resolve).on('error', reject).end());
}

const chunk = new Uint8Array(64 * 1024).fill(97);

it('streams a body at the pace the client reads it, and stops making it when the client leaves', async () => {
  let pulled = 0;
  let cancelled = false;
  const url = await serve(
    () =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            pulled += 1;
            controller.enqueue(chunk);
            // 32 MB at most, so that an adapter that does not stop ends all the same.
            if (pulled === 512) controller.close();
          },
          cancel() {
            cancelled = true;
          },
        }),
        { headers: { 'content-type': 'text/csv' } },
      ),
  );
  const response = await send(`${url}/endless.csv`);
  expect(response.statusCode).toBe(200);
  let received = 0;
  for await (const part of response) {
    received += (part as Buffer).byteLength;
    if (received > 2 * 1024 * 1024) break;
  }
  response.destroy();
  await expect.poll(() => cancelled).toBe(true);
  const after = pulled;
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Nothing more is made, and what was made stayed close to what was read (the pace of the client).
  expect(pulled).toBe(after);
  expect(pulled * chunk.byteLength).toBeLessThan(received + 8 * 1024 * 1024);
});

it('answers HEAD with the head only, and keeps several cookies apart', async () => {
  const url = await serve((request) => {
    const headers = new Headers({ 'content-type': 'text/plain', 'content-length': '5' });
    headers.append('set-cookie', 'a=1; Path=/');
    headers.append('set-cookie', 'b=2; Path=/');
    return new Response(request.method === 'HEAD' ? null : 'hello', { headers });
  });
  const head = await send(url, 'HEAD');
  expect(head.headers['content-length']).toBe('5');
  expect(head.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/']);
  const chunks: Buffer[] = [];
  for await (const part of head) chunks.push(part as Buffer);
  expect(Buffer.concat(chunks).byteLength).toBe(0);
  const get = await send(url);
  const body: Buffer[] = [];
  for await (const part of get) body.push(part as Buffer);
  expect(Buffer.concat(body).toString()).toBe('hello');
});

it('cuts the body short when making it fails after the head was sent', async () => {
  const url = await serve(
    () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(chunk);
            setTimeout(() => controller.error(new Error('the export failed')), 50);
          },
        }),
      ),
  );
  const response = await send(url);
  expect(response.statusCode).toBe(200);
  const received = await new Promise<string>((resolve) => {
    let text = '';
    response.on('data', (part: Buffer) => (text += part.toString()));
    response.on('error', () => resolve(`${text}<aborted>`));
    response.on('aborted', () => resolve(`${text}<aborted>`));
    response.on('end', () => resolve(text));
  });
  expect(received.endsWith('<aborted>')).toBe(true);
  expect(received).not.toContain('Внутренняя ошибка');
});
