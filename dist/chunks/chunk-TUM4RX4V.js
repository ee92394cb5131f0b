import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  noModelsError
} from "./chunk-45LUCC2V.js";
import {
  BOM_MESSAGE,
  byDirectory,
  forgetText,
  letTreesGo,
  loadModels
} from "./chunk-GFDRROIW.js";
import {
  UsageError,
  errorMessage
} from "./chunk-YIX2ZCHG.js";
import {
  DMN_NAMESPACES,
  LineIndex,
  NS,
  attributeOffset,
  childrenNamed,
  descendants,
  firstChild,
  flat
} from "./chunk-QFASGRCW.js";
import {
  FileTooLarge,
  NotRegularFile,
  readRegularFile
} from "./chunk-G3P6OGWQ.js";

// src/validate/validate.ts
import fs2 from "node:fs";
import path2 from "node:path";

// src/validate/config.ts
import fs from "node:fs";
import path from "node:path";
var CONFIG_NAMES = [".spiff-models.json", ".spiff-models.yml", ".spiff-models.yaml"];
var TOP_KEYS = ["rules", "$schema"];
var MAX_CONFIG_BYTES = 1024 * 1024;
var YAML;
var validateConfigSchema;
async function loadParsers() {
  if (YAML) return;
  const [yaml, generated] = await Promise.all([import("./dist-GWKDCEOX.js"), import("./generated-FCIUTSZB.js")]);
  YAML = yaml.default ?? yaml;
  validateConfigSchema = generated.validateConfigSchema;
}
async function loadConfig(root, configFile, knownRules) {
  let file = configFile;
  if (!file) {
    const found = CONFIG_NAMES.map((n) => path.join(root, n)).filter((p) => fs.existsSync(p));
    if (found.length > 1)
      throw new UsageError(
        `two config files at the models root, ${found.map((f) => path.basename(f)).join(" and ")}: keep one (which one counts would be a guess).`
      );
    file = found[0];
    if (!file) {
      const outside = configAbove(root);
      if (outside)
        throw new UsageError(
          `config file ${outside} is outside the models root ${root}, so it would be ignored: move it into the models root, or pass --config ${outside} (action input config).`
        );
    }
  }
  if (!file) return { rules: {} };
  await loadParsers();
  let text;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString("utf8");
  } catch (err) {
    if (err instanceof NotRegularFile)
      throw new UsageError(
        `config file ${file} is ${err.kind}, not a regular file: pass the .yml or .json file.`
      );
    if (err instanceof FileTooLarge)
      throw new UsageError(
        `config file ${file} is ${Math.round(err.size / 1048576)} MiB: a config file is a few lines (the limit is ${MAX_CONFIG_BYTES / 1048576} MiB); is --config the right file?`
      );
    throw new UsageError(`cannot read config file ${file}: ${err.message}`);
  }
  const isJson = file.endsWith(".json");
  let data;
  try {
    data = isJson ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new UsageError(
      `config file ${file} is not valid ${isJson ? "JSON" : "YAML"}: ${err.message}`
    );
  }
  if (data === null || data === void 0) return { file, rules: {} };
  if (!validateConfigSchema(data)) {
    const lineOf = keyLines(text);
    const problems = (validateConfigSchema.errors ?? []).map((e) => describe(e, data, knownRules, lineOf)).filter((p) => p !== null);
    const shown = problems.length ? problems : [{ text: "does not match schemas/config.schema.json" }];
    throw new UsageError(
      shown.map((p) => `config file ${file}${p.line ? `:${p.line}` : ""}: ${p.text}`).join("\n")
    );
  }
  const out = {};
  const rules2 = data.rules ?? {};
  for (const [id, setting] of Object.entries(rules2)) {
    if (!knownRules.has(id))
      throw new UsageError(
        `config file ${file}: unknown rule "${id}" (see the rule reference in the README)`
      );
    out[id] = setting === "warn" ? "warning" : setting;
  }
  return { file, rules: out };
}
function configAbove(root) {
  let dir = path.resolve(root);
  if (fs.existsSync(path.join(dir, ".git"))) return void 0;
  for (let parent = path.dirname(dir); parent !== dir; dir = parent, parent = path.dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => path.join(parent, n)).find((p) => fs.existsSync(p));
    if (found) return found;
    if (fs.existsSync(path.join(parent, ".git"))) return void 0;
  }
  return void 0;
}
function kindOf(value) {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "a mapping" : `a ${typeof value}`;
}
function describe(e, data, knownRules, lineOf) {
  const keys = e.instancePath.split("/").slice(1).map(unescapePointer);
  const at = keys.join(".");
  if (e.keyword === "type" && keys.length === 0)
    return {
      text: `must be a mapping with "rules", not ${kindOf(data)} (rules: {rule id: off | warning | error})`
    };
  if (e.keyword === "type" && at === "rules")
    return { line: lineOf(["rules"]), text: '"rules" must map rule ids to off | warning | error' };
  if (e.keyword === "additionalProperties") {
    const key = String(e.params.additionalProperty);
    if (keys.length === 0)
      return {
        line: lineOf([key]),
        text: `unknown key "${key}" (${didYouMean(key, TOP_KEYS)}known keys: ${TOP_KEYS.join(", ")})`
      };
    if (at === "rules")
      return {
        line: lineOf(["rules", key]),
        text: `unknown rule "${key}" at rules.${key} (${didYouMean(key, [...knownRules])}see the rule reference in the README)`
      };
  }
  if (e.keyword === "enum" && keys[0] === "rules" && keys.length === 2) {
    const value = data.rules[keys[1]];
    if (keys[1] === "rule-error")
      return {
        line: lineOf(keys),
        text: "rules.rule-error cannot be switched off or lowered: a rule that crashes must never pass quietly"
      };
    return {
      line: lineOf(keys),
      text: `${at} must be off, warning or error, not ${JSON.stringify(value)}`
    };
  }
  return { line: lineOf(keys), text: `${at || "the document"} ${e.message ?? "is not valid"}` };
}
function unescapePointer(segment) {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
function keyLines(text) {
  let doc;
  let counter;
  return (keyPath) => {
    if (!doc) {
      counter = new YAML.LineCounter();
      doc = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
    }
    let node = doc.contents;
    let offset;
    for (const key of keyPath) {
      if (!YAML.isMap(node)) return void 0;
      const pair = node.items.find((p) => YAML.isScalar(p.key) && String(p.key.value) === key);
      if (!pair) return void 0;
      offset = YAML.isScalar(pair.key) ? pair.key.range?.[0] : void 0;
      node = pair.value;
    }
    return offset === void 0 ? void 0 : counter.linePos(offset).line;
  };
}
function didYouMean(word, candidates) {
  const best = nearest(word, candidates);
  return best ? `did you mean "${best}"? ` : "";
}
function nearest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// src/models/finding.ts
var order = { error: 0, warning: 1, info: 2 };
function compareFindings(a, b) {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || order[a.severity] - order[b.severity] || a.ruleId.localeCompare(b.ruleId);
}

// src/validate/rules/util.ts
function str(value) {
  return typeof value === "string" ? value : void 0;
}
function* bpmnElements(index, name) {
  for (const doc of index.bpmn.values())
    for (const node of doc.elements.get(name) ?? []) yield { file: doc.file, node };
}
function jsonKeyOffset(text, key) {
  if (!text) return void 0;
  const i = text.indexOf(JSON.stringify(key));
  return i >= 0 ? i : void 0;
}
function eachSpiffProperty(node, visit) {
  for (const ext of node.children) {
    if (ext.ns !== NS.bpmn || ext.name !== "extensionElements") continue;
    for (const props of ext.children) {
      if (props.ns !== NS.spiff || props.name !== "properties") continue;
      for (const p of props.children) if (p.ns === NS.spiff && p.name === "property") visit(p);
    }
  }
}
function spiffProperty(node, name) {
  let found;
  eachSpiffProperty(node, (p) => {
    if (p.attrs.name === name) found = p;
  });
  return found;
}
function spiffPropertiesNamed(node, names) {
  const found = new Array(names.length).fill(void 0);
  eachSpiffProperty(node, (p) => {
    const k = p.attrs.name === void 0 ? -1 : names.indexOf(p.attrs.name);
    if (k >= 0) found[k] = p;
  });
  return found;
}
function reachedOf(analysis, ...kinds) {
  return kinds.flatMap((k) => analysis.byKind.get(k) ?? []);
}

// src/validate/rules/model-json.ts
var MODEL_KEYS = /* @__PURE__ */ new Set([
  "display_name",
  "description",
  "primary_file_name",
  "primary_process_id",
  "fault_or_suspend_on_exception",
  "exception_notification_addresses",
  "metadata_extraction_paths"
]);
var LEGACY_MODEL_KEYS = /* @__PURE__ */ new Set([
  "display_order",
  "files",
  "is_executable",
  "process_group",
  "parent_groups",
  "bpmn_version_control_identifier",
  "actions",
  "process_group_id"
]);
var modelJsonInvalid = {
  id: "model-json-invalid",
  severity: "error",
  scope: "repo",
  description: "process_model.json is not a JSON object (or starts with a byte-order mark: process_model_json_file_corrupted)",
  fix: "Fix the JSON syntax at the reported position (the backend cannot load the model, and its boot script stops).",
  check({ index, report }) {
    for (const model of index.models.values()) {
      const { json } = model;
      if (json.error)
        report({
          file: json.file,
          line: json.error.line,
          column: json.error.column,
          message: `invalid JSON: ${json.error.message}`
        });
      else if (json.value !== void 0 && !model.info)
        report({ file: json.file, message: "process_model.json must hold a JSON object" });
    }
  }
};
var modelJsonUnknownKey = {
  id: "model-json-unknown-key",
  severity: "error",
  scope: "repo",
  description: "process_model.json has a key ProcessModelInfo does not accept (crashes the backend at boot)",
  fix: "Remove the key, or move the information to the description.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (!model.info) continue;
      for (const key of Object.keys(model.info)) {
        if (MODEL_KEYS.has(key) || LEGACY_MODEL_KEYS.has(key)) continue;
        report({
          file: model.json.file,
          offset: jsonKeyOffset(model.json.file.text, key),
          message: `unknown key "${key}": ProcessModelInfo rejects it and the backend's boot script crashes; remove it (accepted: ${[...MODEL_KEYS].join(", ")})`
        });
      }
    }
  }
};
var modelJsonRequired = {
  id: "model-json-required",
  severity: "error",
  scope: "repo",
  description: "process_model.json lacks display_name or description, or a key has the wrong type",
  fix: 'Add "display_name" (a string) and "description" (a string, may be empty).',
  check({ index, report }) {
    for (const model of index.models.values()) {
      const info = model.info;
      if (!info) continue;
      const file = model.json.file;
      for (const key of ["display_name", "description"]) {
        if (!(key in info)) report({ file, message: `missing required key "${key}"` });
        else if (typeof info[key] !== "string")
          report({ file, offset: jsonKeyOffset(file.text, key), message: `"${key}" must be a string` });
      }
      for (const key of ["primary_file_name", "primary_process_id"]) {
        if (info[key] !== void 0 && info[key] !== null && typeof info[key] !== "string")
          report({ file, offset: jsonKeyOffset(file.text, key), message: `"${key}" must be a string` });
      }
      const fault = info.fault_or_suspend_on_exception;
      if (fault !== void 0 && fault !== "fault" && fault !== "suspend")
        report({
          file,
          offset: jsonKeyOffset(file.text, "fault_or_suspend_on_exception"),
          message: `"fault_or_suspend_on_exception" must be "fault" or "suspend", not ${JSON.stringify(fault)}`
        });
      const addresses = info.exception_notification_addresses;
      if (addresses !== void 0 && (!Array.isArray(addresses) || addresses.some((a) => typeof a !== "string")))
        report({
          file,
          offset: jsonKeyOffset(file.text, "exception_notification_addresses"),
          message: '"exception_notification_addresses" must be a list of strings'
        });
      const paths = info.metadata_extraction_paths;
      if (paths !== void 0 && paths !== null && (!Array.isArray(paths) || paths.some(
        (p) => !p || typeof p !== "object" || str(p.key) === void 0 || str(p.path) === void 0
      )))
        report({
          file,
          offset: jsonKeyOffset(file.text, "metadata_extraction_paths"),
          message: '"metadata_extraction_paths" must be null or a list of {"key": string, "path": string}'
        });
    }
  }
};
var modelJsonLookalike = {
  id: "model-json-lookalike",
  severity: "error",
  scope: "repo",
  description: "a file named like *process_model.json (a backup, a copy) in a folder without process_model.json: the boot takes it for a model file and crashes (missing_name_of_process_model)",
  fix: "Rename or remove the file (e.g. old-process_model.json.bak), or keep it out of the models repository.",
  check({ index, report }) {
    for (const file of index.files) {
      if (file.name === "process_model.json" || !file.name.endsWith("process_model.json")) continue;
      if (index.models.has(file.dir))
        report({
          file,
          severity: "warning",
          message: `the backend's boot takes "${file.name}" for a model file (its name ends in process_model.json) and loads the model '${file.dir}' a second time; rename it`
        });
      else
        report({
          file,
          message: `the backend's boot takes "${file.name}" for a model file (its name ends in process_model.json), finds no process_model.json in ${file.dir || "the models root"} and crashes (missing_name_of_process_model); rename or remove it`
        });
    }
  }
};

