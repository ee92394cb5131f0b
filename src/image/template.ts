// Renders the Dockerfile template. Values are checked and escaped here so that no input (a branch name, a
// label, a path) can end its line and start an instruction of its own.
import { readFile } from 'node:fs/promises';
import { UsageError } from '../util/errors.js';
import { printable } from './reference.js';

/** What a template may use. `copy` is required: it is the only line that puts the models in the image. */
export const PLACEHOLDERS = {
  base_image: 'the base image reference (FROM {{base_image}})',
  labels: 'one LABEL instruction with the OCI labels and ours, values quoted',
  env: 'one ENV instruction: the models dir, the sub-folder within the repo, git safe.directory',
  copy: 'the instruction that puts the models (and git data) in place: ADD rootfs.tar /',
  models_dir: 'the models directory in the image (SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR), unquoted',
  revision: 'the full commit sha, or empty without git',
  short_revision: 'what `git rev-parse --short HEAD` prints in the image, or empty',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDERS;

export interface TemplateValues {
  baseImage: string;
  labels: Record<string, string>;
  env: Array<[string, string]>;
  modelsDir: string;
  revision: string;
  shortRevision: string;
}

export interface Template {
  text: string;
  /** Where it came from, for error messages: a path, or "the default template". */
  source: string;
}

/** The tar in the context that `{{copy}}` unpacks onto the image's `/`. */
export const ROOTFS_TAR = 'rootfs.tar';

/**
 * The default template. templates/Dockerfile.bake holds the same text (a test keeps them equal) as the starting
 * point for your own; the code carries it so the bundled CLI and action need no file next to them.
 */
export const DEFAULT_TEMPLATE = [
  '# The spiffworkflow-backend image with the process models baked in, rendered by `spiff-models bake`.',
  '# Placeholders are listed in the README (section bake); every value arrives checked and escaped.',
  '# LABEL comes last: a new tag or version only re-labels, the models layer stays cached and identical.',
  'FROM {{base_image}}',
  '{{env}}',
  '{{copy}}',
  '{{labels}}',
  '',
].join('\n');

export async function loadTemplate(file: string | null): Promise<Template> {
  if (!file) return { text: DEFAULT_TEMPLATE, source: 'the default template' };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(
      `cannot read the Dockerfile template ${file} (${code ?? String(err)}); check the --template path ` +
        `(action input: template), relative to the working directory.`,
    );
  }
  return { text, source: file };
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;
const SAFE_PATH = /^\/(?:[A-Za-z0-9._-]+\/?)*$/;

/**
 * A Dockerfile double-quoted word: `\`, `"` and `$` escaped (no variable expansion). Control characters have
 * no escape in a Dockerfile (a newline would end the instruction): they are refused, naming the value.
 */
export function quote(value: string, what: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f\u2028\u2029]/.test(value)) {
    throw new UsageError(
      `${what} contains a line break or control character ('${printable(value)}'); ` +
        `a Dockerfile value cannot hold one. Remove it.`,
    );
  }
  return `"${value.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

export function checkKey(key: string, what: string): string {
  if (!KEY.test(key)) {
    throw new UsageError(
      `${what} '${printable(key)}' is not a valid key: use letters, digits and . _ / - (not starting with one of them).`,
    );
  }
  return key;
}

/** Absolute, no `..`, no characters that need quoting: it is also used unquoted by {{models_dir}}. */
export function checkImagePath(path: string, what: string): string {
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  if (!SAFE_PATH.test(normalized) || normalized.split('/').some((s) => s === '..' || s === '.')) {
    throw new UsageError(
      `${what} '${printable(path)}' must be an absolute path in the image made of letters, digits and . _ - ` +
        `(e.g. /app/process_models).`,
    );
  }
  return normalized;
}

/** Folders of a Linux image the models layer must not touch: it sets the owner and mode of every folder it holds. */
export const SYSTEM_DIRS = [
  '/bin',
  '/boot',
  '/dev',
  '/etc',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/proc',
  '/run',
  '/sbin',
  '/sys',
  '/tmp',
  '/usr',
  '/var',
];

/** The backend image's code folder (its WORKDIR): the models go beside the code, not over it. */
export const BACKEND_CODE_DIR = '/app';

/**
 * Where the models layer may land: a checked image path (checkImagePath) that is not the root, the backend's code
 * folder, or a system folder or anything under one.
 */
export function checkModelsDir(value: string, what: string): string {
  const fix = 'Choose a folder of its own, e.g. /app/process_models (the default) or /srv/models.';
  if (/^\/+$/.test(value)) {
    throw new UsageError(
      `${what} '${printable(value)}' is the image's root: the models would be unpacked over it. ${fix}`,
    );
  }
  const dir = checkImagePath(value, what);
  const system = SYSTEM_DIRS.find((d) => dir === d || dir.startsWith(`${d}/`));
  if (system) {
    throw new UsageError(
      `${what} '${printable(value)}' is or lies under ${system}, a system folder of the image: the models layer ` +
        `would replace the owner and mode of its folders. ${fix}`,
    );
  }
  if (dir === BACKEND_CODE_DIR) {
    throw new UsageError(
      `${what} '${printable(value)}' is the backend's code folder: the models would be mixed into the backend's ` +
        `code. ${fix}`,
    );
  }
  return dir;
}

