// Webhook signatures: GitHub's `X-Hub-Signature-256` (HMAC-SHA256 of the exact body bytes, hex, `sha256=` prefix).
import { createHmac, timingSafeEqual } from 'node:crypto';

/** `sha256=<hex>` for `body` keyed with `secret`; sign the very bytes that go on the wire. */
export function signatureFor(secret: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** Constant-time check of a received `X-Hub-Signature-256` value. */
export function verifySignature(secret: string, body: Buffer | string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signatureFor(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
