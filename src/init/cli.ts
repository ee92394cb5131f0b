// `spiff-models init`: detect -> plan -> refuse to overwrite -> write -> print next steps -> validate.
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../shell/cli-io.js';
import { SetupError, UsageError } from '../util/errors.js';
import { parseFlags, usageText } from '../util/options.js';
import { validateCli } from '../validate/cli.js';
import { detectModelsRoot } from './detect.js';
import { initSpec } from './options.js';
import { planInit, settingsUsed } from './plan.js';

const BRANCH = /^[A-Za-z0-9._/-]+$/;

export const initCli: CliCommand = {
  name: initSpec.name,
  summary: initSpec.summary,
  usage: usageText(initSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(initSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`one repository directory at most, got ${positionals.join(' ')}`);
    const repo = path.resolve(io.cwd, positionals[0] ?? '.');
    if (!fs.existsSync(repo)) throw new SetupError(`${positionals[0]} does not exist`);
    const branches = values.branches.split(',').map((b) => b.trim());
    if (branches.length !== 3 || !branches.every((b) => BRANCH.test(b)) || new Set(branches).size !== 3)
      throw new UsageError(
        `--branches needs three different branch names, e.g. dev,staging,prod; got '${values.branches}'`,
      );

    let root: string;
    if (values.path) {
      root = path.relative(repo, path.resolve(repo, values.path)).split(path.sep).join('/') || '.';
      if (root.startsWith('..'))
        throw new UsageError(`--path ${values.path} is outside the repository ${repo}`);
      if (!fs.existsSync(path.join(repo, root)))
        throw new SetupError(`--path ${values.path}: no such directory`);
    } else {
      root = detectModelsRoot(repo).root;
    }
    const files = planInit({
      root,
      branches: branches as [string, string, string],
      image: values.image ?? null,
    });

    // All or nothing: an existing file stops the whole run before anything is written.
    const existing = files.filter((f) => fs.existsSync(path.join(repo, f.path))).map((f) => f.path);
    if (existing.length && !values.force && !values.dryRun)
      throw new SetupError(
        `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}: nothing written (--force overwrites)`,
      );

    const verb = values.dryRun ? 'would write' : 'wrote';
    for (const f of files) {
      if (!values.dryRun) {
        fs.mkdirSync(path.dirname(path.join(repo, f.path)), { recursive: true });
        fs.writeFileSync(path.join(repo, f.path), f.text);
      }
      io.stdout(`${verb} ${f.path}${existing.includes(f.path) ? ' (overwritten)' : ''}\n`);
    }
    const { vars, secrets } = settingsUsed(files);
    io.stdout(
      [
        '',
        `Models root: ${root === '.' ? 'the repository root' : root}. Environment branches: ${branches.join(' -> ')}.`,
        'Next steps (repository Settings > Secrets and variables > Actions):',
        `  variables: ${vars.join(', ')} (REGISTRY, REGISTRY_USERNAME and IMAGE_REPOSITORY have defaults)`,
        '    *_ENVIRONMENTS: the environments of each branch, a YAML list (see the README, "The environments list")',
        '    BACKEND_BASE_IMAGE: the spiffworkflow-backend version to bake on (a tag or a digest)',
        `  secrets: ${secrets.join(', ')}`,
        '    the webhook secret of each backend (SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET) and of each deploy hook',
        `Then commit .github/workflows and push a branch: pull requests touching ${root === '.' ? 'the repository' : `${root}/`} are validated.`,
        '',
      ].join('\n'),
    );
    if (!values.validate) return 0;
    io.stdout(`Validating ${root} with the new configuration:\n`);
    return validateCli.run([path.join(repo, root)], io);
  },
};
