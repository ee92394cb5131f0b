// Model ids of git trees: which directories hold process_model.json, and which models a set of changes touches.
import { splitZ } from '../util/git.js';
import type { WorkArea } from './workarea.js';

/** Model directories of a commit, relative to the models root ('a/b'), read from git without a checkout. */
export async function modelDirsAt(a: WorkArea, commit: string): Promise<Set<string>> {
  const args = ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit];
  if (a.prefix) args.push('--', a.prefix);
  const dirs = new Set<string>();
  for (const file of splitZ(await a.git(args))) {
    const rel = relativeToRoot(a.prefix, file);
    if (rel === null) continue;
    if (rel.endsWith('/process_model.json')) dirs.add(rel.slice(0, -'/process_model.json'.length));
  }
  return dirs;
}

/** Path relative to the models root, or null when the repository path is outside it. */
export function relativeToRoot(prefix: string, repoPath: string): string | null {
  if (!prefix) return repoPath;
  return repoPath.startsWith(`${prefix}/`) ? repoPath.slice(prefix.length + 1) : null;
}

/** Id of the model a repository path belongs to: its nearest ancestor directory holding process_model.json. */
export function modelIdOf(prefix: string, repoPath: string, modelDirs: Set<string>): string | null {
  const rel = relativeToRoot(prefix, repoPath);
  if (rel === null) return null;
  let dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  while (dir) {
    if (modelDirs.has(dir)) return dir;
    dir = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  }
  return null;
}

export interface FileChange {
  status: 'added' | 'modified' | 'removed';
  path: string;
}

export interface ModelChanges {
  added: string[];
  changed: string[];
  removed: string[];
  /** Changed files outside any model directory (group files, README, workflows...). */
  otherFiles: string[];
}

/** Files that differ between two commits (or a commit and the index with `cached`), repository-relative. */
export async function changedFiles(a: WorkArea, from: string, to: string | 'index'): Promise<FileChange[]> {
  const args = ['diff', '--name-status', '-z', '--no-renames', '--no-ext-diff'];
  if (to === 'index') args.push('--cached', from);
  else args.push(from, to);
  const parts = splitZ(await a.git(args));
  const changes: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const code = parts[i][0];
    changes.push({
      status: code === 'A' ? 'added' : code === 'D' ? 'removed' : 'modified',
      path: parts[i + 1],
    });
  }
  return changes;
}

/** Classifies changed files into models added, changed and removed (by model id). */
export function modelChanges(
  prefix: string,
  files: FileChange[],
  before: Set<string>,
  after: Set<string>,
): ModelChanges {
  const touched = new Set<string>();
  const otherFiles: string[] = [];
  for (const f of files) {
    const ids = [modelIdOf(prefix, f.path, before), modelIdOf(prefix, f.path, after)].filter(
      (id): id is string => id !== null,
    );
    if (ids.length === 0) otherFiles.push(f.path);
    for (const id of ids) touched.add(id);
  }
  const sorted = [...touched].sort();
  return {
    added: sorted.filter((id) => after.has(id) && !before.has(id)),
    changed: sorted.filter((id) => after.has(id) && before.has(id)),
    removed: sorted.filter((id) => !after.has(id) && before.has(id)),
    otherFiles: otherFiles.sort(),
  };
}

export function allChangedModels(m: ModelChanges): string[] {
  return [...m.added, ...m.changed, ...m.removed].sort();
}
