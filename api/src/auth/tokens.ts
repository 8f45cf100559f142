// Secrets handed to people (session ids, link tokens, API tokens) are stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** A URL-safe random secret of `bytes` bytes from the CSPRNG (default 32 bytes = 256 bits). */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