// src/validate/rules/group-json.ts
var groupJson = {
  id: "group-json",
  severity: "error",
  scope: "repo",
  description: "process_group.json is not valid JSON (a byte-order mark included) or lacks display_name",
  fix: 'Fix the JSON syntax, and give the group a "display_name" string.',
  check({ index, report }) {
    for (const group of index.groups.values()) {
      const { json } = group;
      if (json.error) {
        report({
          file: json.file,
          line: json.error.line,
          column: json.error.column,
          message: `invalid JSON: ${json.error.message}`,
          modelId: null
        });
        continue;
      }
      const value = json.value;
      if (value === void 0) continue;
      if (!value || typeof value !== "object" || Array.isArray(value)) {
        report({ file: json.file, message: "process_group.json must hold a JSON object", modelId: null });
        continue;
      }
      const v = value;
      if (!("display_name" in v))
        report({ file: json.file, message: 'missing required key "display_name"', modelId: null });
      else if (typeof v.display_name !== "string")
        report({
          file: json.file,
          offset: jsonKeyOffset(json.file.text, "display_name"),
          message: '"display_name" must be a string',
          modelId: null
        });
    }
  }
};
var groupMessages = {
  id: "group-messages",
  severity: "error",
  scope: "repo",
  description: "messages in process_group.json are malformed or a correlation property has no retrieval expression",
  fix: 'Each message is {"schema": {...}, "correlation_properties": {"prop": {"retrieval_expression": "..."}}}.',
  check({ index, report }) {
    for (const group of index.groups.values()) {
      const v = group.json.value;
      if (!v || typeof v !== "object" || v.messages === void 0 || v.messages === null) continue;
      const file = group.json.file;
      const at = (key) => jsonKeyOffset(file.text, key);
      const messages = v.messages;
      if (Array.isArray(messages)) {
        messages.forEach((m, i) => {
          if (!m || typeof m !== "object" || typeof m.id !== "string")
            report({
              file,
              offset: at("messages"),
              message: `messages[${i}] needs an "id" string`,
              modelId: null
            });
        });
        continue;
      }
      if (typeof messages !== "object") {
        report({
          file,
          offset: at("messages"),
          message: '"messages" must be an object keyed by message name',
          modelId: null
        });
        continue;
      }
      for (const [name, m] of Object.entries(messages)) {
        if (!m || typeof m !== "object" || Array.isArray(m)) {
          report({ file, offset: at(name), message: `message "${name}" must be an object`, modelId: null });
          continue;
        }
        const props = m.correlation_properties;
        if (props === void 0 || props === null) continue;
        if (typeof props !== "object" || Array.isArray(props)) {
          report({
            file,
            offset: at(name),
            message: `message "${name}": "correlation_properties" must be an object`,
            modelId: null
          });
          continue;
        }
        for (const [prop, def] of Object.entries(props)) {
          const expr = def && typeof def === "object" ? def.retrieval_expression : void 0;
          if (typeof expr !== "string" || !expr.trim())
            report({
              file,
              offset: at(prop),
              message: `message "${name}": correlation property "${prop}" has no retrieval_expression`,
              modelId: null
            });
        }
      }
    }
  }
};

// src/validate/extensions.ts
var ALLOWED_EXTENSIONS = new Set(
  "bpmn css csv dmn doc docx gif jpg json md pdf png ppt pptx rtf sql svg txt xls xlsx xml zip".split(" ")
);

// src/validate/rules/files.ts
var fileExtension = {
  id: "file-extension",
  severity: "error",
  scope: "repo",
  description: "a file in a model directory has an extension the backend refuses (invalid_type)",
  fix: "Rename or remove the file, or move it to a sub-folder (sub-folders of a model are ignored).",
  check({ index, report }) {
    for (const model of index.models.values()) {
      for (const file of model.files) {
        if (file.name.startsWith(".")) continue;
        if (!ALLOWED_EXTENSIONS.has(file.ext))
          report({
            file,
            message: `extension ${file.ext ? `".${file.ext}"` : "(none)"} is not allowed in a model directory: listing, validating and running model '${model.id}' fail with invalid_type`
          });
      }
    }
  }
};
var unitTestOrphan = {
  id: "unit-test-orphan",
  severity: "error",
  scope: "repo",
  description: "test_X.json without X.bpmn in the same directory (the whole test run fails)",
  fix: "Rename the test file after the BPMN file it tests, or delete it.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      let names;
      for (const file of model.files) {
        const m = /^test_(.+)\.json$/i.exec(file.name);
        if (!m) continue;
        names ??= new Set(model.files.map((f) => f.name.toLowerCase()));
        if (!names.has(`${m[1].toLowerCase()}.bpmn`))
          report({
            file,
            message: `BPMN unit test for "${m[1]}.bpmn", which is not in this directory: the model's test run fails`
          });
      }
    }
  }
};
var formJson = {
  id: "form-json",
  severity: "error",
  scope: "repo",
  description: "a JSON file of a model (form, test, data store) is not valid JSON (and holds no Jinja markers), or starts with a byte-order mark",
  fix: "Fix the JSON syntax at the reported position.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      for (const file of model.files) {
        if (file.ext !== "json" || file.name === "process_model.json" || file.text === void 0) continue;
        const text = file.text;
        if (file.bom) {
          report({ file, offset: 0, message: BOM_MESSAGE });
          continue;
        }
        if (text.includes("{{") || text.includes("{%")) continue;
        try {
          JSON.parse(text);
        } catch (err) {
          const msg = err.message;
          const m = /position (\d+)/.exec(msg);
          report({
            file,
            offset: m ? Number(m[1]) : 0,
            message: `invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, "")}`
          });
        }
      }
    }
  }
};

// src/validate/rules/xml.ts
var xmlMalformed = {
  id: "xml-malformed",
  severity: "error",
  scope: "files",
  description: "a .bpmn or .dmn file is not well-formed XML, or a .dmn file is not a DMN definitions document",
  fix: "Fix the XML at the reported position (re-export it from the modeler if unsure).",
  check({ index, report }) {
    for (const doc of [...index.bpmn.values(), ...index.dmn.values()]) {
      if (doc.error) {
        report({
          file: doc.file,
          line: doc.error.line,
          column: doc.error.column,
          message: `malformed XML: ${doc.error.message}`
        });
        continue;
      }
      const root = doc.root;
      if (!root) continue;
      if (doc.file.ext === "dmn" && !(root.name === "definitions" && DMN_NAMESPACES.has(root.ns)))
        report({
          file: doc.file,
          node: root,
          message: `root element must be a DMN definitions element, found '${root.name}'${root.ns ? ` in namespace ${root.ns}` : ""}: loading the file fails`
        });
    }
  }
};
var bpmnNotDefinitions = {
  id: "bpmn-not-definitions",
  severity: "warning",
  scope: "files",
  description: "a well-formed .bpmn file is not a bpmn:definitions document (an SVG export, say): the backend finds nothing in it",
  fix: "Rename or remove the file, or re-export the diagram as BPMN.",
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      const root = doc.root;
      if (!root || root.name === "definitions" && root.ns === NS.bpmn) continue;
      report({
        file: doc.file,
        node: root,
        message: `root element is '${root.name}'${root.ns ? ` in namespace ${root.ns}` : ""}, not bpmn:definitions (${NS.bpmn}): the backend loads the file and finds no process in it`
      });
    }
  }
};
var xmlDoctype = {
  id: "xml-doctype",
  severity: "warning",
  scope: "files",
  description: "a .bpmn or .dmn file has a DOCTYPE: the backend never loads DTDs nor expands entities",
  fix: "Remove the DOCTYPE declaration; entity references in the file stay unexpanded.",
  check({ index, report }) {
    for (const doc of [...index.bpmn.values(), ...index.dmn.values()]) {
      if (!doc.hasDoctype || !doc.file.text) continue;
      const offset = doc.file.text.search(/<!DOCTYPE/i);
      report({
        file: doc.file,
        offset: Math.max(0, offset),
        message: "DOCTYPE declaration: the backend parses without DTDs and never expands entities, so what it declares has no effect"
      });
    }
  }
};
var dmnStructure = {
  id: "dmn-structure",
  severity: "error",
  scope: "files",
  description: "a DMN file does not hold exactly one decision with a decision table",
  fix: "Keep one decision (with one decision table) per .dmn file.",
  check({ index, report }) {
    for (const doc of index.dmn.values()) {
      const root = doc.root;
      if (!root || !DMN_NAMESPACES.has(root.ns) || root.name !== "definitions") continue;
      if (doc.decisions.length === 0) {
        report({
          file: doc.file,
          node: root,
          message: "No decisions found: the file defines no decision, and loading it fails"
        });
        continue;
      }
      if (doc.decisions.length > 1)
        report({
          file: doc.file,
          node: doc.decisions[1].node,
          message: `Multiple decision tables are not current supported: the file has ${doc.decisions.length} decisions; move each into its own .dmn file`
        });
      const d = doc.decisions[0];
      if (!d.id) report({ file: doc.file, node: d.node, message: "the decision has no id" });
      const tables = d.node.children.filter((c) => c.name === "decisionTable");
      if (tables.length === 0)
        report({ file: doc.file, node: d.node, message: `decision '${d.id}' has no decision table` });
      for (const t of tables)
        if (!t.attrs.id)
          report({
            file: doc.file,
            node: t,
            message: `a decision table of '${d.id}' has no id (the parser needs it)`
          });
    }
  }
};

