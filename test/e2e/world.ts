// A small "GitHub world" for the end-to-end tests: a bare remote on disk with dev/staging/prod branches holding
// process-models/, a workspace checkout like actions/checkout leaves it, and the GitHub context of an event.
import fs from 'node:fs';
import path from 'node:path';
import {
  commitFiles,
  git,
  group,
  makeRemote,
  model,
  tempDir,
  under,
  type Files,
  type Remote,
} from '../helpers/git-fixtures.js';
import type { GitHubContext } from './workflow.js';

export const REPOSITORY = 'acme/process-models';

/** The models repo: a finance group with an approval model calling a shared library model. */
export function modelsTree(extra: Files = {}): Files {
  return under('process-models', {
    ...group('finance'),
    ...model('finance/approval', { processId: 'approval', calls: ['shared_lookup'] }),
    ...group('shared'),
    ...model('shared/lookup', { processId: 'shared_lookup' }),
    ...extra,
  });
}

export interface World extends Remote {
  /** Commits on the remote's branches, after setup. */
  head(branch: string): string;
  /** A fresh workspace: a full clone checked out at `ref` (a branch or a tag), like actions/checkout with fetch-depth 0. */
  checkout(ref: string): string;
  /** Commit files on a branch of the remote (through the working clone) and push. */
  commit(branch: string, files: Files, message: string): string;
  github(over: Partial<GitHubContext>): GitHubContext;
}

export function makeWorld(files: Files = modelsTree()): World {
  const remote = makeRemote(files, ['dev', 'staging', 'prod']);
  const head = (branch: string) => git(remote.remote, 'rev-parse', branch);
  return {
    ...remote,
    head,
    checkout(ref: string) {
      const dir = path.join(tempDir('spiff-ws-'), 'workspace');
      git(path.dirname(dir), 'clone', '-q', remote.remote, dir);
      git(dir, 'checkout', '-q', ref.startsWith('v') ? ref : `origin/${ref}`);
      if (!ref.startsWith('v')) git(dir, 'checkout', '-q', '-B', ref);
      return dir;
    },
    commit(branch: string, extra: Files, message: string) {
      git(remote.work, 'fetch', '-q', 'origin');
      git(remote.work, 'checkout', '-q', '-B', branch, `origin/${branch}`);
      const sha = commitFiles(remote.work, extra, message);
      git(remote.work, 'push', '-q', 'origin', `HEAD:refs/heads/${branch}`);
      return sha;
    },
    github(over: Partial<GitHubContext>): GitHubContext {
      return {
        repository: REPOSITORY,
        sha: '',
        ref: '',
        ref_name: '',
        event_name: 'push',
        actor: 'octocat',
        server_url: 'https://github.com',
        api_url: 'http://127.0.0.1:9/unused',
        token: 'ghs_test_token',
        event: {},
        ...over,
      };
    },
  };
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}
