import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  code,
  link,
  plural,
  prose,
  text,
  truncate
} from "./chunk-OWPOM6BR.js";
import {
  blobUrl,
  treeUrl
} from "./chunk-5UN4XJ6Z.js";

// src/validate/reporters/finding-lines.ts
var LINE_CHARS = 105;
function byModel(findings) {
  const groups = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const list = groups.get(f.modelId);
    if (list) list.push(f);
    else groups.set(f.modelId, [f]);
  }
  const out = [...groups].map(([modelId, list]) => ({ modelId, findings: list }));
  return [...out.filter((g) => g.modelId !== null), ...out.filter((g) => g.modelId === null)];
}
function findingLines(list, what, options = {}) {
  const { prefix = "", links, modelDir = (id) => id } = options;
  const repoPath = (p) => prefix ? `${prefix}/${p}` : p;
  const findingLine = (f, dir) => {
    const shown = dir !== null && f.file.startsWith(`${dir}/`) ? f.file.slice(dir.length + 1) : repoPath(f.file);
    const where = f.line > 0 ? `${shown}:${f.line}` : shown;
    const room = Math.max(50, LINE_CHARS - where.length - 3 - Math.ceil(0.6 * f.ruleId.length));
    const message = shorten(f.message, room);
    const label = code(where);
    const loc = links ? link(label, blobUrl(links, repoPath(f.file), f.line), message === f.message ? void 0 : f.message) : label;
    return `- ${prose(message)} \xB7 ${loc} <sub>${text(f.ruleId)}</sub>`;
  };
  const out = [];
  for (const g of byModel(list)) {
    const dir = g.modelId === null ? null : modelDir(g.modelId);
    const title = dir === null ? "Not in any model" : links ? link(code(`${repoPath(dir)}/`), treeUrl(links, repoPath(dir))) : code(`${repoPath(dir)}/`);
    out.push(`
**${title}** \xB7 ${plural(g.findings.length, what)}`);
    for (const f of g.findings) out.push(findingLine(f, dir));
  }
  return out;
}
function shorten(message, room) {
  const flat = message.replace(/\s+/g, " ");
  if ([...flat].length <= room) return flat;
  let best = -1;
  for (const m of flat.matchAll(/: |; | \(/g)) if (m.index >= 30 && m.index <= room - 2) best = m.index;
  return best > 0 ? `${flat.slice(0, best)} \u2026` : truncate(flat, room);
}

export {
  findingLines
};
