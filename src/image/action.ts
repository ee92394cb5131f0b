// The `bake` action: inputs -> bake() -> outputs and job summary. Build and push logs are grouped.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as core from '@actions/core';
import { UsageError } from '../util/errors.js';
import { info } from '../action/log.js';
import { bake, DEFAULT_BASE_IMAGE, DEFAULT_IMAGE_MODELS_DIR, type BakeLog, type BakeResult } from './bake.js';
import { parseGitHistory } from './context.js';
import { bakeMarkdown } from './summary.js';
import { booleanInput, listInput } from '../action/inputs.js';

function labelsInput(): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of core.getInput('labels').split('\n')) {
    if (!line.trim()) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) throw new UsageError(`input 'labels': '${line.trim()}' must be KEY=VALUE (one per line).`);
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return labels;
}

/** The repository's default branch from the event payload (push and pull_request events carry it). */
function defaultBranch(env: NodeJS.ProcessEnv): string | null {
  if (!env.GITHUB_EVENT_PATH) return null;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as {
      repository?: { default_branch?: string };
    };
    return event.repository?.default_branch ?? null;
  } catch {
    return null;
  }
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
  const password = core.getInput('registry-password');
  if (password) core.setSecret(password);
  const username = core.getInput('registry-username');
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const inWorkspace = (p: string) => path.resolve(workspace, p);
  const outputDir = core.getInput('output-dir');
  const template = core.getInput('template');
  const config = core.getInput('config');
  const source =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}`
      : null;

  const result = await bake({
    dir: inWorkspace(core.getInput('path') || '.'),
    baseImage: core.getInput('base-image') || DEFAULT_BASE_IMAGE,
    image: core.getInput('image') || null,
    tags: listInput('tags'),
    labels: labelsInput(),
    push: booleanInput('push', false),
    gitHistory: parseGitHistory(core.getInput('git-history'), "input 'git-history'"),
    verify: booleanInput('verify', false),
    dryRun: booleanInput('dry-run', false),
    outputDir: outputDir ? inWorkspace(outputDir) : null,
    template: template ? inWorkspace(template) : null,
    imageModelsDir: core.getInput('image-models-dir') || DEFAULT_IMAGE_MODELS_DIR,
    validate: booleanInput('validate', true),
    configFile: config ? inWorkspace(config) : undefined,
    credentials: username || password ? { username, password } : null,
    ref: env.GITHUB_REF || null,
    defaultBranch: defaultBranch(env),
    sourceUrl: source,
    env,
    log: actionLog,
  });

  core.setOutput('image', result.image);
  core.setOutput('image-id', result.imageId);
  core.setOutput('digest', result.digest);
  core.setOutput('tags', result.tags.join('\n'));
  core.setOutput('revision', result.revision);
  core.setOutput(
    'labels',
    Object.entries(result.labels)
      .map(([k, v]) => `${k}=${v}`)
      .join('\n'),
  );
  core.setOutput('context-bytes', String(result.contextBytes));
  core.setOutput('skipped', String(result.skipped));
  await writeSummary(result);
}