function instruction(keyword: string, pairs: Array<[string, string]>, what: string): string {
  if (pairs.length === 0) return '';
  const words = pairs.map(([k, v]) => `${checkKey(k, `${what} key`)}=${quote(v, `${what} '${k}'`)}`);
  return `${keyword} ${words.join(' \\\n' + ' '.repeat(keyword.length + 1))}`;
}

export function renderLabels(labels: Record<string, string>): string {
  return instruction(
    'LABEL',
    Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    'label',
  );
}

export function renderEnv(env: Array<[string, string]>): string {
  return instruction('ENV', env, 'environment variable');
}

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Renders `template` or throws a UsageError naming the template, the line and what to change. */
export function renderTemplate(template: Template, values: TemplateValues): string {
  const where = (line: number) => `${template.source}:${line}`;
  // The engine drops a UTF-8 BOM and leading blanks before reading parser directives: so does this check.
  const text = template.text.replace(/^\uFEFF/, '');
  const directive = /^[ \t]*#[ \t]*escape[ \t]*=[ \t]*(\S)/im.exec(text);
  if (directive && directive[1] !== '\\') {
    throw new UsageError(
      `bad template ${where(lineOf(text, directive.index))}: it sets the escape character to ` +
        `'${directive[1]}'; bake escapes values with \\. Remove the escape directive.`,
    );
  }
  // Rendered when used: a value only has to fit the places the template puts it.
  const rendered: Record<PlaceholderName, () => string> = {
    base_image: () => values.baseImage,
    labels: () => renderLabels(values.labels),
    env: () => renderEnv(values.env),
    copy: () => `ADD ${ROOTFS_TAR} /`,
    models_dir: () => checkImagePath(values.modelsDir, 'the models dir for {{models_dir}}'),
    revision: () => (/^[0-9a-f]*$/.test(values.revision) ? values.revision : ''),
    short_revision: () => (/^[0-9a-f]*$/.test(values.shortRevision) ? values.shortRevision : ''),
  };
  const used = new Map<string, number>();
  // Braces are checked in the template, not in the output: a value may hold `{{` (a label, a folder name).
  const placeholder = /\{\{([^{}]*)\}\}/g;
  const stray = /\{\{|\}\}/.exec(text.replace(placeholder, (m) => m.replace(/[^\n]/g, ' ')));
  if (stray) {
    throw new UsageError(
      `bad template ${where(lineOf(text, stray.index))}: an unmatched '${stray[0]}'. ` +
        `Placeholders look like {{copy}}.`,
    );
  }
  const out = text.replace(placeholder, (match, rawName: string, offset: number) => {
    const name = rawName.trim();
    if (!Object.hasOwn(PLACEHOLDERS, name)) {
      throw new UsageError(
        `bad template ${where(lineOf(text, offset))}: unknown placeholder ${match}. ` +
          `Known: ${Object.keys(PLACEHOLDERS)
            .map((p) => `{{${p}}}`)
            .join(', ')}.`,
      );
    }
    used.set(name, (used.get(name) ?? 0) + 1);
    return rendered[name as PlaceholderName]();
  });
  if (used.get('copy') !== 1) {
    throw new UsageError(
      `bad template ${template.source}: it must use {{copy}} exactly once (found ${used.get('copy') ?? 0}); ` +
        `that line puts the models in the image.`,
    );
  }
  if (!/^\s*FROM\s/im.test(out)) {
    throw new UsageError(
      `bad template ${template.source}: no FROM instruction; start with FROM {{base_image}}.`,
    );
  }
  return out.endsWith('\n') ? out : `${out}\n`;
}
