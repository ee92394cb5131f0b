// Markdown report: the job summary and the `--format markdown` output (models table, findings, call graph).
import type { ModelsIndex } from '../../models/types.js';
import type { Report } from '../finding.js';

const ICON = { ok: '✅', warning: '⚠️', error: '❌' } as const;

function esc(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export interface MarkdownOptions {
  index?: ModelsIndex;
  changedModels?: string[];
  /** Shown above the findings when annotations were capped. */
  note?: string;
  maxFindings?: number;
}

export function formatMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const { errors, warnings, models, files } = report.summary;
  const out: string[] = [];
  const verdict = errors ? `❌ ${errors} error${errors === 1 ? '' : 's'}` : '✅ no errors';
  out.push(`## spiff-models validate: ${verdict}, ${warnings} warning${warnings === 1 ? '' : 's'}`, '');
  out.push(`${models} models, ${files} files checked.`, '');
  if (options.note) out.push(`> ${options.note}`, '');

  const counts = new Map<string, { e: number; w: number }>();
  for (const f of report.findings) {
    if (!f.modelId) continue;
    const c = counts.get(f.modelId) ?? { e: 0, w: 0 };
    if (f.severity === 'error') c.e++;
    else if (f.severity === 'warning') c.w++;
    counts.set(f.modelId, c);
  }
  out.push('| model | status | errors | warnings |', '|---|---|---|---|');
  for (const m of report.models) {
    const c = counts.get(m.id) ?? { e: 0, w: 0 };
    out.push(`| \`${m.id}\` | ${ICON[m.status]} ${m.status} | ${c.e} | ${c.w} |`);
  }
  out.push('');

  if (report.findings.length) {
    const max = options.maxFindings ?? 200;
    out.push('### Findings', '', '| severity | location | rule | message |', '|---|---|---|---|');
    for (const f of report.findings.slice(0, max))
      out.push(
        `| ${f.severity} | \`${esc(f.file)}:${f.line}:${f.column}\` | \`${f.ruleId}\` | ${esc(f.message)} |`,
      );
    if (report.findings.length > max)
      out.push('', `…and ${report.findings.length - max} more (see the JSON or SARIF report).`);
    out.push('');
  }

  if (options.index) {
    const graph = callGraph(options.index, report, options.changedModels ?? []);
    if (graph)
      out.push('### Calls between models with findings or changes', '', '```mermaid', graph, '```', '');
  }
  return out.join('\n');
}

/** Mermaid graph of which models call which, around the models with findings or changed since --base. */
export function callGraph(index: ModelsIndex, report: Report, changed: string[]): string | undefined {
  const focus = new Set<string>([
    ...report.models.filter((m) => m.status !== 'ok').map((m) => m.id),
    ...changed,
  ]);
  if (!focus.size) return undefined;
  const edges: [string, string][] = [];
  for (const [from, tos] of index.modelCalls)
    for (const to of tos) if (focus.has(from) || focus.has(to)) edges.push([from, to]);
  const nodes = new Set<string>([...focus, ...edges.flat()]);
  const ids = new Map([...nodes].sort().map((n, i) => [n, `m${i}`]));
  const status = new Map(report.models.map((m) => [m.id, m.status]));
  const lines = ['graph LR'];
  for (const [n, id] of ids) lines.push(`  ${id}["${n.replace(/"/g, '#quot;')}"]:::${status.get(n) ?? 'ok'}`);
  for (const [a, b] of edges) lines.push(`  ${ids.get(a)} --> ${ids.get(b)}`);
  lines.push(
    '  classDef error fill:#fdd,stroke:#c00',
    '  classDef warning fill:#ffd,stroke:#b80',
    '  classDef ok fill:#dfd,stroke:#080',
  );
  for (const c of changed)
    if (ids.has(c)) lines.push(`  style ${ids.get(c)} stroke-width:3px,stroke-dasharray: 4 2`);
  return lines.join('\n');
}
