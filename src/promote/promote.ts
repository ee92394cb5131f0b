// promote: moves a source branch into a target branch (dev -> staging -> prod) by fast-forward or merge commit,
// validating the result first and never forcing a push. Pure planning and git work; no printing here.
import { SetupError, UsageError } from '../util/errors.js';
import { noModelsError } from '../models/empty.js';
import type { GateOutcome } from './gate.js';
import { validateResult } from './gate.js';
import { fastForwardViaApi, mergeViaApi } from './github.js';
import {
  allChangedModels,
  changedFiles,
  modelChanges,
  modelDirsAt,
  modelIdOf,
  type ModelChanges,
} from './tree.js';
import {
  checkout,
  refuseOverwrites,
  commitsBetween,
  fetchBranches,
  isAncestor,
  inWorkArea,
  push,
  remoteHeads,
  revParse,
  type CommitInfo,
  type BranchWriteOptions,
  type Moved,
  type WorkArea,
} from './workarea.js';
import { splitZ } from '../util/git.js';

export const STRATEGIES = ['merge', 'fast-forward'] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const VIAS = ['git', 'api'] as const;
export type Via = (typeof VIAS)[number];

export type PromoteResultKind =
  'merged' | 'fast-forwarded' | 'up-to-date' | 'conflict' | 'diverged' | 'invalid';

export interface PromoteOptions extends BranchWriteOptions {
  strategy: Strategy;
  via: Via;
}

export interface Conflict {
  file: string;
  modelId: string | null;
}

export interface PromoteReport {
  result: PromoteResultKind;
  /** True when a promotion was refused: conflict, diverged or new validation errors. */
  refused: boolean;
  dryRun: boolean;
  from: string;
  to: string;
  strategy: Strategy;
  via: Via;
  remote: string;
  /** Models root inside the repository ('' for its root): finding paths are relative to it. */
  root: string;
  sourceCommit: string;
  targetCommit: string;
  /** The target's commit after the promotion (what it would be for a dry-run fast-forward); null if none. */
  commit: string | null;
  /** Commits of the source the target gains, oldest first. */
  commits: CommitInfo[];
  /** Commits of the target the source lacks (why a fast-forward is impossible). */
  targetOnlyCommits: number;
  models: ModelChanges;
  changedModels: string[];
  conflicts: Conflict[];
  validation: GateOutcome | null;
  attempts: number;
  warnings: string[];
}

type Attempt = PromoteReport | Moved;

const REFUSED: PromoteResultKind[] = ['conflict', 'diverged', 'invalid'];

export function mergeMessage(
  from: string,
  source: string,
  to: string,
  commits: number,
  m: ModelChanges,
): string {
  const lines = [
    `Promote ${from} into ${to}`,
    '',
    `Merge branch '${from}' at ${source} into '${to}' (${commits} commit${commits === 1 ? '' : 's'}).`,
    '',
  ];
  if (m.added.length) lines.push(`Models added: ${m.added.join(', ')}`);
  if (m.changed.length) lines.push(`Models changed: ${m.changed.join(', ')}`);
  if (m.removed.length) lines.push(`Models removed: ${m.removed.join(', ')}`);
  if (!m.added.length && !m.changed.length && !m.removed.length) lines.push('No model changed.');
  return `${lines.join('\n')}\n`;
}

export async function promote(opts: PromoteOptions): Promise<PromoteReport> {
  if (!opts.from || !opts.to) throw new UsageError('promote needs both --from BRANCH and --to BRANCH.');
  if (opts.from === opts.to)
    throw new UsageError(`--from and --to are both '${opts.from}': nothing to promote.`);
  if (opts.via === 'api' && !opts.github) {
    throw new UsageError('--via api needs a GitHub token (GITHUB_TOKEN) and the repository (--repository).');
  }
  return inWorkArea(opts, {
    attempt: (a, attempt) => attemptPromote(a, opts, attempt),
    keep: (report) => !report.refused && !opts.dryRun,
    retrying: `'${opts.to}' moved while promoting; fetching again and retrying once.`,
    gaveUp: (a) =>
      `'${opts.to}' on remote '${a.remote}' moved again while promoting (retried once from a fresh fetch); ` +
      `nothing was pushed. Someone else is pushing to '${opts.to}': run the promotion again when it is quiet.`,
  });
}

