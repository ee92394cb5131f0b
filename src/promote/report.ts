// Human-readable reports of promote and publish: plain text for the CLI, Markdown for the job summary.
import type { Finding } from '../models/finding.js';
import type { GateOutcome } from './gate.js';
import type { PromoteReport } from './promote.js';
import type { PublishReport } from './publish.js';
import type { ModelChanges } from './tree.js';
import { printable as p } from '../util/safe-text.js';
import { code, details, firstItems, link, plural, prose, text } from '../util/markdown.js';
import { findingLines } from '../validate/reporters/finding-lines.js';

const short = (sha: string | null): string => (sha ? sha.slice(0, 7) : '-');

/** Where a finding is, repository-relative (the models root may be a sub-folder). */
export function findingPath(prefix: string, f: Finding): string {
  return prefix ? `${prefix}/${f.file}` : f.file;
}

function findingLine(prefix: string, f: Finding): string {
  return `${p(findingPath(prefix, f))}:${f.line}:${f.column}  ${f.severity}  ${p(f.message)}  (${f.ruleId})`;
}

function modelLines(m: ModelChanges): string[] {
  const list = (ids: string[]): string => (ids.length ? ids.map(p).join(', ') : 'none');
  return [
    `  models added: ${list(m.added)}`,
    `  models changed: ${list(m.changed)}`,
    `  models removed: ${list(m.removed)}`,
  ];
}

function validationLines(v: GateOutcome | null, prefix: string, target: string): string[] {
  if (!v) return ['  validation: skipped (--no-validate)'];
  const lines: string[] = [];
  if (v.newErrors.length) {
    lines.push(`  validation: ${v.newErrors.length} new error(s) that '${target}' does not have:`);
    lines.push(...v.newErrors.map((f) => `    ${findingLine(prefix, f)}`));
  } else {
    lines.push('  validation: no new errors');
  }
  if (v.existingErrors.length) {
    lines.push(`  ${v.existingErrors.length} error(s) '${target}' already has (not blocking):`);
    lines.push(...v.existingErrors.map((f) => `    ${findingLine(prefix, f)}`));
  }
  return lines;
}

export function promoteText(r: PromoteReport): string {
  const lines = [
    `${r.dryRun ? 'Plan (dry run): ' : ''}promote ${r.from} (${short(r.sourceCommit)}) into ${r.to} (${short(r.targetCommit)}), strategy ${r.strategy}, via ${r.via}`,
  ];
  if (r.result === 'up-to-date') {
    lines.push(`Up to date: '${r.to}' already contains '${r.from}'. Nothing to do.`);
    return `${[...lines, ...r.warnings.map((w) => `warning: ${p(w)}`)].join('\n')}\n`;
  }
  lines.push(`  ${r.commits.length} commit(s) ${r.dryRun ? 'would move' : 'move'}:`);
  lines.push(...r.commits.map((c) => `    ${short(c.sha)} ${p(c.subject)}`));
  lines.push(...modelLines(r.models));
  if (r.models.otherFiles.length) lines.push(`  other files: ${r.models.otherFiles.map(p).join(', ')}`);
  if (r.result === 'diverged') {
    lines.push(
      `Refused: '${r.to}' has ${r.targetOnlyCommits} commit(s) that '${r.from}' does not have, so it cannot be fast-forwarded.`,
      `What to do: merge '${r.to}' back into '${r.from}' first, or promote with --strategy merge. Nothing was pushed.`,
    );
  } else if (r.result === 'conflict') {
    lines.push(`Conflict: merging '${r.from}' into '${r.to}' conflicts; nothing was pushed.`);
    for (const c of r.conflicts)
      lines.push(`    ${p(c.file)}${c.modelId ? `  (model ${p(c.modelId)})` : ''}`);
    lines.push(
      `What to do: merge '${r.to}' into '${r.from}' (or a branch made from it), resolve the conflicts there, push, ` +
        'and promote again.',
    );
  } else {
    lines.push(...validationLines(r.validation, r.root, r.to));
    if (r.result === 'invalid') {
      lines.push(
        `Refused: the promotion would add validation errors to '${r.to}'; nothing was pushed.`,
        `What to do: fix them on '${r.from}' and promote again (or --no-validate to override).`,
      );
    } else if (r.dryRun) {
      lines.push(
        `Would be ${r.result}: ${r.result === 'merged' ? 'a merge commit' : short(r.commit)} on '${r.to}'.`,
      );
    } else {
      lines.push(`Result: ${r.result}; '${r.to}' is now at ${short(r.commit)}.`);
    }
  }
  lines.push(...r.warnings.map((w) => `warning: ${p(w)}`));
  return `${lines.join('\n')}\n`;
}

