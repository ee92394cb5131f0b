// Per-rule severities from `.spiff-models.json` / `.spiff-models.yml` at the models root, or --config FILE.
// Checked against schemas/config.schema.json (precompiled); every problem names the file, the line and the key.
import fs from 'node:fs';
import path from 'node:path';
import type * as YamlModule from 'yaml';
import { UsageError } from '../util/errors.js';
import { FileTooLarge, NotRegularFile, readRegularFile } from '../util/files.js';
import type { SchemaError } from '../generated/index.js';
import type { Severity } from '../models/finding.js';

export type RuleSetting = Severity | 'off';
export interface Config {
  file?: string;
  rules: Record<string, RuleSetting>;
}

export const CONFIG_NAMES = ['.spiff-models.json', '.spiff-models.yml', '.spiff-models.yaml'];
/** Top-level keys a config may have (the schema's properties). */
const TOP_KEYS = ['rules', '$schema'];
/** A config is a few lines: anything bigger is the wrong file (and is never read whole). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

// yaml (250 KB) and the compiled schemas are imported only when there is a config file to read: most runs
// have none, and start faster without them.
let YAML: typeof YamlModule;
let validateConfigSchema: typeof import('../generated/index.js').validateConfigSchema;

async function loadParsers(): Promise<void> {
  if (YAML) return;
  const [yaml, generated] = await Promise.all([import('yaml'), import('../generated/index.js')]);
  // yaml is CommonJS: a bundled dynamic import gives its exports as `default`, Node's loader as both.
  YAML = (yaml.default ?? yaml) as unknown as typeof YamlModule;
  validateConfigSchema = generated.validateConfigSchema;
}

export async function loadConfig(
  root: string,
  configFile: string | undefined,
  knownRules: Set<string>,
): Promise<Config> {
  let file = configFile;
  if (!file) {
    const found = CONFIG_NAMES.map((n) => path.join(root, n)).filter((p) => fs.existsSync(p));
    if (found.length > 1)
      throw new UsageError(
        `two config files at the models root, ${found.map((f) => path.basename(f)).join(' and ')}: ` +
          'keep one (which one counts would be a guess).',
      );
    file = found[0];
    if (!file) {
      const outside = configAbove(root);
      if (outside)
        throw new UsageError(
          `config file ${outside} is outside the models root ${root}, so it would be ignored: move it into ` +
            `the models root, or pass --config ${outside} (action input config).`,
        );
    }
  }
  if (!file) return { rules: {} };
  await loadParsers();
  let text: string;
  try {
    text = readRegularFile(file, MAX_CONFIG_BYTES).toString('utf8');
  } catch (err) {
    if (err instanceof NotRegularFile)
      throw new UsageError(
        `config file ${file} is ${err.kind}, not a regular file: pass the .yml or .json file.`,
      );
    if (err instanceof FileTooLarge)
      throw new UsageError(
        `config file ${file} is ${Math.round(err.size / 1048576)} MiB: a config file is a few lines ` +
          `(the limit is ${MAX_CONFIG_BYTES / 1048576} MiB); is --config the right file?`,
      );
    throw new UsageError(`cannot read config file ${file}: ${(err as Error).message}`);
  }
  const isJson = file.endsWith('.json');
  let data: unknown;
  try {
    data = isJson ? JSON.parse(text) : YAML.parse(text);
  } catch (err) {
    throw new UsageError(
      `config file ${file} is not valid ${isJson ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    );
  }
  // An empty YAML file (or only comments) is no configuration.
  if (data === null || data === undefined) return { file, rules: {} };

  if (!validateConfigSchema(data)) {
    const lineOf = keyLines(text);
    const problems = (validateConfigSchema.errors ?? [])
      .map((e) => describe(e, data, knownRules, lineOf))
      .filter((p): p is { line?: number; text: string } => p !== null);
    // A type error on the document itself says it all; the rest would repeat it.
    const shown = problems.length ? problems : [{ text: 'does not match schemas/config.schema.json' }];
    throw new UsageError(
      shown.map((p) => `config file ${file}${p.line ? `:${p.line}` : ''}: ${p.text}`).join('\n'),
    );
  }
  const out: Record<string, RuleSetting> = {};
  const rules = (data as { rules?: Record<string, string> }).rules ?? {};
  for (const [id, setting] of Object.entries(rules)) {
    // The schema is generated from the rule table; the table itself is the last word.
    if (!knownRules.has(id))
      throw new UsageError(
        `config file ${file}: unknown rule "${id}" (see the rule reference in the README)`,
      );
    out[id] = (setting === 'warn' ? 'warning' : setting) as RuleSetting;
  }
  return { file, rules: out };
}

/**
 * A config file in a folder above the models root, up to the repository's top (the folder holding .git):
 * put at the repository root while the models live in a sub-folder, it would silently configure nothing.
 */
