// Messages: ids and correlations the engine checks when a file is loaded, and message start events that
// two models would both claim.
import { NS, childrenNamed, firstChild, flat } from '../../models/xml.js';
import type { Rule } from '../rule.js';
import { bpmnElements } from './util.js';
import type { BpmnDoc } from '../../models/types.js';
import type { XNode } from '../../models/xml.js';

export const messageDefinition: Rule = {
  id: 'message-definition',
  severity: 'error',
  scope: 'files',
  description:
    'a bpmn:message has no id, or a correlation property lacks a retrieval expression or its messageRef',
  fix: 'Give every message an id and every correlation property a retrieval expression per message.',
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'message')) {
      if (!node.attrs.id) report({ file, node, message: 'Message identifier is missing from bpmn xml' });
    }
    for (const { file, node } of bpmnElements(index, 'correlationProperty')) {
      const id = node.attrs.id;
      if (!id) {
        report({ file, node, message: 'Correlation identifier is missing from bpmn xml' });
        continue;
      }
      const exprs = childrenNamed(node, NS.bpmn, 'correlationPropertyRetrievalExpression');
      if (exprs.length === 0) {
        report({
          file,
          node,
          message: `Correlation is missing correlation property retrieval expressions: ${id}`,
        });
        continue;
      }
      for (const e of exprs) {
        if (!e.attrs.messageRef)
          report({
            file,
            node: e,
            message: `Message identifier is missing from correlation property: ${id}`,
          });
      }
    }
  },
};

export const correlationExpressionEmpty: Rule = {
  id: 'correlation-expression-empty',
  severity: 'warning',
  scope: 'files',
  description:
    'a correlation property has an empty retrieval expression for a message: the engine drops it, so it never correlates',
  fix: 'Write the expression that reads the key from the message payload, or remove the correlation property.',
  check({ index, report }) {
    for (const { file, node } of bpmnElements(index, 'correlationProperty')) {
      for (const e of childrenNamed(node, NS.bpmn, 'correlationPropertyRetrievalExpression')) {
        const formal = firstChild(e, NS.bpmn, 'messagePath') ?? e.children[0];
        if (!formal || !formal.text.trim())
          report({
            file,
            node: e,
            message: `correlation property '${node.attrs.id}' has an empty retrieval expression for message '${e.attrs.messageRef ?? ''}': the engine ignores it, so messages are never matched on this key`,
          });
      }
    }
  },
};

/**
 * The message event definitions of every start event in a file, nested ones included: the backend lists a
 * file's start messages with ProcessParser.start_messages, an xpath over the whole document
 * (`//bpmn:startEvent/bpmn:messageEventDefinition`), whichever process the start event belongs to.
 */
function messageStartDefinitions(doc: BpmnDoc): XNode[] {
  return (doc.elements.get('startEvent') ?? [])
    .filter((s) => s.ns === NS.bpmn)
    .flatMap((s) => childrenNamed(s, NS.bpmn, 'messageEventDefinition'));
}

export const messageStartRef: Rule = {
  id: 'message-start-ref',
  severity: 'error',
  scope: 'files',
  description:
    'a message start event has no messageRef, or one that names no bpmn:message of its file: the backend fails indexing the file',
  fix: 'Pick the message in the modeler (or define it in this file), or make it a plain start event.',
  check({ index, report }) {
    for (const doc of index.bpmn.values()) {
      // The backend indexes the .bpmn files of process-model directories only.
      if (!doc.file.modelId) continue;
      for (const def of messageStartDefinitions(doc)) {
        const ref = def.attrs.messageRef;
        const start = def.parent?.attrs.id ?? '';
        if (ref === undefined)
          report({
            file: doc.file,
            node: def,
            message: `Could not find messageRef from message event definition: message start event '${start}' names no message, so the backend cannot index this file (its processes cannot be called, the model does not load at boot)`,
          });
        else if (!doc.byId.some(ref, (n) => n.ns === NS.bpmn && n.name === 'message'))
          report({
            file: doc.file,
            node: def,
            attr: 'messageRef',
            message: `message start event '${start}': messageRef="${ref}" names no bpmn:message in this file; the backend crashes reading its name when it indexes the file (start_messages), wherever the event sits`,
          });
      }
    }
  },
};

export const messageStartConflict: Rule = {
  id: 'message-start-conflict',
  severity: 'error',
  scope: 'files',
  description: 'two models start on the same message name',
  fix: 'Rename one of the messages, or start only one model with it.',
  check({ index, report, shared }) {
    // Every directory adds its start messages; which models share a name is known once all are read.
    const { starts, models: modelsOf } = shared(() => ({
      starts: new Map<string, { path: string; modelId: string }[]>(),
      models: new Map<string, string[]>(),
    }));
    for (const doc of index.bpmn.values()) {
      const modelId = doc.file.modelId;
      if (!modelId) continue;
      // Every message start event of the file counts, an event sub-process's included (start_messages).
      for (const def of messageStartDefinitions(doc)) {
        const ref = def.attrs.messageRef;
        const msg = ref ? (doc.byId.get(ref) ?? []).find((n) => n.name === 'message') : undefined;
        const found = msg?.attrs.name ?? ref;
        if (!found) continue;
        // A flat copy: the map and `later` keep it past the tree (see models/xml.ts flat).
        const name = flat(found);
        let list = starts.get(name);
        if (!list) starts.set(name, (list = []));
        list.push({ path: doc.file.path, modelId });
        report({
          file: doc.file,
          node: def,
          message: '',
          later: () => {
            let models = modelsOf.get(name);
            if (!models) {
              // In the order of the files' paths (each file's in document order), whatever order they came in.
              const byPath = (starts.get(name) ?? [])
                .map((e, i) => ({ e, i }))
                .sort((x, y) => (x.e.path < y.e.path ? -1 : x.e.path > y.e.path ? 1 : x.i - y.i));
              modelsOf.set(name, (models = [...new Set(byPath.map(({ e }) => e.modelId))]));
            }
            if (models.length < 2) return undefined;
            return {
              message: `message '${name}' starts more than one model (${models.join(', ')}): the backend cannot tell which to start`,
            };
          },
        });
      }
    }
  },
};
