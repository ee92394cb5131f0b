// The `bake` action: inputs -> bake() -> outputs and job summary. Build and push logs are grouped.
import path from 'node:path';
import * as core from '@actions/core';
import { info } from '../shell/log.js';
import { bake, type BakeLog, type BakeResult } from './bake.js';
import { checkBuilder } from './builders/index.js';
import { bakeSpec } from './options.js';
import { bakeOptionsOf } from './read-options.js';
import { bakeMarkdown } from './summary.js';
import { readGitHubEvent, workspaceDir } from '../shell/github.js';
import { readInputs, setOutputs } from '../shell/inputs.js';

/** The repository's default branch from the event payload (push and pull_request events carry it). */
async function defaultBranch(env: NodeJS.ProcessEnv): Promise<string | null> {
  const event = await readGitHubEvent(env);
  const repository = event?.payload.repository as { default_branch?: unknown } | undefined;
  return typeof repository?.default_branch === 'string' ? repository.default_branch : null;
}

const actionLog: BakeLog = {
  info: (m) => info(m),
  warning: (m) => core.warning(m),
  group: (title, fn) => core.group(title, () => fn((line) => info(line))),
};

async function writeSummary(r: BakeResult): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(bakeMarkdown(r)).write();
}

export async function runBakeAction(): Promise<void> {
  const env = process.env;
  const input = readInputs(bakeSpec);
  const password = input.registryPassword ?? '';
  if (password) core.setSecret(password);
  const username = input.registryUsername ?? '';
  const workspace = workspaceDir(env);
  const inWorkspace = (p: string) => path.resolve(workspace, p);
  const source =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
      : null;

  const result = await bake({
    dir: inWorkspace(input.path),
    ...bakeOptionsOf(input, inWorkspace, { labels: "input 'labels'", gitHistory: "input 'git-history'" }),
    credentials: username || password ? { username, password } : null,
    ref: env.GITHUB_REF || null,
    defaultBranch: await defaultBranch(env),
    sourceUrl: source,
    builder: checkBuilder(input.builder, "input 'builder'"),
    env,
    log: actionLog,
  });

  setOutputs(bakeSpec, {
    image: result.image,
    'image-id': result.imageId,
    digest: result.digest,
    tags: result.tags.join('\n'),
    revision: result.revision,
    labels: Object.entries(result.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
    'context-bytes': String(result.contextBytes),
    skipped: String(result.skipped),
    builder: result.builder,
    platforms: result.platforms.join('\n'),
  });
  await writeSummary(result);
}
