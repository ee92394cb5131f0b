// publish: copies selected models (with their group files and the models they call) from a source ref onto
// the current target branch as one commit on a publish branch, and opens or updates one pull request for it.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { SetupError, UsageError } from '../util/errors.js';
import { noModelsError } from '../models/empty.js';
import { validateResult, type GateOutcome } from './gate.js';
import {
  addLabels,
  createPull,
  findOpenPull,
  requestReviewers,
  updatePull,
  type PullRequest,
  type PullRequestSettings,
} from './github.js';
import { changedFiles, modelChanges, modelDirsAt, type FileChange, type ModelChanges } from './tree.js';
import {
  checkout,
  fetchBranches,
  inWorkArea,
  push,
  remoteHeads,
  revParse,
  type BranchWriteOptions,
  type Moved,
  type WorkArea,
} from './workarea.js';

export type PublishOperation = 'created' | 'updated' | 'unchanged';

export interface PublishOptions extends BranchWriteOptions {
  modelIds: string[];
  dependencies: boolean;
  pullRequest: boolean;
  /** Title, body, labels, reviewers, draft; unset: generated title and body, nothing else. */
  pullRequestOptions?: PullRequestSettings;
}

export interface PublishedModel {
  id: string;
  /** requested, or called (transitively) by `calledBy`. */
  reason: 'requested' | 'dependency';
  calledBy?: string;
}

export interface PublishReport {
  operation: PublishOperation;
  /** True when new validation errors stopped the publication. */
  refused: boolean;
  dryRun: boolean;
  from: string;
  to: string;
  remote: string;
  /** Models root inside the repository ('' for its root): finding paths are relative to it. */
  root: string;
  branch: string;
  sourceCommit: string;
  targetCommit: string;
  /** Head of the publish branch; null when nothing differs from the target (no commit made). */
  commit: string | null;
  models: PublishedModel[];
  /** process_group.json files of the published models' ancestor groups, repository-relative. */
  groupFiles: string[];
  /** What the publish branch changes on top of the target. */
  files: FileChange[];
  changes: ModelChanges;
  pullRequest: PullRequest | null;
  validation: GateOutcome | null;
  attempts: number;
  warnings: string[];
}

/**
 * A model id as given ('a/b', 'a:b' as in backend URLs, trailing '/' tolerated); refuses ids that could
 * escape the models root.
 */
export function normalizeModelId(raw: string): string {
  const id = raw.trim().replace(/:/g, '/').replace(/\/+$/, '');
  if (!id) throw new UsageError('An empty model id was given: pass ids like group/model.');
  if (id.startsWith('/') || /^[A-Za-z]:/.test(raw.trim()) || id.includes('\\')) {
    throw new UsageError(
      `'${raw}' is an absolute path, not a model id: give the path relative to the models root.`,
    );
  }
  if (id.split('/').some((s) => s === '..' || s === '.' || s === '')) {
    throw new UsageError(
      `'${raw}' escapes or leaves the models root ('.', '..' or '//'): give an id like group/model.`,
    );
  }
  return id;
}

/** The backend's name for one model; a stable digest of the ids for several. */
export function publishBranchName(ids: string[], to: string): string {
  const unique = [...new Set(ids)].sort();
  // The backend's own naming (git_service.publish): the model id keeps its slashes.
  if (unique.length === 1) return `publish-${unique[0]}-to-${to}`;
  const digest = createHash('sha256').update(unique.join('\n')).digest('hex').slice(0, 12);
  return `publish-${unique.length}-models-${digest}-to-${to}`;
}

/** Requested models first, then everything they call, transitively, each with the model that calls it. */
export function dependencyClosure(requested: string[], calls: Map<string, Set<string>>): PublishedModel[] {
  const out: PublishedModel[] = requested.map((id) => ({ id, reason: 'requested' }));
  const seen = new Set(requested);
  for (let i = 0; i < out.length; i++) {
    for (const called of [...(calls.get(out[i].id) ?? [])].sort()) {
      if (seen.has(called)) continue;
      seen.add(called);
      out.push({ id: called, reason: 'dependency', calledBy: out[i].id });
    }
  }
  return out;
}

