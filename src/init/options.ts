// The options of `spiff-models init` (a CLI command only: the action has no use for it).
import type { CommandSpec } from '../util/options.js';

export const initSpec = {
  name: 'init',
  summary: 'set up a models repository: the workflows, a .spiff-models.yml, then validate',
  synopsis: 'spiff-models init [DIR] [options]',
  intro: `Writes .github/workflows/ (pull request, push, promote, release) adapted to the repository in DIR (default .)
and a .spiff-models.yml at the models root, prints what it wrote and what to set up next, then validates.`,
  options: {
    path: {
      type: 'string',
      input: null,
      arg: 'DIR',
      doc: 'the models root inside the repository (default: found from the process_model.json files)',
    },
    branches: {
      type: 'string',
      input: null,
      arg: 'A,B,C',
      default: 'dev,staging,prod',
      doc: 'the environment branches, in promotion order',
    },
    image: {
      type: 'string',
      input: null,
      arg: 'NAME',
      doc: 'the image repository to bake into (default: ghcr.io/<owner>/<repo>-backend)',
    },
    force: { type: 'boolean', input: null, default: false, doc: 'overwrite files that exist' },
    dryRun: {
      type: 'boolean',
      input: null,
      default: false,
      doc: 'print what would be written; write nothing',
    },
    validate: {
      type: 'boolean',
      input: null,
      default: true,
      doc: 'validate after writing',
      flagDoc: 'do not validate after writing',
    },
  },
  outputs: {},
  epilogue:
    'Exit codes: 0 written and valid, 1 written but validation found errors, 2 usage problem or files exist (nothing written).',
} as const satisfies CommandSpec;
