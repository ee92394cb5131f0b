// The environments to notify: parsed from a YAML/JSON list (or `--url` flags), checked entry by entry, and
// resolved to a target URL and a secret. Problems are collected and reported together, each naming its entry.
import { parse as parseYaml } from 'yaml';
import { SetupError, UsageError, errorMessage } from '../util/errors.js';
import { displayUrl } from './redact.js';
import { REPOSITORY_URL_KEYS, spiffWebhookUrl, type RepositoryUrlOverrides } from './payload.js';
import { validateEnvironmentsSchema } from '../generated/index.js';

export const KINDS = ['spiff', 'deploy'] as const;
export type Kind = (typeof KINDS)[number];

export interface EnvironmentSpec {
  name: string;
  url: string;
  kind: Kind;
  secret: string | null;
  secretEnv: string | null;
  overrides: RepositoryUrlOverrides;
}

export interface ResolvedEnvironment {
  name: string;
  kind: Kind;
  /** Where the POST goes: for spiff environments the full github-webhook-receive URL. */
  url: string;
  secret: string;
  overrides: RepositoryUrlOverrides;
}

export const ENTRY_KEYS = [
  'name',
  'url',
  'kind',
  'secret',
  'secret-env',
  'secret_env',
  ...REPOSITORY_URL_KEYS,
];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

function problems(where: string, list: string[], Type: typeof UsageError = UsageError): Error {
  return new Type(`${where}:\n${list.map((p) => `  - ${p}`).join('\n')}`);
}

/** A name for an environment given only as a URL: its host, or host and path when the host is taken. */
function nameFromUrl(url: string, taken: Set<string>): string {
  let base = url;
  try {
    const u = new URL(url);
    // The path may hold a token (`/hooks/TOKEN`): a second environment on a host gets its redacted path.
    base = taken.has(u.host)
      ? displayUrl(url)
          .replace(/^[^/]*\/\/(?:[^@/]*@)?/, '')
          .replace(/\/+$/, '')
      : u.host;
  } catch {
    // An unreadable URL is reported by the entry check; any name will do until then.
  }
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
  return name;
}

function checkUrl(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `url '${displayUrl(url)}' is not a URL (expected https://host[/path])`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:')
    return `url '${displayUrl(url)}' must start with https:// or http://`;
  return null;
}

