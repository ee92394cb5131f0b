// `spiff-models bake`: arguments in, bake(), outputs out (text or --json). Logs go to stderr.
import { parseArgs } from 'node:util';
import type { CliCommand, CliIO } from '../cli/io.js';
import { UsageError } from '../util/errors.js';
import { jsonText } from '../util/safe-text.js';
import {
  bake,
  DEFAULT_BASE_IMAGE,
  DEFAULT_IMAGE_MODELS_DIR,
  formatBytes,
  type BakeLog,
  type BakeResult,
} from './bake.js';
import { parseGitHistory } from './context.js';
import { BakeFailure } from './engine.js';

export const REGISTRY_PASSWORD_ENV = 'SPIFF_MODELS_REGISTRY_PASSWORD';

const usage = `spiff-models bake [DIR] [options]

Build a spiffworkflow-backend image with the models in DIR (default .) baked in, through the Docker Engine.

  --base-image REF        backend image to build on (default ${DEFAULT_BASE_IMAGE}; pin a tag or digest)
  --image NAME            repository to tag and push, e.g. ghcr.io/org/process-models (default: the folder name)
  --tag TAG               extra tag, repeatable (sha-<7>, branch, version tags and latest are automatic)
  --label KEY=VALUE       extra label, repeatable
  --push                  push every tag (credentials: ~/.docker/config.json, or --registry-username with the
                          password in $${REGISTRY_PASSWORD_ENV})
  --registry-username U   registry user for --push and for pulling the base image from the same registry
  --git-history MODE      full (default: the history, so old instances' forms load) | minimal | none
  --image-models-dir PATH where the repository lands in the image (default ${DEFAULT_IMAGE_MODELS_DIR})
  --template FILE         your own Dockerfile template (placeholders: see the README)
  --verify                run the image once (no network) to check the models dir, env and revision
  --dry-run               write the Dockerfile and the context listing; no engine needed
  --output-dir DIR        where --dry-run writes Dockerfile, context.txt and bake.json
  --ref REF               git ref the tags derive from (default: $GITHUB_REF, else the checkout's branch/tag)
  --default-branch NAME   branch whose builds are also tagged latest (default: origin's HEAD)
  --config FILE           validation config file
  --no-validate           bake even when validation finds errors
  --no-cache              build even when an image with the same input already exists
  --json                  print the outputs as JSON on stdout

Exit codes: 0 baked, 1 validation/build/verify/push failed, 2 usage or setup problem.
`;

function parseLabels(values: string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--label '${v}' must be KEY=VALUE.`);
    labels[v.slice(0, eq).trim()] = v.slice(eq + 1);
  }
  return labels;
}

function cliLog(io: CliIO): BakeLog {
  return {
    info: (m) => io.stderr(`${m}\n`),
    warning: (m) => io.stderr(`warning: ${m}\n`),
    async group(title, fn) {
      io.stderr(`--- ${title}\n`);
      try {
        return await fn((line) => io.stderr(`  ${line}\n`));
      } finally {
        io.stderr(`--- end\n`);
      }
    },
  };
}

export function formatResult(r: BakeResult): string {
  const rows: Array<[string, string]> = [
    ['image-id', r.imageId || '(dry run)'],
    ['digest', r.digest || (r.pushed ? '' : '(not pushed)')],
    ['tags', r.tags.join(' ')],
    ['revision', r.revision || '(none)'],
    ['models-dir', r.modelsDir],
    ['git-history', r.gitHistory],
    ['context-bytes', `${r.contextBytes} (${formatBytes(r.contextBytes)})`],
    ['skipped', String(r.skipped)],
  ];
  if (r.outputDir) rows.push(['output-dir', r.outputDir]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}

/** The outputs as the action names them (also the --json shape, plus a few extras). */
export function outputsJson(r: BakeResult): Record<string, unknown> {
  return {
    image: r.image,
    'image-id': r.imageId,
    digest: r.digest,
    tags: r.tags,
    revision: r.revision,
    labels: r.labels,
    'context-bytes': r.contextBytes,
    skipped: r.skipped,
    commit: r.commit,
    'models-dir': r.modelsDir,
    'git-history': r.gitHistory,
    'input-digest': r.inputDigest,
    'content-digest': r.contentDigest,
    pushed: r.pushed,
    'dry-run': r.dryRun,
    verified: r.verified,
    warnings: r.warnings,
  };
}

export const bakeCli: CliCommand = {
  name: 'bake',
  summary: 'build a spiffworkflow-backend image with the models baked in (Docker Engine API)',
  usage,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'base-image': { type: 'string' },
        image: { type: 'string' },
        tag: { type: 'string', multiple: true },
        label: { type: 'string', multiple: true },
        push: { type: 'boolean' },
        'registry-username': { type: 'string' },
        'git-history': { type: 'string' },
        'image-models-dir': { type: 'string' },
        template: { type: 'string' },
        verify: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        'output-dir': { type: 'string' },
        ref: { type: 'string' },
        'default-branch': { type: 'string' },
        config: { type: 'string' },
        'no-validate': { type: 'boolean' },
        'no-cache': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    });
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DIR, got ${positionals.join(' ')}.`);
    if (values['output-dir'] && !values['dry-run'])
      throw new UsageError('--output-dir only applies to --dry-run.');
    const resolve = (p: string) => (p.startsWith('/') ? p : `${io.cwd}/${p}`);
    const password = io.env[REGISTRY_PASSWORD_ENV] ?? '';
    const username = values['registry-username'] ?? '';
    if (username && !password) {
      throw new UsageError(`--registry-username needs the password in $${REGISTRY_PASSWORD_ENV}.`);
    }
    const log = cliLog(io);
    try {
      const result = await bake({
        dir: resolve(positionals[0] ?? '.'),
        baseImage: values['base-image'] ?? DEFAULT_BASE_IMAGE,
        image: values.image ?? null,
        tags: values.tag ?? [],
        labels: parseLabels(values.label ?? []),
        push: values.push ?? false,
        gitHistory: parseGitHistory(values['git-history'], '--git-history'),
        verify: values.verify ?? false,
        dryRun: values['dry-run'] ?? false,
        outputDir: values['output-dir'] ? resolve(values['output-dir']) : null,
        template: values.template ? resolve(values.template) : null,
        imageModelsDir: values['image-models-dir'] ?? DEFAULT_IMAGE_MODELS_DIR,
        validate: !values['no-validate'],
        configFile: values.config ? resolve(values.config) : undefined,
        credentials: username || password ? { username, password } : null,
        ref: values.ref ?? io.env.GITHUB_REF ?? null,
        defaultBranch: values['default-branch'] ?? null,
        noCache: values['no-cache'] ?? false,
        env: io.env,
        log,
      });
      io.stdout(values.json ? `${jsonText(outputsJson(result))}\n` : formatResult(result));
      return 0;
    } catch (err) {
      if (err instanceof BakeFailure) {
        io.stderr(`spiff-models bake: ${err.message}\n`);
        return 1;
      }
      throw err;
    }
  },
};
