import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  bakeOptionsOf
} from "./chunk-ZQTZGGFQ.js";
import {
  REGISTRY_PASSWORD_ENV,
  bake,
  bakeSpec
} from "./chunk-TXVIHTMC.js";
import "./chunk-U5NRQ4NM.js";
import {
  BakeFailure,
  describePlan,
  formatBytes,
  planJson
} from "./chunk-DBZL2GQ3.js";
import "./chunk-Q42CMDPG.js";
import {
  jsonOutputs,
  parseFlags,
  usageText
} from "./chunk-7T6BHRGV.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import {
  UsageError,
  jsonText
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/image/cli.ts
function cliLog(io) {
  return {
    info: (m) => io.stderr(`${m}
`),
    warning: (m) => io.stderr(`warning: ${m}
`),
    async group(title, fn) {
      io.stderr(`--- ${title}
`);
      try {
        return await fn((line) => io.stderr(`  ${line}
`));
      } finally {
        io.stderr(`--- end
`);
      }
    }
  };
}
function formatResult(r) {
  const rows = [
    ["builder", r.builder],
    ["image-id", r.imageId || "(dry run)"],
    ["digest", r.digest || (r.pushed ? "" : "(not pushed)")],
    ["tags", r.tags.join(" ")],
    ...r.platforms.length ? [["platforms", r.platforms.join(" ")]] : [],
    ["revision", r.revision || "(none)"],
    ["models-dir", r.modelsDir],
    ["git-history", r.gitHistory],
    ["context-bytes", `${r.contextBytes} (${formatBytes(r.contextBytes)})`],
    ["skipped", String(r.skipped)]
  ];
  if (r.outputDir) rows.push(["output-dir", r.outputDir]);
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n") + "\n";
}
function bakeOutputs(r) {
  return {
    image: r.image,
    "image-id": r.imageId,
    digest: r.digest,
    tags: r.tags,
    revision: r.revision,
    labels: r.labels,
    "context-bytes": r.contextBytes,
    skipped: r.skipped,
    builder: r.builder,
    platforms: r.platforms
  };
}
function outputsJson(r) {
  return jsonOutputs(bakeSpec, bakeOutputs(r), {
    commit: r.commit,
    modelsDir: r.modelsDir,
    gitHistory: r.gitHistory,
    inputDigest: r.inputDigest,
    contentDigest: r.contentDigest,
    pushed: r.pushed,
    dryRun: r.dryRun,
    verified: r.verified,
    warnings: r.warnings
  });
}
var bakeCli = {
  name: "bake",
  summary: bakeSpec.summary,
  usage: usageText(bakeSpec),
  async run(argv, io) {
    const { values, positionals } = parseFlags(bakeSpec, argv);
    if (positionals.length > 1)
      throw new UsageError(`expected at most one DIR, got ${positionals.join(" ")}.`);
    if (values.outputDir && !values.dryRun) throw new UsageError("--output-dir only applies to --dry-run.");
    const resolve = (p) => p.startsWith("/") ? p : `${io.cwd}/${p}`;
    const password = io.env[REGISTRY_PASSWORD_ENV] ?? "";
    const username = values.registryUsername ?? "";
    if (username && !password) {
      throw new UsageError(`--registry-username needs the password in $${REGISTRY_PASSWORD_ENV}.`);
    }
    const log = cliLog(io);
    try {
      const result = await bake({
        dir: resolve(positionals[0] ?? "."),
        ...bakeOptionsOf(values, resolve, { labels: "--label", gitHistory: "--git-history" }),
        credentials: username || password ? { username, password } : null,
        ref: values.ref ?? io.env.GITHUB_REF ?? null,
        defaultBranch: values.defaultBranch ?? null,
        noCache: !values.cache,
        builder: values.builder,
        env: io.env,
        log
      });
      const plan = result.dryRun && result.plan ? result.plan : null;
      if (values.json) {
        const json = { ...outputsJson(result), ...plan ? { plan: planJson(plan) } : {} };
        io.stdout(`${jsonText(json)}
`);
      } else {
        io.stdout(`${plan ? `${describePlan(plan)}
` : ""}${formatResult(result)}`);
      }
      return 0;
    } catch (err) {
      if (err instanceof BakeFailure) {
        io.stderr(`spiff-models bake: ${err.message}
`);
        return 1;
      }
      throw err;
    }
  }
};
export {
  REGISTRY_PASSWORD_ENV,
  bakeCli,
  bakeOutputs,
  formatResult,
  outputsJson
};
