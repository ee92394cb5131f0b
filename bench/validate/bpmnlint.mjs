// bpmnlint with its recommended preset over a list of .bpmn files (a JSON array in the file given), the way
// its CLI lints: bpmn-moddle reads each file, the linter runs every rule. Usage: node bpmnlint.mjs LIST
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const { BpmnModdle } = await import(path.join(root, 'node_modules/bpmn-moddle/dist/index.js'));

const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const linter = new Linter({ config: { extends: 'bpmnlint:recommended' }, resolver: new NodeResolver() });
const moddle = new BpmnModdle();
let reports = 0;
for (const f of files) {
  const { rootElement } = await moddle.fromXML(fs.readFileSync(f, 'utf8'));
  const results = await linter.lint(rootElement);
  for (const k of Object.keys(results)) reports += results[k].length;
}
console.log(`${files.length} files, ${reports} reports`);
