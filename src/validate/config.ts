// Per-rule severities from `.spiff-models.json` / `.spiff-models.yml` at the models root, or --config FILE.
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../util/errors.js';
import type { Severity } from './finding.js';

export type RuleSetting = Severity | 'off';
export interface Config {
  file?: string;
  rules: Record<string, RuleSetting>;
}

export const CONFIG_NAMES = ['.spiff-models.json', '.spiff-models.yml', '.spiff-models.yaml'];
const SETTINGS = new Set(['off', 'warning', 'error', 'info']);

/** yaml is CommonJS: a bundled dynamic import gives its exports as `default`, Node's loader as both. */
async function yamlParse(): Promise<(text: string) => unknown> {
  const yaml = await import('yaml');
  return (yaml.default ?? yaml).parse;
}

export async function loadConfig(
  root: string,
  configFile: string | undefined,
  knownRules: Set<string>,
): Promise<Config> {
  let file = configFile;
  if (!file) file = CONFIG_NAMES.map((n) => path.join(root, n)).find((p) => fs.existsSync(p));
  if (!file) return { rules: {} };
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read config file ${file}: ${(err as Error).message}`);
  }
  let data: unknown;
  // The YAML library is imported only for a YAML config: most runs have none, and start faster without it.
  const parseYaml = file.endsWith('.json') ? undefined : await yamlParse();
  try {
    data = parseYaml ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(
      `config file ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
    );
  }
  const rules = (data as { rules?: unknown } | null)?.rules ?? {};
  if (typeof rules !== 'object' || Array.isArray(rules) || rules === null)
    throw new UsageError(`config file ${file}: "rules" must map rule ids to off | warning | error`);
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(rules as Record<string, unknown>)) {
    if (!knownRules.has(id))
      throw new UsageError(
        `config file ${file}: unknown rule "${id}" (see the rule reference in the README)`,
      );
    const value = setting === 'warn' ? 'warning' : setting;
    if (typeof value !== 'string' || !SETTINGS.has(value))
      throw new UsageError(
        `config file ${file}: rule "${id}" must be off, warning or error, not ${JSON.stringify(setting)}`,
      );
    out[id] = value as RuleSetting;
  }
  return { file, rules: out };
}