// src/validate/reach.ts
var ENGINE_TAGS = /* @__PURE__ */ new Set([
  "startEvent",
  "endEvent",
  "userTask",
  "task",
  "subProcess",
  "manualTask",
  "exclusiveGateway",
  "parallelGateway",
  "inclusiveGateway",
  "callActivity",
  "transaction",
  "scriptTask",
  "serviceTask",
  "intermediateCatchEvent",
  "intermediateThrowEvent",
  "boundaryEvent",
  "receiveTask",
  "sendTask",
  "eventBasedGateway",
  "businessRuleTask",
  "adHocSubProcess"
]);
function adHocStarts(node, flows) {
  const inner = node.children.filter((c) => c.ns === NS.bpmn && ENGINE_TAGS.has(c.name));
  if (inner.some((c) => c.name === "startEvent" || c.name === "endEvent")) return void 0;
  const targeted = new Set(flows.map((f) => f.attrs.targetRef));
  return inner.filter((c) => !targeted.has(c.attrs.id));
}
function entersSubprocess(node) {
  return childrenNamed(node, NS.bpmn, "startEvent").length === 1 && childrenNamed(node, NS.bpmn, "endEvent").length > 0;
}
function containerStarts(container) {
  return [
    ...childrenNamed(container, NS.bpmn, "startEvent"),
    ...childrenNamed(container, NS.bpmn, "subProcess").filter((c) => c.attrs.triggeredByEvent === "true")
  ];
}
var NONE = Object.freeze([]);
var Walked = class {
  constructor(node, scope, supported, out, bnd, tgt) {
    this.node = node;
    this.scope = scope;
    this.supported = supported;
    this.out = out;
    this.bnd = bnd;
    this.tgt = tgt;
  }
  node;
  scope;
  supported;
  out;
  bnd;
  tgt;
  get doc() {
    return this.scope.doc;
  }
  get container() {
    return this.scope.container;
  }
  get process() {
    return this.scope.process;
  }
};
var DocWalker = class {
  constructor(doc) {
    this.doc = doc;
  }
  doc;
  maps;
  mapsFor() {
    if (this.maps) return this.maps;
    const maps = { flowsBySource: /* @__PURE__ */ new Map(), boundaryByHost: /* @__PURE__ */ new Map() };
    for (const n of this.doc.elements.get("sequenceFlow") ?? [])
      if (n.attrs.sourceRef !== void 0) addFlow(maps.flowsBySource, n.attrs.sourceRef, n);
    for (const n of this.doc.elements.get("boundaryEvent") ?? [])
      if (n.attrs.attachedToRef !== void 0) append(maps.boundaryByHost, n.attrs.attachedToRef, n);
    return this.maps = maps;
  }
  // Each process parser (one per process and per embedded sub-process) indexes only the elements inside its
  // own node, last one wins for a shared id (ProcessParser._index_process_nodes, SpiffWorkflow since
  // 2026-04-24): flows, boundary events and targets outside the container are not found.
  outgoingOf(node, container) {
    const flows = this.mapsFor().flowsBySource.get(node.attrs.id ?? "");
    if (flows === void 0 || Array.isArray(flows)) return within(container, flows);
    return isInside(flows, container) ? flows : NONE;
  }
  boundaryOf(node, container) {
    return within(container, this.mapsFor().boundaryByHost.get(node.attrs.id ?? ""));
  }
  targetOf(flow, container) {
    return this.doc.byId.findLast(flow.attrs.targetRef ?? "", (n) => isInside(n, container)) ?? null;
  }
  /** The walk of one process of this file (nothing for a process that is not executable). */
  walk(def) {
    const reached = [];
    const unresolved = [];
    const calls = [];
    const result = { process: def, reached, unresolved, calls };
    if (!def.executable) return result;
    const doc = this.doc;
    const containers = [
      { scope: { doc, container: def.node, process: def, walker: this }, starts: containerStarts(def.node) }
    ];
    while (containers.length) {
      const { scope, starts } = containers.pop();
      const { container } = scope;
      const parsed = /* @__PURE__ */ new Set();
      const stack = [];
      for (let j = starts.length - 1; j >= 0; j--) stack.push(starts[j]);
      while (stack.length) {
        const node = stack.pop();
        const id = node.attrs.id ?? "";
        if (parsed.has(id)) continue;
        parsed.add(id);
        if (node.ns !== NS.bpmn || !ENGINE_TAGS.has(node.name)) {
          reached.push(new Walked(node, scope, false, void 0, void 0, null));
          continue;
        }
        const bnd = this.boundaryOf(node, container);
        const out = this.outgoingOf(node, container);
        let tgt = null;
        if (!Array.isArray(out)) tgt = this.targetOf(out, container);
        else if (out.length === 1) tgt = this.targetOf(out[0], container);
        else if (out.length > 1) tgt = out.map((f) => this.targetOf(f, container));
        const w = new Walked(node, scope, true, out, bnd, tgt);
        reached.push(w);
        if (Array.isArray(tgt)) {
          for (let j = 0; j < tgt.length; j++)
            if (!tgt[j]) unresolved.push({ r: w, flow: out[j] });
          for (let j = tgt.length - 1; j >= 0; j--) {
            const t = tgt[j];
            if (t) stack.push(t);
          }
        } else if (tgt) stack.push(tgt);
        else if (!Array.isArray(out)) unresolved.push({ r: w, flow: out });
        else if (out.length === 1) unresolved.push({ r: w, flow: out[0] });
        for (let j = bnd.length - 1; j >= 0; j--) stack.push(bnd[j]);
        if ((node.name === "subProcess" || node.name === "transaction") && entersSubprocess(node))
          containers.push({ scope: { ...scope, container: node }, starts: containerStarts(node) });
        else if (node.name === "adHocSubProcess") {
          const flows = (doc.elements.get("sequenceFlow") ?? []).filter((f) => isInside(f, node));
          const inner = adHocStarts(node, flows);
          if (inner) containers.push({ scope: { ...scope, container: node }, starts: inner });
        } else if (node.name === "callActivity" && node.attrs.calledElement)
          calls.push(node.attrs.calledElement);
      }
    }
    return result;
  }
};
function within(container, nodes) {
  if (!nodes) return NONE;
  for (const n of nodes) if (!isInside(n, container)) return nodes.filter((m) => isInside(m, container));
  return nodes;
}
function outOf(r) {
  const w = r;
  return w.out ?? w.scope.walker.outgoingOf(w.node, w.scope.container);
}
var outgoing = (r) => {
  const out = outOf(r);
  return Array.isArray(out) ? out : [out];
};
var outgoingCount = (r) => {
  const out = outOf(r);
  return Array.isArray(out) ? out.length : 1;
};
var boundaryEvents = (r) => {
  const w = r;
  return w.bnd ?? w.scope.walker.boundaryOf(w.node, w.scope.container);
};
var target = (r, flow) => {
  const w = r;
  const k = w.out === void 0 ? -1 : Array.isArray(w.out) ? w.out.indexOf(flow) : w.out === flow ? 0 : -1;
  const t = k < 0 ? w.scope.walker.targetOf(flow, w.scope.container) : Array.isArray(w.tgt) ? w.tgt[k] : w.tgt;
  return t ?? void 0;
};
function analysisOf(walks, loadedProcesses) {
  const one = walks.length === 1 ? walks[0] : void 0;
  const reached = one ? one.reached : [];
  const byDoc = /* @__PURE__ */ new Map();
  const byKind = /* @__PURE__ */ new Map();
  const unresolved = one ? one.unresolved : [];
  for (const walk of walks) {
    if (walk.reached.length === 0) continue;
    const doc = walk.reached[0].doc;
    let inDoc = byDoc.get(doc);
    if (!inDoc) byDoc.set(doc, inDoc = one ? one.reached : []);
    for (const r of walk.reached) {
      if (!one) {
        reached.push(r);
        inDoc.push(r);
      }
      if (r.supported) push(byKind, r.node.name, r);
    }
    if (!one) for (const u of walk.unresolved) unresolved.push(u);
  }
  return {
    reached,
    reachedByDoc: byDoc,
    byKind,
    loadedProcesses,
    outgoing,
    outgoingCount,
    boundaryEvents,
    target,
    unresolved
  };
}
function loadOrder(index, callsOf, called) {
  const loaded = /* @__PURE__ */ new Set();
  const order2 = [];
  const load = (def) => {
    if (loaded.has(def)) return;
    loaded.add(def);
    order2.push(def);
  };
  for (const model of index.models.values()) {
    const info = model.info;
    if (!info) continue;
    const primaryFile = typeof info.primary_file_name === "string" ? info.primary_file_name : "";
    const primaryId = typeof info.primary_process_id === "string" ? info.primary_process_id : "";
    if (!primaryFile || !primaryId) continue;
    const def = primaryProcessOf(index, model.id, model.dir, primaryFile, primaryId);
    if (def) load(def);
  }
  for (let i = 0; i < order2.length; i++) {
    const def = order2[i];
    if (!def.executable) continue;
    for (const calledElement of callsOf(def)) {
      const target2 = called(calledElement);
      if (target2) load(target2);
    }
  }
  return order2;
}
function resolver(callable) {
  const resolved = /* @__PURE__ */ new Map();
  return (calledElement) => {
    let def = resolved.get(calledElement);
    if (def === void 0) resolved.set(calledElement, def = callable.resolve(calledElement) ?? null);
    return def ?? void 0;
  };
}
function isInside(node, container) {
  for (let p = node.parent; p; p = p.parent) if (p === container) return true;
  return false;
}
function primaryProcessOf(index, modelId, dir, primaryFile, primaryId) {
  const doc = index.bpmn.get(dir ? `${dir}/${primaryFile}` : primaryFile);
  return doc?.processes.find((p) => p.id === primaryId) ?? index.processes.get(primaryId)?.find((p) => p.modelId === modelId);
}
function append(map, key, value) {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list.length === 1) map.set(key, [list[0], value]);
  else list.push(value);
}
function addFlow(map, key, flow) {
  const flows = map.get(key);
  if (flows === void 0) map.set(key, flow);
  else if (!Array.isArray(flows)) map.set(key, [flows, flow]);
  else flows.push(flow);
}
function push(map, key, value) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// src/validate/rules/primary.ts
var primaryProcess = {
  id: "primary-process",
  severity: "error",
  scope: "repo",
  description: "primary_file_name / primary_process_id do not name an executable process of the model",
  fix: "Point primary_file_name at a .bpmn file of the model and primary_process_id at a process it defines.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      const info = model.info;
      if (!info) continue;
      const file = model.json.file;
      const primaryFile = str(info.primary_file_name) ?? "";
      const primaryId = str(info.primary_process_id) ?? "";
      if (!primaryFile) {
        if (primaryId)
          report({
            file,
            offset: jsonKeyOffset(file.text, "primary_process_id"),
            message: "primary_process_id is set but primary_file_name is empty: set the file that defines the process"
          });
        continue;
      }
      const at = () => jsonKeyOffset(file.text, "primary_file_name");
      if (!primaryFile.toLowerCase().endsWith(".bpmn") || primaryFile.includes("/")) {
        report({
          file,
          offset: at(),
          message: `primary_file_name "${primaryFile}" must be the name of a .bpmn file in the model directory`
        });
        continue;
      }
      const doc = index.bpmn.get(model.dir ? `${model.dir}/${primaryFile}` : primaryFile);
      if (!doc) {
        report({
          file,
          offset: at(),
          message: `primary file "${primaryFile}" does not exist in ${model.dir}`
        });
        continue;
      }
      if (!primaryId) {
        report({
          file,
          offset: jsonKeyOffset(file.text, "primary_process_id") ?? at(),
          message: `primary_process_id is empty (no_primary_bpmn_error on validate and run): set it to one of ${doc.processes.map((p) => p.id).join(", ") || "(no processes in the file)"}`
        });
        continue;
      }
      if (!doc.root) continue;
      if (!primaryProcessOf(index, model.id, model.dir, primaryFile, primaryId))
        report({
          file,
          offset: jsonKeyOffset(file.text, "primary_process_id"),
          message: `The process '${primaryId}' was not found in ${primaryFile}${doc.processes.length ? ` (it defines ${doc.processes.map((p) => p.id).join(", ")})` : ""} nor in another .bpmn file of ${model.dir || "the model"}`
        });
    }
  }
};
var primaryEmpty = {
  id: "primary-empty",
  severity: "warning",
  scope: "repo",
  description: "a model has no primary file: it is a library model and cannot be started",
  fix: "Set primary_file_name and primary_process_id, or switch the rule off for library models.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (!model.info || str(model.info.primary_file_name)) continue;
      if (str(model.info.primary_process_id)) continue;
      report({
        file: model.json.file,
        message: `model '${model.id}' has no primary_file_name: it is not runnable and is hidden from start lists (a library model)`
      });
    }
  }
};
var duplicateProcessId = {
  id: "duplicate-process-id",
  severity: "error",
  scope: "repo",
  description: "the same process id is defined twice in a model, or in two models of the repo",
  fix: "Give each process a repository-wide unique id (call activities resolve ids to an arbitrary definition otherwise).",
  check({ index, report }) {
    for (const [id, defs] of index.processes) {
      const inModels = defs.filter((d) => d.modelId !== null);
      if (inModels.length < 2) continue;
      for (const def of inModels) {
        const others = inModels.filter((d) => d !== def);
        const sameModel = others.some((d) => d.modelId === def.modelId);
        report({
          file: def.file,
          node: def.node,
          attr: "id",
          message: sameModel ? `Duplicate process ID '${id}' in model '${def.modelId}' (also in ${others.filter((d) => d.modelId === def.modelId).map((d) => d.file.path).join(", ")}): the model cannot be loaded` : `process id '${id}' is also defined in ${others.map((d) => d.file.path).join(", ")}: call activities resolve it to an arbitrary one of them`
        });
      }
    }
  }
};

// src/validate/rules/engine/processes.ts
var processNotExecutable = {
  id: "process-not-executable",
  severity: "error",
  scope: "walk",
  description: 'a primary or called process has isExecutable="false"',
  fix: 'Set isExecutable="true" on the process (or remove the attribute).',
  check({ analysis, report }) {
    for (const def of analysis.loadedProcesses)
      if (!def.executable)
        report({
          file: def.file,
          node: def.node,
          attr: "isExecutable",
          message: `Process ${def.id} is not executable: set isExecutable="true" (or remove the attribute) to run or call it`
        });
  }
};
var noStartEvent = {
  id: "no-start-event",
  severity: "error",
  scope: "walk",
  description: "an executable process has no top-level start event",
  fix: "Add a start event to the process.",
  check({ analysis, report }) {
    for (const def of analysis.loadedProcesses)
      if (def.executable && childrenNamed(def.node, NS.bpmn, "startEvent").length === 0)
        report({ file: def.file, node: def.node, message: `No start event found in process '${def.id}'` });
  }
};
var unsupportedElement = {
  id: "unsupported-element",
  severity: "error",
  scope: "walk",
  description: "a reachable flow node is of a kind the engine has no parser for (e.g. complexGateway)",
  fix: "Replace the element with a supported task, event or gateway.",
  check({ analysis, report }) {
    for (const { node, doc, supported } of analysis.reached)
      if (!supported)
        report({
          file: doc.file,
          node,
          message: `There is no support implemented for this task type: '${node.name}' ('${node.attrs.id ?? ""}') cannot be run by SpiffWorkflow`
        });
  }
};

