import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  STRATEGIES,
  VIAS,
  promote,
  promoteOutputs,
  promoteText,
  publish,
  publishOutputs,
  publishText
} from "./chunk-OOL2YF7J.js";
import {
  author,
  gitHubRepo,
  oneOf,
  promoteSpec,
  publishSpec,
  pullRequestOptions
} from "./chunk-QJCR5STD.js";
import "./chunk-IZBT45BD.js";
import "./chunk-7ADNAUIK.js";
import "./chunk-OWPOM6BR.js";
import "./chunk-Q42CMDPG.js";
import {
  parseFlags,
  reportJson,
  usageText
} from "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-RCSAUJEA.js";
import {
  UsageError
} from "./chunk-YIX2ZCHG.js";
import "./chunk-436XQEGX.js";

// src/promote/cli.ts
import path from "node:path";
function context(values, io) {
  return {
    cwd: io.cwd,
    path: values.path,
    remote: values.remote,
    inWorkspace: values.inWorkspace,
    env: io.env,
    author: author(values.authorName, values.authorEmail)
  };
}
function github(values, io) {
  return gitHubRepo(
    {
      token: io.env.GITHUB_TOKEN || io.env.GH_TOKEN,
      apiUrl: values.apiUrl || io.env.GITHUB_API_URL,
      repository: values.repository || io.env.GITHUB_REPOSITORY
    },
    values.remote,
    io.cwd,
    io.env
  );
}
function configFile(values, io) {
  return values.config ? path.resolve(io.cwd, values.config) : void 0;
}
var promoteCli = {
  name: promoteSpec.name,
  summary: promoteSpec.summary,
  usage: usageText(promoteSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(promoteSpec, argv);
    if (positionals.length) throw new UsageError(`Unexpected argument '${positionals[0]}'.`);
    if (!values.from || !values.to) throw new UsageError("promote needs both --from BRANCH and --to BRANCH.");
    const via = oneOf("--via", values.via, VIAS);
    const report = await promote({
      ...context(values, io),
      from: values.from,
      to: values.to,
      strategy: oneOf("--strategy", values.strategy, STRATEGIES),
      via,
      dryRun: values.dryRun,
      validate: values.validate,
      allowEmpty: values.allowEmpty,
      configFile: configFile(values, io),
      github: via === "api" ? await github(values, io) : void 0,
      log: (line) => io.stderr(`${line}
`)
    });
    io.stdout(values.json ? reportJson(promoteSpec, report, promoteOutputs(report)) : promoteText(report));
    return report.refused ? 1 : 0;
  }
};
var publishCli = {
  name: publishSpec.name,
  summary: publishSpec.summary,
  usage: usageText(publishSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(publishSpec, argv);
    if (positionals.length === 0) throw new UsageError("publish needs at least one MODEL_ID.");
    if (!values.to) throw new UsageError("publish needs --to BRANCH.");
    const pullRequest = values.pullRequest;
    const report = await publish({
      ...context(values, io),
      modelIds: positionals,
      from: values.from || "HEAD",
      to: values.to,
      dependencies: values.dependencies,
      pullRequest,
      pullRequestOptions: pullRequestOptions(values),
      dryRun: values.dryRun,
      validate: values.validate,
      allowEmpty: values.allowEmpty,
      configFile: configFile(values, io),
      github: pullRequest ? await github(values, io) : void 0,
      log: (line) => io.stderr(`${line}
`)
    });
    io.stdout(values.json ? reportJson(publishSpec, report, publishOutputs(report)) : publishText(report));
    return report.refused ? 1 : 0;
  }
};
export {
  promoteCli,
  publishCli
};
