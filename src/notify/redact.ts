// Keeps secrets out of every line we print: each known secret is replaced by `***`. Receiver URLs are shown
// as scheme, host and port with a redacted path, and the parts of them that may be tokens become secrets too.
import { WEBHOOK_PATH } from './payload.js';

export class Redactor {
  private secrets: string[] = [];

  add(secret: string | null | undefined): void {
    if (!secret || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets.sort((a, b) => b.length - a.length);
  }

  get all(): readonly string[] {
    return this.secrets;
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join('***');
    return out;
  }
}

// The words of the receive path we append ourselves: never a secret, and they say what was called.
const OWN_SEGMENTS = new Set(WEBHOOK_PATH.split('/').filter(Boolean));

/**
 * A URL fit for logs: scheme, user info as `***@`, host and port; every path segment but the receive path's
 * own words becomes `***`, a query `?***`; the fragment is dropped. Deploy hooks put tokens in the path
 * (`/hooks/TOKEN`) or the query (`?key=TOKEN`), and we cannot tell a token from a word, so none is shown.
 */
export function displayUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    // Not a URL: keep what comes before the first path, query or fragment separator after the scheme.
    const m = /^([a-z][a-z0-9+.-]*:\/{0,2})?([^/?#]*)/i.exec(url)!;
    const authority = m[2].replace(/^[^@]*@/, '***@');
    const head = `${m[1] ?? ''}${authority}`;
    return head.length < url.length ? `${head}/***` : head;
  }
  const auth = u.username || u.password ? '***@' : '';
  const path = u.pathname
    .split('/')
    .map((s) => (s === '' || OWN_SEGMENTS.has(s) ? s : '***'))
    .join('/');
  return `${u.protocol}//${auth}${u.host}${path}${u.search ? '?***' : ''}`;
}

// A part of a URL is masked everywhere (answers, messages, `core.setSecret`) when it may be a token: masking
// a plain word like `hooks` or `production` would blank it out of the whole job log, so only parts with the
// look of a token count: 8 characters or more with a digit or both cases, or 20 or more of any kind.
const looksLikeToken = (s: string) =>
  !OWN_SEGMENTS.has(s) &&
  ((s.length >= 8 && (/\d/.test(s) || (/[a-z]/.test(s) && /[A-Z]/.test(s)))) || s.length >= 20);
// A query parameter with one of these names is a secret whatever it looks like (4 characters or more).
const SECRET_PARAM = /token|key|secret|sig|auth|pass|pwd|code|hash|cred/i;

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** The parts of a URL that may be credentials, each raw (as in the URL) and decoded. */
export function urlSecrets(url: string): string[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const found = new Set<string>();
  const add = (raw: string, secret: boolean) => {
    if (!secret) return;
    found.add(raw);
    found.add(decoded(raw));
  };
  add(u.username, u.username.length >= 4);
  add(u.password, u.password.length > 0);
  for (const s of u.pathname.split('/')) add(s, looksLikeToken(decoded(s)));
  for (const pair of u.search.slice(1).split('&')) {
    const [key, value = ''] = pair.split('=', 2);
    const v = decoded(value);
    add(value, looksLikeToken(v) || (SECRET_PARAM.test(decoded(key)) && v.length >= 4));
  }
  found.delete('');
  return [...found];
}
