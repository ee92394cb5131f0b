// `spiff-models bake`: arguments in, bake(), outputs out (text or --json). Logs go to stderr.
import type { CliCommand, CliIO } from '../shell/cli-io.js';
import { UsageError } from '../util/errors.js';
import { jsonText } from '../util/safe-text.js';
import { jsonOutputs, parseFlags, usageText } from '../util/options.js';
import { bake, formatBytes, type BakeLog, type BakeResult } from './bake.js';
import { BakeFailure } from './engine.js';
import { describePlan, planJson } from './plan.js';
import { bakeSpec, REGISTRY_PASSWORD_ENV } from './options.js';
import { bakeOptionsOf } from './read-options.js';

export { REGISTRY_PASSWORD_ENV };

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
    ['builder', r.builder],
    ['image-id', r.imageId || '(dry run)'],
    ['digest', r.digest || (r.pushed ? '' : '(not pushed)')],
    ['tags', r.tags.join(' ')],
    ...(r.platforms.length ? [['platforms', r.platforms.join(' ')] as [string, string]] : []),
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

/** The outputs as the action names them, values in their JSON types. */
export function bakeOutputs(r: BakeResult): Record<string, unknown> {
  return {
    image: r.image,
    'image-id': r.imageId,
    digest: r.digest,
    tags: r.tags,
    revision: r.revision,
    labels: r.labels,
    'context-bytes': r.contextBytes,
    skipped: r.skipped,
    builder: r.builder,
    platforms: r.platforms,
  };
}

/** The --json shape: the outputs under camelCase keys, plus what only the CLI shows. */
export function outputsJson(r: BakeResult): Record<string, unknown> {
  return jsonOutputs(bakeSpec, bakeOutputs(r), {
    commit: r.commit,
    modelsDir: r.modelsDir,
    gitHistory: r.gitHistory,
    inputDigest: r.inputDigest,
    contentDigest: r.contentDigest,
    pushed: r.pushed,
    dryRun: r.dryRun,
    verified: r.verified,
    warnings: r.warnings,
  });
}

export const bakeCli: CliCommand = {
  name: 'bake',
  summary: bakeSpec.summary,
  usage: usageText(bakeSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(bakeSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DIR, got ${positionals.join(' ')}.`);
    if (values.outputDir && !values.dryRun) throw new UsageError('--output-dir only applies to --dry-run.');
    const resolve = (p: string) => (p.startsWith('/') ? p : `${io.cwd}/${p}`);
    const password = io.env[REGISTRY_PASSWORD_ENV] ?? '';
    const username = values.registryUsername ?? '';
    if (username && !password) {
      throw new UsageError(`--registry-username needs the password in $${REGISTRY_PASSWORD_ENV}.`);
    }
    const log = cliLog(io);
    try {
      const result = await bake({
        dir: resolve(positionals[0] ?? '.'),
        ...bakeOptionsOf(values, resolve, { labels: '--label', gitHistory: '--git-history' }),
        credentials: username || password ? { username, password } : null,
        ref: values.ref ?? io.env.GITHUB_REF ?? null,
        defaultBranch: values.defaultBranch ?? null,
        noCache: !values.cache,
        builder: values.builder,
        env: io.env,
        log,
      });
      const plan = result.dryRun && result.plan ? result.plan : null;
      if (values.json) {
        const json = { ...outputsJson(result), ...(plan ? { plan: planJson(plan) } : {}) };
        io.stdout(`${jsonText(json)}\n`);
      } else {
        io.stdout(`${plan ? `${describePlan(plan)}\n` : ''}${formatResult(result)}`);
      }
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
