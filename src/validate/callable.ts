// Which process definitions a call activity can reach: the backend resolves calledElement only through the
// reference cache it builds at boot (DataSetupService._extract_process_model_references), which indexes the
// .bpmn files directly inside process-model directories, and drops every process of a model whose file
// listing fails or any of whose .bpmn/.dmn files does not parse.
import type { ModelsIndex, ProcessDef } from '../models/types.js';
import { DMN_NAMESPACES } from '../models/xml.js';
import { ALLOWED_EXTENSIONS } from './extensions.js';

export interface CallableProcesses {
  /** The definition a calledElement resolves to, if the cache holds one. */
  resolve(processId: string): ProcessDef | undefined;
  /** Why a definition is not in the cache (undefined when it is). */
  whyNot(def: ProcessDef): string | undefined;
}

export function callableProcesses(index: ModelsIndex): CallableProcesses {
  const brokenModels = new Map<string, string>();
  for (const model of index.models.values()) {
    for (const file of model.files) {
      if (file.name.startsWith('.')) continue;
      if (!ALLOWED_EXTENSIONS.has(file.ext)) {
        brokenModels.set(model.id, `listing its files fails on ${file.name} (extension not allowed)`);
        break;
      }
      if (file.ext !== 'bpmn' && file.ext !== 'dmn') continue; // (JSON and the rest: no document)
      const doc = file.ext === 'bpmn' ? index.bpmn.get(file.path) : index.dmn.get(file.path);
      if (!doc) continue;
      const dmnBroken =
        file.ext === 'dmn' &&
        doc.root &&
        (!DMN_NAMESPACES.has(doc.root.ns) ||
          doc.root.name !== 'definitions' ||
          !('decisions' in doc && doc.decisions.length));
      if (!doc.root || dmnBroken) {
        brokenModels.set(model.id, `its file ${file.name} does not load`);
        break;
      }
    }
  }
  const whyNot = (def: ProcessDef): string | undefined => {
    if (def.modelId === null) return `${def.file.path} is not directly inside a process-model directory`;
    const broken = brokenModels.get(def.modelId);
    return broken && `model '${def.modelId}' is left out: ${broken}`;
  };
  return {
    resolve: (processId) => index.processes.get(processId)?.find((d) => whyNot(d) === undefined),
    whyNot,
  };
}
