// Regenerates what is derived from the code: the README's rule reference (from the rule table in src/), and
// action.yml's inputs and outputs with the README's action tables (from each command's declared options,
// src/*/options.ts), the config JSON Schema (rule ids and settings) and the precompiled validators of both
// schemas (ajv standalone code: no ajv, and no schema compiling, at run time). `--check` exits 1 when any of
// them is out of date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSource } from './esbuild-shared.mjs';
import * as prettier from 'prettier';
import YAML from 'yaml';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const out = path.join(os.tmpdir(), `spiff-docs-${process.pid}.mjs`);
await bundleSource(
  [
    "export { rules, loaderRules } from './src/validate/rules/index.ts';",
    "export { COMMAND_SPECS, actionInputs, actionOutputs, describe } from './src/action/specs.ts';",
    "export { camel, cliFlag, inputOf } from './src/util/options.ts';",
  ].join('\n'),
  out,
);
const { rules, loaderRules, COMMAND_SPECS, actionInputs, actionOutputs, describe, camel, cliFlag, inputOf } =
  await import(out);
fs.rmSync(out, { force: true });

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

function rulesTable() {
  const all = [...rules, ...loaderRules].sort((a, b) =>
    a.severity === b.severity ? a.id.localeCompare(b.id) : a.severity === 'error' ? -1 : 1,
  );
  return [
    '| rule | default | what it catches | how to fix |',
    '|---|---|---|---|',
    ...all.map(
      (r) =>
        `| <a id="rule-${r.id}"></a>\`${r.id}\` | ${r.severity} | ${cell(r.description)} | ${cell(r.fix)} |`,
    ),
  ].join('\n');
}

/** Markdown cell with the CLI spelling(s) of an input: `--x` (validate, bake), `--y` (notify). */
function flagsOf(name) {
  const flags = new Map();
  for (const spec of COMMAND_SPECS)
    for (const [key, o] of Object.entries(spec.options)) {
      if (inputOf(o, key) !== name) continue;
      const f = cliFlag(o, key);
      const text = f
        ? `\`--${f}\``
        : spec.name === 'validate' || spec.name === 'bake'
          ? name === 'path'
            ? '`DIR`'
            : ''
          : '';
      if (name === 'models' && spec.name === 'publish') flags.set('`MODEL_ID...`', [spec.name]);
      else if (text) flags.set(text, [...(flags.get(text) ?? []), spec.name]);
    }
  return [...flags.keys()].join(', ');
}

function actionTables() {
  const lines = [
    '#### Inputs',
    '',
    '| input | CLI | commands | default | description |',
    '|---|---|---|---|---|',
  ];
  for (const e of actionInputs()) {
    const def = e.default === undefined ? '' : `\`${cell(e.default)}\``;
    const cmds =
      e.commands.length === 0 || e.commands.length === COMMAND_SPECS.length
        ? 'all'
        : [...new Set(e.commands)].join(', ');
    const text = e.docs.length === 1 ? e.docs[0].doc : describe(e);
    lines.push(`| \`${e.name}\` | ${flagsOf(e.name)} | ${cmds} | ${def} | ${cell(text)} |`);
  }
  lines.push(
    '',
    '#### Outputs',
    '',
    'With `--json` the CLI prints the same values under camelCase keys (`image-id` is `imageId`).',
    '',
  );
  lines.push('| output | `--json` key | commands | description |', '|---|---|---|---|');
  for (const e of actionOutputs()) {
    const text = e.docs.length === 1 ? e.docs[0].doc : describe(e);
    lines.push(`| \`${e.name}\` | \`${camel(e.name)}\` | ${e.commands.join(', ')} | ${cell(text)} |`);
  }
  return lines.join('\n');
}

