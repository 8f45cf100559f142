// Server-side secrets generated on first use and kept in the database (so every process of an
// installation, and every restart, agrees on them). An environment variable can supply one instead.
import type { Db } from '../db/client.ts';
import { generateSecret } from './tokens.ts';

const cache = new WeakMap<object, Map<string, Promise<string>>>();

export function appSecret(prisma: Db, name: string): Promise<string> {
  const fromEnv = process.env[`SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`];
  if (fromEnv) return Promise.resolve(fromEnv);
  let secrets = cache.get(prisma);
  if (!secrets) {
    secrets = new Map();
    cache.set(prisma, secrets);
  }
  let secret = secrets.get(name);
  if (!secret) {
    secret = (async () => {
      await prisma.appSecret.createMany({ data: [{ name, value: generateSecret(32) }], skipDuplicates: true });
      return (await prisma.appSecret.findUniqueOrThrow({ where: { name } })).value;
    })();
    secrets.set(name, secret);
  }
  return secret;
}
