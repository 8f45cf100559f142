// Adapts the fetch handler (Request → Response) to node:http.
//
// Requests are made with the Fetch API of @whatwg-node/fetch (graphql-yoga's own): its Request reads
// the node request as a stream without converting it to a web stream first, which Node's own Request
// does at a cost that halved the throughput of small requests. A response of known length up to 1 MiB
// (pages, GraphQL results, assets) is written in one piece; longer or streamed bodies (exports) go out
// at the client's pace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Request as FetchRequest } from '@whatwg-node/fetch';
import type { Web } from './web.ts';

/** Bodies of known length up to this are sent in one write. */
const ONE_WRITE_BYTES = 1024 * 1024;

export function toNodeListener(web: Web, base: string) {
  return async (incoming: IncomingMessage, outgoing: ServerResponse) => {
    try {
      const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
      const request = new FetchRequest(new URL(incoming.url ?? '/', base).toString(), {
        method: incoming.method,
        headers: incoming.headers as Record<string, string>,
        body: hasBody ? (incoming as unknown as BodyInit) : undefined,
      }) as unknown as Request;
      const response = await web.fetch(request, { ip: incoming.socket.remoteAddress ?? null });
      const cookies = response.headers.getSetCookie();
      const plain: Record<string, string | string[]> = {};
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') plain[name] = value;
      });
      if (cookies.length) plain['set-cookie'] = cookies;
      const length = Number(response.headers.get('content-length') ?? Number.NaN);
      if (incoming.method !== 'HEAD' && length <= ONE_WRITE_BYTES) {
        const body = Buffer.from(await response.arrayBuffer());
        outgoing.writeHead(response.status, plain);
        outgoing.end(body);
        return;
      }
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
