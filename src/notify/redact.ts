// Keeps secrets out of every line we print: each known secret is replaced by `***`.

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

/** A URL fit for logs: the password part of `user:password@` becomes `***`. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
