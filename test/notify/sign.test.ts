import { describe, expect, test } from '@jest/globals';
import { signatureFor, verifySignature } from '../../src/notify/sign.js';

describe('webhook signature', () => {
  test("matches GitHub's published test vector", () => {
    expect(signatureFor("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });

  test('signs the exact bytes: a Buffer and the same string agree, a changed byte does not', () => {
    const body = Buffer.from('{"ref":"refs/heads/main"}');
    expect(signatureFor('s', body)).toBe(signatureFor('s', body.toString()));
    expect(signatureFor('s', Buffer.from('{"ref":"refs/heads/main" }'))).not.toBe(signatureFor('s', body));
  });

  test('verifies a good signature and refuses a missing, truncated or wrong one', () => {
    const good = signatureFor('key', 'body');
    expect(verifySignature('key', 'body', good)).toBe(true);
    expect(verifySignature('key', 'body', undefined)).toBe(false);
    expect(verifySignature('key', 'body', good.slice(0, -1))).toBe(false);
    expect(verifySignature('other', 'body', good)).toBe(false);
  });
});
