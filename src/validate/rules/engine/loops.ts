// Loops: a multi-instance task needs exactly one of cardinality or input collection, named in its io
// specification when it has one; a standard loop needs a maximum (a whole number) or a condition.
import type { Rule } from '../../rule.js';
import { NS, childrenNamed, firstChild } from '../../../models/xml.js';

export const loopCharacteristics: Rule = {
  id: 'loop-characteristics',
  severity: 'error',
  scope: 'walk',
  description:
    'multi-instance without exactly one of cardinality / input collection, or a loop without maximum or condition, or with a maximum that is no whole number',
  fix: 'Complete the loop settings of the task.',
  check({ analysis, report }) {
    for (const [doc, reached] of analysis.reachedByDoc) {
      // A file without loop characteristics has nothing to report.
      if (
        !doc.elements.has('standardLoopCharacteristics') &&
        !doc.elements.has('multiInstanceLoopCharacteristics')
      )
        continue;
      for (const { node, supported } of reached) {
        if (!supported) continue;
        const file = doc.file;
        for (const child of node.children) {
          if (child.ns !== NS.bpmn) continue;
          if (child.name === 'standardLoopCharacteristics') {
            // An empty loopCondition is no condition for the engine (its text is None).
            const condition = firstChild(child, NS.bpmn, 'loopCondition');
            // The parser reads loopMaximum with int(): anything Python's int() refuses fails the parse.
            const max = child.attrs.loopMaximum;
            if (max !== undefined && !/^\s*[+-]?\d+(?:_\d+)*\s*$/.test(max))
              report({
                file,
                node: child,
                attr: 'loopMaximum',
                message: `loopMaximum "${max}" of '${node.attrs.id}' is not a whole number: the parser reads it with int() and fails`,
              });
            if (child.attrs.loopMaximum === undefined && !condition?.text.trim())
              report({
                file,
                node: child,
                message: `A loopMaximum or loopCondition must be specified for Loop Tasks ('${node.attrs.id}')`,
              });
          } else if (child.name === 'multiInstanceLoopCharacteristics') {
            const card = firstChild(child, NS.bpmn, 'loopCardinality');
            const input = firstChild(child, NS.bpmn, 'loopDataInputRef');
            if (!card === !input)
              report({
                file,
                node: child,
                message: `A multiinstance task must specify exactly one of cardinality or loop input data reference ('${node.attrs.id}' has ${card ? 'both' : 'neither'})`,
              });
            // With an ioSpecification on the task, the loop references must name its data inputs (outputs).
            const io = firstChild(node, NS.bpmn, 'ioSpecification');
            if (!io) continue;
            const names = (kind: string) =>
              new Set(
                childrenNamed(io, NS.bpmn, kind).flatMap((d) => [d.attrs.id, d.attrs.name].filter(Boolean)),
              );
            const inputs = names('dataInput');
            const outputs = names('dataOutput');
            const output = firstChild(child, NS.bpmn, 'loopDataOutputRef');
            if (input && !inputs.has(input.text.trim()))
              report({
                file,
                node: input,
                message: `The loop input data reference is missing from the IO specification: '${input.text.trim()}' is no data input of '${node.attrs.id}'`,
              });
            if (output && !inputs.has(output.text.trim()) && !outputs.has(output.text.trim()))
              report({
                file,
                node: output,
                message: `The loop output data reference is missing from the IO specification: '${output.text.trim()}' is no data input or output of '${node.attrs.id}'`,
              });
          }
        }
      }
    }
  },
};