// src/validate/rules/engine/flows.ts
var MULTIPLE_OUTGOING = /* @__PURE__ */ new Set([
  "exclusiveGateway",
  "parallelGateway",
  "inclusiveGateway",
  "eventBasedGateway",
  "startEvent"
]);
var implicitSplit = {
  id: "implicit-split",
  severity: "error",
  scope: "walk",
  description: "a task or event other than a gateway or start event has more than one outgoing sequence flow",
  fix: "Add a parallel or exclusive gateway to split the flow.",
  check({ analysis, report }) {
    for (const r of analysis.reached) {
      if (!r.supported || analysis.outgoingCount(r) < 2 || MULTIPLE_OUTGOING.has(r.node.name)) continue;
      report({
        file: r.doc.file,
        node: r.node,
        message: `Multiple outgoing flows are not supported for tasks of type ${r.node.name} ('${r.node.attrs.id}'): add a parallel or exclusive gateway after it`
      });
    }
  }
};
var danglingSequenceFlow = {
  id: "dangling-sequence-flow",
  severity: "error",
  scope: "walk",
  description: "a sequence flow targets an id that no element of its own process (or sub-process) has: another pool, or nowhere",
  fix: "Reconnect the flow in the modeler or fix its targetRef; between pools use a message flow.",
  check({ analysis, report }) {
    for (const { r, flow } of analysis.unresolved) {
      const targetRef = flow.attrs.targetRef ?? "";
      const elsewhere = r.doc.byId.first(targetRef);
      const scope = r.container === r.process.node ? `process '${r.process.id}'` : `sub-process '${r.container.attrs.id ?? ""}'`;
      report({
        file: r.doc.file,
        node: flow,
        attr: "targetRef",
        message: elsewhere ? `sequence flow '${flow.attrs.id}' targets '${targetRef}', which lies outside ${scope} (${where(elsewhere)}): each process parser finds only its own elements, so parsing fails ("When looking for a task spec, we found two items"); connect pools with a message flow` : `sequence flow '${flow.attrs.id}' targets '${targetRef}', which is not an element of this file`
      });
    }
  }
};
function where(node) {
  for (let p = node.parent; p; p = p.parent) {
    if (p.ns !== NS.bpmn) continue;
    if (p.name === "process") return `in process '${p.attrs.id ?? ""}'`;
    if (p.name === "subProcess" || p.name === "transaction") return `in sub-process '${p.attrs.id ?? ""}'`;
  }
  return "outside every process";
}

// src/validate/rules/engine/gateways.ts
function conditionOf(flow) {
  const expr = firstChild(flow, NS.bpmn, "conditionExpression");
  const text = expr?.text;
  return text && text.trim() ? text : void 0;
}
var gatewayFlowCondition = {
  id: "gateway-flow-condition",
  severity: "error",
  scope: "walk",
  description: "an outgoing flow of an exclusive or inclusive gateway is neither the default nor conditioned",
  fix: "Add a condition expression to the flow, or mark it as the default flow of the gateway.",
  check({ analysis, report }) {
    for (const r of reachedOf(analysis, "exclusiveGateway", "inclusiveGateway")) {
      if (analysis.outgoingCount(r) < 2) continue;
      const out = analysis.outgoing(r);
      const dflt = r.node.attrs.default;
      if (out.every((f) => f.attrs.id === dflt || conditionOf(f) !== void 0)) continue;
      const connected = out.filter((f) => analysis.target(r, f));
      if (!connected.length) continue;
      let def = r.node.attrs.default;
      if (connected.length === 1 && conditionOf(connected[0]) === void 0) def = connected[0].attrs.id;
      for (const flow of connected)
        if (flow.attrs.id !== def && conditionOf(flow) === void 0)
          report({
            file: r.doc.file,
            node: flow,
            message: `Non-default exclusive outgoing sequence flow without condition: give '${flow.attrs.id}' a condition or make it the default flow of gateway '${r.node.attrs.id ?? ""}'`
          });
    }
  }
};
var CATCH_DEFINITIONS = /* @__PURE__ */ new Set([
  "messageEventDefinition",
  "signalEventDefinition",
  "timerEventDefinition",
  "conditionalEventDefinition"
]);
var eventGatewayTarget = {
  id: "event-gateway-target",
  severity: "error",
  scope: "walk",
  description: "an event-based gateway leads to something other than a catching event with an event definition (the parser crashes)",
  fix: "After an event-based gateway put only intermediate catch events (message, signal, timer, conditional) or receive tasks.",
  check({ analysis, report }) {
    for (const r of reachedOf(analysis, "eventBasedGateway")) {
      for (const flow of analysis.outgoing(r)) {
        const t = analysis.target(r, flow);
        if (!t || t.ns !== NS.bpmn) continue;
        if (t.name === "receiveTask") continue;
        if (t.name === "intermediateCatchEvent" && t.children.some((c) => c.ns === NS.bpmn && CATCH_DEFINITIONS.has(c.name)))
          continue;
        const what = t.name === "intermediateCatchEvent" ? `${t.name} without an event definition` : t.name;
        report({
          file: r.doc.file,
          node: flow,
          attr: "targetRef",
          message: `event-based gateway '${r.node.attrs.id ?? ""}' leads to ${what} '${t.attrs.id ?? ""}': the parser reads the event definition of every target (EventBasedGatewayParser.connect_outgoing) and crashes; put an intermediate catch event (message, signal, timer) or a receive task there`
        });
      }
    }
  }
};

// src/validate/rules/engine/sub-processes.ts
var subprocessStructure = {
  id: "subprocess-structure",
  severity: "error",
  scope: "walk",
  description: "an embedded sub-process or transaction lacks exactly one start event or any end event",
  fix: "Give the sub-process one start event and at least one end event.",
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, "subProcess", "transaction")) {
      const id = node.attrs.id ?? "";
      const starts = childrenNamed(node, NS.bpmn, "startEvent").length;
      if (starts !== 1)
        report({
          file: doc.file,
          node,
          message: `Exactly one start event is required in a SubWorkflow Task: sub-process '${id}' has ${starts}`
        });
      else if (childrenNamed(node, NS.bpmn, "endEvent").length === 0)
        report({
          file: doc.file,
          node,
          message: `A SubWorkflow Must contain an End event: sub-process '${id}' has none`
        });
    }
  }
};
var adhocSubprocess = {
  id: "adhoc-subprocess",
  severity: "error",
  scope: "walk",
  description: "an ad hoc sub-process contains a start or end event (the parser refuses them)",
  fix: "Remove the start and end events from the ad hoc sub-process: its tasks without incoming flows start it.",
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, "adHocSubProcess")) {
      const event = node.children.find(
        (c) => c.ns === NS.bpmn && (c.name === "startEvent" || c.name === "endEvent")
      );
      if (event)
        report({
          file: doc.file,
          node: event,
          message: `Ad hoc subprocesses may not contain start or end events: remove ${event.name} '${event.attrs.id ?? ""}' from '${node.attrs.id ?? ""}' (its tasks without incoming flows are where it starts)`
        });
    }
  }
};

// src/validate/rules/engine/activities.ts
var callActivity = {
  id: "call-activity",
  severity: "error",
  scope: "walk",
  description: "a call activity has no calledElement, or calls a process id no process model of the repo offers (defined nowhere, outside every model directory, or in a model with a file that does not load)",
  fix: "Choose the called process in the modeler; keep called processes in a process model whose files all load.",
  check({ analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, "callActivity")) {
      const id = flat(node.attrs.id ?? "");
      const calledElement = node.attrs.calledElement && flat(node.attrs.calledElement);
      if (!calledElement)
        report({
          file: doc.file,
          node,
          message: `No "calledElement" attribute for Call Activity '${id}': choose the process to call`
        });
      else
        report({
          file: doc.file,
          node,
          attr: "calledElement",
          message: "",
          later: ({ index, called, callable }) => {
            if (called(calledElement)) return void 0;
            const defs = index.processes.get(calledElement) ?? [];
            return {
              message: defs.length ? `The process '${calledElement}' cannot be called (could_not_find_bpmn_process_identifier): the backend finds called processes only in its boot-time reference cache, and ${defs.map((d) => callable.whyNot(d)).join("; ")}` : `The process '${calledElement}' was not found: call activity '${id}' calls a process id that no BPMN file in the repository defines`
            };
          }
        });
    }
  }
};
var businessRuleTask = {
  id: "business-rule-task",
  severity: "error",
  scope: "walk",
  description: "a business rule task has no calledDecisionId, or its decision is not the first decision of a .dmn in the same folder",
  fix: "Pick the decision in the modeler and keep the .dmn file beside the .bpmn file.",
  check({ index, analysis, report }) {
    for (const { node, doc } of reachedOf(analysis, "businessRuleTask")) {
      const file = doc.file;
      const id = node.attrs.id ?? "";
      const ext = firstChild(node, NS.bpmn, "extensionElements");
      const decisionNode = ext && firstChild(ext, NS.spiff, "calledDecisionId");
      const decisionId = decisionNode?.text.trim() ?? "";
      if (!decisionId) {
        report({
          file,
          node,
          message: `business rule task '${id}' has no spiffworkflow:calledDecisionId: choose the DMN decision it evaluates`
        });
        continue;
      }
      const inDir = index.decisionsByDir.get(file.dir) ?? [];
      if (inDir.some((d) => d.first && d.id === decisionId)) continue;
      const notFirst = inDir.find((d) => d.id === decisionId);
      report({
        file,
        node: decisionNode ?? node,
        message: notFirst ? `decision '${decisionId}' is not the first decision of ${notFirst.file.name}: the engine only finds the first decision of a DMN file; move it to a file of its own` : `No DMN Diagram available with id "${decisionId}": no .dmn file in ${file.dir || "the models root"} starts with that decision (business rule task '${id}')`
      });
    }
  }
};
var serviceTaskOperator = {
  id: "service-task-operator",
  severity: "error",
  scope: "walk",
  description: "a service task has no spiffworkflow:serviceTaskOperator with an id, or a parameter with a value lacks its id or type (the parser crashes)",
  fix: "Select an operator for the service task in the modeler.",
  check({ analysis, report }) {
    const badParameters = /* @__PURE__ */ new Map();
    for (const { node, doc } of reachedOf(analysis, "serviceTask")) {
      const id = node.attrs.id ?? "";
      const ext = firstChild(node, NS.bpmn, "extensionElements");
      const op = ext && firstChild(ext, NS.spiff, "serviceTaskOperator");
      if (!op || !op.attrs.id) {
        report({
          file: doc.file,
          node,
          message: `service task '${id}' has no spiffworkflow:serviceTaskOperator with an id: the parser crashes on it; pick an operator in the modeler`
        });
        continue;
      }
      let bad = badParameters.get(doc);
      if (bad === void 0) {
        bad = (doc.elements.get("spiffworkflow:parameter") ?? []).some(
          (p) => p.attrs.value !== void 0 && (p.attrs.id === void 0 || p.attrs.type === void 0)
        );
        badParameters.set(doc, bad);
      }
      if (!bad) continue;
      for (const p of descendants(op)) {
        if (p.ns !== NS.spiff || p.name !== "parameter" || p.attrs.value === void 0) continue;
        if (p.attrs.id === void 0 || p.attrs.type === void 0)
          report({
            file: doc.file,
            node: p,
            message: `service task '${id}': a parameter of operator '${op.attrs.id}' has a value but no ${p.attrs.id === void 0 ? "id" : "type"}: the parser crashes on it`
          });
      }
    }
  }
};
var spiffExtension = {
  id: "spiff-extension",
  severity: "error",
  scope: "walk",
  description: "a spiffworkflow:property lacks its name or value, or a script unit test its id, inputJson or expectedOutputJson (the parser crashes)",
  fix: "Re-save the task in the modeler, or add the missing attribute or element.",
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      const badProperty = (doc.elements.get("spiffworkflow:property") ?? []).some(
        (p) => p.attrs.name === void 0 || p.attrs.value === void 0
      );
      if (badProperty || doc.elements.has("spiffworkflow:unitTest")) spiffExtensionsOf(doc, reached, report);
    }
  }
};
function spiffExtensionsOf(doc, reached, report) {
  for (const { node, supported } of reached) {
    if (!supported || node.name.endsWith("Gateway")) continue;
    const ext = firstChild(node, NS.bpmn, "extensionElements");
    if (!ext) continue;
    for (const e of ext.children) {
      if (e.ns !== NS.spiff) continue;
      if (e.name === "properties") {
        for (const p of descendants(e)) {
          if (p.ns !== NS.spiff || p.name !== "property") continue;
          const missing = p.attrs.name === void 0 ? "name" : p.attrs.value === void 0 ? "value" : void 0;
          if (missing)
            report({
              file: doc.file,
              node: p,
              message: `a spiffworkflow:property of '${node.attrs.id}' has no ${missing} attribute: the parser crashes on it`
            });
        }
      } else if (e.name === "unitTests") {
        for (const t of descendants(e)) {
          if (t.ns !== NS.spiff || t.name !== "unitTest") continue;
          const has = (n) => [...descendants(t)].some((c) => c.ns === NS.spiff && c.name === n);
          const missing = t.attrs.id === void 0 ? "id" : !has("inputJson") ? "inputJson" : !has("expectedOutputJson") ? "expectedOutputJson" : void 0;
          if (missing)
            report({
              file: doc.file,
              node: t,
              message: `a script unit test of '${node.attrs.id}' has no ${missing}: the parser crashes on it`
            });
        }
      }
    }
  }
}

