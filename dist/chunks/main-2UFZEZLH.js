import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  getInput,
  setFailed
} from "./chunk-IZVWCBO4.js";
import "./chunk-7ADNAUIK.js";
import {
  errorMessage
} from "./chunk-GQTEAGUB.js";
import "./chunk-436XQEGX.js";

// src/action/main.ts
var actions = {
  validate: async () => (await import("./action-52ILGICU.js")).runValidateAction(),
  bake: async () => (await import("./action-D6JGJXAZ.js")).runBakeAction(),
  promote: async () => (await import("./action-LY642EO4.js")).runPromoteAction(),
  publish: async () => (await import("./action-LY642EO4.js")).runPublishAction(),
  notify: async () => (await import("./action-S4XBSYIY.js")).runNotifyAction()
};
async function run() {
  const command = getInput("command") || "validate";
  const action = Object.hasOwn(actions, command) ? actions[command] : void 0;
  if (!action) {
    setFailed(`Input 'command' must be one of ${Object.keys(actions).join(", ")}; got '${command}'.`);
    return;
  }
  try {
    await action();
  } catch (err) {
    setFailed(errorMessage(err));
  }
}
export {
  run
};
