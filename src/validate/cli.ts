// `spiff-models validate`: judge a models repo the way spiffworkflow-backend will.
import fs from 'node:fs';
import path from 'node:path';
import type { CliCommand } from '../shell/cli-io.js';
import { SetupError, UsageError } from '../util/errors.js';
import { relativePrefix, repoPlace } from '../util/repo-links.js';
import { parseFlags, suggestion, usageText } from '../util/options.js';
import { FORMATS, validateSpec } from './options.js';
import { formatJson } from './reporters/json.js';
import { formatMarkdown, reproduceCommand } from './reporters/markdown.js';
import { formatSarif } from './reporters/sarif.js';
import { formatStylish } from './reporters/stylish.js';
import { validateRepo } from './validate.js';
import { cachePath } from './cache-location.js';

type Format = (typeof FORMATS)[number];

export const validateCli: CliCommand = {
  name: validateSpec.name,
  summary: validateSpec.summary,
  usage: usageText(validateSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(validateSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`one models directory at most, got ${positionals.join(' ')}`);
    const format = values.format as Format;
    if (!FORMATS.includes(format))
      throw new UsageError(
        `--format must be one of ${FORMATS.join(', ')}, not '${format}'${suggestion(format, FORMATS)}`,
      );
    let maxWarnings = -1;
    if (values.maxWarnings !== undefined) {
      maxWarnings = Number(values.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
        throw new UsageError(`--max-warnings needs a whole number >= 0, not '${values.maxWarnings}'`);
    }
    const dir = positionals[0] ?? '.';
    const root = path.resolve(io.cwd, dir);
    const configFile = values.config ? path.resolve(io.cwd, values.config) : undefined;
    if (configFile && !fs.existsSync(configFile))
      throw new UsageError(`config file ${values.config} does not exist`);

    const cache = values.cache ? cachePath(io.cwd, values.cacheLocation) : undefined;
    const result = await validateRepo(root, {
      configFile,
      base: values.base,
      allowEmpty: values.allowEmpty,
      cache,
    });
    if (result.cacheWarning) io.stderr(`warning: ${result.cacheWarning}\n`);
    let text: string;
    switch (format) {
      case 'json':
        text = formatJson(result);
        break;
      case 'sarif':
        text = formatSarif(result, { uriPrefix: relativePrefix(io.cwd, root) });
        break;
      case 'markdown': {
        // Links to the lines need GitHub's context; the commit is the checked-out one (see repoPlace, which
        // loads git, and so child_process, only when it runs).
        const place = await repoPlace(root, io.env, { prefix: relativePrefix(io.cwd, root) });
        text = formatMarkdown(result, {
          index: result.index,
          changedModels: result.changedModels,
          prefix: place.prefix,
          links: place.links,
          command: reproduceCommand(dir, { config: values.config, base: values.base }),
        });
        break;
      }
      default:
        text = formatStylish(result, {
          color: io.isTTY && values.color && !values.output,
          root: dir === '.' ? undefined : dir,
        });
    }
    if (values.output) {
      const out = path.resolve(io.cwd, values.output);
      try {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, text);
      } catch (err) {
        throw new SetupError(`cannot write ${values.output}: ${(err as Error).message}`);
      }
      const { errors, warnings } = result.summary;
      io.stderr(`wrote ${format} report to ${values.output}: ${errors} errors, ${warnings} warnings\n`);
    } else {
      io.stdout(text);
    }
    const { errors, warnings } = result.summary;
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
      return 1;
    }
    return 0;
  },
};
