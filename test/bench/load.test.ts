// The load generators of npm run bench, against a local HTTP server that answers after a set delay:
// the open loop keeps its arrival rate and times each request from when it was due; no client (a
// respondent with its session and version) ever has two requests in flight, in either loop.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closedLoop, openLoop, type Workload } from '../../api/scripts/bench/load.ts';

let server: Server;
let origin: string;
let delayMs = 0;
let served = 0;

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      setTimeout(() => {
        served++;
        response.end('{"data":{}}');
      }, delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Counts requests per client and fails the test if one client has two in flight. */
function exclusiveWorkload(clients: number) {
  const busy = new Set<number>();
  let overlaps = 0;
  const workload: Workload = {
    path: '/graphql',
    clients,
    request(client) {
      if (busy.has(client)) overlaps++;
      busy.add(client);
      return { headers: { 'content-type': 'application/json' }, body: `{"client":${client}}` };
    },
    done(client, status) {
      busy.delete(client);
      return status === 200;
    },
  };
  return { workload, overlaps: () => overlaps };
}

it('open loop: sends at the offered rate whatever the latency, and counts latency from when each request was due', async () => {
  delayMs = 100;
  served = 0;
  const { workload, overlaps } = exclusiveWorkload(500);
  const result = await openLoop(origin, workload, 200, 1);
  expect(result.requests).toBe(200);
  expect(served).toBe(200);
  expect(result.errors).toBe(0);
  expect(result.unsent).toBe(0);
  expect(result.p50).toBeGreaterThanOrEqual(100);
  expect(result.rate).toBeGreaterThan(100);
  expect(overlaps()).toBe(0);
});

it('open loop: a request due while every client is busy is not sent and is counted', async () => {
  delayMs = 500;
  const { workload, overlaps } = exclusiveWorkload(10);
  const result = await openLoop(origin, workload, 100, 1);
  expect(result.unsent).toBeGreaterThan(50);
  expect(result.requests + result.unsent).toBe(100);
  expect(overlaps()).toBe(0);
});

it('closed loop: as many requests in flight as connections, never two for one client', async () => {
  delayMs = 20;
  const { workload, overlaps } = exclusiveWorkload(20);
  const result = await closedLoop(origin, workload, 10, 1);
  // 10 connections × 1 s ÷ 20 ms ≈ 500 requests.
  expect(result.requests).toBeGreaterThan(100);
  expect(result.requests).toBeLessThan(600);
  expect(result.errors).toBe(0);
  expect(overlaps()).toBe(0);
  await expect(closedLoop(origin, workload, 30, 1)).rejects.toThrow(/30 connections need 30 clients/);
});
