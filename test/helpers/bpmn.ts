// Small builders for models trees used by the validate tests: a valid base repo and BPMN snippets.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type Tree = Record<string, string | Buffer | null>;

const made: string[] = [];

/** Writes a tree into a new temp dir (null deletes nothing: it is just skipped). */
export function writeTree(
  tree: Tree,
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spiff-validate-')),
): string {
  made.push(dir);
  for (const [rel, content] of Object.entries(tree)) {
    if (content === null) continue;
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
  return dir;
}

export function cleanTrees(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

/** Python's json.dumps(indent=4, sort_keys=True): the format the backend writes. */
export function canonical(value: unknown): string {
  const sort = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sort)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sort(value), null, 4);
}

export function definitions(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="defs">
${body}
</bpmn:definitions>
`;
}

/** A process whose body is given; `flow(a, b)` and `seq()` help writing it. */
export function processXml(id: string, body: string, attrs = 'isExecutable="true"'): string {
  return `  <bpmn:process id="${id}" ${attrs}>\n${body}\n  </bpmn:process>`;
}

export function flow(id: string, from: string, to: string, condition?: string): string {
  return condition === undefined
    ? `    <bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}" />`
    : `    <bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>`;
}

/** start -> (middle elements in order) -> end, connected by flows f0, f1, ... */
export function chain(middle: string[], ids: string[]): string {
  const nodes = ['start', ...ids, 'end'];
  const flows = nodes.slice(1).map((to, i) => flow(`f${i}`, nodes[i], to));
  return ['    <bpmn:startEvent id="start" />', ...middle, '    <bpmn:endEvent id="end" />', ...flows].join(
    '\n',
  );
}

export function modelJson(
  primaryFile: string | null,
  primaryProcess: string | null,
  extra: Record<string, unknown> = {},
): string {
  return canonical({
    description: '',
    display_name: 'A model',
    exception_notification_addresses: [],
    fault_or_suspend_on_exception: 'fault',
    metadata_extraction_paths: null,
    primary_file_name: primaryFile ?? '',
    primary_process_id: primaryProcess ?? '',
    ...extra,
  });
}

export function groupJson(displayName = 'A group', extra: Record<string, unknown> = {}): string {
  return canonical({ description: '', display_name: displayName, ...extra });
}

/** A valid repo: group g with model g/m whose primary process p runs start -> task -> end. */
export function baseTree(): Tree {
  return {
    'gg/process_group.json': groupJson(),
    'gg/mmm/process_model.json': modelJson('m.bpmn', 'p'),
    'gg/mmm/m.bpmn': definitions(processXml('p', chain(['    <bpmn:task id="t" />'], ['t']))),
  };
}

/** The base repo with the model's BPMN replaced by a process p with this body. */
export function withProcess(body: string, extra: Tree = {}): Tree {
  return { ...baseTree(), 'gg/mmm/m.bpmn': definitions(processXml('p', body)), ...extra };
}
