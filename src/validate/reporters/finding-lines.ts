// One line per finding, grouped by model: the shape every summary (validate, promote, publish, a failed bake)
// lists findings in. Repository text goes through util/markdown.
import type { Finding } from '../../models/finding.js';
import { code, link, plural, prose, text, truncate } from '../../util/markdown.js';
import { blobUrl, treeUrl, type RepoLinks } from '../../util/repo-links.js';

/**
 * Characters of a finding line that fit GitHub's summary column (about 850 px of 16 px text): longer messages
 * are cut after their first clause (the reports, and the link's title, keep them whole).
 */
export const LINE_CHARS = 105;

interface ModelFindings {
  modelId: string | null;
  findings: Finding[];
}

/** Findings grouped by model in report order, findings outside any model last. */
function byModel(findings: Finding[]): ModelFindings[] {
  const groups = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.modelId);
    if (list) list.push(f);
    else groups.set(f.modelId, [f]);
  }
  const out = [...groups].map(([modelId, list]) => ({ modelId, findings: list }));
  return [...out.filter((g) => g.modelId !== null), ...out.filter((g) => g.modelId === null)];
}

export interface FindingListOptions {
  /** The models root inside the repository ('' at its root). */
  prefix?: string;
  links?: RepoLinks;
  /** A model's directory under the models root (its id when not given). */
  modelDir?: (modelId: string) => string;
}

/**
 * Findings grouped by model, the model's path (from the repository root) said once in a bold line, then one
 * line per finding: the message (cut to fit the summary column), `file:line` (a link to the line when the
 * GitHub context is known) and the rule id. Also used by the promote and publish summaries.
 */
export function findingLines(list: Finding[], what: string, options: FindingListOptions = {}): string[] {
  const { prefix = '', links, modelDir = (id: string) => id } = options;
  const repoPath = (p: string) => (prefix ? `${prefix}/${p}` : p);
  const findingLine = (f: Finding, dir: string | null): string => {
    const shown =
      dir !== null && f.file.startsWith(`${dir}/`) ? f.file.slice(dir.length + 1) : repoPath(f.file);
    const where = f.line > 0 ? `${shown}:${f.line}` : shown;
    const room = Math.max(50, LINE_CHARS - where.length - 3 - Math.ceil(0.6 * f.ruleId.length));
    const message = shorten(f.message, room);
    const label = code(where);
    const loc = links
      ? link(label, blobUrl(links, repoPath(f.file), f.line), message === f.message ? undefined : f.message)
      : label;
    return `- ${prose(message)} · ${loc} <sub>${text(f.ruleId)}</sub>`;
  };
  const out: string[] = [];
  for (const g of byModel(list)) {
    const dir = g.modelId === null ? null : modelDir(g.modelId);
    const title =
      dir === null
        ? 'Not in any model'
        : links
          ? link(code(`${repoPath(dir)}/`), treeUrl(links, repoPath(dir)))
          : code(`${repoPath(dir)}/`);
    // The blank line ends the previous list: a bold line right after a list item would join it.
    out.push(`\n**${title}** · ${plural(g.findings.length, what)}`);
    for (const f of g.findings) out.push(findingLine(f, dir));
  }
  return out;
}

/** The message cut to `room` characters: after a clause (': ', '; ', ' (') when one ends late enough. */
export function shorten(message: string, room: number): string {
  const flat = message.replace(/\s+/g, ' ');
  if ([...flat].length <= room) return flat;
  let best = -1;
  for (const m of flat.matchAll(/: |; | \(/g)) if (m.index >= 30 && m.index <= room - 2) best = m.index;
  return best > 0 ? `${flat.slice(0, best)} …` : truncate(flat, room);
}