export function publishText(r: PublishReport): string {
  const lines = [
    `${r.dryRun ? 'Plan (dry run): ' : ''}publish from ${r.from} (${short(r.sourceCommit)}) to ${r.to} (${short(r.targetCommit)}) on branch ${r.branch}`,
    '  models:',
    ...r.models.map(
      (m) =>
        `    ${p(m.id)}  (${m.reason === 'requested' ? 'requested' : `called by ${p(m.calledBy ?? '')}`})`,
    ),
    `  group files: ${r.groupFiles.length ? r.groupFiles.map(p).join(', ') : 'none'}`,
  ];
  if (r.files.length) {
    lines.push(`  ${r.files.length} file(s) differ from '${r.to}':`);
    lines.push(...r.files.map((f) => `    ${f.status.padEnd(8)} ${p(f.path)}`));
    lines.push(...modelLines(r.changes));
    lines.push(...validationLines(r.validation, r.root, r.to));
  }
  if (r.refused) {
    lines.push(
      `Refused: publishing would add validation errors to '${r.to}'; nothing was pushed.`,
      `What to do: fix them in ${r.from} and publish again (or --no-validate to override).`,
    );
  } else if (r.dryRun) {
    lines.push(`Would be: ${r.operation} (branch ${r.branch}).`);
  } else {
    lines.push(`Result: ${r.operation}; branch ${r.branch} at ${short(r.commit)}.`);
    if (r.pullRequest) lines.push(`Pull request #${r.pullRequest.number}: ${r.pullRequest.url}`);
  }
  lines.push(...r.warnings.map((w) => `warning: ${p(w)}`));
  return `${lines.join('\n')}\n`;
}

// The job summaries: verdict first, then what failed and what to do, what moved, the rest folded. Branch names,
// model ids, paths and commit subjects come from the repository: they go through util/markdown.
const NAMED = 50;
const ids = (list: string[]): string =>
  list.length
    ? list
        .slice(0, NAMED)
        .map((id) => code(id))
        .join(', ') + (list.length > NAMED ? ` and ${list.length - NAMED} more` : '')
    : 'none';
/** Lines a list may take in a summary (conflicts, errors, commits, files); the step log has them all. */
const LISTED = 200;
const rest = (what: string) => (n: number) =>
  `\n*…and ${plural(n, `more ${what}`)}: the step log lists them all.*`;
const errorLines = (list: Finding[], prefix: string) =>
  firstItems(findingLines(list, 'error', { prefix }), LISTED, rest('line'));

function movedLine(m: ModelChanges): string {
  return `Models added: ${ids(m.added)}; changed: ${ids(m.changed)}; removed: ${ids(m.removed)}.`;
}

