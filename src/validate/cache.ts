// --cache: like eslint's, a file that remembers the last report of a models root together with what it was
// computed from: the content hash of every file below the root, the rule settings and the tool's build.
// When all of them are unchanged the report is given back without reading or parsing a model; when any
// differs, the whole repository is validated again. Findings are not reused per file, because rules are
// cross-file (call activities, process ids, messages, duplicate ids): a change to a called model changes
// its caller's findings. What is reused per file is its content hash, for files whose size, mtime, ctime
// and inode did not change (as eslint's file-entry-cache does), so a warm run reads no model file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readableFiles, walkDisk } from '../models/tree.js';
import type { Report } from '../models/finding.js';
import { VERSION } from '../util/version.js';
import { scratchReader } from '../util/files.js';

// 3: a file's entry is a tuple, not an object with named fields (the warm run parses the cache file: for
// 31,793 files 6.8 MB of JSON objects before, 5.6 MB of arrays now, parsed with far fewer objects).
const FORMAT = 3;

/** What a file's content hash was computed from, and the hash: [size, mtimeMs, ctimeMs, ino, hash]. */
type FileEntry = [size: number, mtimeMs: number, ctimeMs: number, ino: number, hash: string];

export interface CachedReport extends Report {
  /** What the markdown summary reads of the index besides the report: the call graph and its groups. */
  graph: {
    models: [id: string, dir: string, groupId: string | null][];
    modelCalls: [string, string[]][];
    calls: [modelId: string, processId: string][];
    processIds: string[];
  };
}

interface CacheData {
  format: number;
  tool: string;
  root: string;
  key: string;
  files: Record<string, FileEntry>;
  report: CachedReport;
}

let buildId: string | undefined;

/**
 * The tool's identity: its version and its build. Bundled, this code lives in dist/chunks/, whose file names
 * carry esbuild's content hashes, so any code change gives other names; from src/ the sizes and mtimes of
 * the sources stand in.
 */
export function toolKey(): string {
  if (buildId) return buildId;
  const hash = crypto.createHash('sha256').update(`${VERSION}\0${FORMAT}\0`);
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dirs = here.endsWith(`${path.sep}chunks`)
    ? [here]
    : [here, path.join(here, 'rules'), path.join(here, '../models')];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const st = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
      if (st?.isFile()) hash.update(`${name}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return (buildId = hash.digest('hex'));
}

export interface Fingerprint {
  key: string;
  files: Record<string, FileEntry>;
}

/**
 * Hashes the state validate depends on: every file below root (the content hash, reused from `previous`
 * when the file's stat is unchanged), the walk's own findings (links), the rule settings and the tool.
 * `exclude` is the cache file itself when it lies inside the root.
 */
export function fingerprint(
  root: string,
  settings: unknown,
  tool: string,
  previous: Record<string, FileEntry> | undefined,
  exclude?: string,
): Fingerprint {
  // The walk's problems (links, unreadable directories) are findings: part of the key as they are.
  // Without lstat per file: each file is stat'ed below anyway, for what the key compares.
  const tree = walkDisk(root, { stat: false });
  const walkFindings = tree.problems;
  const entries = readableFiles(tree).map((e) => ({ path: e.path }));
  const files: Record<string, FileEntry> = {};
  const key = crypto.createHash('sha256');
  key.update(`${tool}\0${JSON.stringify(settings)}\0${JSON.stringify(walkFindings)}\n`);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // One reused buffer for the bytes hashed (a buffer per file left the whole repository's worth of them to
  // the collector: 258 MB peak on the 3,000-model bench against 233 MB without --cache).
  const read = scratchReader(Infinity);
  for (const e of entries) {
    if (e.path === exclude) continue;
    const abs = path.join(root, e.path);
    let entry: FileEntry;
    try {
      const st = fs.statSync(abs);
      const old = previous?.[e.path];
      if (
        Array.isArray(old) &&
        old[0] === st.size &&
        old[1] === st.mtimeMs &&
        old[2] === st.ctimeMs &&
        old[3] === st.ino
      )
        entry = old;
      else {
        const hash = crypto.createHash('sha1').update(read(abs)).digest('hex');
        entry = [st.size, st.mtimeMs, st.ctimeMs, st.ino, hash];
      }
    } catch (err) {
      // Unreadable now: part of the key as such, so the validation that reports it runs.
      entry = [-1, 0, 0, 0, `unreadable ${(err as Error).message}`];
    }
    files[e.path] = entry;
    key.update(`${e.path}\0${entry[4]}\n`);
  }
  return { key: key.digest('hex'), files };
}

/** The cache file's content, or undefined when it is missing, unreadable, of another format or another tool. */
export function readCache(file: string, root: string, tool: string): CacheData | undefined {
  let data: CacheData;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheData;
  } catch {
    return undefined;
  }
  if (data?.format !== FORMAT || data.tool !== tool || data.root !== root || !data.files) return undefined;
  return data;
}

/**
 * Writes the cache atomically (a reader never sees half a file). A cache that cannot be written fails no
 * validation: the message is returned for a warning.
 */
export function writeCache(
  file: string,
  root: string,
  tool: string,
  print: Fingerprint,
  report: CachedReport,
): string | undefined {
  const data: CacheData = { format: FORMAT, tool, root, key: print.key, files: print.files, report };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, file);
    return undefined;
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    return `cannot write the cache file ${file}: ${(err as Error).message}`;
  }
}