/** action.yml below its header: every input and output, from the commands' declarations. */
function actionYml(before) {
  const at = before.indexOf('\ninputs:');
  if (at < 0) throw new Error('action.yml has no inputs: block');
  const header = before.slice(0, at).replace(/\n# Inputs and outputs below:.*\n?$/, '');
  const inputs = {};
  for (const e of actionInputs()) {
    inputs[e.name] = { description: describe(e), required: false };
    if (e.default !== undefined) inputs[e.name].default = e.default;
  }
  const outputs = {};
  for (const e of actionOutputs()) outputs[e.name] = { description: describe(e) };
  const yaml = (o) =>
    YAML.stringify(o, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `${header}\n# Inputs and outputs below: generated from src/*/options.ts by \`npm run docs\`.\n${yaml({ inputs })}\n${yaml({ outputs })}`;
}

const readmePath = path.join(root, 'README.md');
const before = fs.readFileSync(readmePath, 'utf8');
let after = before;
const blocks = { rules: rulesTable, action: actionTables };
for (const [name, render] of Object.entries(blocks)) {
  const re = new RegExp(`(<!-- generated: ${name}[^>]*-->\\n)[\\s\\S]*?(<!-- end generated: ${name} -->)`);
  if (!re.test(after)) {
    console.error(`README.md has no "<!-- generated: ${name} -->" block`);
    process.exit(1);
  }
  after = after.replace(re, (_m, open, close) => `${open}${render()}\n${close}`);
}
// The example workflows, embedded for `spiff-models init` (dist/cli.js runs without the repository's files).
const templatesPath = path.join(root, 'src/init/templates.ts');
const templatesBefore = fs.existsSync(templatesPath) ? fs.readFileSync(templatesPath, 'utf8') : '';
const workflowsDir = path.join(root, 'examples/workflows');
const workflows = Object.fromEntries(
  fs
    .readdirSync(workflowsDir)
    .filter((f) => f.endsWith('.yml'))
    .sort()
    .map((f) => [f, fs.readFileSync(path.join(workflowsDir, f), 'utf8')]),
);
const templatesAfter = await prettier.format(
  [
    '// Generated from examples/workflows by `npm run docs`: the workflows `spiff-models init` adapts and writes.',
    `export const WORKFLOWS: Record<string, string> = ${JSON.stringify(workflows, null, 2)};`,
    '',
  ].join('\n'),
  { ...(await prettier.resolveConfig(templatesPath)), filepath: templatesPath },
);

// Where editors fetch the schemas from (README: `# yaml-language-server: $schema=...`).
const SCHEMA_BASE = 'https://raw.githubusercontent.com/spiff-models/spiff-models/main/schemas';

function configSchema() {
  const all = [...rules, ...loaderRules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}/config.schema.json`,
    title: 'spiff-models configuration (.spiff-models.yml / .spiff-models.json)',
    description: 'Severities per rule. See the rule reference in the README.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'This schema, for editors.' },
      rules: {
        type: 'object',
        description: 'Rule id -> off | warning | error (warn is accepted for warning).',
        additionalProperties: false,
        properties: Object.fromEntries(
          all.map((r) => [
            r.id,
            {
              description: `${r.description} (default: ${r.severity})`,
              // A crashing rule must never pass quietly.
              enum: r.id === 'rule-error' ? ['error'] : ['off', 'warning', 'warn', 'error', 'info'],
            },
          ]),
        ),
      },
    },
  };
}

const schemaDir = path.join(root, 'schemas');
const environmentsSchema = JSON.parse(
  fs.readFileSync(path.join(schemaDir, 'environments.schema.json'), 'utf8'),
);
const config = configSchema();
const ajv = new Ajv.default({
  code: { source: true, esm: true },
  allErrors: true,
  strict: true,
  strictRequired: false,
});
ajv.addSchema(config);
ajv.addSchema(environmentsSchema);
const validators = [
  '// Generated by `npm run docs` from schemas/*.schema.json (ajv standalone code): do not edit.',
  '// @ts-nocheck',
  '/* eslint-disable */',
  standaloneCode.default(ajv, {
    validateConfig: config.$id,
    validateEnvironments: environmentsSchema.$id,
  }),
  '',
].join('\n');

const configSchemaPath = path.join(schemaDir, 'config.schema.json');
const configSchemaAfter = await prettier.format(JSON.stringify(config), {
  ...(await prettier.resolveConfig(configSchemaPath)),
  parser: 'json',
});
const validatorsPath = path.join(root, 'src/generated/schemas.ts');
const readOrNull = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);

const actionPath = path.join(root, 'action.yml');
const actionBefore = fs.readFileSync(actionPath, 'utf8');
// Formatted as `prettier --check` wants it (quotes, wrapping), so the generated file passes the format check.
const actionAfter = await prettier.format(actionYml(actionBefore), {
  ...(await prettier.resolveConfig(actionPath)),
  filepath: actionPath,
});
const stale = [
  ['README.md', readmePath, before, after],
  ['action.yml', actionPath, actionBefore, actionAfter],
  ['src/init/templates.ts', templatesPath, templatesBefore, templatesAfter],
  ['schemas/config.schema.json', configSchemaPath, readOrNull(configSchemaPath), configSchemaAfter],
  ['src/generated/schemas.ts', validatorsPath, readOrNull(validatorsPath), validators],
].filter(([, , b, a]) => b !== a);
for (const [name, file, , text] of stale) {
  if (check) console.error(`${name} is out of date: run \`npm run docs\` and commit it`);
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`${name} updated`);
  }
}
if (check && stale.length) process.exit(1);
