// Generates a large synthetic models repository with realistic diagrams (DI included): groups of models,
// user tasks with forms, scripts, service tasks, gateways with conditions, call activities into library
// models and business rule tasks with DMN files beside them. Deterministic for a given size.
import fs from 'node:fs';
import path from 'node:path';

const dump = (v) => JSON.stringify(sortKeys(v), null, 4);
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys(v[k])]),
    );
  return v;
}

function rng(seed) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 4294967296;
}

function bpmn(processId, steps, rand, libProcesses) {
  const els = [];
  const flows = [];
  const shapes = [];
  const edges = [];
  let x = 150;
  const y = 200;
  const shape = (id, w, h, yy = y) => {
    shapes.push(
      `      <bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}">\n        <dc:Bounds x="${x}" y="${yy}" width="${w}" height="${h}" />\n      </bpmndi:BPMNShape>`,
    );
  };
  const edge = (id, x1, x2, yy = y + 40) => {
    edges.push(
      `      <bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">\n        <di:waypoint x="${x1}" y="${yy}" />\n        <di:waypoint x="${x2}" y="${yy}" />\n      </bpmndi:BPMNEdge>`,
    );
  };
  let prev = 'StartEvent_1';
  els.push(`    <bpmn:startEvent id="StartEvent_1" name="Start" />`);
  shape('StartEvent_1', 36, 36, y + 22);
  let n = 0;
  const connect = (to, condition) => {
    const id = `Flow_${n++}`;
    flows.push(
      condition
        ? `    <bpmn:sequenceFlow id="${id}" sourceRef="${prev}" targetRef="${to}">\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`
        : `    <bpmn:sequenceFlow id="${id}" sourceRef="${prev}" targetRef="${to}" />`,
    );
    edge(id, x - 50, x);
    return id;
  };
  const forms = [];
  let decision = null;
  for (let i = 0; i < steps; i++) {
    x += 150;
    const kind = Math.floor(rand() * 6);
    const id = `Activity_${i.toString(36)}${Math.floor(rand() * 1e6).toString(36)}`;
    connect(id);
    if (kind === 0) {
      const form = `step-${i}`;
      forms.push(form);
      els.push(`    <bpmn:userTask id="${id}" name="Review step ${i}">
      <bpmn:extensionElements>
        <spiffworkflow:properties>
          <spiffworkflow:property name="formJsonSchemaFilename" value="${form}-schema.json" />
          <spiffworkflow:property name="formUiSchemaFilename" value="${form}-uischema.json" />
        </spiffworkflow:properties>
        <spiffworkflow:instructionsForEndUser>Please review {{ item_${i} }} carefully.</spiffworkflow:instructionsForEndUser>
      </bpmn:extensionElements>
    </bpmn:userTask>`);
    } else if (kind === 1) {
      els.push(`    <bpmn:scriptTask id="${id}" name="Compute ${i}">
      <bpmn:script>total_${i} = sum(item["amount"] for item in items if item.get("active"))
if total_${i} &gt; ${i * 100}:
    status = "large"
else:
    status = "small"
summary = {"total": total_${i}, "status": status}</bpmn:script>
    </bpmn:scriptTask>`);
    } else if (kind === 2) {
      els.push(`    <bpmn:serviceTask id="${id}" name="Call service ${i}">
      <bpmn:extensionElements>
        <spiffworkflow:serviceTaskOperator id="http/GetRequestV2" resultVariable="response_${i}">
          <spiffworkflow:parameters>
            <spiffworkflow:parameter id="url" type="str" value="&#34;https://api.example.com/items/${i}&#34;" />
            <spiffworkflow:parameter id="headers" type="any" value="{}" />
          </spiffworkflow:parameters>
        </spiffworkflow:serviceTaskOperator>
        <spiffworkflow:preScript>attempt = attempt + 1 if "attempt" in globals() else 1</spiffworkflow:preScript>
      </bpmn:extensionElements>
    </bpmn:serviceTask>`);
    } else if (kind === 3 && libProcesses.length) {
      const called = libProcesses[Math.floor(rand() * libProcesses.length)];
      els.push(`    <bpmn:callActivity id="${id}" name="Run ${called}" calledElement="${called}" />`);
    } else if (kind === 4 && !decision) {
      decision = `decide_${processId}`;
      els.push(`    <bpmn:businessRuleTask id="${id}" name="Decide">
      <bpmn:extensionElements>
        <spiffworkflow:calledDecisionId>${decision}</spiffworkflow:calledDecisionId>
      </bpmn:extensionElements>
    </bpmn:businessRuleTask>`);
    } else {
      // exclusive split and join around two tasks
      els.push(`    <bpmn:exclusiveGateway id="${id}" name="Amount ok?" default="${id}_no" />`);
      shape(id, 50, 50, y + 15);
      prev = id;
      x += 150;
      els.push(
        `    <bpmn:manualTask id="${id}_a" name="Approve" />`,
        `    <bpmn:manualTask id="${id}_b" name="Reject" />`,
      );
      flows.push(
        `    <bpmn:sequenceFlow id="${id}_yes" sourceRef="${id}" targetRef="${id}_a">\n      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">amount &lt; ${i * 10} and approved == True</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>`,
        `    <bpmn:sequenceFlow id="${id}_no" sourceRef="${id}" targetRef="${id}_b" />`,
      );
      shape(`${id}_a`, 100, 80, y - 60);
      shape(`${id}_b`, 100, 80, y + 100);
      edge(`${id}_yes`, x - 100, x, y - 20);
      edge(`${id}_no`, x - 100, x, y + 140);
      x += 150;
      els.push(`    <bpmn:exclusiveGateway id="${id}_join" />`);
      flows.push(
        `    <bpmn:sequenceFlow id="${id}_ja" sourceRef="${id}_a" targetRef="${id}_join" />`,
        `    <bpmn:sequenceFlow id="${id}_jb" sourceRef="${id}_b" targetRef="${id}_join" />`,
      );
      shape(`${id}_join`, 50, 50, y + 15);
      prev = `${id}_join`;
      continue;
    }
    shape(id, 100, 80);
    prev = id;
  }
  x += 150;
  connect('EndEvent_1');
  els.push(`    <bpmn:endEvent id="EndEvent_1" name="Done" />`);
  shape('EndEvent_1', 36, 36, y + 22);
  // Like the modelers' output: every flow node lists its incoming and outgoing flows.
  const incoming = new Map();
  const outgoing = new Map();
  for (const f of flows) {
    const [, fid, src, tgt] = /id="([^"]+)" sourceRef="([^"]+)" targetRef="([^"]+)"/.exec(f);
    (outgoing.get(src) ?? outgoing.set(src, []).get(src)).push(fid);
    (incoming.get(tgt) ?? incoming.set(tgt, []).get(tgt)).push(fid);
  }
  for (let k = 0; k < els.length; k++) {
    const id = /id="([^"]+)"/.exec(els[k])[1];
    const refs = [
      ...(incoming.get(id) ?? []).map((f) => `      <bpmn:incoming>${f}</bpmn:incoming>`),
      ...(outgoing.get(id) ?? []).map((f) => `      <bpmn:outgoing>${f}</bpmn:outgoing>`),
    ].join('\n');
    if (!refs) continue;
    const tag = /^\s*<(bpmn:\w+)/.exec(els[k])[1];
    els[k] = els[k].endsWith('/>')
      ? `${els[k].slice(0, -2).trimEnd()}>\n${refs}\n    </${tag}>`
      : els[k].replace(new RegExp(`\\n\\s*</${tag}>$`), `\n${refs}\n    </${tag}>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:spiffworkflow="http://spiffworkflow.org/bpmn/schema/1.0/core" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_${processId}" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="4.11.1">
  <bpmn:process id="${processId}" name="${processId.replace(/_/g, ' ')}" isExecutable="true">
${els.join('\n')}
${flows.join('\n')}
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
${shapes.join('\n')}
${edges.join('\n')}
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
  return { xml, forms, decision };
}

function dmn(decision) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_${decision}" name="${decision}" namespace="http://camunda.org/schema/1.0/dmn">
  <decision id="${decision}" name="${decision}">
    <decisionTable id="DecisionTable_${decision}" hitPolicy="FIRST">
      <input id="Input_1" label="Amount"><inputExpression id="InputExpression_1" typeRef="number"><text>amount</text></inputExpression></input>
      <output id="Output_1" label="Level" name="level" typeRef="string" />
      <rule id="Rule_1"><inputEntry id="UnaryTests_1"><text>&lt; 100</text></inputEntry><outputEntry id="LiteralExpression_1"><text>"low"</text></outputEntry></rule>
      <rule id="Rule_2"><inputEntry id="UnaryTests_2"><text>&gt;= 100</text></inputEntry><outputEntry id="LiteralExpression_2"><text>"high"</text></outputEntry></rule>
    </decisionTable>
  </decision>
</definitions>
`;
}

