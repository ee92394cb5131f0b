// Renders markdown the way GitHub does for a job summary (GFM: tables, autolinks, raw HTML kept), so tests can
// assert what a reader sees rather than what the source text happens to contain.
import { Marked } from 'marked';

const gfm = new Marked({ gfm: true, breaks: false });

export function renderGfm(markdown: string): string {
  return gfm.parse(markdown, { async: false });
}

/** Text of every element `tag` in the HTML, entities decoded (enough for the flat HTML marked writes). */
export function elements(html: string, tag: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
  for (const m of html.matchAll(re)) out.push(m[1]);
  return out;
}

export function decode(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
