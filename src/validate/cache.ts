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
import { readableFiles, walkDisk, type SourceTree } from '../models/tree.js';
import type { Report } from '../models/finding.js';
import { VERSION } from '../util/version.js';
import { scratchReader } from '../util/files.js';

// 3: a file's entry is a tuple, not an object with named fields (the warm run parses the cache file: for
// 31,793 files 6.8 MB of JSON objects before, 5.6 MB of arrays now, parsed with far fewer objects).
// 4: three lines, the header (with a key of every file's stat), the report, the files' entries: a warm run
// whose stats all match parses the header and the report, not the 4.4 MB of entries.
const FORMAT = 4;

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

/** The cache file's first line. */
interface Header {
  format: number;
  tool: string;
  root: string;
  /** Of every file's content (and the settings, the walk's findings, the tool). */
  key: string;
  /** Of every file's stat (and the same): equal, nothing can have changed since the cache was written. */
  statKey: string;
}

/** A cache file read: its header, and its report and files' entries parsed only when asked for. */
export interface CacheData extends Header {
  /** The report (undefined if that line is not valid JSON: the cache then counts as missing). */
  report(): CachedReport | undefined;
  files(): Record<string, FileEntry> | undefined;
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
  statKey: string;
  files: Record<string, FileEntry>;
}

/** Every file below the root and its stat (or why it has none), and the key of all the stats. */
export interface RepoStats {
  root: string;
  /** The walk (the loader takes it on a miss instead of walking again). */
  tree: SourceTree;
  statKey: string;
  /** What both keys start from: the tool, the settings, the walk's findings. */
  head: string;
  paths: string[];
  /**
   * Per path, size, mtimeMs, ctimeMs and ino (numbers, not 31,793 fs.Stats objects kept through the walk: they
   * doubled the collector's work of a warm run); where the stat failed, `errors` has the reason instead.
   */
  stats: Float64Array;
  errors: Map<number, string>;
}

/**
 * Walks the root and stats every file (`exclude` is the cache file itself when it lies inside the root): the
 * stat key a warm run compares first, since when it is unchanged no file needs to be read or hashed.
 */
export function repoStats(root: string, settings: unknown, tool: string, exclude?: string): RepoStats {
  // The walk's problems (links, unreadable directories) are findings: part of the key as they are.
  // Without lstat per file: each file is stat'ed below anyway, for what the key compares.
  const tree = walkDisk(root, { stat: false });
  const head = `${tool}\0${JSON.stringify(settings)}\0${JSON.stringify(tree.problems)}\n`;
  const paths = readableFiles(tree)
    .map((e) => e.path)
    .filter((p) => p !== exclude);
  paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const statKey = crypto.createHash('sha256').update(head);
  const stats = new Float64Array(paths.length * 4);
  const errors = new Map<number, string>();
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k];
    try {
      const st = fs.statSync(path.join(root, p));
      stats[4 * k] = st.size;
      stats[4 * k + 1] = st.mtimeMs;
      stats[4 * k + 2] = st.ctimeMs;
      stats[4 * k + 3] = st.ino;
      statKey.update(`${p}\0${st.size}\0${st.mtimeMs}\0${st.ctimeMs}\0${st.ino}\n`);
    } catch (err) {
      const error = `unreadable ${(err as Error).message}`;
      errors.set(k, error);
      statKey.update(`${p}\0${error}\n`);
    }
  }
  return { root, tree, statKey: statKey.digest('hex'), head, paths, stats, errors };
}

/**
 * Hashes the state validate depends on: every file's content (the hash reused from `previous` when the file's
 * stat is unchanged), the walk's own findings (links), the rule settings and the tool.
 */
export function fingerprint(repo: RepoStats, previous: Record<string, FileEntry> | undefined): Fingerprint {
  const files: Record<string, FileEntry> = {};
  const key = crypto.createHash('sha256');
  key.update(repo.head);
  // One reused buffer for the bytes hashed (a buffer per file left the whole repository's worth of them to
  // the collector: 258 MB peak on the 3,000-model bench against 233 MB without --cache).
  const read = scratchReader(Infinity);
  const { paths, stats, errors } = repo;
  for (let k = 0; k < paths.length; k++) {
    const p = paths[k];
    const size = stats[4 * k];
    const mtimeMs = stats[4 * k + 1];
    const ctimeMs = stats[4 * k + 2];
    const ino = stats[4 * k + 3];
    let entry: FileEntry;
    const error = errors.get(k);
    if (error !== undefined) entry = [-1, 0, 0, 0, error];
    else {
      const old = previous?.[p];
      if (Array.isArray(old) && old[0] === size && old[1] === mtimeMs && old[2] === ctimeMs && old[3] === ino)
        entry = old;
      else {
        try {
          const hash = crypto
            .createHash('sha1')
            .update(read(path.join(repo.root, p)))
            .digest('hex');
          entry = [size, mtimeMs, ctimeMs, ino, hash];
        } catch (err) {
          // Unreadable now: part of the key as such, so the validation that reports it runs.
          entry = [-1, 0, 0, 0, `unreadable ${(err as Error).message}`];
        }
      }
    }
    files[p] = entry;
    key.update(`${p}\0${entry[4]}\n`);
  }
  return { key: key.digest('hex'), statKey: repo.statKey, files };
}

/** The cache file's content, or undefined when it is missing, unreadable, of another format or another tool. */
export function readCache(file: string, root: string, tool: string): CacheData | undefined {
  // JSON.stringify writes no line break inside a value: the lines are the three parts.
  let text: string;
  let first: number;
  let header: Header;
  try {
    text = fs.readFileSync(file, 'utf8');
    first = text.indexOf('\n');
    if (first < 0) return undefined;
    header = JSON.parse(text.slice(0, first)) as Header;
  } catch {
    return undefined;
  }
  if (header?.format !== FORMAT || header.tool !== tool || header.root !== root) return undefined;
  if (typeof header.key !== 'string' || typeof header.statKey !== 'string') return undefined;
  const second = text.indexOf('\n', first + 1);
  if (second < 0) return undefined;
  const line = <T>(from: number, to: number | undefined): T | undefined => {
    try {
      const v = JSON.parse(text.slice(from, to)) as T;
      return v && typeof v === 'object' ? v : undefined;
    } catch {
      return undefined;
    }
  };
  let report: CachedReport | undefined | null = null;
  let files: Record<string, FileEntry> | undefined | null = null;
  return {
    format: header.format,
    tool: header.tool,
    root: header.root,
    key: header.key,
    statKey: header.statKey,
    report: () => (report === null ? (report = line<CachedReport>(first + 1, second)) : report),
    files: () => (files === null ? (files = line<Record<string, FileEntry>>(second + 1, undefined)) : files),
  };
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
  const header: Header = { format: FORMAT, tool, root, key: print.key, statKey: print.statKey };
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      tmp,
      `${JSON.stringify(header)}\n${JSON.stringify(report)}\n${JSON.stringify(print.files)}\n`,
    );
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
