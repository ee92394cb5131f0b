// What `spiff-models init` writes, as plain data: the example workflows adapted to the repository (models
// root, branch names, image) and a validation config with its $schema. No file system access here.
import { WORKFLOWS } from './templates.js';

/** Where the config schema is published: the file helper `gate` ships, at the major tag users pin. */
export const CONFIG_SCHEMA_URL =
  'https://raw.githubusercontent.com/spiff-models/spiff-models/v1/schemas/config.schema.json';

export interface InitSettings {
  /** The models root relative to the repository, '.' for the repository itself. */
  root: string;
  /** The environment branches, in promotion order (three: the examples' dev, staging, prod). */
  branches: [string, string, string];
  /** The image repository to bake into; null keeps the workflows' default (ghcr.io/<owner>/<repo>-backend). */
  image: string | null;
}

export interface PlannedFile {
  /** Relative to the repository. */
  path: string;
  text: string;
}

const EXAMPLE_ROOT = 'process-models';
const EXAMPLE_BRANCHES = ['dev', 'staging', 'prod'] as const;

function adapt(text: string, s: InitSettings): string {
  let out = text;
  if (s.root === '.') {
    out = out.replaceAll(`'${EXAMPLE_ROOT}/**'`, "'**'").replaceAll(`path: ${EXAMPLE_ROOT}`, 'path: .');
  } else {
    out = out
      .replaceAll(`'${EXAMPLE_ROOT}/**'`, `'${s.root}/**'`)
      .replaceAll(`path: ${EXAMPLE_ROOT}`, `path: ${s.root}`);
  }
  // Branch names as words only: DEV_ENVIRONMENTS and the other variable names stay as they are.
  const map = new Map<string, string>(EXAMPLE_BRANCHES.map((b, i) => [b, s.branches[i]]));
  out = out.replace(/(?<![\w-])(dev|staging|prod)(?![\w-])/g, (m) => map.get(m) ?? m);
  if (s.image)
    out = out.replace(
      "vars.IMAGE_REPOSITORY || format('ghcr.io/{0}-backend', github.repository)",
      `vars.IMAGE_REPOSITORY || '${s.image}'`,
    );
  return out;
}

export function configText(): string {
  return [
    `# yaml-language-server: $schema=${CONFIG_SCHEMA_URL}`,
    `$schema: ${CONFIG_SCHEMA_URL}`,
    '# Rule severities: off, warning or error. The rule ids are in the README (spiff-models validate --help).',
    'rules: {}',
    '',
  ].join('\n');
}

export function planInit(s: InitSettings): PlannedFile[] {
  const files = Object.entries(WORKFLOWS).map(([name, text]) => ({
    path: `.github/workflows/${name}`,
    text: adapt(text, s),
  }));
  files.push({
    path: s.root === '.' ? '.spiff-models.yml' : `${s.root}/.spiff-models.yml`,
    text: configText(),
  });
  return files;
}

/** The repository variables and secrets the written workflows read, for the next steps. */
export function settingsUsed(files: PlannedFile[]): { vars: string[]; secrets: string[] } {
  const all = files.map((f) => f.text).join('\n');
  const names = (kind: string) =>
    [...new Set([...all.matchAll(new RegExp(`\\b${kind}\\.([A-Z][A-Z0-9_]*)`, 'g'))].map((m) => m[1]))]
      .filter((n) => n !== 'GITHUB_TOKEN')
      .sort();
  return { vars: names('vars'), secrets: names('secrets') };
}
