import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  parseLabels
} from "./chunk-TXVIHTMC.js";
import {
  parseGitHistory
} from "./chunk-DBZL2GQ3.js";

// src/image/read-options.ts
function bakeOptionsOf(values, resolve, names) {
  return {
    baseImage: values.baseImage ?? "",
    // An empty input reads as undefined (readInputs); an empty --image stays a usage error.
    image: values.image ?? null,
    tags: values.tags,
    labels: parseLabels(values.labels, names.labels),
    push: values.push,
    gitHistory: parseGitHistory(values.gitHistory, names.gitHistory),
    verify: values.verify,
    dryRun: values.dryRun,
    outputDir: values.outputDir ? resolve(values.outputDir) : null,
    template: values.template ? resolve(values.template) : null,
    imageModelsDir: values.imageModelsDir,
    validate: values.validate,
    allowEmpty: values.allowEmpty,
    configFile: values.config ? resolve(values.config) : void 0,
    includeUntracked: values.includeUntracked,
    platforms: values.platforms,
    insecureRegistries: values.insecureRegistries
  };
}

export {
  bakeOptionsOf
};
