import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  VERSION
} from "./chunk-PN23CBJR.js";
import {
  suggestion
} from "./chunk-7T6BHRGV.js";
import {
  CommandGuard,
  SetupError,
  UsageError,
  errorMessage
} from "./chunk-YIX2ZCHG.js";
import "./chunk-436XQEGX.js";

// src/cli/main.ts
var loaders = {
  init: async () => (await import("./cli-4Y5MAZLB.js")).initCli,
  validate: async () => (await import("./cli-3ROJICM2.js")).validateCli,
  bake: async () => (await import("./cli-44NVXHLR.js")).bakeCli,
  promote: async () => (await import("./cli-AIJRP2AC.js")).promoteCli,
  publish: async () => (await import("./cli-AIJRP2AC.js")).publishCli,
  notify: async () => (await import("./cli-MFQO45MW.js")).notifyCli
};
async function help() {
  const commands = await Promise.all(Object.values(loaders).map((load) => load()));
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `spiff-models ${VERSION}: validate, bake, promote and notify SpiffWorkflow process-model repositories`,
    "",
    "Usage: spiff-models <command> [options]   (spiff-models <command> --help for its options)",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    ""
  ].join("\n");
}
async function main(argv, raw) {
  const out = new CommandGuard();
  const err = new CommandGuard();
  const io = {
    ...raw,
    stdout: (t) => raw.stdout(out.write(t)),
    stderr: (t) => raw.stderr(err.write(t))
  };
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(await help());
    return name ? 0 : 2;
  }
  if (name === "--version" || name === "-v") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const load = Object.hasOwn(loaders, name) ? loaders[name] : void 0;
  if (!load) {
    const hint = name.startsWith("-") ? `unknown option ${name}${suggestion(name, ["--help", "--version"])}` : `unknown command '${name}'${suggestion(name, Object.keys(loaders))}`;
    io.stderr(`spiff-models: ${hint} (spiff-models --help lists the commands)
`);
    return 2;
  }
  const command = await load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (err2) {
    if (err2 instanceof UsageError) {
      io.stderr(`spiff-models ${name}: ${err2.message} (spiff-models ${name} --help for its options)
`);
      return 2;
    }
    if (err2 instanceof SetupError) {
      io.stderr(`spiff-models ${name}: ${err2.message}
`);
      return 2;
    }
    io.stderr(`spiff-models ${name}: ${errorMessage(err2)}
`);
    if (io.env.SPIFF_MODELS_DEBUG && err2 instanceof Error && err2.stack) io.stderr(`${err2.stack}
`);
    return 2;
  }
}
export {
  main
};