export function generate(dir, models = 2000, seed = 42) {
  fs.rmSync(dir, { recursive: true, force: true });
  const rand = rng(seed);
  const write = (rel, text) => {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  };
  const groups = Math.max(1, Math.round(models / 50));
  const libs = [];
  write('shared/process_group.json', dump({ description: 'Library processes', display_name: 'Shared' }));
  for (let i = 0; i < Math.min(20, Math.ceil(models / 100)); i++) {
    const pid = `shared_step_${i}`;
    const { xml, forms, decision } = bpmn(pid, 4, rand, []);
    if (decision) write(`shared/lib-${i}/decision.dmn`, dmn(decision));
    for (const f of forms) write(`shared/lib-${i}/${f}-schema.json`, dump({ title: f, type: 'object' }));
    for (const f of forms) write(`shared/lib-${i}/${f}-uischema.json`, dump({}));
    write(
      `shared/lib-${i}/process_model.json`,
      dump({
        description: '',
        display_name: `Library ${i}`,
        primary_file_name: `lib-${i}.bpmn`,
        primary_process_id: pid,
      }),
    );
    write(`shared/lib-${i}/lib-${i}.bpmn`, xml);
    libs.push(pid);
  }
  let made = 0;
  for (let g = 0; g < groups && made < models; g++) {
    write(
      `dept-${g}/process_group.json`,
      dump({ description: `Department ${g}`, display_name: `Department ${g}` }),
    );
    for (let m = 0; m < 50 && made < models; m++, made++) {
      const pid = `process_${g}_${m}`;
      const steps = 8 + Math.floor(rand() * 30);
      const { xml, forms, decision } = bpmn(pid, steps, rand, libs);
      const dirRel = `dept-${g}/team-${m % 5}/model-${m}`;
      if (m < 5)
        write(
          `dept-${g}/team-${m % 5}/process_group.json`,
          dump({ description: '', display_name: `Team ${m % 5}` }),
        );
      write(
        `${dirRel}/process_model.json`,
        dump({
          description: `Model ${m} of department ${g}`,
          display_name: `Model ${g}-${m}`,
          exception_notification_addresses: [],
          fault_or_suspend_on_exception: 'fault',
          metadata_extraction_paths: null,
          primary_file_name: `model-${m}.bpmn`,
          primary_process_id: pid,
        }),
      );
      write(`${dirRel}/model-${m}.bpmn`, xml);
      for (const f of forms) {
        write(
          `${dirRel}/${f}-schema.json`,
          dump({
            properties: {
              comment: { title: 'Comment', type: 'string' },
              ok: { title: 'OK?', type: 'boolean' },
            },
            required: ['ok'],
            title: f,
            type: 'object',
          }),
        );
        write(`${dirRel}/${f}-uischema.json`, dump({ comment: { 'ui:widget': 'textarea' } }));
      }
      if (decision) write(`${dirRel}/decision.dmn`, dmn(decision));
    }
  }
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/.work/validate-repo', n = '2000'] = process.argv.slice(2);
  generate(dir, Number(n));
  console.log(`generated ${n} models in ${dir}`);
}