/** New errors block: listed grouped by model; errors the target already has are folded. */
function validationMarkdown(v: GateOutcome | null, prefix: string, target: string): string[] {
  if (!v) return ['Validation: skipped.', ''];
  const out: string[] = [];
  if (v.newErrors.length) {
    out.push(`**${plural(v.newErrors.length, 'new validation error')}** that ${code(target)} does not have:`);
    out.push(...errorLines(v.newErrors, prefix), '');
  } else {
    out.push(`Validation: no new errors${v.warnings ? ` (${plural(v.warnings, 'warning')})` : ''}.`, '');
  }
  if (v.existingErrors.length)
    out.push(
      ...details(
        `${plural(v.existingErrors.length, 'error')} ${target} already has (not blocking)`,
        errorLines(v.existingErrors, prefix),
      ),
    );
  return out;
}

function warningLines(warnings: string[]): string[] {
  return warnings.length ? [...warnings.map((w) => `> ⚠️ ${prose(w)}`), ''] : [];
}

export function promoteMarkdown(r: PromoteReport): string {
  const from = code(r.from);
  const to = code(r.to);
  const dry = r.dryRun ? ' (dry run)' : '';
  const verdict: Record<PromoteReport['result'], string> = {
    merged: `✅ ${from} ${r.dryRun ? 'would be merged' : 'merged'} into ${to}`,
    'fast-forwarded': `✅ ${to} ${r.dryRun ? 'would be fast-forwarded' : 'fast-forwarded'} to ${from}`,
    'up-to-date': `✅ ${to} already contains ${from}`,
    conflict: `❌ ${from} into ${to} refused: ${plural(r.conflicts.length, 'conflicting file')}`,
    diverged: `❌ ${from} into ${to} refused: ${to} has diverged`,
    invalid: `❌ ${from} into ${to} refused: ${plural(r.validation?.newErrors.length ?? 0, 'new error')}`,
  };
  const out = [`## spiff-models promote${dry}: ${verdict[r.result]}`, ''];
  if (r.result === 'conflict') {
    out.push('Nothing was pushed. Conflicting files:', '');
    const files = r.conflicts.map(
      (c) => `- ${code(c.file)}${c.modelId ? ` (model ${code(c.modelId)})` : ''}`,
    );
    out.push(...firstItems(files, LISTED, rest('file')), '');
    out.push(
      `**What to do:** merge ${to} into ${from} (or a branch made from it), resolve the conflicts there, push, ` +
        'and promote again.',
      '',
    );
  } else if (r.result === 'diverged') {
    out.push(
      `Nothing was pushed: ${to} has ${plural(r.targetOnlyCommits, 'commit')} ${from} lacks, so it cannot be ` +
        'fast-forwarded.',
      '',
      `**What to do:** merge ${to} back into ${from} first, or promote with strategy ${code('merge')}.`,
      '',
    );
  } else if (r.result === 'invalid') {
    out.push('Nothing was pushed.', '', ...validationMarkdown(r.validation, r.root, r.to));
    out.push(
      `**What to do:** fix them on ${from} and promote again (or set ${code('validate: false')} to override).`,
      '',
    );
  } else if (r.result !== 'up-to-date') {
    out.push(
      `${plural(r.commits.length, 'commit')} ${r.dryRun ? 'would move' : 'moved'}` +
        (r.commit && !r.dryRun ? `; ${to} is now at ${code(short(r.commit))}` : '') +
        `. ${movedLine(r.models)}`,
      '',
      ...validationMarkdown(r.validation, r.root, r.to),
    );
  }
  out.push(...warningLines(r.warnings));
  if (r.commits.length)
    out.push(
      ...details(
        `${plural(r.commits.length, 'commit')}`,
        firstItems(
          r.commits.map((c) => `- ${code(short(c.sha))} ${text(c.subject)}`),
          LISTED,
          rest('commit'),
        ),
      ),
    );
  out.push(
    ...details('Details', [
      `Strategy ${code(r.strategy)} via ${code(r.via)}, remote ${code(r.remote)}; source ${code(short(r.sourceCommit))}, ` +
        `target ${code(short(r.targetCommit))}${r.commit ? `, result ${code(short(r.commit))}` : ''}; ` +
        `${plural(r.attempts, 'attempt')}.`,
      ...(r.models.otherFiles.length ? ['', `Other files: ${ids(r.models.otherFiles)}.`] : []),
    ]),
  );
  return `${out.join('\n')}\n`;
}

