import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/util/markdown.ts
var STEP_SUMMARY_LIMIT = 1024 * 1024;
function oneLine(s) {
  return s.replace(/\r\n|[\r\n\u2028\u2029\v\f]/g, " ");
}
function escapeHtml(s) {
  return oneLine(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function text(s) {
  return oneLine(s).replace(/[\\`*_[\]#!|~$:@]/g, "\\$&").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}
function code(s, options = {}) {
  let body = oneLine(s);
  if (body === "") return "<code></code>";
  if (options.table)
    body = body.replace(/(\\*)\|/g, (_, slashes) => `${slashes}${slashes.length % 2 ? "\\" : ""}\\|`);
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && !/^ +$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}
function codeBlock(s, info = "text") {
  const longest = Math.max(0, ...[...s.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return [`${fence}${info}`, ...s.replace(/\r\n?/g, "\n").split("\n"), fence];
}
function url(u) {
  return oneLine(u).replace(
    /[\s()<>|`\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`
  );
}
function link(label, href, title) {
  const t = title === void 0 ? "" : ` "${oneLine(title).replace(/[\\"]/g, "\\$&")}"`;
  return `[${label}](${url(href)}${t})`;
}
function prose(s, options = {}) {
  const out = [];
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
  return out.join("");
}
function truncate(s, max) {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}\u2026`;
}
function details(summary, body, open = false) {
  return [
    `<details${open ? " open" : ""}><summary>${escapeHtml(summary)}</summary>`,
    "",
    ...body,
    "",
    "</details>",
    ""
  ];
}
var plural = (n, word, many = `${word}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? word : many}`;
function firstItems(items, max, rest) {
  return items.length <= max ? items : [...items.slice(0, max), rest(items.length - max)];
}
function bytes(s) {
  return Buffer.byteLength(s, "utf8") + 1;
}
function fit(parts, limit = STEP_SUMMARY_LIMIT) {
  const size = (lines) => lines.reduce((n, l) => n + bytes(l), 0);
  const reserve = 400;
  let budget = limit - parts.reduce((n, p) => n + size(p.head) + size(p.tail ?? []) + (p.items ? reserve : 0), 0);
  const out = [];
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
    out.push(...p.tail ?? []);
  }
  return out.join("\n");
}

export {
  STEP_SUMMARY_LIMIT,
  escapeHtml,
  text,
  code,
  codeBlock,
  link,
  prose,
  truncate,
  details,
  plural,
  firstItems,
  fit
};
