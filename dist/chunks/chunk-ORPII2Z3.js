import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/shell/github.ts
import { readFile } from "node:fs/promises";
function workspaceDir(env = process.env, cwd = process.cwd()) {
  return env.GITHUB_WORKSPACE || cwd;
}
async function readGitHubEvent(env) {
  if (!env.GITHUB_EVENT_PATH) return null;
  try {
    const payload = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, "utf8"));
    return { name: env.GITHUB_EVENT_NAME ?? "", payload };
  } catch {
    return null;
  }
}

export {
  workspaceDir,
  readGitHubEvent
};
