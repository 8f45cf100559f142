// Load generation for npm run bench.
//
// Closed loop (a fixed number of connections, each sending its next request when the last one is
// answered): autocannon. Open loop (requests sent at a fixed arrival rate whether or not earlier ones
// were answered, as people arrive on deadline day): a small scheduler over undici's Pool, because a
// closed-loop tool, autocannon's rate cap included, stops sending while the server stalls and times
// each request from when it was sent, which hides the queue (coordinated omission). Here each latency
// is counted from the moment the request was due.
import autocannon from 'autocannon';
import { Pool } from 'undici';

/** A request kind: its body for a client (e.g. one respondent, with its own session and version), and what counts as success. */
export interface Workload {
  path: string;
  /** POST by default; a GET sends no body. */
  method?: 'GET' | 'POST';
  /** Distinct clients (respondents); no two requests of one client are in flight at once. */
  clients: number;
  request(client: number): { headers: Record<string, string>; body: string };
  /** Reads the answer (and updates the client's state); false = a failed request. */
  done(client: number, status: number, body: string): boolean;
}

export interface LoadResult {
  /** Answered requests per second over the run. */
  rate: number;
  p50: number;
  p99: number;
  /** Requests answered with a failure, plus those not answered (timeouts, connection errors). */
  errors: number;
  requests: number;
  /** Open loop: requests that were due but not sent, every client having one in flight. */
  unsent: number;
  /** Of the errors: requests without an answer (timed out after 30 s, connection refused or reset). */
  unanswered: number;
}

export async function closedLoop(origin: string, workload: Workload, connections: number, seconds: number): Promise<LoadResult> {
  if (workload.clients < connections) throw new Error(`${connections} connections need ${connections} clients, there are ${workload.clients}`);
  const free = Array.from({ length: workload.clients }, (_, client) => client);
  let failed = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: workload.method ?? 'POST',
        path: workload.path,
        setupRequest: (request, context: { client?: number }) => {
          const client = free.pop()!;
          context.client = client;
          const { headers, body } = workload.request(client);
          return workload.method === 'GET'
            ? { ...request, headers: { ...request.headers, ...headers } }
            : { ...request, headers: { ...request.headers, ...headers }, body };
        },
        onResponse: (status, body, context: { client?: number }) => {
          const client = context.client!;
          if (!workload.done(client, status, body)) failed++;
          free.push(client);
        },
      },
    ],
  });
  return {
    rate: result.requests.total / (result.duration || seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: failed + result.errors,
    requests: result.requests.total,
    unsent: 0,
    unanswered: result.errors,
  };
}

/** Requests due at `rate` per second for `seconds`; each latency counted from when it was due. */
export async function openLoop(origin: string, workload: Workload, rate: number, seconds: number): Promise<LoadResult> {
  const pool = new Pool(origin, { connections: 2_000, pipelining: 1, headersTimeout: 30_000, bodyTimeout: 30_000 });
  const free = Array.from({ length: workload.clients }, (_, client) => client);
  const latencies: number[] = [];
  let errors = 0;
  let unsent = 0;
  let unanswered = 0;
  const inFlight = new Set<Promise<void>>();
  const total = Math.round(rate * seconds);
  const started = performance.now();
  try {
    for (let sent = 0; sent < total; ) {
      const now = performance.now();
      // Every request due by now goes out, even if the timer fired late.
      while (sent < total && started + (sent * 1000) / rate <= now) {
        const due = started + (sent * 1000) / rate;
        sent++;
        const client = free.pop();
        if (client === undefined) {
          // Every client has a request in flight: this one could not even be sent.
          unsent++;
          continue;
        }
        const { headers, body } = workload.request(client);
        const flight = pool
          .request({ method: 'POST', path: workload.path, headers, body })
          .then(async (response) => {
            const text = await response.body.text();
            latencies.push(performance.now() - due);
            if (!workload.done(client, response.statusCode, text)) errors++;
          })
          .catch(() => {
            latencies.push(performance.now() - due);
            errors++;
            unanswered++;
          })
          .finally(() => {
            free.push(client);
            inFlight.delete(flight);
          });
        inFlight.add(flight);
      }
      const next = started + (sent * 1000) / rate;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - performance.now())));
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    rate: (latencies.length - errors) / elapsed,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    errors,
    requests: latencies.length,
    unsent,
    unanswered,
  };
}

/** `count` requests one after another (fewer if `budgetMs` runs out, at least 5); their latencies in ms. */
export async function sequential(
  origin: string,
  workload: Workload,
  count: number,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<{ latencies: number[]; errors: number }> {
  const pool = new Pool(origin, { connections: 1 });
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  try {
    for (let i = 0; i < count && (i < 5 || performance.now() - started < budgetMs); i++) {
      const client = i % workload.clients;
      const { headers, body } = workload.request(client);
      const started = performance.now();
      const response = await pool.request({ method: 'POST', path: workload.path, headers, body });
      const text = await response.body.text();
      latencies.push(performance.now() - started);
      if (!workload.done(client, response.statusCode, text)) errors++;
    }
  } finally {
    await pool.close();
  }
  return { latencies, errors };
}

export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
