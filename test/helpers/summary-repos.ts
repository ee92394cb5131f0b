// Models repositories for the summary tests (and for looking at the rendered summary): one with dozens of
// errors spread over groups with calls between models, and one with thousands of findings.
import { chain, definitions, groupJson, modelJson, processXml, type Tree } from './bpmn.js';

export const processOf = (modelId: string): string => `p_${modelId.replace(/[/-]/g, '_')}`;

/** A model whose primary process runs through the given elements (service tasks, user tasks, calls). */
export function model(
  tree: Tree,
  id: string,
  parts: { serviceTasks?: number; emptyScripts?: number; calls?: string[] },
): void {
  const middle: string[] = [];
  const ids: string[] = [];
  for (let i = 0; i < (parts.emptyScripts ?? 0); i++) {
    middle.push(`    <bpmn:scriptTask id="sc${i}" />`);
    ids.push(`sc${i}`);
  }
  for (let i = 0; i < (parts.serviceTasks ?? 0); i++) {
    middle.push(`    <bpmn:serviceTask id="st${i}" />`);
    ids.push(`st${i}`);
  }
  (parts.calls ?? []).forEach((called, i) => {
    middle.push(`    <bpmn:callActivity id="ca${i}" calledElement="${called}" />`);
    ids.push(`ca${i}`);
  });
  const name = id.slice(id.lastIndexOf('/') + 1);
  tree[`${id}/process_model.json`] = modelJson(`${name}.bpmn`, processOf(id));
  tree[`${id}/${name}.bpmn`] = definitions(processXml(processOf(id), chain(middle, ids)));
}

export const DOZENS = { errors: 68, errorModels: 30, emptyScriptWarnings: 44, cleanModels: 60 };

/**
 * 30 models with 68 errors (service tasks without an operator, one call of a process that does not exist),
 * 44 script tasks without a script (warnings), and 60 clean models; finance/invoice-0 calls hr/hire-1, lib/lib-0
 * calls finance/invoice-3, lib/lib-1 calls lib/lib-2 (no finding on either side).
 */
export function dozensOfErrors(root = ''): Tree {
  const tree: Tree = {};
  const at = (p: string) => (root ? `${root}/${p}` : p);
  const t: Tree = {};
  for (const g of ['finance', 'hr', 'ops', 'lib']) t[`${g}/process_group.json`] = groupJson(g);
  const bad = [
    ...Array.from({ length: 10 }, (_, i) => `finance/invoice-${i}`),
    ...Array.from({ length: 10 }, (_, i) => `hr/hire-${i}`),
    ...Array.from({ length: 10 }, (_, i) => `ops/run-${i}`),
  ];
  bad.forEach((id, k) => {
    const calls =
      id === 'finance/invoice-0' ? [processOf('hr/hire-1')] : id === 'ops/run-0' ? ['nope_process'] : [];
    const serviceTasks = id === 'ops/run-0' ? 1 : k < 8 ? 3 : 2;
    model(t, id, { serviceTasks, emptyScripts: k < 14 ? 2 : 1, calls });
  });
  for (let j = 0; j < DOZENS.cleanModels; j++) {
    const calls = j === 0 ? [processOf('finance/invoice-3')] : j === 1 ? [processOf('lib/lib-2')] : [];
    model(t, `lib/lib-${j}`, { calls });
  }
  for (const [k, v] of Object.entries(t)) tree[at(k)] = v;
  return tree;
}

/** `n` models with long names, each with one error and one warning: a summary far over 1 MiB uncut. */
export function thousandsOfFindings(n: number): Tree {
  const t: Tree = { 'big/process_group.json': groupJson('big') };
  for (let i = 0; i < n; i++)
    model(t, `big/a-model-with-a-rather-long-directory-name-to-fill-the-summary-${i}`, {
      serviceTasks: 1,
      emptyScripts: 1,
    });
  return t;
}