function ancestors(id: string): string[] {
  const parts = id.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

const repoPath = (prefix: string, rel: string): string => (prefix ? `${prefix}/${rel}` : rel);

export function pullRequestTitle(models: PublishedModel[], to: string): string {
  const requested = models.filter((m) => m.reason === 'requested').map((m) => m.id);
  if (requested.length === 1) return `Publish ${requested[0]} to ${to}`;
  const list = requested.join(', ');
  return `Publish ${requested.length} models to ${to}: ${list.length > 80 ? `${list.slice(0, 77)}...` : list}`;
}

function reasonText(m: PublishedModel): string {
  return m.reason === 'requested' ? 'requested' : `called by ${m.calledBy}`;
}

function commitMessage(r: PublishReport): string {
  return [
    pullRequestTitle(r.models, r.to),
    '',
    `Published from ${r.from} at ${r.sourceCommit} onto ${r.to} at ${r.targetCommit}.`,
    '',
    'Models:',
    ...r.models.map((m) => `- ${m.id} (${reasonText(m)})`),
    ...(r.groupFiles.length ? ['', 'Group files:', ...r.groupFiles.map((f) => `- ${f}`)] : []),
    '',
  ].join('\n');
}

export function pullRequestBody(r: PublishReport): string {
  const list = (ids: string[]): string => (ids.length ? ids.map((id) => `\`${id}\``).join(', ') : 'none');
  return [
    `Publishes models from \`${r.from}\` (${r.sourceCommit}) to \`${r.to}\`.`,
    '',
    '| Model | Why |',
    '|---|---|',
    ...r.models.map(
      (m) => `| \`${m.id}\` | ${m.reason === 'requested' ? 'requested' : `called by \`${m.calledBy}\``} |`,
    ),
    '',
    `Group files: ${r.groupFiles.length ? r.groupFiles.map((f) => `\`${f}\``).join(', ') : 'none'}`,
    '',
    `Models added: ${list(r.changes.added)}; changed: ${list(r.changes.changed)}; removed: ${list(r.changes.removed)}.`,
    '',
    `_Made by \`spiff-models publish\`. Publishing again rebuilds \`${r.branch}\` from the current \`${r.to}\`; ` +
      'commits pushed to this branch by hand are replaced._',
  ].join('\n');
}

/** The source commit: a branch of the remote when one has that name, else a ref or commit of the repository. */
async function resolveSource(a: WorkArea, from: string): Promise<string> {
  const local = from === 'HEAD' || /^[0-9a-f]{7,40}$/i.test(from);
  if (!local && (await remoteHeads(a, [from])).get(from)) {
    await fetchBranches(a, [from]);
    return (await revParse(a, `refs/remotes/${a.remote}/${from}`))!;
  }
  const sha = await revParse(a, from);
  if (!sha) {
    throw new SetupError(
      `'${from}' is neither a branch of remote '${a.remote}' nor a commit or ref of the repository: check --from.`,
    );
  }
  return sha;
}

export async function publish(opts: PublishOptions): Promise<PublishReport> {
  const ids = [...new Set(opts.modelIds.map(normalizeModelId))];
  if (ids.length === 0) throw new UsageError('publish needs at least one model id.');
  if (!opts.to) throw new UsageError('publish needs --to BRANCH (the branch the pull request targets).');
  if (opts.pullRequest && !opts.dryRun && !opts.github) {
    throw new UsageError(
      'publish opens a pull request through the GitHub API: provide a token (GITHUB_TOKEN) and the repository, ' +
        'or pass --no-pull-request to only push the branch.',
    );
  }
  const branch = publishBranchName(ids, opts.to);
  let source = '';
  return inWorkArea(opts, {
    prepare: async (a) => {
      const check = await a.tryGit(['check-ref-format', '--branch', branch]);
      if (check.code !== 0) {
        throw new UsageError(
          `The publish branch name '${branch}' is not a valid git branch name: check the ids and --to.`,
        );
      }
      source = await resolveSource(a, opts.from);
    },
    attempt: (a, attempt) => attemptPublish(a, opts, ids, branch, source, attempt),
    keep: (report) => !report.refused && !opts.dryRun,
    retrying: `'${branch}' changed while publishing; fetching again and retrying once.`,
    gaveUp: (a) =>
      `'${branch}' (or '${opts.to}') on remote '${a.remote}' changed again while publishing (retried once); ` +
      `nothing was pushed. Another publish of the same models is running: try again when it is done.`,
  });
}

async function attemptPublish(
  a: WorkArea,
  opts: PublishOptions,
  ids: string[],
  branch: string,
  source: string,
  attempt: number,
): Promise<PublishReport | Moved> {
  const { to } = opts;
  const heads = await remoteHeads(a, [to, branch]);
  if (!heads.get(to)) {
    throw new SetupError(`Branch '${to}' does not exist on remote '${a.remote}': check --to.`);
  }
  const previous = heads.get(branch) ?? null;
  await fetchBranches(a, previous ? [to, branch] : [to]);
  const target = (await revParse(a, `refs/remotes/${a.remote}/${to}`))!;
  const existing = previous ? (await revParse(a, `refs/remotes/${a.remote}/${branch}`))! : null;

  await checkout(a, source);
  // A source without models is a wrong --path (nothing could be published from it; --allow-empty or not).
  const noModels = () =>
    noModelsError(
      `'${a.prefix || '.'}' in ${opts.from} (${source.slice(0, 7)})`,
      'Check --path (action input path), the models root inside the repository',
    );
  if (!existsSync(a.modelsRoot)) throw noModels();
  const { indexOf } = await import('./validation.js');
  const index = await indexOf(a.modelsRoot);
  if (index.models.size === 0) throw noModels();
  const unknown = ids.filter((id) => !index.models.has(id));
  if (unknown.length) {
    const lines = unknown.map((id) =>
      index.groups.has(id)
        ? `'${id}' is a process group, not a model: publish its models by id.`
        : `'${id}' is not a model of ${opts.from} (${source.slice(0, 7)}): no ${repoPath(a.prefix, id)}/process_model.json.`,
    );
    throw new UsageError(lines.join('\n'));
  }
  const models = opts.dependencies
    ? dependencyClosure(ids, index.modelCalls)
    : ids.map((id): PublishedModel => ({ id, reason: 'requested' }));
  const groupIds = [...new Set(models.flatMap((m) => ancestors(m.id)))]
    .filter((g) => index.groups.has(g))
    .sort();
  const groupFiles = groupIds.map((g) => repoPath(a.prefix, `${g}/process_group.json`));
  const modelPaths = models.map((m) => repoPath(a.prefix, m.id));

  // Rebuild from the current target, never from the old publish branch: a stale branch then cannot carry
  // unrelated changes, and files removed from a model in the source are removed here too.
  await checkout(a, target);
  await a.git(['--literal-pathspecs', 'rm', '-r', '-q', '--ignore-unmatch', '--', ...modelPaths]);
  await a.git(['--literal-pathspecs', 'checkout', source, '--', ...modelPaths, ...groupFiles]);
  const files = await changedFiles(a, target, 'index');

  const report: PublishReport = {
    operation: 'unchanged',
    refused: false,
    dryRun: opts.dryRun,
    from: opts.from,
    to,
    remote: a.remote,
    root: a.prefix,
    branch,
    sourceCommit: source,
    targetCommit: target,
    commit: null,
    models,
    groupFiles,
    files,
    changes: { added: [], changed: [], removed: [], otherFiles: [] },
    pullRequest: null,
    validation: null,
    attempts: attempt,
    warnings: [],
  };
  if (files.length === 0) {
    report.warnings.push(
      `'${to}' already has these models as in ${opts.from}: nothing to publish, no commit made.`,
    );
    await checkout(a, target);
    return report;
  }
  const tree = (await a.git(['write-tree'])).trim();
  report.changes = modelChanges(a.prefix, files, await modelDirsAt(a, target), await modelDirsAt(a, tree));

  // An existing branch holding exactly this tree on top of the current target is reused as is.
  let reuse = false;
  if (existing) {
    const [existingTree, parents] = (await a.git(['show', '-s', '--format=%T%n%P', existing])).split('\n');
    reuse = existingTree.trim() === tree && parents.trim() === target;
  }
  const commit = reuse
    ? existing!
    : (await a.git(['commit-tree', tree, '-p', target, '-F', '-'], commitMessage(report))).trim();
  report.commit = commit;

  if (opts.validate) {
    report.validation = await validateResult(a, commit, target, opts.configFile, opts.allowEmpty);
    if (report.validation.newErrors.length > 0) {
      report.refused = true;
      report.commit = null;
      return report;
    }
  } else {
    await checkout(a, commit);
  }
  const branchOperation: PublishOperation = reuse ? 'unchanged' : existing ? 'updated' : 'created';
  if (opts.dryRun) {
    report.operation = branchOperation;
    if (!reuse) report.commit = null;
    return report;
  }

  if (!reuse) {
    await opts.beforePush?.(attempt);
    // The publish branch is ours and is rebuilt, so it may move backwards: allowed only over the exact commit
    // we saw (--force-with-lease), so a concurrent publish or a hand-pushed fix is never silently lost.
    const pushed = await push(a, commit, branch, { expected: existing });
    if (!pushed.ok) {
      if (pushed.moved) return { moved: true, message: pushed.message };
      throw new SetupError(
        `Pushing the publish branch '${branch}' to remote '${a.remote}' was refused:\n${pushed.message}\n` +
          'What to do: check that the credentials may push new branches there.',
      );
    }
  }

  if (!opts.pullRequest) {
    report.operation = branchOperation;
    return report;
  }
  const gh = opts.github!;
  const settings = opts.pullRequestOptions;
  const title = settings?.title ?? pullRequestTitle(models, to);
  const body = settings?.body ?? pullRequestBody(report);
  const open = await findOpenPull(gh, branch, to);
  if (open) {
    report.pullRequest = reuse ? open : await updatePull(gh, open.number, title, body);
    report.operation = reuse ? 'unchanged' : 'updated';
  } else {
    report.pullRequest = await createPull(gh, branch, to, title, body, settings?.draft ?? false);
    report.operation = 'created';
  }
  // Labels and reviewers are added, never removed: on an updated pull request people may have changed them.
  await addLabels(gh, report.pullRequest.number, settings?.labels ?? []);
  await requestReviewers(gh, report.pullRequest.number, settings?.reviewers ?? []);
  return report;
}
