// Finding 2 of issue 10: one solved robot check, re-encoded (another key order, an extra key,
// whitespace), registered six people, because a used challenge was remembered by a hash of the JSON
// the client sent. It is now remembered by what the server signed, so every encoding of one solved
// challenge is accepted at most once, also when they arrive at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestWeb, type TestWeb } from '../helpers/web.ts';

let t: TestWeb;

beforeAll(async () => {
  t = await createTestWeb({ limits: { perEmail: { max: 100, windowMs: 3_600_000 }, perIp: { max: 1_000, windowMs: 3_600_000 } } });
  await t.openWindow();
});
afterAll(() => t?.close());

interface Solved {
  challenge: { parameters: Record<string, unknown>; signature: string } & Record<string, unknown>;
  solution: Record<string, unknown>;
}

async function solved(): Promise<Solved> {
  return JSON.parse(Buffer.from(await t.captcha(), 'base64').toString('utf8'));
}

const reversed = <T extends Record<string, unknown>>(object: T): T => Object.fromEntries(Object.entries(object).reverse()) as T;
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** The same solution, encoded the ways a client can encode it. */
function encodings({ challenge, solution }: Solved): [string, string][] {
  return [
    ['as sent by the widget', base64(JSON.stringify({ challenge, solution }))],
    ['top-level keys in another order', base64(JSON.stringify({ solution, challenge }))],
    ['challenge keys in another order', base64(JSON.stringify({ challenge: reversed(challenge), solution }))],
    ['parameters in another order', base64(JSON.stringify({ challenge: { ...challenge, parameters: reversed(challenge.parameters) }, solution }))],
    ['an extra key in the challenge', base64(JSON.stringify({ challenge: { ...challenge, note: 'again' }, solution }))],
    ['an extra key at the top', base64(JSON.stringify({ challenge, solution, again: 1 }))],
    ['an extra key in the solution', base64(JSON.stringify({ challenge, solution: { ...solution, again: true } }))],
    ['indented', base64(JSON.stringify({ challenge, solution }, null, 2))],
  ];
}

async function registrations(prefix: string): Promise<number> {
  return t.db.prisma.user.count({ where: { email: { startsWith: prefix } } });
}

describe('a solved robot check is accepted once, however it is encoded', () => {
  it('every re-encoding of one solution, one after another: one registration', async () => {
    const statuses: Record<string, number> = {};
    let n = 0;
    for (const [name, altcha] of encodings(await solved())) {
      const response = await t.postForm('/register', { email: `serial${n++}@replay.example`, consent: 'yes', altcha }, { ip: '10.20.0.1' });
      statuses[name] = response.status;
      if (response.status !== 303) expect(await response.text()).toContain('уже использована');
    }
    expect(statuses['as sent by the widget']).toBe(303);
    expect(Object.values(statuses).filter((status) => status === 303)).toHaveLength(1);
    expect(await registrations('serial')).toBe(1);
  });

  it('the re-encodings sent at the same time: one registration', async () => {
    const variants = encodings(await solved());
    const responses = await Promise.all(
      variants.map(([, altcha], i) => t.postForm('/register', { email: `parallel${i}@replay.example`, consent: 'yes', altcha }, { ip: '10.20.0.2' })),
    );
    expect(responses.filter((response) => response.status === 303)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 400)).toHaveLength(variants.length - 1);
    expect(await registrations('parallel')).toBe(1);
  });

  it('remembers the challenge by its signature, until it expires', async () => {
    const solution = await solved();
    const [[, altcha]] = encodings(solution) as [[string, string]];
    expect((await t.postForm('/register', { email: 'signature@replay.example', consent: 'yes', altcha }, { ip: '10.20.0.3' })).status).toBe(303);
    const row = await t.db.prisma.usedChallenge.findUniqueOrThrow({ where: { id: `sig:${solution.challenge.signature}` } });
    expect(row.expiresAt.getTime()).toBeGreaterThan((solution.challenge.parameters.expiresAt as number) * 1000);
  });

  it('a refused registration does not use the challenge up', async () => {
    const variants = encodings(await solved());
    const refused = await t.postForm('/register', { email: 'not an address', consent: 'yes', altcha: variants[0]![1] }, { ip: '10.20.0.4' });
    expect(refused.status).toBe(400);
    const noConsent = await t.postForm('/register', { email: 'later@replay.example', altcha: variants[2]![1] }, { ip: '10.20.0.4' });
    expect(noConsent.status).toBe(400);
    expect(
      (await t.postForm('/register', { email: 'later@replay.example', consent: 'yes', altcha: variants[4]![1] }, { ip: '10.20.0.4' })).status,
    ).toBe(303);
    expect(
      (await t.postForm('/register', { email: 'later2@replay.example', consent: 'yes', altcha: variants[1]![1] }, { ip: '10.20.0.4' })).status,
    ).toBe(400);
  });

  it('a challenge that is not one the server signed is refused', async () => {
    const { challenge, solution } = await solved();
    const forged = [
      { challenge: { ...challenge, signature: challenge.signature.toUpperCase() }, solution },
      { challenge: { ...challenge, parameters: { ...challenge.parameters, note: 1 } }, solution },
      { challenge: { parameters: challenge.parameters }, solution },
      { challenge: { ...challenge, signature: [challenge.signature] }, solution },
      { challenge: 'text', solution },
      [challenge, solution],
    ];
    for (const [i, payload] of forged.entries()) {
      const response = await t.postForm(
        '/register',
        { email: `forged${i}@replay.example`, consent: 'yes', altcha: base64(JSON.stringify(payload)) },
        { ip: '10.20.0.5' },
      );
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('не пройдена');
    }
    expect(await registrations('forged')).toBe(0);
  });
});
