// WWW-Authenticate challenges (RFC 7235) as registries send them: `Bearer realm="…",service="…",scope="…"`
// or `Basic realm="…"`. Pure parsing; what to do with a challenge is the client's business.

export interface Challenge {
  /** Lower-cased: `bearer`, `basic`, or another scheme the client will refuse by name. */
  scheme: string;
  params: Record<string, string>;
}

/** Every challenge in the header, in order (`Bearer a="1", Basic realm="x"` gives two). */
export function parseChallenges(header: string | null): Challenge[] {
  if (!header) return [];
  const challenges: Challenge[] = [];
  let i = 0;
  const s = header;
  const skip = (re: RegExp) => {
    while (i < s.length && re.test(s[i])) i++;
  };
  while (i < s.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i])) i++;
    if (i === start) break;
    const scheme = s.slice(start, i).toLowerCase();
    const params: Record<string, string> = {};
    // auth-params until the next token that is followed by a space and not '=' (the next scheme)
    for (;;) {
      skip(/[\s,]/);
      const keyStart = i;
      while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i])) i++;
      const key = s.slice(keyStart, i);
      skip(/\s/);
      if (!key || s[i] !== '=') {
        i = keyStart;
        break;
      }
      i++;
      skip(/\s/);
      let value = '';
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < s.length) i++;
          value += s[i++];
        }
        i++;
      } else {
        const valueStart = i;
        while (i < s.length && !/[\s,]/.test(s[i])) i++;
        value = s.slice(valueStart, i);
      }
      params[key.toLowerCase()] = value;
    }
    challenges.push({ scheme, params });
  }
  return challenges;
}
