// Human-readable reports of promote and publish: plain text for the CLI, Markdown for the job summary.
import type { Finding } from '../validate/finding.js';
import type { GateOutcome } from './gate.js';
import type { PromoteReport } from './promote.js';
import type { PublishReport } from './publish.js';
import type { ModelChanges } from './tree.js';
import { printable as p } from '../util/safe-text.js';

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

const code = (s: string): string => `\`${s}\``;
const ids = (list: string[]): string => (list.length ? list.map(code).join(', ') : 'none');

function validationMarkdown(v: GateOutcome | null, prefix: string, target: string): string[] {
  if (!v) return ['Validation: skipped.', ''];
  const rows = (list: Finding[]): string[] =>
    list.map(
      (f) => `| ${code(`${findingPath(prefix, f)}:${f.line}:${f.column}`)} | ${f.ruleId} | ${f.message} |`,
    );
  const out = [
    v.newErrors.length ? `**${v.newErrors.length} new validation error(s):**` : 'Validation: no new errors.',
    '',
  ];
  if (v.newErrors.length) out.push('| Where | Rule | Message |', '|---|---|---|', ...rows(v.newErrors), '');
  if (v.existingErrors.length) {
    out.push(`${v.existingErrors.length} error(s) ${code(target)} already has (not blocking):`, '');
    out.push('| Where | Rule | Message |', '|---|---|---|', ...rows(v.existingErrors), '');
  }
  return out;
}

export function promoteMarkdown(r: PromoteReport): string {
  const out = [
    `## Promote ${code(r.from)} into ${code(r.to)}${r.dryRun ? ' (dry run)' : ''}: ${r.result}`,
    '',
    `Strategy ${r.strategy} via ${r.via}; source ${code(short(r.sourceCommit))}, target ${code(short(r.targetCommit))}` +
      (r.commit ? `, now ${code(short(r.commit))}` : '') +
      '.',
    '',
  ];
  if (r.result !== 'up-to-date') {
    out.push(
      `${r.commits.length} commit(s); models added: ${ids(r.models.added)}; changed: ${ids(r.models.changed)}; removed: ${ids(r.models.removed)}.`,
      '',
    );
  }
  if (r.conflicts.length) {
    out.push('Conflicting files (nothing was pushed):', '', '| File | Model |', '|---|---|');
    out.push(...r.conflicts.map((c) => `| ${code(c.file)} | ${c.modelId ? code(c.modelId) : ''} |`), '');
  }
  if (r.result === 'diverged') {
    out.push(
      `${code(r.to)} has ${r.targetOnlyCommits} commit(s) ${code(r.from)} lacks: no fast-forward possible.`,
      '',
    );
  }
  if (['merged', 'fast-forwarded', 'invalid'].includes(r.result))
    out.push(...validationMarkdown(r.validation, r.root, r.to));
  out.push(...r.warnings.map((w) => `> ${w}`));
  return `${out.join('\n')}\n`;
}

export function publishMarkdown(r: PublishReport): string {
  const out = [
    `## Publish to ${code(r.to)}${r.dryRun ? ' (dry run)' : ''}: ${r.refused ? 'refused' : r.operation}`,
    '',
    `Branch ${code(r.branch)} from ${code(r.from)} (${code(short(r.sourceCommit))})` +
      (r.pullRequest ? `, pull request [#${r.pullRequest.number}](${r.pullRequest.url})` : '') +
      '.',
    '',
    '| Model | Why |',
    '|---|---|',
    ...r.models.map(
      (m) =>
        `| ${code(m.id)} | ${m.reason === 'requested' ? 'requested' : `called by ${code(m.calledBy ?? '')}`} |`,
    ),
    '',
    `Group files: ${ids(r.groupFiles)}.`,
    '',
  ];
  if (r.files.length) out.push(...validationMarkdown(r.validation, r.root, r.to));
  out.push(...r.warnings.map((w) => `> ${w}`));
  return `${out.join('\n')}\n`;
}
