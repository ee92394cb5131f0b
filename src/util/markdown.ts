// Markdown for job summaries: repository- and server-controlled text (file names, model ids, messages,
// answers) goes through these helpers so that it renders as text and never as markup, links or extra lines.

/** GitHub refuses a step summary over 1 MiB; summaries are cut below this (bytes of UTF-8). */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

/** Line breaks of any kind become a space: one item, one line. */
export function oneLine(s: string): string {
  return s.replace(/\r\n|[\r\n\u2028\u2029\v\f]/g, ' ');
}

/** For HTML contexts (<summary>, <td> of an HTML table): no tag, no entity, no attribute break-out. */
export function escapeHtml(s: string): string {
  return oneLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Plain text: markdown punctuation is backslash-escaped, HTML characters become entities, and the characters
 * that start GFM autolinks (`:` of a scheme, `@` of an e-mail, `www.`) are escaped so nothing becomes a link.
 * `|` is escaped too, so the result is safe in a table cell as well.
 */
export function text(s: string): string {
  return oneLine(s)
    .replace(/[\\`*_[\]#!|~$:@]/g, '\\$&')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

/**
 * Inline code whose content is shown exactly (no markup, no entity, no link): the fence is one backtick longer
 * than the longest run inside, padded when the content starts or ends with a backtick or a space. In a table
 * cell (`table: true`) pipes are escaped as GFM requires even inside code; a backslash right before a pipe
 * then shows doubled (GitHub's table parser eats one), which beats a broken row.
 */
export function code(s: string, options: { table?: boolean } = {}): string {
  let body = oneLine(s);
  if (body === '') return '<code></code>';
  if (options.table)
    body = body.replace(/(\\*)\|/g, (_, slashes: string) => `${slashes}${slashes.length % 2 ? '\\' : ''}\\|`);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && !/^ +$/.test(body) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A fenced block shown exactly (multi-line error messages): the fence is longer than any backtick run inside. */
export function codeBlock(s: string, info = 'text'): string[] {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...s.replace(/\r\n?/g, '\n').split('\n'), fence];
}

/** A URL as a link destination: characters that end or break `(...)` are percent-encoded. */
export function url(u: string): string {
  return oneLine(u).replace(
    /[\s()<>|`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}

/** `[label](url "title")`; the label is markdown already (from `code` or `text`), the title is plain text. */
export function link(label: string, href: string, title?: string): string {
  const t = title === undefined ? '' : ` "${oneLine(title).replace(/[\\"]/g, '\\$&')}"`;
  return `[${label}](${url(href)}${t})`;
}

/**
 * Prose from the tool that quotes repository text: 'quoted' and "quoted" parts and URLs become inline code,
 * the rest is escaped text. Messages read better with ids in code, and no URL becomes a stray link.
 */
export function prose(s: string, options: { table?: boolean } = {}): string {
  const out: string[] = [];
  const re = /(^|[\s(,;])(['"])(\S(?:.*?\S)?|\S)\2(?=$|[\s,.;:!?)])|[a-z][a-z0-9+.-]*:\/\/\S+|\bwww\.\S+/gi;
  const flat = oneLine(s);
  let last = 0;
  for (const m of flat.matchAll(re)) {
    const start = m.index + (m[2] ? m[1].length : 0);
    out.push(text(flat.slice(last, start)));
    out.push(code(m[2] ? m[3] : m[0], options));
    last = m.index + m[0].length;
  }
  out.push(text(flat.slice(last)));
  return out.join('');
}

/** At most `max` characters (code points), with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

/** A folded block: `<details>` with an escaped summary line; the body is markdown (blank lines around it). */
export function details(summary: string, body: string[], open = false): string[] {
  return [
    `<details${open ? ' open' : ''}><summary>${escapeHtml(summary)}</summary>`,
    '',
    ...body,
    '',
    '</details>',
    '',
  ];
}

export const plural = (n: number, word: string, many = `${word}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;

/**
 * At most `max` items of a list whose length the repository decides (conflicts, new errors), then one line
 * saying how many were left out and where they are: a summary stays readable and under GitHub's limit.
 */
export function firstItems(items: string[], max: number, rest: (dropped: number) => string): string[] {
  return items.length <= max ? items : [...items.slice(0, max), rest(items.length - max)];
}

export function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8') + 1;
}

/**
 * A part of a summary for `fit`: fixed lines always kept, `items` kept in order while they fit the budget,
 * then `cut(dropped items)` says what was left out; `tail` closes the part (a `</details>`, a fence).
 */
export interface Part {
  head: string[];
  items?: string[];
  cut?: (dropped: string[]) => string;
  tail?: string[];
}

/**
 * Joins the parts into a summary of at most `limit` bytes: every part's head and tail stay (they are short),
 * items are kept first come first served. Cutting whole items keeps every table, list and fold well-formed.
 */
export function fit(parts: Part[], limit = STEP_SUMMARY_LIMIT): string {
  const size = (lines: string[]) => lines.reduce((n, l) => n + bytes(l), 0);
  const reserve = 400; // room for each cut line
  let budget =
    limit - parts.reduce((n, p) => n + size(p.head) + size(p.tail ?? []) + (p.items ? reserve : 0), 0);
  const out: string[] = [];
  for (const p of parts) {
    out.push(...p.head);
    const items = p.items ?? [];
    let kept = 0;
    for (const item of items) {
      const n = bytes(item);
      if (n > budget) break;
      budget -= n;
      out.push(item);
      kept++;
    }
    if (kept < items.length && p.cut) out.push(p.cut(items.slice(kept)));
    out.push(...(p.tail ?? []));
  }
  return out.join('\n');
}
