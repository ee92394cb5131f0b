// bench/validate/attributes: validate a model whose one task has N attributes (plain, prefixed, or each with
// its own namespace declaration), to show the scanner stays linear. Usage:
//   node bench/validate/attributes.mjs [N=100000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundleSource } from '../../scripts/esbuild-shared.mjs';

const n = Number(process.argv[2] ?? 100_000);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-bench-attrs-'));
const { validateRepo } = await import(
  await bundleSource(`export { validateRepo } from './src/validate/validate.ts';`, path.join(work, 'v.mjs'))
);

const kinds = {
  plain: (i) => ` a${i}="v"`,
  prefixed: (i) => ` spiffworkflow:a${i}="v"`,
  'own namespace': (i) => ` xmlns:p${i}="urn:x${i}" p${i}:a="v"`,
};
for (const [kind, make] of Object.entries(kinds)) {
  const attrs = Array.from({ length: n }, (_, i) => make(i)).join('');
  const dir = path.join(work, kind.replace(' ', '-'));
  fs.mkdirSync(path.join(dir, 'g/m'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'g/process_group.json'), '{"display_name": "g"}');
  fs.writeFileSync(
    path.join(dir, 'g/m/process_model.json'),
    JSON.stringify({ display_name: 'm', primary_file_name: 'm.bpmn', primary_process_id: 'p' }),
  );
  fs.writeFileSync(
    path.join(dir, 'g/m/m.bpmn'),
    `<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" ` +
      `xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" id="d"><bpmn:process id="p">` +
      `<bpmn:startEvent id="s"/><bpmn:task id="t"${attrs}/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>` +
      `</bpmn:process></bpmn:definitions>`,
  );
  const started = performance.now();
  const report = await validateRepo(dir);
  const ms = performance.now() - started;
  console.log(
    `${kind.padEnd(14)} ${n} attributes: report in ${ms.toFixed(0)} ms (${report.summary.errors} errors, ` +
      `${report.summary.warnings} warnings)`,
  );
}
fs.rmSync(work, { recursive: true, force: true });