// src/validate/rules/engine/events.ts
var EVENT_DEFINITIONS = {
  startEvent: [
    "messageEventDefinition",
    "signalEventDefinition",
    "timerEventDefinition",
    "conditionalEventDefinition"
  ],
  endEvent: [
    "messageEventDefinition",
    "cancelEventDefinition",
    "errorEventDefinition",
    "escalationEventDefinition",
    "terminateEventDefinition"
  ],
  intermediateCatchEvent: [
    "messageEventDefinition",
    "signalEventDefinition",
    "timerEventDefinition",
    "conditionalEventDefinition"
  ],
  intermediateThrowEvent: ["messageEventDefinition", "signalEventDefinition", "escalationEventDefinition"],
  boundaryEvent: [
    "messageEventDefinition",
    "signalEventDefinition",
    "timerEventDefinition",
    "cancelEventDefinition",
    "errorEventDefinition",
    "escalationEventDefinition",
    "conditionalEventDefinition"
  ]
};
var EVENT_REFS = {
  messageEventDefinition: ["messageRef", "message", "a Message"],
  signalEventDefinition: ["signalRef", "signal", "a Signal"],
  errorEventDefinition: ["errorRef", "error", "an Error"],
  escalationEventDefinition: ["escalationRef", "escalation", "an Escalation"]
};
function* eventDefinitions(analysis, names) {
  for (const kind in EVENT_DEFINITIONS) {
    const defs = EVENT_DEFINITIONS[kind];
    if (names && !names.some((n) => defs.includes(n))) continue;
    for (const r of analysis.byKind.get(kind) ?? [])
      for (const def of r.node.children)
        if (def.ns === NS.bpmn && defs.includes(def.name) && (!names || names.includes(def.name)))
          yield { r, def };
  }
}
function hasDescendant(node, names) {
  for (const d of descendants(node)) if (d.ns === NS.bpmn && names.includes(d.name)) return true;
  return false;
}
var timerDefinition = {
  id: "timer-definition",
  severity: "error",
  scope: "walk",
  description: "a timer event has none of timeDate, timeDuration, timeCycle",
  fix: "Set the timer type and expression in the modeler.",
  check({ analysis, report }) {
    for (const { r, def } of eventDefinitions(analysis, ["timerEventDefinition"]))
      if (!hasDescendant(def, ["timeDate", "timeDuration", "timeCycle"]))
        report({
          file: r.doc.file,
          node: def,
          message: `Unknown Time Specification: timer of '${r.node.attrs.id}' needs a timeDate, timeDuration or timeCycle`
        });
  }
};
var conditionalEvent = {
  id: "conditional-event",
  severity: "error",
  scope: "walk",
  description: "a conditional event has no condition",
  fix: "Add the condition expression.",
  check({ analysis, report }) {
    for (const { r, def } of eventDefinitions(analysis, ["conditionalEventDefinition"]))
      if (!hasDescendant(def, ["condition"]))
        report({
          file: r.doc.file,
          node: def,
          message: `Conditional event definition with missing condition on '${r.node.attrs.id}'`
        });
  }
};
var eventReference = {
  id: "event-reference",
  severity: "error",
  scope: "walk",
  description: "a messageRef / signalRef / errorRef / escalationRef names no element of that kind",
  fix: "Select an existing message, signal, error or escalation, or define it.",
  check({ analysis, report }) {
    const check = (doc, node, [attr, target2, label]) => {
      const value = node.attrs[attr];
      if (value === void 0 || attr === "messageRef" && value === "") return;
      const matches = (doc.byId.get(value) ?? []).filter((n) => n.name === target2);
      if (matches.length !== 1)
        report({
          file: doc.file,
          node,
          attr,
          message: matches.length === 0 ? `Expected ${label} node: ${attr}="${value}" names no bpmn:${target2} in this file` : `Expected ${label} node: ${matches.length} bpmn:${target2} elements have id '${value}'`
        });
    };
    for (const { r, def } of eventDefinitions(analysis)) {
      const ref = EVENT_REFS[def.name];
      if (ref) check(r.doc, def, ref);
    }
    for (const kind of ["sendTask", "receiveTask"])
      for (const r of analysis.byKind.get(kind) ?? [])
        if (r.node.attrs.messageRef) check(r.doc, r.node, EVENT_REFS.messageEventDefinition);
  }
};
var cancelEvent = {
  id: "cancel-event",
  severity: "error",
  scope: "walk",
  description: "a cancel boundary event is attached to something other than a transaction",
  fix: "Attach cancel events only to transaction sub-processes.",
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      const isCancel = (b) => firstChild(b, NS.bpmn, "cancelEventDefinition") !== void 0;
      if (!(doc.elements.get("boundaryEvent") ?? []).some(isCancel)) continue;
      for (const r of reached) {
        if (!r.supported || r.node.name === "transaction") continue;
        for (const b of analysis.boundaryEvents(r))
          if (isCancel(b))
            report({
              file: doc.file,
              node: r.node,
              message: `Cancel Events may only be used with transactions: boundary event '${b.attrs.id}' is attached to a ${r.node.name}`
            });
      }
    }
  }
};
var boundaryEventDefinition = {
  id: "boundary-event-definition",
  severity: "error",
  scope: "walk",
  description: 'a boundary event has no event definition the engine reads (BoundaryEventParser: "Unsupported Catch Event")',
  fix: "Give the boundary event a timer, message, signal, error, escalation, conditional or cancel definition, or remove it.",
  check({ analysis, report }) {
    const known = EVENT_DEFINITIONS.boundaryEvent;
    for (const { node, doc } of analysis.byKind.get("boundaryEvent") ?? []) {
      let found = false;
      for (const d of descendants(node)) if (d.ns === NS.bpmn && known.includes(d.name)) found = true;
      if (!found)
        report({
          file: doc.file,
          node,
          message: `Unsupported Catch Event: boundary event '${node.attrs.id ?? ""}' has no event definition the engine reads, and parsing fails`
        });
    }
  }
};

// src/validate/rules/engine/loops.ts
var loopCharacteristics = {
  id: "loop-characteristics",
  severity: "error",
  scope: "walk",
  description: "multi-instance without exactly one of cardinality / input collection, or a loop without maximum or condition, or with a maximum that is no whole number",
  fix: "Complete the loop settings of the task.",
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      if (!doc.elements.has("standardLoopCharacteristics") && !doc.elements.has("multiInstanceLoopCharacteristics"))
        continue;
      for (const { node, supported } of reached) {
        if (!supported) continue;
        const file = doc.file;
        for (const child of node.children) {
          if (child.ns !== NS.bpmn) continue;
          if (child.name === "standardLoopCharacteristics") {
            const condition = firstChild(child, NS.bpmn, "loopCondition");
            const max = child.attrs.loopMaximum;
            if (max !== void 0 && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(max))
              report({
                file,
                node: child,
                attr: "loopMaximum",
                message: `loopMaximum "${max}" of '${node.attrs.id}' is not a whole number: the parser reads it with int() and fails`
              });
            if (child.attrs.loopMaximum === void 0 && !condition?.text.trim())
              report({
                file,
                node: child,
                message: `A loopMaximum or loopCondition must be specified for Loop Tasks ('${node.attrs.id}')`
              });
          } else if (child.name === "multiInstanceLoopCharacteristics") {
            const card = firstChild(child, NS.bpmn, "loopCardinality");
            const input = firstChild(child, NS.bpmn, "loopDataInputRef");
            if (!card === !input)
              report({
                file,
                node: child,
                message: `A multiinstance task must specify exactly one of cardinality or loop input data reference ('${node.attrs.id}' has ${card ? "both" : "neither"})`
              });
            const io = firstChild(node, NS.bpmn, "ioSpecification");
            if (!io) continue;
            const names = (kind) => new Set(
              childrenNamed(io, NS.bpmn, kind).flatMap((d) => [d.attrs.id, d.attrs.name].filter(Boolean))
            );
            const inputs = names("dataInput");
            const outputs = names("dataOutput");
            const output = firstChild(child, NS.bpmn, "loopDataOutputRef");
            if (input && !inputs.has(input.text.trim()))
              report({
                file,
                node: input,
                message: `The loop input data reference is missing from the IO specification: '${input.text.trim()}' is no data input of '${node.attrs.id}'`
              });
            if (output && !inputs.has(output.text.trim()) && !outputs.has(output.text.trim()))
              report({
                file,
                node: output,
                message: `The loop output data reference is missing from the IO specification: '${output.text.trim()}' is no data input or output of '${node.attrs.id}'`
              });
          }
        }
      }
    }
  }
};

// src/validate/rules/engine/data.ts
var dataAssociation = {
  id: "data-association",
  severity: "error",
  scope: "files",
  description: "a data input/output association names no data object reference or data store reference",
  fix: "Reconnect the association to an existing data object or data store.",
  check({ index, analysis, report, shared }) {
    const dataStoreIds = shared(() => /* @__PURE__ */ new Set());
    for (const d of index.bpmn.values())
      for (const n of d.elements.get("dataStore") ?? []) if (n.attrs.id) dataStoreIds.add(flat(n.attrs.id));
    for (const [doc, reached] of analysis.reachedByDoc) {
      if (!doc.elements.has("dataInputAssociation") && !doc.elements.has("dataOutputAssociation")) continue;
      for (const { node, supported, process } of reached) {
        if (!supported) continue;
        for (const assoc of node.children) {
          if (assoc.ns !== NS.bpmn) continue;
          const refName = assoc.name === "dataInputAssociation" ? "sourceRef" : assoc.name === "dataOutputAssociation" ? "targetRef" : void 0;
          if (!refName) continue;
          for (const ref of childrenNamed(assoc, NS.bpmn, refName)) {
            const target2 = ref.text.trim();
            const stores = [];
            const found = doc.byId.some(target2, (n) => {
              if (n.name === "dataObjectReference")
                return doc.byId.some(n.attrs.dataObjectRef ?? "", (o) => o.name === "dataObject");
              if (n.name === "dataStoreReference") stores.push(flat(n.attrs.dataStoreRef ?? ""));
              return false;
            });
            if (!found)
              report({
                file: doc.file,
                node: ref,
                message: `Cannot resolve ${assoc.name} '${target2}' of '${node.attrs.id}': it names no data object reference (with a data object) or data store reference`,
                // Only in a process the engine loads, and unless a data store of any file matches.
                later: ({ loaded }) => loaded.has(process) && !stores.some((id) => dataStoreIds.has(id)) ? {} : void 0
              });
          }
        }
      }
    }
  }
};

// src/validate/rules/engine/index.ts
var engineRules = [
  processNotExecutable,
  noStartEvent,
  unsupportedElement,
  implicitSplit,
  danglingSequenceFlow,
  gatewayFlowCondition,
  eventGatewayTarget,
  subprocessStructure,
  adhocSubprocess,
  callActivity,
  businessRuleTask,
  serviceTaskOperator,
  spiffExtension,
  timerDefinition,
  conditionalEvent,
  eventReference,
  loopCharacteristics,
  dataAssociation,
  cancelEvent,
  boundaryEventDefinition
];

