// Finds the models root of a repository: the directory whose sub-folders are the top-level process groups
// (or models), i.e. what SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR points at.
import fs from 'node:fs';
import path from 'node:path';
import { SetupError } from '../util/errors.js';

const SKIP = new Set(['.git', 'node_modules', 'dist', '.github', '.spiff-models']);

/** Every model directory (one holding process_model.json) under `dir`, relative to it, `/`-separated. */
export function modelDirs(dir: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    if (rel && entries.some((e) => e.isFile() && e.name === 'process_model.json')) {
      found.push(rel);
      return; // a model holds no models
    }
    for (const e of entries)
      if (e.isDirectory() && !SKIP.has(e.name)) walk(rel ? `${rel}/${e.name}` : e.name);
  };
  walk('');
  return found.sort();
}

/** The models root of one model directory: above its model folder and every process_group.json folder. */
function rootOf(repo: string, modelDir: string): string {
  let parts = modelDir.split('/').slice(0, -1);
  while (parts.length && fs.existsSync(path.join(repo, ...parts, 'process_group.json')))
    parts = parts.slice(0, -1);
  return parts.join('/') || '.';
}

/**
 * The models root of the repository at `repo`, relative to it ('.' for the repository itself). Throws a
 * SetupError that says what to do when there are no models or models under several roots.
 */
export function detectModelsRoot(repo: string): { root: string; models: string[] } {
  const dirs = modelDirs(repo);
  if (dirs.length === 0)
    throw new SetupError(
      `no process_model.json under ${repo}: put the models where the backend expects them (groups and models as folders), or give --path`,
    );
  const roots = [...new Set(dirs.map((d) => rootOf(repo, d)))];
  if (roots.length > 1)
    throw new SetupError(
      `models under ${roots.length} different roots (${roots.join(', ')}): give the one the backend reads with --path`,
    );
  const root = roots[0];
  return { root, models: dirs.map((d) => (root === '.' ? d : d.slice(root.length + 1))) };
}
