import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  cachePath,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatStylish,
  reproduceCommand
} from "./chunk-KQ7RFDXK.js";
import {
  relativePrefix,
  repoPlace
} from "./chunk-IZBT45BD.js";
import {
  validateRepo
} from "./chunk-TUM4RX4V.js";
import {
  FORMATS,
  validateSpec
} from "./chunk-Q42CMDPG.js";
import {
  parseFlags,
  suggestion,
  usageText
} from "./chunk-7T6BHRGV.js";
import {
  SetupError,
  UsageError
} from "./chunk-YIX2ZCHG.js";

// src/validate/cli.ts
import fs from "node:fs";
import path from "node:path";
var validateCli = {
  name: validateSpec.name,
  summary: validateSpec.summary,
  usage: usageText(validateSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(validateSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`one models directory at most, got ${positionals.join(" ")}`);
    const format = values.format;
    if (!FORMATS.includes(format))
      throw new UsageError(
        `--format must be one of ${FORMATS.join(", ")}, not '${format}'${suggestion(format, FORMATS)}`
      );
    let maxWarnings = -1;
    if (values.maxWarnings !== void 0) {
      maxWarnings = Number(values.maxWarnings);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0)
        throw new UsageError(`--max-warnings needs a whole number >= 0, not '${values.maxWarnings}'`);
    }
    const dir = positionals[0] ?? ".";
    const root = path.resolve(io.cwd, dir);
    const configFile = values.config ? path.resolve(io.cwd, values.config) : void 0;
    if (configFile && !fs.existsSync(configFile))
      throw new UsageError(`config file ${values.config} does not exist`);
    const cache = values.cache ? cachePath(io.cwd, values.cacheLocation) : void 0;
    const result = await validateRepo(root, {
      configFile,
      base: values.base,
      allowEmpty: values.allowEmpty,
      cache
    });
    if (result.cacheWarning) io.stderr(`warning: ${result.cacheWarning}
`);
    let text;
    switch (format) {
      case "json":
        text = formatJson(result);
        break;
      case "sarif":
        text = formatSarif(result, { uriPrefix: relativePrefix(io.cwd, root) });
        break;
      case "markdown": {
        const place = await repoPlace(root, io.env, { prefix: relativePrefix(io.cwd, root) });
        text = formatMarkdown(result, {
          index: result.index,
          changedModels: result.changedModels,
          prefix: place.prefix,
          links: place.links,
          command: reproduceCommand(dir, { config: values.config, base: values.base })
        });
        break;
      }
      default:
        text = formatStylish(result, {
          color: io.isTTY && values.color && !values.output,
          root: dir === "." ? void 0 : dir
        });
    }
    if (values.output) {
      const out = path.resolve(io.cwd, values.output);
      try {
        fs.mkdirSync(path.dirname(out), { recursive: true });
        fs.writeFileSync(out, text);
      } catch (err) {
        throw new SetupError(`cannot write ${values.output}: ${err.message}`);
      }
      const { errors: errors2, warnings: warnings2 } = result.summary;
      io.stderr(`wrote ${format} report to ${values.output}: ${errors2} errors, ${warnings2} warnings
`);
    } else {
      io.stdout(text);
    }
    const { errors, warnings } = result.summary;
    if (errors > 0) return 1;
    if (maxWarnings >= 0 && warnings > maxWarnings) {
      io.stderr(`${warnings} warnings exceed --max-warnings ${maxWarnings}
`);
      return 1;
    }
    return 0;
  }
};

export {
  validateCli
};