async function attemptPromote(a: WorkArea, opts: PromoteOptions, attempt: number): Promise<Attempt> {
  const { from, to } = opts;
  const heads = await remoteHeads(a, [from, to]);
  if (!heads.get(from)) {
    throw new SetupError(
      `Branch '${from}' does not exist on remote '${a.remote}': check --from (a branch name).`,
    );
  }
  if (!heads.get(to)) {
    throw new SetupError(
      `Branch '${to}' does not exist on remote '${a.remote}'. promote only moves existing environment branches: ` +
        `create it first (git push ${a.remote} ${from}:refs/heads/${to}).`,
    );
  }
  await fetchBranches(a, [from, to]);
  const source = (await revParse(a, `refs/remotes/${a.remote}/${from}`))!;
  const target = (await revParse(a, `refs/remotes/${a.remote}/${to}`))!;
  // Both sides must hold models under the path, checked before anything else: a typo in --path would
  // otherwise validate an empty tree ("no new errors") and merge whatever the branches hold.
  if (!opts.allowEmpty) {
    for (const [branch, commit] of [
      [from, source],
      [to, target],
    ]) {
      if ((await modelDirsAt(a, commit)).size === 0)
        throw noModelsError(
          `'${a.prefix || '.'}' in '${branch}' (${commit.slice(0, 7)})`,
          'Check --path (action input path), the models root inside the repository',
        );
    }
  }
  const report: PromoteReport = {
    result: 'up-to-date',
    refused: false,
    dryRun: opts.dryRun,
    from,
    to,
    strategy: opts.strategy,
    via: opts.via,
    remote: a.remote,
    root: a.prefix,
    sourceCommit: source,
    targetCommit: target,
    commit: target,
    commits: [],
    targetOnlyCommits: 0,
    models: { added: [], changed: [], removed: [], otherFiles: [] },
    changedModels: [],
    conflicts: [],
    validation: null,
    attempts: attempt,
    warnings: [],
  };
  const finish = (result: PromoteResultKind, commit: string | null): Attempt => {
    report.result = result;
    report.refused = REFUSED.includes(result);
    report.commit = commit;
    report.changedModels = allChangedModels(report.models);
    return report;
  };

  if (await isAncestor(a, source, target)) return finish('up-to-date', target);
  report.commits = await commitsBetween(a, target, source);
  const targetDirs = await modelDirsAt(a, target);
  const canFastForward = await isAncestor(a, target, source);

  if (!canFastForward && opts.strategy === 'fast-forward') {
    report.targetOnlyCommits = (await commitsBetween(a, source, target)).length;
    // What the source would bring: its changes since the common ancestor.
    const base = (await a.git(['merge-base', target, source])).trim();
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, base, source),
      await modelDirsAt(a, base),
      await modelDirsAt(a, source),
    );
    return finish('diverged', null);
  }

  let result: string;
  let message = '';
  if (opts.strategy === 'fast-forward') {
    result = source;
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, target, source),
      targetDirs,
      await modelDirsAt(a, source),
    );
    await checkout(a, source);
  } else {
    await refuseOverwrites(a, source);
    await checkout(a, target);
    const merge = await a.tryGit(['merge', '--no-ff', '--no-commit', '--no-edit', '--quiet', source]);
    if (merge.code !== 0) {
      const unmerged = splitZ(await a.git(['diff', '--name-only', '-z', '--diff-filter=U']));
      await a.tryGit(['merge', '--abort']);
      if (unmerged.length === 0) {
        throw new SetupError(
          `git merge of '${from}' into '${to}' failed: ${merge.stderr.trim() || merge.stdout.trim()}`,
        );
      }
      const sourceDirs = await modelDirsAt(a, source);
      report.conflicts = unmerged.sort().map((file) => ({
        file,
        modelId: modelIdOf(a.prefix, file, targetDirs) ?? modelIdOf(a.prefix, file, sourceDirs),
      }));
      const base = (await a.git(['merge-base', target, source])).trim();
      report.models = modelChanges(
        a.prefix,
        await changedFiles(a, base, source),
        await modelDirsAt(a, base),
        sourceDirs,
      );
      return finish('conflict', null);
    }
    const tree = (await a.git(['write-tree'])).trim();
    report.models = modelChanges(
      a.prefix,
      await changedFiles(a, target, tree),
      targetDirs,
      await modelDirsAt(a, tree),
    );
    message = mergeMessage(from, source, to, report.commits.length, report.models);
    await a.git(['commit', '--no-verify', '--quiet', '-F', '-'], message);
    result = (await revParse(a, 'HEAD'))!;
  }

  if (opts.validate) {
    report.validation = await validateResult(a, result, target, opts.configFile, opts.allowEmpty);
    if (report.validation.newErrors.length > 0) return finish('invalid', null);
  }
  const done: PromoteResultKind = opts.strategy === 'fast-forward' ? 'fast-forwarded' : 'merged';
  // A dry-run merge commit exists only here: its id would differ when really made, so none is reported.
  if (opts.dryRun) return finish(done, opts.strategy === 'fast-forward' ? result : null);

  await opts.beforePush?.(attempt);
  if (opts.via === 'api') {
    const gh = opts.github!;
    if (opts.strategy === 'fast-forward') {
      if (!(await fastForwardViaApi(gh, to, source))) {
        return { moved: true, message: `GitHub refused to fast-forward '${to}' to ${source}: it moved.` };
      }
      return finish(done, source);
    }
    const merged = await mergeViaApi(gh, to, source, message);
    if (merged.status === 'up-to-date') {
      report.warnings.push(
        `GitHub had nothing to merge: '${to}' already contained ${source} when the API was called.`,
      );
      return finish('up-to-date', null);
    }
    if (merged.status === 'conflict') {
      report.warnings.push(`GitHub answered 409 (merge conflict): ${merged.message}`);
      return finish('conflict', null);
    }
    if (merged.parents[0] && merged.parents[0] !== target) {
      report.warnings.push(
        `'${to}' moved from ${target} to ${merged.parents[0]} between the local check and the API merge: ` +
          `the merged tree ${merged.sha} was not validated. Run validate on '${to}'.`,
      );
    }
    if (a.kind === 'workspace') {
      await fetchBranches(a, [to]);
      await checkout(a, merged.sha);
    }
    return finish(done, merged.sha);
  }

  const pushed = await push(a, result, to);
  if (!pushed.ok) {
    if (pushed.moved) return { moved: true, message: pushed.message };
    throw new SetupError(
      `Pushing ${result} to '${to}' on remote '${a.remote}' was refused; nothing changed there.\n${pushed.message}\n` +
        `What to do: check that the credentials may push to '${to}' and that branch protection allows it ` +
        '(or use --via api with a token that may merge).',
    );
  }
  return finish(done, result);
}
