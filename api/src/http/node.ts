// Adapts the fetch handler (Request → Response) to node:http.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Web } from './web.ts';

export function toNodeListener(web: Web, base: string) {
  return async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    try {
      const headers = new Headers();
      for (const [name, value] of Object.entries(incoming.headers)) {
        if (Array.isArray(value)) {
          for (const item of value) headers.append(name, item);
        } else if (value !== undefined) headers.set(name, value);
      }
      const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
      const request = new Request(new URL(incoming.url ?? '/', base), {
        method: incoming.method,
        headers,
        body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
        duplex: 'half',
      } as RequestInit);
      const response = await web.fetch(request, { ip: incoming.socket.remoteAddress ?? null });
      const cookies = response.headers.getSetCookie();
      const plain: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') plain[name] = value;
      });
      if (cookies.length) plain['set-cookie'] = cookies;
      outgoing.writeHead(response.status, plain);
      if (!response.body || incoming.method === 'HEAD') {
        await response.body?.cancel();
        outgoing.end();
        return;
      }
      // At the pace the client reads; if it goes away, the body is cancelled (a streamed export stops).
      await pipeline(Readable.from(response.body as unknown as AsyncIterable<Uint8Array>), outgoing);
    } catch (error) {
      // A client that left before the end is not an error of ours.
      if (outgoing.destroyed && (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      console.error(error);
      // Once the head is sent, a failure can only cut the body short.
      if (outgoing.headersSent) return void outgoing.destroy();
      outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      outgoing.end('Внутренняя ошибка сервера.');
    }
  };
}
