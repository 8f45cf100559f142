// A small seeded pseudo-random generator (splitmix32), so a dataset is the same for the same seed.
// Each respondent gets a stream of its own, keyed by (seed, index), so adding respondents to a
// dataset leaves the earlier ones as they were.

export interface Random {
  /** In [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in their original order. */
  sample<T>(items: readonly T[], count: number): T[];
}

export function createRandom(...keys: number[]): Random {
  let state = 0x9e3779b9;
  for (const key of keys) state = mix(state ^ (key >>> 0)) ^ Math.floor(key / 2 ** 32);
  const next = () => {
    state = (state + 0x9e3779b9) | 0;
    return (mix(state) >>> 0) / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (items) => {
      if (!items.length) throw new Error('pick from nothing');
      return items[int(items.length)]!;
    },
    sample: (items, count) => {
      const indexes = items.map((_, index) => index);
      for (let i = indexes.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
      }
      const chosen = new Set(indexes.slice(0, count));
      return items.filter((_, index) => chosen.has(index));
    },
  };
}

function mix(value: number): number {
  let z = value | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return z ^ (z >>> 16);
}