function configAbove(root: string): string | undefined {
  let dir = path.resolve(root);
  if (fs.existsSync(path.join(dir, '.git'))) return undefined;
  for (let parent = path.dirname(dir); parent !== dir; dir = parent, parent = path.dirname(dir)) {
    const found = CONFIG_NAMES.map((n) => path.join(parent, n)).find((p) => fs.existsSync(p));
    if (found) return found;
    if (fs.existsSync(path.join(parent, '.git'))) return undefined;
  }
  return undefined;
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'a mapping' : `a ${typeof value}`;
}

/** One line per schema error, in the user's words, with the key path and the nearest valid key. */
function describe(
  e: SchemaError,
  data: unknown,
  knownRules: Set<string>,
  lineOf: (keyPath: string[]) => number | undefined,
): { line?: number; text: string } | null {
  const keys = e.instancePath.split('/').slice(1).map(unescapePointer);
  const at = keys.join('.');
  if (e.keyword === 'type' && keys.length === 0)
    return {
      text: `must be a mapping with "rules", not ${kindOf(data)} (rules: {rule id: off | warning | error})`,
    };
  if (e.keyword === 'type' && at === 'rules')
    return { line: lineOf(['rules']), text: '"rules" must map rule ids to off | warning | error' };
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    if (keys.length === 0)
      return {
        line: lineOf([key]),
        text: `unknown key "${key}" (${didYouMean(key, TOP_KEYS)}known keys: ${TOP_KEYS.join(', ')})`,
      };
    if (at === 'rules')
      return {
        line: lineOf(['rules', key]),
        text: `unknown rule "${key}" at rules.${key} (${didYouMean(key, [...knownRules])}see the rule reference in the README)`,
      };
  }
  if (e.keyword === 'enum' && keys[0] === 'rules' && keys.length === 2) {
    const value = (data as { rules: Record<string, unknown> }).rules[keys[1]];
    if (keys[1] === 'rule-error')
      return {
        line: lineOf(keys),
        text: 'rules.rule-error cannot be switched off or lowered: a rule that crashes must never pass quietly',
      };
    return {
      line: lineOf(keys),
      text: `${at} must be off, warning or error, not ${JSON.stringify(value)}`,
    };
  }
  return { line: lineOf(keys), text: `${at || 'the document'} ${e.message ?? 'is not valid'}` };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Line of a key (by its path) in the file, found through the YAML parser (JSON is YAML too). */
function keyLines(text: string): (keyPath: string[]) => number | undefined {
  let doc: YamlModule.Document.Parsed | undefined;
  let counter: YamlModule.LineCounter | undefined;
  return (keyPath) => {
    if (!doc) {
      counter = new YAML.LineCounter();
      doc = YAML.parseDocument(text, { lineCounter: counter, uniqueKeys: false });
    }
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const key of keyPath) {
      if (!YAML.isMap(node)) return undefined;
      const pair = node.items.find((p) => YAML.isScalar(p.key) && String(p.key.value) === key);
      if (!pair) return undefined;
      offset = YAML.isScalar(pair.key) ? pair.key.range?.[0] : undefined;
      node = pair.value;
    }
    return offset === undefined ? undefined : counter!.linePos(offset).line;
  };
}

/** 'did you mean "x"? ' for the nearest candidate when it is near enough to be a typo, else ''. */
function didYouMean(word: string, candidates: string[]): string {
  const best = nearest(word, candidates);
  return best ? `did you mean "${best}"? ` : '';
}

/** The candidate with the smallest edit distance (case-insensitive), if a typo could explain it. */
export function nearest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
