import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  GitError,
  git,
  gitBuffer,
  gitSync,
  splitZ,
  tryGit,
  tryGitBuffer,
  tryGitSync
} from "./chunk-RCSAUJEA.js";
import "./chunk-YIX2ZCHG.js";
import "./chunk-436XQEGX.js";
export {
  GitError,
  git,
  gitBuffer,
  gitSync,
  splitZ,
  tryGit,
  tryGitBuffer,
  tryGitSync
};
