// Regenerates what is derived from the code: the README's rule reference (from the rule table in src/) and the
// action's inputs and outputs per command (from action.yml), the config JSON Schema (rule ids and settings) and
// the precompiled validators of both schemas (ajv standalone code: no ajv, and no schema compiling, at run
// time). `--check` exits 1 when any of them is out of date.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSource } from './esbuild-shared.mjs';
import YAML from 'yaml';
import Ajv from 'ajv';
import * as prettier from 'prettier';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const out = path.join(os.tmpdir(), `spiff-docs-${process.pid}.mjs`);
await bundleSource("export { rules, loaderRules } from './src/validate/rules/index.ts';", out);
const { rules, loaderRules } = await import(out);
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

const COMMANDS = ['validate', 'bake', 'promote', 'publish', 'notify'];

/** Which commands an input/output belongs to, from its description's "promote, publish: ..." segments. */
function commandsOf(description) {
  const found = new Set();
  for (const m of (description ?? '').matchAll(/(?:^|\.\s+)([a-z ,()]+):\s/g))
    for (const c of COMMANDS) if (new RegExp(`\\b${c}\\b`).test(m[1])) found.add(c);
  return found.size ? COMMANDS.filter((c) => found.has(c)) : ['all'];
}

/** The description without its command prefix when it has a single one. */
function textOf(description) {
  const segments = [...(description ?? '').matchAll(/(?:^|\.\s+)([a-z ,()]+):\s/g)];
  return segments.length === 1 ? description.replace(/^[a-z ,()]+:\s*/, '') : (description ?? '');
}

function actionTables() {
  const action = YAML.parse(fs.readFileSync(path.join(root, 'action.yml'), 'utf8'), { uniqueKeys: true });
  const lines = [];
  for (const [kind, entries] of [
    ['Inputs', action.inputs],
    ['Outputs', action.outputs],
  ]) {
    lines.push(
      `#### ${kind}`,
      '',
      `| ${kind === 'Inputs' ? 'input' : 'output'} | commands | ${kind === 'Inputs' ? 'default | ' : ''}description |`,
    );
    lines.push(kind === 'Inputs' ? '|---|---|---|---|' : '|---|---|---|');
    for (const [name, spec] of Object.entries(entries)) {
      const desc = spec.description ?? '';
      const cmds = commandsOf(desc).join(', ');
      const text = textOf(desc);
      const def = spec.default === undefined ? '' : `\`${cell(spec.default)}\``;
      lines.push(
        kind === 'Inputs'
          ? `| \`${name}\` | ${cmds} | ${def} | ${cell(text)} |`
          : `| \`${name}\` | ${cmds} | ${cell(text)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

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

let stale = false;
for (const [file, text] of [
  [
    path.join(schemaDir, 'config.schema.json'),
    await prettier.format(JSON.stringify(config), {
      ...(await prettier.resolveConfig(path.join(schemaDir, 'config.schema.json'))),
      parser: 'json',
    }),
  ],
  [path.join(root, 'src/generated/schemas.ts'), validators],
]) {
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (old === text) continue;
  if (check) {
    console.error(`${path.relative(root, file)} is out of date: run \`npm run docs\` and commit it`);
    stale = true;
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`${path.relative(root, file)} updated`);
  }
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
if (check) {
  if (after !== before) console.error('README.md is out of date: run `npm run docs` and commit it');
  if (after !== before || stale) process.exit(1);
} else if (after !== before) {
  fs.writeFileSync(readmePath, after);
  console.log('README.md updated');
}
