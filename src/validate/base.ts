// --base REF: load the models tree as it was at REF (from git objects, without a checkout) and warn about
// models, process ids and primary processes that are gone: running instances and callers break on them.
import { buildIndex } from '../models/load.js';
import type { ModelsIndex } from '../models/types.js';
import { SetupError } from '../util/errors.js';
import { git, gitBuffer, tryGit } from '../util/git.js';
import type { Finding } from '../models/finding.js';

/** The models tree at `ref` as an index (only JSON, BPMN and DMN contents are read). */
export async function loadAtRef(root: string, ref: string): Promise<ModelsIndex> {
  try {
    await git(['rev-parse', '--git-dir'], { cwd: root });
  } catch {
    throw new SetupError(
      `--base ${ref}: the models root ${root} is not inside a git repository, so there is nothing to compare with; ` +
        'drop --base, or validate a checkout',
    );
  }
  try {
    await git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd: root });
  } catch {
    throw new SetupError(
      `--base ${ref}: no such commit in the repository at ${root}; fetch it first (actions/checkout needs fetch-depth: 0)`,
    );
  }
  const prefix = (await git(['rev-parse', '--show-prefix'], { cwd: root })).trim();
  // The models folder may not exist yet at the base (the change that adds it): then nothing was there.
  const exists = (await tryGit(['cat-file', '-e', `${ref}:${prefix}`], { cwd: root })).code === 0;
  const listing = exists
    ? await git(['ls-tree', '--full-tree', '-r', '-l', '-z', `${ref}:${prefix}`], { cwd: root })
    : '';
  const entries: { path: string; size: number; oid: string }[] = [];
  for (const rec of listing.split('\0')) {
    if (!rec) continue;
    const tab = rec.indexOf('\t');
    const [, type, oid, size] = rec.slice(0, tab).split(/\s+/);
    if (type !== 'blob') continue;
    const p = rec.slice(tab + 1);
    if (p.split('/').includes('.git')) continue;
    entries.push({ path: p, size: Number(size) || 0, oid });
  }
  const wanted = entries.filter((e) => /\.(json|bpmn|dmn)$/i.test(e.path));
  const blobs = new Map<string, Buffer>();
  if (wanted.length) {
    // Blobs are bytes (a diagram may be UTF-16): stdout stays a Buffer.
    const out = await gitBuffer(['cat-file', '--batch'], {
      cwd: root,
      input: Buffer.from(wanted.map((e) => e.oid).join('\n') + '\n'),
    });
    let pos = 0;
    for (const e of wanted) {
      const nl = out.indexOf(10, pos);
      const header = out.subarray(pos, nl).toString();
      const size = Number(header.split(' ')[2]);
      blobs.set(e.path, out.subarray(nl + 1, nl + 1 + size));
      pos = nl + 1 + size + 1;
    }
  }
  return buildIndex(root, entries, [], (f) => blobs.get(f.path) ?? Buffer.alloc(0));
}

export async function baseFindings(
  index: ModelsIndex,
  ref: string,
): Promise<{ findings: Finding[]; changedModels: string[] }> {
  const base = await loadAtRef(index.root, ref);
  const findings: Finding[] = [];
  const warn = (file: string, message: string, modelId: string | null) =>
    findings.push({
      ruleId: 'removed-since-base',
      severity: 'warning',
      message,
      file,
      line: 1,
      column: 1,
      modelId,
    });

  for (const [id, model] of base.models) {
    if (!index.models.has(id)) {
      warn(
        model.json.file.path,
        `model '${id}' existed at ${ref} and is gone: its running instances can no longer load their definition`,
        null,
      );
      continue;
    }
    const before = model.info?.primary_process_id;
    const now = index.models.get(id)?.info?.primary_process_id;
    if (typeof before === 'string' && before && before !== now)
      warn(
        `${model.dir ? model.dir + '/' : ''}process_model.json`,
        `primary process of model '${id}' changed from '${before}' (at ${ref}) to '${now ?? ''}': instances started on '${before}' and links to it break`,
        id,
      );
  }
  for (const [pid, defs] of base.processes) {
    const def = defs.find((d) => d.modelId);
    if (!def || index.processes.has(pid)) continue;
    if (def.modelId && !index.models.has(def.modelId)) continue; // the whole model is reported
    warn(
      def.file.path,
      `process id '${pid}' existed at ${ref} (in ${def.file.path}) and is gone: call activities and running instances that use it break`,
      def.modelId,
    );
  }

  // Models whose files differ between REF and the work tree.
  const changed = new Set<string>();
  const cwd = index.root;
  const diff = await git(['diff', '--name-only', '-z', '--relative', ref, '--', '.'], { cwd });
  const untracked = await git(['ls-files', '--others', '--exclude-standard', '-z', '--', '.'], { cwd });
  for (const p of [...diff.split('\0'), ...untracked.split('\0')]) {
    if (!p) continue;
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    if (index.models.has(dir)) changed.add(dir);
    else if (base.models.has(dir)) changed.add(dir);
  }
  return { findings, changedModels: [...changed].sort() };
}