// src/validate/rules/messages.ts
var messageDefinition = {
  id: "message-definition",
  severity: "error",
  scope: "files",
  description: "a bpmn:message has no id, or a correlation property lacks a retrieval expression or its messageRef",
  fix: "Give every message an id and every correlation property a retrieval expression per message.",
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, "message")) {
      if (!node.attrs.id) report({ file, node, message: "Message identifier is missing from bpmn xml" });
    }
    for (const { file, node } of bpmnElements(index, "correlationProperty")) {
      const id = node.attrs.id;
      if (!id) {
        report({ file, node, message: "Correlation identifier is missing from bpmn xml" });
        continue;
      }
      const exprs = childrenNamed(node, NS.bpmn, "correlationPropertyRetrievalExpression");
      if (exprs.length === 0) {
        report({
          file,
          node,
          message: `Correlation is missing correlation property retrieval expressions: ${id}`
        });
        continue;
      }
      for (const e of exprs) {
        if (!e.attrs.messageRef)
          report({
            file,
            node: e,
            message: `Message identifier is missing from correlation property: ${id}`
          });
      }
    }
  }
};
var correlationExpressionEmpty = {
  id: "correlation-expression-empty",
  severity: "warning",
  scope: "files",
  description: "a correlation property has an empty retrieval expression for a message: the engine drops it, so it never correlates",
  fix: "Write the expression that reads the key from the message payload, or remove the correlation property.",
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, "correlationProperty")) {
      for (const e of childrenNamed(node, NS.bpmn, "correlationPropertyRetrievalExpression")) {
        const formal = firstChild(e, NS.bpmn, "messagePath") ?? e.children[0];
        if (!formal || !formal.text.trim())
          report({
            file,
            node: e,
            message: `correlation property '${node.attrs.id}' has an empty retrieval expression for message '${e.attrs.messageRef ?? ""}': the engine ignores it, so messages are never matched on this key`
          });
      }
    }
  }
};
function messageStartDefinitions(doc) {
  return (doc.elements.get("startEvent") ?? []).filter((s) => s.ns === NS.bpmn).flatMap((s) => childrenNamed(s, NS.bpmn, "messageEventDefinition"));
}
var messageStartRef = {
  id: "message-start-ref",
  severity: "error",
  scope: "files",
  description: "a message start event has no messageRef, or one that names no bpmn:message of its file: the backend fails indexing the file",
  fix: "Pick the message in the modeler (or define it in this file), or make it a plain start event.",
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      if (!doc.file.modelId) continue;
      for (const def of messageStartDefinitions(doc)) {
        const ref = def.attrs.messageRef;
        const start = def.parent?.attrs.id ?? "";
        if (ref === void 0)
          report({
            file: doc.file,
            node: def,
            message: `Could not find messageRef from message event definition: message start event '${start}' names no message, so the backend cannot index this file (its processes cannot be called, the model does not load at boot)`
          });
        else if (!doc.byId.some(ref, (n) => n.ns === NS.bpmn && n.name === "message"))
          report({
            file: doc.file,
            node: def,
            attr: "messageRef",
            message: `message start event '${start}': messageRef="${ref}" names no bpmn:message in this file; the backend crashes reading its name when it indexes the file (start_messages), wherever the event sits`
          });
      }
    }
  }
};
var messageStartConflict = {
  id: "message-start-conflict",
  severity: "error",
  scope: "files",
  description: "two models start on the same message name",
  fix: "Rename one of the messages, or start only one model with it.",
  check({ index, report, shared }) {
    const { starts, models: modelsOf } = shared(() => ({
      starts: /* @__PURE__ */ new Map(),
      models: /* @__PURE__ */ new Map()
    }));
    for (const doc of index.bpmn.values()) {
      const modelId = doc.file.modelId;
      if (!modelId) continue;
      for (const def of messageStartDefinitions(doc)) {
        const ref = def.attrs.messageRef;
        const msg = ref ? (doc.byId.get(ref) ?? []).find((n) => n.name === "message") : void 0;
        const found = msg?.attrs.name ?? ref;
        if (!found) continue;
        const name = flat(found);
        let list = starts.get(name);
        if (!list) starts.set(name, list = []);
        list.push({ path: doc.file.path, modelId });
        report({
          file: doc.file,
          node: def,
          message: "",
          later: () => {
            let models = modelsOf.get(name);
            if (!models) {
              const byPath = (starts.get(name) ?? []).map((e, i) => ({ e, i })).sort((x, y) => x.e.path < y.e.path ? -1 : x.e.path > y.e.path ? 1 : x.i - y.i);
              modelsOf.set(name, models = [...new Set(byPath.map(({ e }) => e.modelId))]);
            }
            if (models.length < 2) return void 0;
            return {
              message: `message '${name}' starts more than one model (${models.join(", ")}): the backend cannot tell which to start`
            };
          }
        });
      }
    }
  }
};

// src/validate/rules/data-stores.ts
var KNOWN_DATA_STORES = /* @__PURE__ */ new Set([
  "JSONDataStore",
  "JSONFileDataStore",
  "KKVDataStore",
  "TypeaheadDataStore"
]);
var dataStoreName = {
  id: "data-store-name",
  severity: "error",
  scope: "files",
  description: "a bpmn:dataStore names an implementation the backend does not have",
  fix: `Use one of ${[...KNOWN_DATA_STORES].join(", ")}.`,
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, "dataStore")) {
      const name = node.attrs.name;
      if (!name || !KNOWN_DATA_STORES.has(name))
        report({
          file,
          node,
          attr: "name",
          message: `Data Store with name ${name ?? "(none)"} has no implementation: use one of ${[...KNOWN_DATA_STORES].join(", ")}`
        });
    }
  }
};
var dataStoreReadOnly = {
  id: "data-store-file",
  severity: "warning",
  scope: "files",
  description: "JSONFileDataStore writes into the models directory: it fails on a read-only (baked) image",
  fix: "Use JSONDataStore or KKVDataStore (kept in the database) for environments with baked models.",
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, "dataStore")) {
      if (node.attrs.name === "JSONFileDataStore")
        report({
          file,
          node,
          attr: "name",
          message: "JSONFileDataStore writes into the models directory: it cannot work where models are baked read-only into the image"
        });
    }
  }
};

// src/validate/rules/user-tasks.ts
var FORM_KEYS = ["formJsonSchemaFilename", "formUiSchemaFilename"];
var userTaskForm = {
  id: "user-task-form",
  severity: "error",
  scope: "files",
  description: "a user task names an empty or missing form file (missing_form_file when opened)",
  fix: "Create the form in the modeler or fix the file name in the task properties.",
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      const file = doc.file;
      for (const node of doc.elements.get("userTask") ?? []) {
        const props = spiffPropertiesNamed(node, FORM_KEYS);
        for (let k = 0; k < FORM_KEYS.length; k++) {
          const key = FORM_KEYS[k];
          const prop = props[k];
          if (!prop) continue;
          const value = (prop.attrs.value ?? "").trim();
          if (!value) {
            if (key === "formJsonSchemaFilename")
              report({
                file,
                node: prop,
                attr: "value",
                message: `user task '${node.attrs.id}': ${key} is empty`
              });
            continue;
          }
          const target2 = file.dir ? `${file.dir}/${value}` : value;
          if (!index.filesByPath.has(target2))
            report({
              file,
              node: prop,
              attr: "value",
              message: `user task '${node.attrs.id}': form file "${value}" does not exist in ${file.dir || "the models root"} (missing_form_file when a person opens the task)`
            });
        }
      }
    }
  }
};
var userTaskNoForm = {
  id: "user-task-no-form",
  severity: "error",
  scope: "files",
  description: "a user task the engine reaches has no form schema file (missing_form_file when a person opens it); an unreachable one is a warning",
  fix: "Add a form in the modeler (formJsonSchemaFilename), or make it a manual task if it only shows instructions.",
  check({ index, analysis, report }) {
    let reachedIn;
    for (const doc of index.bpmn.values()) {
      const file = doc.file;
      for (const node of doc.elements.get("userTask") ?? []) {
        if (spiffProperty(node, "formJsonSchemaFilename")) continue;
        if (!reachedIn) {
          reachedIn = /* @__PURE__ */ new Map();
          for (const r of reachedOf(analysis, "userTask")) {
            const list = reachedIn.get(r.node);
            if (list) list.push(r.process);
            else reachedIn.set(r.node, [r.process]);
          }
        }
        const processes = reachedIn.get(node) ?? [];
        const id = flat(node.attrs.id ?? "");
        const fix = `add a form in the modeler (formJsonSchemaFilename), or make it a manual task if it only shows instructions`;
        report({
          file,
          node,
          message: `user task '${id}' has no form: when a person opens it the backend answers missing_form_file (400) and the instance stays stuck there; ${fix}`,
          later: ({ loaded }) => processes.some((p) => loaded.has(p)) ? {} : {
            severity: "warning",
            message: `user task '${id}' has no form (the engine does not reach it from a start event today, so nothing fails yet): ${fix}`
          }
        });
      }
    }
  }
};