export function publishMarkdown(r: PublishReport): string {
  const to = code(r.to);
  const dry = r.dryRun ? ' (dry run)' : '';
  const pr = r.pullRequest ? link(`#${r.pullRequest.number}`, r.pullRequest.url) : null;
  const n = r.validation?.newErrors.length ?? 0;
  const verdict = r.refused
    ? `❌ to ${to} refused: ${plural(n, 'new error')}`
    : r.operation === 'unchanged'
      ? `✅ ${r.files.length ? 'branch' : 'nothing to publish:'} ${code(r.branch)} ${r.files.length ? 'unchanged' : `already matches ${to}`}`
      : `✅ ${plural(r.models.length, 'model')} to ${to}${pr ? `: pull request ${pr}` : `, branch ${code(r.branch)} ${r.dryRun ? 'would be ' : ''}${r.operation}`}`;
  const out = [`## spiff-models publish${dry}: ${verdict}`, ''];
  if (r.refused) {
    out.push('Nothing was pushed.', '', ...validationMarkdown(r.validation, r.root, r.to));
    out.push(
      `**What to do:** fix them in ${code(r.from)} and publish again (or set ${code('validate: false')} to override).`,
      '',
    );
  } else {
    if (pr) out.push(`Review and merge pull request ${pr} (branch ${code(r.branch)} into ${to}).`, '');
    if (r.files.length)
      out.push(`${plural(r.files.length, 'file')} differ from ${to}. ${movedLine(r.changes)}`, '');
    if (r.files.length) out.push(...validationMarkdown(r.validation, r.root, r.to));
  }
  out.push(...warningLines(r.warnings));
  out.push(
    '| Model | Why |',
    '|---|---|',
    ...r.models.map(
      (m) =>
        `| ${code(m.id, { table: true })} | ${m.reason === 'requested' ? 'requested' : `called by ${code(m.calledBy ?? '', { table: true })}`} |`,
    ),
    '',
  );
  if (r.files.length)
    out.push(
      ...details(plural(r.files.length, 'file'), [
        '| Change | File |',
        '|---|---|',
        ...firstItems(
          r.files.map((f) => `| ${f.status} | ${code(f.path, { table: true })} |`),
          LISTED,
          (n) => `| … | ${plural(n, 'more file')}: the step log lists them all |`,
        ),
      ]),
    );
  out.push(
    ...details('Details', [
      `Branch ${code(r.branch)} from ${code(r.from)} (${code(short(r.sourceCommit))}) onto ${to} ` +
        `(${code(short(r.targetCommit))})${r.commit ? `, head ${code(short(r.commit))}` : ''}; ` +
        `${plural(r.attempts, 'attempt')}. Group files: ${ids(r.groupFiles)}.`,
    ]),
  );
  return `${out.join('\n')}\n`;
}

/** The action outputs of promote, by their declared names (src/promote/options.ts). */
export function promoteOutputs(r: PromoteReport): Record<string, string> {
  return {
    result: r.result,
    commit: r.commit ?? '',
    commits: String(r.commits.length),
    'changed-models': JSON.stringify(r.changedModels),
  };
}

/** The action outputs of publish, by their declared names. */
export function publishOutputs(r: PublishReport): Record<string, string> {
  return {
    branch: r.branch,
    commit: r.commit ?? '',
    models: JSON.stringify(r.models.map((m) => m.id).sort()),
    'changed-models': JSON.stringify([...r.changes.added, ...r.changes.changed, ...r.changes.removed].sort()),
    'pull-request-number': r.pullRequest ? String(r.pullRequest.number) : '',
    'pull-request-url': r.pullRequest?.url ?? '',
    operation: r.refused ? '' : r.operation,
  };
}