/** Environments from a list: `[{name, url, kind, secret | secret-env, clone_url, ...}]`; see README. */
export function parseEnvironments(text: string, source: string, defaultKind: Kind): EnvironmentSpec[] {
  let data: unknown;
  try {
    data = parseYaml(text, { prettyErrors: true });
  } catch (err) {
    // Only the first line: the rest quotes the offending line, which may hold a secret.
    const first = errorMessage(err).split('\n')[0].replace(/:$/, '');
    throw new UsageError(`${source} is not valid YAML or JSON: ${first}; fix that line and try again.`);
  }
  if (data === null || data === undefined)
    throw new UsageError(`${source} is empty: list at least one environment.`);

  let entries: { label: string; value: unknown; name?: string }[];
  if (Array.isArray(data)) {
    entries = data.map((value, i) => ({ label: `entry ${i + 1}`, value }));
  } else if (typeof data === 'object' && !('url' in (data as object))) {
    // A mapping from environment name to its URL or entry.
    entries = Object.entries(data as Record<string, unknown>).map(([name, value]) => ({
      label: `'${name}'`,
      value,
      name,
    }));
  } else if (typeof data === 'object') {
    entries = [{ label: 'entry 1', value: data }];
  } else {
    throw new UsageError(`${source} must be a list of environments (YAML or JSON), got ${typeof data}.`);
  }
  if (entries.length === 0) throw new UsageError(`${source} is empty: list at least one environment.`);

  const found: string[] = [];
  const specs: EnvironmentSpec[] = [];
  const taken = new Set<string>();
  for (const { label, value, name: mapName } of entries) {
    const isMapping = !!value && typeof value === 'object' && !Array.isArray(value);
    if (typeof value !== 'string' && !isMapping) {
      found.push(`${label}: must be a URL or a mapping with at least 'url'`);
      continue;
    }
    const entry: Record<string, unknown> =
      typeof value === 'string' ? { url: value } : { ...(value as Record<string, unknown>) };
    if (mapName !== undefined && entry.name === undefined) entry.name = mapName;
    const text = (k: string) =>
      typeof entry[k] === 'string' && (entry[k] as string).trim() ? (entry[k] as string).trim() : null;

    // Name first, so that every problem of this entry can say which environment it is about.
    const url = text('url');
    const name = text('name') ?? nameFromUrl(url ?? label, taken);
    const where = label === `'${name}'` ? label : `${label} ('${name}')`;
    const at = (msg: string) => found.push(`${where}: ${msg}`);

    const unknown = Object.keys(entry).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length)
      at(`unknown key ${unknown.map((k) => `'${k}'`).join(', ')} (known: ${ENTRY_KEYS.join(', ')})`);
    for (const [key, v] of Object.entries(entry)) {
      if (v !== undefined && v !== null && typeof v !== 'string' && ENTRY_KEYS.includes(key)) {
        at(`'${key}' must be a string${key === 'secret' ? ' (quote it, YAML reads 0123 as a number)' : ''}`);
        delete entry[key];
      }
    }
    if (!url) at("has no 'url'");
    else {
      const bad = checkUrl(url);
      if (bad) at(bad);
    }
    if (taken.has(name)) at(`the name '${name}' is used twice; names must be unique`);
    taken.add(name);

    const kindText = text('kind') ?? defaultKind;
    if (!isKind(kindText)) at(`kind '${kindText}' is not one of ${KINDS.join(', ')}`);
    const secret = typeof entry.secret === 'string' && entry.secret !== '' ? entry.secret : null;
    const secretEnv = text('secret-env') ?? text('secret_env');
    if (secret && secretEnv) at("give either 'secret' or 'secret-env', not both");
    if (secretEnv && !ENV_NAME.test(secretEnv)) {
      at(`secret-env '${secretEnv}' is not an environment variable name (letters, digits, _)`);
    }
    const overrides: RepositoryUrlOverrides = {};
    for (const key of REPOSITORY_URL_KEYS) {
      const v = text(key);
      if (v) overrides[key] = v;
    }
    specs.push({
      name,
      url: url ?? '',
      kind: isKind(kindText) ? kindText : defaultKind,
      secret,
      secretEnv,
      overrides,
    });
  }
  // The checks above name entries and say what to do; the schema editors use is the last word, so a case
  // they miss (or a schema that moved on) still fails closed.
  if (!found.length && !validateEnvironmentsSchema(data)) {
    for (const e of (validateEnvironmentsSchema.errors ?? []).slice(0, 3)) {
      const [first, ...rest] = e.instancePath.split('/').slice(1);
      const where =
        first === undefined ? 'the list' : /^\d+$/.test(first) ? `entry ${Number(first) + 1}` : `'${first}'`;
      found.push(
        `${[where, ...rest].join(' ')}: ${e.message ?? 'is not valid'} (schemas/environments.schema.json)`,
      );
    }
  }
  if (found.length) throw problems(`${source} has ${found.length === 1 ? 'a problem' : 'problems'}`, found);
  return specs;
}

/** Environments from `--url` flags: named after their host. */
export function environmentsFromUrls(
  urls: string[],
  kind: Kind,
  taken: Iterable<string> = [],
): EnvironmentSpec[] {
  const names = new Set(taken);
  const found: string[] = [];
  const specs = urls.map((url) => {
    const bad = checkUrl(url);
    if (bad) found.push(`--url: ${bad}`);
    const name = nameFromUrl(url, names);
    names.add(name);
    return { name, url, kind, secret: null, secretEnv: null, overrides: {} };
  });
  if (found.length) throw problems('bad --url', found);
  return specs;
}

export interface SecretSources {
  /** The secret for environments that name none. */
  defaultSecret: string | null;
  env: NodeJS.ProcessEnv;
  /** How to give a default secret, in the words of the caller (CLI flag or action input). */
  defaultHint: string;
}

/** Final URL and secret for each environment; every missing secret is reported, each with its environment. */
export function resolveEnvironments(specs: EnvironmentSpec[], sources: SecretSources): ResolvedEnvironment[] {
  const found: string[] = [];
  const resolved: ResolvedEnvironment[] = [];
  for (const spec of specs) {
    let secret = spec.secret;
    if (!secret && spec.secretEnv) {
      secret = sources.env[spec.secretEnv] || null;
      if (!secret) {
        found.push(
          `environment '${spec.name}': secret-env ${spec.secretEnv} is not set or empty; set it for this step ` +
            `(e.g. env: ${spec.secretEnv}: \${{ secrets.${spec.secretEnv} }})`,
        );
        continue;
      }
    }
    secret ??= sources.defaultSecret;
    if (!secret) {
      found.push(
        `environment '${spec.name}' has no secret: give it 'secret-env' in the list, or ${sources.defaultHint}`,
      );
      continue;
    }
    resolved.push({
      name: spec.name,
      kind: spec.kind,
      url: spec.kind === 'spiff' ? spiffWebhookUrl(spec.url) : new URL(spec.url).toString(),
      secret,
      overrides: spec.overrides,
    });
  }
  if (found.length) throw problems('missing secrets', found, SetupError);
  return resolved;
}