// src/validate/rules/python.ts
var PYTHON = [
  ["script", "script"],
  ["spiffworkflow:preScript", "script"],
  ["spiffworkflow:postScript", "script"],
  ["conditionExpression", "expression"],
  ["condition", "expression"],
  ["timeDate", "expression"],
  ["timeDuration", "expression"],
  ["timeCycle", "expression"],
  ["loopCondition", "expression"],
  ["completionCondition", "expression"],
  ["spiffworkflow:messagePayload", "expression"]
];
var parser;
async function loadPythonParser(index) {
  if (parser || !hasPython(index)) return;
  parser = (await import("./dist-5NJ2XJOJ.js")).parser;
}
function hasPython(index) {
  try {
    for (const doc of index.bpmn.values())
      if (doc.root && PYTHON.some(([key]) => (doc.elements.get(key) ?? []).some(isChecked))) return true;
    return false;
  } catch {
    return true;
  }
}
function isChecked(node) {
  if (!node.text.trim()) return false;
  const lang = node.attrs.language;
  return !lang || /python/i.test(lang);
}
var verdicts = { script: /* @__PURE__ */ new Map(), expression: /* @__PURE__ */ new Map() };
var validShapes = { script: /* @__PURE__ */ new Set(), expression: /* @__PURE__ */ new Set() };
function shapeOf(code) {
  return /0[bBoO]|\\o/.test(code) ? void 0 : code.replace(/[2-9]/g, "1");
}
function pythonSyntaxError(code, kind) {
  const cache = verdicts[kind];
  const known = cache.get(code);
  if (known !== void 0) return known ?? void 0;
  const shape = shapeOf(code);
  const shapes = validShapes[kind];
  const found = shape !== void 0 && shapes.has(shape) ? void 0 : parsePython(code, kind);
  if (cache.size > 25e3) cache.clear();
  cache.set(code, found ?? null);
  if (!found && shape !== void 0) {
    if (shapes.size > 25e3) shapes.clear();
    shapes.add(shape);
  }
  return found;
}
function parsePython(code, kind) {
  if (kind === "expression") {
    const line = evalLogicalLine(code);
    if ("error" in line) return errorAt(code, line.error, line.reason);
    const err2 = grammarError(`(
${line.text}
)`);
    return err2 === void 0 ? void 0 : errorAt(code, line.start + Math.max(err2 - 2, 0));
  }
  const err = grammarError(code);
  return err === void 0 ? void 0 : errorAt(code, err);
}
function grammarError(source) {
  if (!parser) throw new Error("internal: loadPythonParser() must run before Python is checked");
  const tree = parser.parse(source);
  let at = -1;
  tree.iterate({
    enter(n) {
      if (at >= 0) return false;
      if (n.type.isError) {
        at = n.from;
        return false;
      }
      return void 0;
    }
  });
  return at < 0 ? void 0 : at;
}
function errorAt(code, at, reason) {
  const offset = Math.min(Math.max(at, 0), code.length);
  const pos = new LineIndex(code).position(offset);
  const lineText = code.split("\n")[pos.line - 1] ?? "";
  return { ...pos, near: lineText.trim().slice(0, 60), reason };
}
var BLANK_LINE = /^[ \t\f]*(?:#[^\n]*)?$/;
function evalLogicalLine(code) {
  let i = /^[ \t]*/.exec(code)?.[0].length ?? 0;
  for (; ; ) {
    const nl = code.indexOf("\n", i);
    if (nl < 0 || !BLANK_LINE.test(code.slice(i, nl).replace(/\r$/, ""))) break;
    i = nl + 1;
  }
  if (i < code.length && /[ \t\f]/.test(code[i]))
    return { error: i, reason: "unexpected indent: the expression must start at the beginning of a line" };
  const start = i;
  let depth = 0;
  let end = code.length;
  scan: while (i < code.length) {
    const c = code[i];
    if (c === "#") {
      while (i < code.length && code[i] !== "\n") i++;
    } else if (c === '"' || c === "'") {
      const triple = code.startsWith(c.repeat(3), i);
      const close = triple ? c.repeat(3) : c;
      i += close.length;
      while (i < code.length && !code.startsWith(close, i)) {
        if (code[i] === "\\") i++;
        else if (!triple && code[i] === "\n") break;
        i++;
      }
      i += close.length;
    } else if (c === "\\" && code[i + 1] === "\n") i += 2;
    else if (c === "\\" && code.startsWith("\r\n", i + 1)) i += 3;
    else if ("([{".includes(c)) {
      depth++;
      i++;
    } else if (")]}".includes(c)) {
      depth = Math.max(0, depth - 1);
      i++;
    } else if (c === "\n" && depth === 0) {
      end = i;
      break scan;
    } else i++;
  }
  let j = end + 1;
  while (j < code.length) {
    const nl = code.indexOf("\n", j);
    const lineText = code.slice(j, nl < 0 ? code.length : nl).replace(/\r$/, "");
    if (!BLANK_LINE.test(lineText) || nl < 0 && /^[ \t\f]+$/.test(lineText))
      return {
        error: j,
        reason: BLANK_LINE.test(lineText) ? "unexpected indent: spaces after the last line break of an expression fail in eval" : "a line break outside brackets ends the expression (conditions and timer expressions are one Python expression): join the lines or wrap the expression in parentheses"
      };
    if (nl < 0) break;
    j = nl + 1;
  }
  return { text: code.slice(start, end), start };
}
var pythonSyntax = {
  id: "python-syntax",
  severity: "error",
  scope: "files",
  description: "a script, pre/post script, condition or expression is not valid Python (fails only when it runs)",
  fix: "Fix the Python at the reported line; run the model in a test environment to confirm.",
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      if (!doc.root) continue;
      let lines;
      for (const [key, kind] of PYTHON) {
        for (const node of doc.elements.get(key) ?? []) {
          if (!isChecked(node)) continue;
          const err = pythonSyntaxError(node.text, kind);
          if (!err) continue;
          lines ??= new LineIndex(doc.file.text ?? "");
          const start = lines.position(node.textOffset);
          const line = start.line + err.line - 1;
          const column = err.line === 1 ? start.column + err.column - 1 : err.column;
          const owner = ownerId(node);
          report({
            file: doc.file,
            line,
            column,
            message: `Python syntax error in ${describe2(node)}${owner ? ` of '${owner}'` : ""}${err.near ? ` near \`${err.near}\`` : ""}: it fails when it runs${err.reason ? ` (${err.reason})` : ""}`
          });
        }
      }
    }
  }
};
function describe2(node) {
  switch (node.name) {
    case "script":
      return "script";
    case "preScript":
      return "pre-script";
    case "postScript":
      return "post-script";
    case "conditionExpression":
      return "condition";
    default:
      return `${node.name} expression`;
  }
}
function ownerId(node) {
  for (let p = node.parent; p; p = p.parent)
    if (p.ns === NS.bpmn && p.attrs.id) return p.attrs.id;
  return void 0;
}
var scriptEmpty = {
  id: "script-empty",
  severity: "warning",
  scope: "files",
  description: "a script task has no script or an empty one: it runs and does nothing",
  fix: "Write the script, or replace the task with a plain task.",
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      for (const node of doc.elements.get("scriptTask") ?? []) {
        let script;
        for (const c of node.children) if (c.ns === NS.bpmn && c.name === "script") script = c;
        if (!script?.text.trim())
          report({
            file: doc.file,
            node,
            message: `script task '${node.attrs.id}' has ${script ? "an empty script" : "no script"}: it does nothing`
          });
      }
    }
  }
};
var BARE_ISO = /^(?:R\d*\/)?P(?=[\dT])(?:\d+[YMWD])*(?:T(?=\d)(?:\d+[HMS])+)?$/;
var timerIsoUnquoted = {
  id: "timer-iso-unquoted",
  severity: "warning",
  scope: "files",
  description: "a timer expression is an unquoted ISO 8601 duration (PT5M): it is Python, so the timer fails with a NameError when it starts",
  fix: 'Quote it ("PT5M") or write a Python value such as timedelta(minutes=5).',
  check({ index, report }) {
    for (const doc of index.bpmn.values())
      for (const key of ["timeDate", "timeDuration", "timeCycle"])
        for (const node of doc.elements.get(key) ?? []) {
          const text = node.text.trim();
          if (!BARE_ISO.test(text)) continue;
          const owner = ownerId(node);
          report({
            file: doc.file,
            offset: node.textOffset + node.text.indexOf(text),
            message: `timer expression ${text}${owner ? ` of '${owner}'` : ""} is Python: unquoted it is a NameError when the timer starts; write "${text}" (quoted) or timedelta(...)`
          });
        }
  }
};

// src/validate/rules/layout.ts
var GROUP_ID = /^[a-z0-9][0-9a-z.-]*[a-z0-9]$/;
var MODEL_ID = /^[a-z0-9][0-9a-z.-]+[a-z0-9]$/;
var idInvalid = {
  id: "id-invalid",
  severity: "error",
  scope: "repo",
  description: "a group or model directory name contains ':' or '\\' (ids use '/', URLs use ':')",
  fix: "Rename the directory.",
  check({ index, report }) {
    for (const item of [...index.groups.values(), ...index.models.values()]) {
      const bad = item.dir.split("/").find((s) => s.includes(":") || s.includes("\\"));
      if (bad !== void 0)
        report({
          file: item.json.file,
          message: `directory name "${bad}" contains ':' or '\\': the id '${item.id}' cannot be used in the backend's URLs`,
          modelId: index.models.has(item.id) ? item.id : null
        });
    }
  }
};
var idPattern = {
  id: "id-pattern",
  severity: "warning",
  scope: "repo",
  description: "a group or model directory name is outside the pattern the web UI creates (lower-case, digits, . and -)",
  fix: "Rename the directory to lower-case letters, digits, dots and dashes.",
  check({ index, report }) {
    for (const group of index.groups.values()) {
      if (!group.dir) continue;
      const seg = group.dir.slice(group.dir.lastIndexOf("/") + 1);
      if (!GROUP_ID.test(seg))
        report({
          file: group.json.file,
          message: `group directory "${seg}" does not match ${GROUP_ID} (what the web UI creates)`,
          modelId: null
        });
    }
    for (const model of index.models.values()) {
      if (!model.dir) continue;
      const seg = model.dir.slice(model.dir.lastIndexOf("/") + 1);
      if (!MODEL_ID.test(seg))
        report({
          file: model.json.file,
          message: `model directory "${seg}" does not match ${MODEL_ID} (what the web UI creates)`
        });
    }
  }
};
var modelOutsideGroup = {
  id: "model-outside-group",
  severity: "warning",
  scope: "repo",
  description: "a model is not inside any process group: it runs but the UI group tree does not show it",
  fix: "Add a process_group.json to the folder holding the model.",
  check({ index, report }) {
    for (const model of index.models.values()) {
      if (model.groupId === null)
        report({
          file: model.json.file,
          message: `model '${model.id}' is not inside a process group (no process_group.json above it): the UI does not show it`
        });
    }
  }
};
var modelInGroupFolder = {
  id: "model-in-group-folder",
  severity: "warning",
  scope: "repo",
  description: "a folder holds both process_group.json and process_model.json: the backend loads the model, but the UI's group tree shows the folder as a group and never the model",
  fix: "Move the model into a sub-folder of the group, or remove the process_group.json from the model folder.",
  check({ index, report }) {
    for (const model of index.models.values())
      if (index.groups.has(model.id))
        report({
          file: model.json.file,
          message: `${model.dir || "the models root"} has a process_group.json too: the backend loads this model (and validates it at boot), but the UI's group tree shows the folder as a group, so nobody finds the model there`
        });
  }
};

