// Fixed-window counters in the database (so they hold across processes and restarts). Hits older
// than the longest window are pruned by the server (retention.ts).
import type { Tx } from '../db/client.ts';

export interface Limit {
  key: string;
  max: number;
  windowMs: number;
}

/** Counts this request against every limit; returns the first limit exceeded (nothing recorded then). */
export async function hitRateLimits(tx: Tx, limits: Limit[], now = new Date()): Promise<Limit | null> {
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs);
    const count = await tx.rateLimitHit.count({ where: { key: limit.key, at: { gt: since } } });
    if (count >= limit.max) return limit;
  }
  await tx.rateLimitHit.createMany({ data: limits.map((limit) => ({ key: limit.key, at: now })) });
  return null;
}
