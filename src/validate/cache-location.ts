// Where --cache keeps its file: the CLI and the action resolve the location before validation starts, so
// this lives apart from cache.ts, whose hashing (node:crypto) a run without --cache never loads.
import fs from 'node:fs';
import path from 'node:path';

/** Default cache file, relative to the working directory (like .eslintcache). */
export const DEFAULT_CACHE_FILE = '.spiff-models-cache';

/** The cache file for --cache-location (a directory holds the default name), relative to cwd. */
export function cachePath(cwd: string, location: string | undefined): string {
  const file = path.resolve(cwd, location ?? DEFAULT_CACHE_FILE);
  const isDir = location?.endsWith('/') || fs.statSync(file, { throwIfNoEntry: false })?.isDirectory();
  return isDir ? path.join(file, DEFAULT_CACHE_FILE) : file;
}