// src/validate/rules/json-format.ts
function pythonJsonDumps(value, indent = "") {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "NaN";
  if (typeof value === "string") return pyString(value);
  const inner = indent + "    ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[
${value.map((v) => inner + pythonJsonDumps(v, inner)).join(",\n")}
${indent}]`;
  }
  const entries = Object.entries(value).sort(
    ([a], [b]) => a < b ? -1 : a > b ? 1 : 0
  );
  if (entries.length === 0) return "{}";
  return `{
${entries.map(([k, v]) => `${inner}${pyString(k)}: ${pythonJsonDumps(v, inner)}`).join(",\n")}
${indent}}`;
}
var ESCAPES = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t",
  "\b": "\\b",
  "\f": "\\f"
};
var PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;
function pyString(s) {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const code = s.charCodeAt(i);
    if (ESCAPES[c]) out += ESCAPES[c];
    else if (code < 32 || code > 126) out += `\\u${code.toString(16).padStart(4, "0")}`;
    else out += c;
  }
  return out + '"';
}
var jsonFormat = {
  id: "json-format",
  severity: "warning",
  scope: "repo",
  description: "process_model.json / process_group.json is not in the format the backend writes (indent 4, sorted keys)",
  fix: 'Reformat with `python -c "import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=4, sort_keys=True))" FILE`.',
  check({ index, report }) {
    const check = (file, value, modelId) => {
      if (value === void 0 || file.text === void 0) return;
      const canonical = pythonJsonDumps(value);
      const text = file.text.replace(/\r\n/g, "\n");
      if (text === canonical || text === canonical + "\n") return;
      let i = 0;
      while (i < text.length && text[i] === canonical[i]) i++;
      report({
        file,
        offset: i,
        modelId,
        message: "not in the canonical format (json.dumps with indent=4, sort_keys=True): the first save in the UI rewrites the whole file"
      });
    };
    for (const g of index.groups.values()) check(g.json.file, g.json.value, null);
    for (const m of index.models.values()) check(m.json.file, m.json.value, m.id);
  }
};

// src/validate/rules/index.ts
var rules = [
  modelJsonInvalid,
  modelJsonUnknownKey,
  modelJsonRequired,
  modelJsonLookalike,
  groupJson,
  groupMessages,
  fileExtension,
  xmlMalformed,
  dmnStructure,
  primaryProcess,
  duplicateProcessId,
  ...engineRules,
  messageDefinition,
  messageStartRef,
  messageStartConflict,
  dataStoreName,
  userTaskForm,
  formJson,
  unitTestOrphan,
  pythonSyntax,
  idInvalid,
  primaryEmpty,
  userTaskNoForm,
  scriptEmpty,
  timerIsoUnquoted,
  idPattern,
  modelOutsideGroup,
  modelInGroupFolder,
  dataStoreReadOnly,
  jsonFormat,
  xmlDoctype,
  bpmnNotDefinitions,
  correlationExpressionEmpty
];
var loaderRules = [
  {
    id: "symlink-outside-root",
    severity: "error",
    description: "a symbolic link points outside the models root (or nowhere); it is not followed",
    fix: "Copy the files into the repository instead of linking them."
  },
  {
    id: "invalid-encoding",
    severity: "error",
    description: "a JSON file is not UTF-8, or a BPMN or DMN file is neither UTF-8, UTF-16 nor the encoding its XML declaration names",
    fix: "Save the file as UTF-8."
  },
  {
    id: "special-file",
    severity: "error",
    description: "a FIFO, socket or device (or a link to one) stands in the models tree: it is never opened, the backend would block or fail on it",
    fix: "Replace it with a regular file, or remove it."
  },
  {
    id: "unreadable-file",
    severity: "error",
    description: "a file or directory cannot be read",
    fix: "Fix its permissions."
  },
  {
    id: "file-too-large",
    severity: "warning",
    description: "a file over 64 MiB is listed but not checked",
    fix: "Keep large attachments out of the models repository."
  },
  {
    id: "rule-error",
    severity: "error",
    description: "a rule failed with an internal error on a file: its findings there are incomplete (the other rules ran)",
    fix: "Report it to spiff-models with the file; it cannot be switched off, so a crashing rule never passes quietly."
  },
  {
    id: "removed-since-base",
    severity: "warning",
    description: "with --base: a model, process id or primary process that existed at the base ref is gone",
    fix: "Running instances and callers of the removed process break: keep the id, or migrate callers first."
  }
];

// src/validate/guard.ts
var RULE_ERROR = "rule-error";
function guarded(name, index, check) {
  try {
    check(index);
    return void 0;
  } catch (err) {
    return failureOf(name, index, err, check);
  }
}
function failureOf(name, index, err, check) {
  let file;
  const view = trackingView(index, (f) => file = f);
  try {
    check(view);
  } catch {
  }
  const repoFile = file === void 0 ? void 0 : index.filesByPath.get(file);
  return ruleError(name, err, repoFile?.path ?? ".", repoFile?.modelId ?? null);
}
function ruleError(name, err, file, modelId) {
  return {
    ruleId: RULE_ERROR,
    severity: "error",
    message: `rule '${name}' failed: ${errorMessage(err)}. Its findings are incomplete; the other rules ran. This is a bug in spiff-models: please report it with this file.`,
    file,
    line: 1,
    column: 1,
    modelId
  };
}
function fileOf(value) {
  if (!value || typeof value !== "object") return void 0;
  if (Array.isArray(value)) return value.length ? fileOf(value[0]) : void 0;
  const v = value;
  const p = v.file?.path ?? v.json?.file?.path ?? v.path;
  return typeof p === "string" ? p : void 0;
}
function trackingView(index, note) {
  const seen = (v) => {
    const f = fileOf(v);
    if (f !== void 0) note(f);
    return v;
  };
  const map = (m) => new Proxy(m, {
    get(target2, prop) {
      switch (prop) {
        case "get":
          return (k) => seen(target2.get(k));
        case "values":
          return function* () {
            for (const v of target2.values()) yield seen(v);
          };
        case "entries":
        case Symbol.iterator:
          return function* () {
            for (const [k, v] of target2) yield [k, seen(v)];
          };
        case "forEach":
          return (fn) => target2.forEach((v, k) => fn(seen(v), k, target2));
        case "size":
          return target2.size;
      }
      const value = Reflect.get(target2, prop, target2);
      return typeof value === "function" ? value.bind(target2) : value;
    }
  });
  const list = (a) => new Proxy(a, {
    get(target2, prop) {
      const value = Reflect.get(target2, prop);
      if (typeof prop === "string" && /^\d+$/.test(prop)) seen(value);
      if (prop === Symbol.iterator)
        return function* () {
          for (const v of target2) yield seen(v);
        };
      return value;
    }
  });
  const view = { ...index };
  for (const [key, value] of Object.entries(index)) {
    if (value instanceof Map) view[key] = map(value);
    else if (Array.isArray(value)) view[key] = list(value);
  }
  return view;
}

// src/validate/callable.ts
function callableProcesses(index) {
  const brokenModels = /* @__PURE__ */ new Map();
  for (const model of index.models.values()) {
    for (const file of model.files) {
      if (file.name.startsWith(".")) continue;
      if (!ALLOWED_EXTENSIONS.has(file.ext)) {
        brokenModels.set(model.id, `listing its files fails on ${file.name} (extension not allowed)`);
        break;
      }
      if (file.ext !== "bpmn" && file.ext !== "dmn") continue;
      const doc = file.ext === "bpmn" ? index.bpmn.get(file.path) : index.dmn.get(file.path);
      if (!doc) continue;
      const dmnBroken = file.ext === "dmn" && doc.root && (!DMN_NAMESPACES.has(doc.root.ns) || doc.root.name !== "definitions" || !("decisions" in doc && doc.decisions.length));
      if (!doc.root || dmnBroken) {
        brokenModels.set(model.id, `its file ${file.name} does not load`);
        break;
      }
    }
  }
  const whyNot = (def) => {
    if (def.modelId === null) return `${def.file.path} is not directly inside a process-model directory`;
    const broken = brokenModels.get(def.modelId);
    return broken && `model '${def.modelId}' is left out: ${broken}`;
  };
  return {
    resolve: (processId) => index.processes.get(processId)?.find((d) => whyNot(d) === void 0),
    whyNot
  };
}

// src/validate/judge.ts
var NOTHING = () => void 0;
var Judge = class {
  constructor(settings) {
    this.settings = settings;
    this.active = rules.filter((r) => settings[r.id] !== "off");
  }
  settings;
  /** The findings so far (config severities applied, duplicates dropped). */
  findings = [];
  seen = /* @__PURE__ */ new Set();
  pending = [];
  /** Each walked process's calls (calledElement values in walk order): what the load order follows. */
  calls = /* @__PURE__ */ new Map();
  shared = /* @__PURE__ */ new Map();
  lineIndexes = /* @__PURE__ */ new Map();
  active;
  add(f) {
    const setting = this.settings[f.ruleId];
    if (setting === "off") return;
    if (setting) f.severity = setting;
    const key = `${f.ruleId}\0${f.file}\0${f.line}\0${f.column}\0${f.message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push(f);
  }
  /** The 'walk' and 'files' rules on one directory's documents; then their trees are let go. */
  async directory(index, docs) {
    const view = directoryView(index, docs);
    if (this.settings["python-syntax"] !== "off") await loadPythonParser(view);
    let walks = [];
    const walkFailure = guarded("engine checks (the reachability walk)", view, (idx) => {
      const found = [];
      for (const doc of idx.bpmn.values()) {
        const walker = new DocWalker(doc);
        for (const def of doc.processes) found.push(walker.walk(def));
      }
      if (idx === view) walks = found;
    });
    if (walkFailure) this.add(walkFailure);
    for (const walk of walks) this.calls.set(walk.process, walk.calls.map(flat));
    const processes = new Set(walks.map((w) => w.process));
    let all;
    const single = /* @__PURE__ */ new Map();
    for (const rule of this.active) {
      if (rule.scope === "repo") continue;
      if (rule.scope === "files") {
        this.run(rule, view, all ??= analysisOf(walks, processes));
        continue;
      }
      for (const walk of walks) {
        let analysis = single.get(walk);
        if (!analysis) single.set(walk, analysis = analysisOf([walk], /* @__PURE__ */ new Set([walk.process])));
        this.run(rule, view, analysis, walk.process);
      }
    }
    for (const doc of docs) this.lineIndexes.delete(doc.file.path);
    letTreesGo(index, docs);
  }
  /** The 'repo' rules, then the findings that waited: every finding, in no particular order. */
  finish(index) {
    const callable = callableProcesses(index);
    const called = resolver(callable);
    const loaded = new Set(loadOrder(index, (def) => this.calls.get(def) ?? [], called));
    const repo = { index, loaded, called, callable };
    const analysis = analysisOf([], loaded);
    for (const rule of this.active) if (rule.scope === "repo") this.run(rule, index, analysis);
    const pending = this.pending.map((p, i) => ({ p, i })).sort(
      (a, b) => a.p.finding.file < b.p.finding.file ? -1 : a.p.finding.file > b.p.finding.file ? 1 : a.i - b.i
    );
    let last;
    for (const { p } of pending) {
      const { finding, place, process, later } = p;
      if (last && last !== place.file) this.letFileGo(last);
      last = place.file;
      if (process && !loaded.has(process)) continue;
      if (later) {
        let verdict;
        try {
          verdict = later(repo);
        } catch (err) {
          this.add(ruleError(finding.ruleId, err, finding.file, finding.modelId));
          continue;
        }
        if (!verdict) continue;
        if (verdict.message !== void 0) finding.message = verdict.message;
        if (verdict.severity !== void 0) finding.severity = verdict.severity;
      }
      this.add({ ...finding, ...this.position(place) });
    }
    if (last) this.letFileGo(last);
    this.pending.length = 0;
    for (const f of index.loadFindings) this.add({ ...f });
    return this.findings;
  }
  // The rule running now and the process it runs on: one report and one shared function for every run (a
  // pair of closures per rule, process and directory was a tenth of the main thread's allocations).
  rule;
  process;
  reportHere = (r) => this.report(this.rule, r, this.process);
  sharedHere = (make) => {
    const id = this.rule.id;
    if (!this.shared.has(id)) this.shared.set(id, make());
    return this.shared.get(id);
  };
  run(rule, index, analysis, process) {
    this.rule = rule;
    this.process = process;
    try {
      rule.check({ index, analysis, report: this.reportHere, shared: this.sharedHere });
    } catch (err) {
      const again = (idx) => rule.check({ index: idx, analysis, report: NOTHING, shared: this.sharedHere });
      this.add(failureOf(rule.id, index, err, again));
    }
  }
  report(rule, r, process) {
    const place = {
      file: r.file,
      offset: r.offset ?? r.node?.offset,
      attr: r.offset === void 0 ? r.attr : void 0,
      line: r.line,
      column: r.column
    };
    const finding = {
      ruleId: rule.id,
      severity: r.severity ?? rule.severity,
      // A flat copy: a message made from an element's values would hold on to the text they were cut from
      // (a worker's whole message of values; see models/xml.ts flat) for as long as the finding lives.
      message: flat(r.message),
      file: r.file.path,
      modelId: r.modelId === void 0 ? r.file.modelId : r.modelId
    };
    if (process || r.later) this.pending.push({ finding, place, process, later: r.later });
    else this.add({ ...finding, ...this.position(place) });
  }
  letFileGo(file) {
    this.lineIndexes.delete(file.path);
    forgetText(file);
  }
  /** The line and column of a place (the file's text is read again for it, once per directory). */
  position(place) {
    if (place.line !== void 0) return { line: place.line, column: place.column ?? 1 };
    const { file } = place;
    if (place.offset === void 0) return { line: 1, column: 1 };
    const text = file.text;
    if (text === void 0) return { line: 1, column: 1 };
    const offset = place.attr ? attributeOffset(text, place.offset, place.attr) : place.offset;
    let li = this.lineIndexes.get(file.path);
    if (!li) this.lineIndexes.set(file.path, li = new LineIndex(text));
    const { line, column } = li.position(offset);
    return { line, column: column ?? 1 };
  }
};
function directoryView(index, docs) {
  const bpmn = /* @__PURE__ */ new Map();
  const dmn = /* @__PURE__ */ new Map();
  const processes = /* @__PURE__ */ new Map();
  const decisionsByDir = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    if ("processes" in doc) {
      bpmn.set(doc.file.path, doc);
      for (const def of doc.processes) {
        const list = processes.get(def.id);
        if (list) list.push(def);
        else processes.set(def.id, [def]);
      }
    } else {
      dmn.set(doc.file.path, doc);
      const list = decisionsByDir.get(doc.file.dir);
      if (list) list.push(...doc.decisions);
      else decisionsByDir.set(doc.file.dir, [...doc.decisions]);
    }
  }
  return { ...index, bpmn, dmn, processes, decisionsByDir, calls: [], modelCalls: /* @__PURE__ */ new Map() };
}

// src/validate/validate.ts
var allRuleIds = /* @__PURE__ */ new Set([...rules.map((r) => r.id), ...loaderRules.map((r) => r.id)]);
async function validateRepo(root, options = {}) {
  const config = await loadConfig(root, options.configFile, allRuleIds);
  const abs = path2.resolve(root);
  const cacheFile = options.cache && !options.index && !options.base && isDir(abs) ? options.cache : void 0;
  let print;
  let walked;
  const cache = cacheFile ? await import("./cache-RYH3ZLBZ.js") : void 0;
  const tool = cache ? options.toolKey ?? cache.toolKey() : "";
  if (cacheFile && cache) {
    const { fingerprint, readCache, repoStats, writeCache } = cache;
    const data = readCache(cacheFile, abs, tool);
    const inside = path2.relative(abs, cacheFile).split(path2.sep).join("/");
    const settings = { rules: config.rules, allowEmpty: options.allowEmpty === true };
    const stats = repoStats(abs, settings, tool, inside);
    walked = stats.tree;
    const same = data && data.statKey === stats.statKey ? data.report() : void 0;
    if (same) return fromCache(abs, same);
    print = fingerprint(stats, data?.files());
    const report2 = data && data.key === print.key ? data.report() : void 0;
    if (report2) {
      const cacheWarning = writeCache(cacheFile, abs, tool, print, report2);
      return { ...fromCache(abs, report2), ...cacheWarning ? { cacheWarning } : {} };
    }
  }
  const judge = new Judge(config.rules);
  let index;
  if (options.index) {
    index = options.index;
    const docs = [...index.bpmn.values(), ...index.dmn.values()];
    for (const inDir of byDirectory(docs, (d) => d.file.dir)) await judge.directory(index, inDir);
    letTreesGo(index, docs);
  } else
    index = await loadModels(root, {
      // With --cache, the walk the stats were taken from: the same listing, not walked twice.
      tree: walked,
      workers: options.workers,
      onShard: (docs, idx) => judge.directory(idx, docs)
    });
  if (index.models.size === 0 && !options.allowEmpty)
    throw noModelsError(`the models root ${index.root}`, "Check the path (DIR, or the action input path)");
  const findings = judge.finish(index);
  let changedModels = [];
  if (options.base) {
    const { baseFindings } = await import("./base-SB35LSIP.js");
    const base = await baseFindings(index, options.base);
    for (const f of base.findings) judge.add(f);
    changedModels = base.changedModels;
  }
  findings.sort(compareFindings);
  const report = summarize(index, findings);
  if (cacheFile && cache && print) {
    const cacheWarning = cache.writeCache(cacheFile, abs, tool, print, { ...report, graph: graphOf(index) });
    return { ...report, index, changedModels, cache: "miss", cacheWarning };
  }
  return { ...report, index, changedModels };
}
function isDir(p) {
  return fs2.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
function graphOf(index) {
  return {
    models: [...index.models.values()].map((m) => [m.id, m.dir, m.groupId]),
    modelCalls: [...index.modelCalls].map(([from, to]) => [from, [...to]]),
    calls: index.calls.flatMap((c) => c.modelId ? [[c.modelId, c.processId]] : []),
    processIds: [...index.processes.keys()].filter((id) => index.processes.get(id)?.length)
  };
}
function fromCache(root, report) {
  const { graph } = report;
  const models = new Map(
    graph.models.map(([id, dir, groupId]) => [id, { id, dir, groupId, files: [] }])
  );
  const processes = new Map(graph.processIds.map((id) => [id, [{ id }]]));
  const index = {
    root,
    files: [],
    filesByPath: /* @__PURE__ */ new Map(),
    groups: /* @__PURE__ */ new Map(),
    models,
    bpmn: /* @__PURE__ */ new Map(),
    dmn: /* @__PURE__ */ new Map(),
    processes,
    decisionsByDir: /* @__PURE__ */ new Map(),
    calls: graph.calls.map(([modelId, processId]) => ({ modelId, processId })),
    modelCalls: new Map(graph.modelCalls.map(([from, to]) => [from, new Set(to)])),
    loadFindings: []
  };
  const { findings, models: statuses, summary } = report;
  return { findings, models: statuses, summary, index, changedModels: [], cache: "hit" };
}
function summarize(index, findings) {
  const worst = /* @__PURE__ */ new Map();
  for (const f of findings) {
    if (!f.modelId || f.severity === "info") continue;
    if (f.severity === "error" || !worst.has(f.modelId)) worst.set(f.modelId, f.severity);
  }
  const models = [...index.models.keys()].sort().map((id) => {
    const w = worst.get(id);
    return { id, status: w === "error" ? "error" : w === "warning" ? "warning" : "ok" };
  });
  return {
    findings,
    models,
    summary: {
      models: index.models.size,
      files: index.files.length,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length
    }
  };
}

export {
  rules,
  loaderRules,
  allRuleIds,
  validateRepo,
  summarize
};
