// --base REF: load the models tree as it was at REF (from git objects, without a checkout) and warn about
// models, process ids and primary processes that are gone: running instances and callers break on them.
import { spawnSync } from 'node:child_process';
import { buildIndex } from '../models/load.js';
import type { ModelsIndex } from '../models/types.js';
import { SetupError } from '../util/errors.js';
import type { Finding } from '../models/finding.js';

function gitSync(cwd: string, args: string[], input?: Buffer): Buffer {
  const r = spawnSync('git', args, {
    cwd,
    input,
    maxBuffer: 1 << 30,
    env: { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' },
  });
  if (r.error) throw new SetupError(`cannot run git: ${r.error.message}`);
  if (r.status !== 0)
    throw new SetupError(
      `git ${args.join(' ')} failed in ${cwd}: ${r.stderr.toString().trim() || `exit ${r.status}`}`,
    );
  return r.stdout;
}

/** The models tree at `ref` as an index (only JSON, BPMN and DMN contents are read). */
export function loadAtRef(root: string, ref: string): ModelsIndex {
  try {
    gitSync(root, ['rev-parse', '--git-dir']);
  } catch {
    throw new SetupError(
      `--base ${ref}: the models root ${root} is not inside a git repository, so there is nothing to compare with; ` +
        'drop --base, or validate a checkout',
    );
  }
  try {
    gitSync(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    throw new SetupError(
      `--base ${ref}: no such commit in the repository at ${root}; fetch it first (actions/checkout needs fetch-depth: 0)`,
    );
  }
  const prefix = gitSync(root, ['rev-parse', '--show-prefix']).toString().trim();
  // The models folder may not exist yet at the base (the change that adds it): then nothing was there.
  const exists = spawnSync('git', ['cat-file', '-e', `${ref}:${prefix}`], { cwd: root }).status === 0;
  const listing = exists
    ? gitSync(root, ['ls-tree', '--full-tree', '-r', '-l', '-z', `${ref}:${prefix}`]).toString('utf8')
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
    const out = gitSync(
      root,
      ['cat-file', '--batch'],
      Buffer.from(wanted.map((e) => e.oid).join('\n') + '\n'),
    );
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
  const base = loadAtRef(index.root, ref);
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
  const diff = gitSync(index.root, ['diff', '--name-only', '-z', '--relative', ref, '--', '.']).toString();
  const untracked = gitSync(index.root, [
    'ls-files',
    '--others',
    '--exclude-standard',
    '-z',
    '--',
    '.',
  ]).toString();
  for (const p of [...diff.split('\0'), ...untracked.split('\0')]) {
    if (!p) continue;
    const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
    if (index.models.has(dir)) changed.add(dir);
    else if (base.models.has(dir)) changed.add(dir);
  }
  return { findings, changedModels: [...changed].sort() };
}
