import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  VERSION
} from "./chunk-PN23CBJR.js";
import {
  readGitHubEvent
} from "./chunk-ORPII2Z3.js";
import {
  tryGit
} from "./chunk-RCSAUJEA.js";
import {
  SetupError,
  UsageError,
  errorMessage,
  printable
} from "./chunk-YIX2ZCHG.js";
import {
  require_dist
} from "./chunk-U3PQHIIM.js";
import {
  validateEnvironmentsSchema
} from "./chunk-DH43UTXO.js";
import {
  __toESM
} from "./chunk-436XQEGX.js";

// src/notify/environments.ts
var import_yaml = __toESM(require_dist(), 1);

// src/notify/payload.ts
var WEBHOOK_PATH = "/v1.0/github-webhook-receive";
var ZERO_SHA = "0000000000000000000000000000000000000000";
var REPOSITORY_URL_KEYS = ["html_url", "clone_url", "git_url", "ssh_url"];
function normalizeRef(ref) {
  const r = ref.trim();
  return r.startsWith("refs/") ? r : `refs/heads/${r}`;
}
function spiffWebhookUrl(url) {
  const u = new URL(url);
  const path = u.pathname.replace(/\/+$/, "");
  if (path.endsWith(WEBHOOK_PATH)) u.pathname = path;
  else if (path.endsWith("/v1.0")) u.pathname = `${path}/github-webhook-receive`;
  else u.pathname = `${path}${WEBHOOK_PATH}`;
  return u.toString();
}
function fromParts(server, host, path, exact = {}) {
  const segments = path.split("/").filter(Boolean);
  const name = segments[segments.length - 1] ?? path;
  const owner = segments.length > 1 ? segments[segments.length - 2] : "";
  return {
    name,
    full_name: owner ? `${owner}/${name}` : name,
    owner,
    html_url: `${server}/${path}`,
    clone_url: `${server}/${path}.git`,
    git_url: `git://${host}/${path}.git`,
    ssh_url: `git@${host}:${path}.git`,
    ...exact
  };
}
function repositoryFromGitHub(serverUrl, fullName) {
  const server = serverUrl.replace(/\/+$/, "");
  let host;
  try {
    host = new URL(server).hostname;
  } catch {
    throw new UsageError(
      `GITHUB_SERVER_URL '${serverUrl}' is not a URL; give the repository URL explicitly.`
    );
  }
  if (!/^[^/\s]+\/[^/\s]+$/.test(fullName)) {
    throw new UsageError(
      `GITHUB_REPOSITORY '${fullName}' is not 'owner/name'; give the repository URL explicitly.`
    );
  }
  return fromParts(server, host, fullName);
}
function repositoryFromUrl(given) {
  const url = given.trim();
  if (!url) throw new UsageError("the repository URL is empty.");
  const strip = (p) => p.replace(/^\/+/, "").replace(/\/+$/, "").replace(/\.git$/, "");
  const http2 = /^https?:\/\//i.test(url) ? new URL(url) : null;
  if (http2) {
    http2.username = "";
    http2.password = "";
    const path = strip(http2.pathname);
    if (!path)
      throw new UsageError(
        `the repository URL '${url}' names no repository (expected https://host/owner/name).`
      );
    const server = `${http2.protocol}//${http2.host}`;
    const exact = http2.pathname.replace(/\/+$/, "").endsWith(".git") ? { clone_url: `${server}/${path}.git` } : {};
    return fromParts(server, http2.hostname, path, exact);
  }
  const ssh = /^ssh:\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/i.exec(url);
  if (ssh) return fromParts(`https://${ssh[1]}`, ssh[1], strip(ssh[2]), { ssh_url: url });
  const git = /^git:\/\/([^/:]+)(?::\d+)?\/(.+)$/i.exec(url);
  if (git) return fromParts(`https://${git[1]}`, git[1], strip(git[2]), { git_url: url });
  const scp = /^(?:[^@/:]+@)?([^/:]{2,}):(?!\/\/)(.+)$/.exec(url);
  if (scp) return fromParts(`https://${scp[1]}`, scp[1], strip(scp[2]), { ssh_url: url });
  const local = fromParts("", "", strip(url.replace(/^file:\/\//, "")));
  return { ...local, html_url: url, clone_url: url, git_url: url, ssh_url: url };
}
function withOverrides(repo, overrides) {
  const out = { ...repo };
  for (const key of REPOSITORY_URL_KEYS) if (overrides[key]) out[key] = overrides[key];
  return out;
}
function minimalHeadCommit(sha, pusher, now) {
  return {
    id: sha,
    message: "",
    timestamp: now.toISOString(),
    author: pusher,
    committer: pusher,
    added: [],
    removed: [],
    modified: []
  };
}
function repositoryPayload(repo) {
  return {
    name: repo.name,
    full_name: repo.full_name,
    owner: { name: repo.owner, login: repo.owner },
    html_url: repo.html_url,
    url: repo.html_url,
    clone_url: repo.clone_url,
    git_url: repo.git_url,
    ssh_url: repo.ssh_url
  };
}
var short = (sha) => sha.slice(0, 12);
function pushPayload(push, repo) {
  const head = { ...push.headCommit, distinct: true, url: `${repo.html_url}/commit/${push.headCommit.id}` };
  return {
    ref: push.ref,
    before: push.before,
    after: push.after,
    created: push.before === ZERO_SHA,
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${repo.html_url}/compare/${short(push.before)}...${short(push.after)}`,
    commits: [head],
    head_commit: head,
    repository: repositoryPayload(repo),
    pusher: push.pusher,
    ...push.sender ? { sender: { login: push.sender } } : {}
  };
}
function pingPayload(repo, hookUrl, sender) {
  return {
    zen: "Keep it logically awesome.",
    hook_id: 1,
    hook: {
      type: "Repository",
      id: 1,
      name: "web",
      active: true,
      events: ["push"],
      config: { content_type: "json", insecure_ssl: "0", url: hookUrl }
    },
    repository: repositoryPayload(repo),
    ...sender ? { sender: { login: sender } } : {}
  };
}
function deployPayload(deploy) {
  return {
    environment: deploy.environment,
    image: deploy.image,
    digest: deploy.digest,
    tags: deploy.tags,
    revision: deploy.revision
  };
}
function deployPingPayload(environment) {
  return { zen: "Keep it logically awesome.", hook_id: 1, environment };
}

// src/notify/redact.ts
var Redactor = class {
  secrets = [];
  add(secret) {
    if (!secret || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
  }
  get all() {
    return this.secrets;
  }
  redact(text) {
    let out = text;
    for (const s of this.secrets) out = out.split(s).join("***");
    return out;
  }
};
var OWN_SEGMENTS = new Set(WEBHOOK_PATH.split("/").filter(Boolean));
function displayUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    const m = /^([a-z][a-z0-9+.-]*:\/{0,2})?([^/?#]*)/i.exec(url);
    const authority = m[2].replace(/^[^@]*@/, "***@");
    const head = `${m[1] ?? ""}${authority}`;
    return head.length < url.length ? `${head}/***` : head;
  }
  const auth = u.username || u.password ? "***@" : "";
  const path = u.pathname.split("/").map((s) => s === "" || OWN_SEGMENTS.has(s) ? s : "***").join("/");
  return `${u.protocol}//${auth}${u.host}${path}${u.search ? "?***" : ""}`;
}
var looksLikeToken = (s) => !OWN_SEGMENTS.has(s) && (s.length >= 8 && (/\d/.test(s) || /[a-z]/.test(s) && /[A-Z]/.test(s)) || s.length >= 20);
var SECRET_PARAM = /token|key|secret|sig|auth|pass|pwd|code|hash|cred/i;
function decoded(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
function urlSecrets(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return [];
  }
  const found = /* @__PURE__ */ new Set();
  const add = (raw, secret) => {
    if (!secret) return;
    found.add(raw);
    found.add(decoded(raw));
  };
  add(u.username, u.username.length >= 4);
  add(u.password, u.password.length > 0);
  for (const s of u.pathname.split("/")) add(s, looksLikeToken(decoded(s)));
  for (const pair of u.search.slice(1).split("&")) {
    const [key, value = ""] = pair.split("=", 2);
    const v = decoded(value);
    add(value, looksLikeToken(v) || SECRET_PARAM.test(decoded(key)) && v.length >= 4);
  }
  found.delete("");
  return [...found];
}

// src/notify/environments.ts
var KINDS = ["spiff", "deploy"];
var ENTRY_KEYS = [
  "name",
  "url",
  "kind",
  "secret",
  "secret-env",
  "secret_env",
  ...REPOSITORY_URL_KEYS
];
var ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
function isKind(value) {
  return KINDS.includes(value);
}
function problems(where, list, Type = UsageError) {
  return new Type(`${where}:
${list.map((p) => `  - ${p}`).join("\n")}`);
}
function nameFromUrl(url, taken) {
  let base = url;
  try {
    const u = new URL(url);
    base = taken.has(u.host) ? displayUrl(url).replace(/^[^/]*\/\/(?:[^@/]*@)?/, "").replace(/\/+$/, "") : u.host;
  } catch {
  }
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base} (${i})`;
  return name;
}
function checkUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return `url '${displayUrl(url)}' is not a URL (expected https://host[/path])`;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    return `url '${displayUrl(url)}' must start with https:// or http://`;
  return null;
}
function parseEnvironments(text, source, defaultKind) {
  let data;
  try {
    data = (0, import_yaml.parse)(text, { prettyErrors: true });
  } catch (err) {
    const first = errorMessage(err).split("\n")[0].replace(/:$/, "");
    throw new UsageError(`${source} is not valid YAML or JSON: ${first}; fix that line and try again.`);
  }
  if (data === null || data === void 0)
    throw new UsageError(`${source} is empty: list at least one environment.`);
  let entries;
  if (Array.isArray(data)) {
    entries = data.map((value, i) => ({ label: `entry ${i + 1}`, value }));
  } else if (typeof data === "object" && !("url" in data)) {
    entries = Object.entries(data).map(([name, value]) => ({
      label: `'${name}'`,
      value,
      name
    }));
  } else if (typeof data === "object") {
    entries = [{ label: "entry 1", value: data }];
  } else {
    throw new UsageError(`${source} must be a list of environments (YAML or JSON), got ${typeof data}.`);
  }
  if (entries.length === 0) throw new UsageError(`${source} is empty: list at least one environment.`);
  const found = [];
  const specs = [];
  const taken = /* @__PURE__ */ new Set();
  for (const { label, value, name: mapName } of entries) {
    const isMapping = !!value && typeof value === "object" && !Array.isArray(value);
    if (typeof value !== "string" && !isMapping) {
      found.push(`${label}: must be a URL or a mapping with at least 'url'`);
      continue;
    }
    const entry = typeof value === "string" ? { url: value } : { ...value };
    if (mapName !== void 0 && entry.name === void 0) entry.name = mapName;
    const text2 = (k) => typeof entry[k] === "string" && entry[k].trim() ? entry[k].trim() : null;
    const url = text2("url");
    const name = text2("name") ?? nameFromUrl(url ?? label, taken);
    const where = label === `'${name}'` ? label : `${label} ('${name}')`;
    const at = (msg) => found.push(`${where}: ${msg}`);
    const unknown = Object.keys(entry).filter((k) => !ENTRY_KEYS.includes(k));
    if (unknown.length)
      at(`unknown key ${unknown.map((k) => `'${k}'`).join(", ")} (known: ${ENTRY_KEYS.join(", ")})`);
    for (const [key, v] of Object.entries(entry)) {
      if (v !== void 0 && v !== null && typeof v !== "string" && ENTRY_KEYS.includes(key)) {
        at(`'${key}' must be a string${key === "secret" ? " (quote it, YAML reads 0123 as a number)" : ""}`);
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
    const kindText = text2("kind") ?? defaultKind;
    if (!isKind(kindText)) at(`kind '${kindText}' is not one of ${KINDS.join(", ")}`);
    const secret = typeof entry.secret === "string" && entry.secret !== "" ? entry.secret : null;
    const secretEnv = text2("secret-env") ?? text2("secret_env");
    if (secret && secretEnv) at("give either 'secret' or 'secret-env', not both");
    if (secretEnv && !ENV_NAME.test(secretEnv)) {
      at(`secret-env '${secretEnv}' is not an environment variable name (letters, digits, _)`);
    }
    const overrides = {};
    for (const key of REPOSITORY_URL_KEYS) {
      const v = text2(key);
      if (v) overrides[key] = v;
    }
    specs.push({
      name,
      url: url ?? "",
      kind: isKind(kindText) ? kindText : defaultKind,
      secret,
      secretEnv,
      overrides
    });
  }
  if (!found.length && !validateEnvironmentsSchema(data)) {
    for (const e of (validateEnvironmentsSchema.errors ?? []).slice(0, 3)) {
      const [first, ...rest] = e.instancePath.split("/").slice(1);
      const where = first === void 0 ? "the list" : /^\d+$/.test(first) ? `entry ${Number(first) + 1}` : `'${first}'`;
      found.push(
        `${[where, ...rest].join(" ")}: ${e.message ?? "is not valid"} (schemas/environments.schema.json)`
      );
    }
  }
  if (found.length) throw problems(`${source} has ${found.length === 1 ? "a problem" : "problems"}`, found);
  return specs;
}
function environmentsFromUrls(urls, kind, taken = []) {
  const names = new Set(taken);
  const found = [];
  const specs = urls.map((url) => {
    const bad = checkUrl(url);
    if (bad) found.push(`--url: ${bad}`);
    const name = nameFromUrl(url, names);
    names.add(name);
    return { name, url, kind, secret: null, secretEnv: null, overrides: {} };
  });
  if (found.length) throw problems("bad --url", found);
  return specs;
}
function resolveEnvironments(specs, sources) {
  const found = [];
  const resolved = [];
  for (const spec of specs) {
    let secret = spec.secret;
    if (!secret && spec.secretEnv) {
      secret = sources.env[spec.secretEnv] || null;
      if (!secret) {
        found.push(
          `environment '${spec.name}': secret-env ${spec.secretEnv} is not set or empty; set it for this step (e.g. env: ${spec.secretEnv}: \${{ secrets.${spec.secretEnv} }})`
        );
        continue;
      }
    }
    secret ??= sources.defaultSecret;
    if (!secret) {
      found.push(
        `environment '${spec.name}' has no secret: give it 'secret-env' in the list, or ${sources.defaultHint}`
      );
      continue;
    }
    resolved.push({
      name: spec.name,
      kind: spec.kind,
      url: spec.kind === "spiff" ? spiffWebhookUrl(spec.url) : new URL(spec.url).toString(),
      secret,
      overrides: spec.overrides
    });
  }
  if (found.length) throw problems("missing secrets", found, SetupError);
  return resolved;
}

// src/notify/notify.ts
import { randomUUID } from "node:crypto";

// src/notify/deliver.ts
import http from "node:http";
import https from "node:https";
var defaultRetryPolicy = {
  timeoutMs: 1e4,
  retries: 3,
  backoffBaseMs: 1e3,
  backoffMaxMs: 3e4,
  maxRetryAfterMs: 6e4,
  random: Math.random,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now
};
var MAX_BODY = 64 * 1024;
var AttemptError = class extends Error {
  constructor(message, retryable) {
    super(message);
    this.retryable = retryable;
  }
  retryable;
};
var PERMANENT_CODES = /* @__PURE__ */ new Set([
  "ENOTFOUND",
  "ERR_INVALID_URL",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY"
]);
function describeNetworkError(err) {
  switch (err.code) {
    case "ECONNREFUSED":
      return "connection refused (nothing listens at that address and port)";
    case "ECONNRESET":
      return "connection reset by the server before it answered";
    case "ENOTFOUND":
      return "host not found (check the URL)";
    case "EAI_AGAIN":
      return "DNS lookup failed temporarily";
    case "ETIMEDOUT":
      return "connection timed out";
    default:
      if (err.code && PERMANENT_CODES.has(err.code)) return `TLS: ${err.message} (${err.code})`;
      return err.code ? `${err.message} (${err.code})` : err.message;
  }
}
function postOnce(req, timeoutMs) {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const lib = url.protocol === "https:" ? https : http;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    let settled = false;
    const fail = (err) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (timedOut) {
        reject(new AttemptError(`no complete answer within ${formatSeconds(timeoutMs)}`, true));
      } else {
        reject(new AttemptError(describeNetworkError(err), !(err.code && PERMANENT_CODES.has(err.code))));
      }
    };
    const request = lib.request(
      url,
      {
        method: "POST",
        headers: { ...req.headers, "Content-Length": String(req.body.length), Connection: "close" },
        signal: controller.signal,
        agent: false
      },
      (res) => {
        const chunks = [];
        let size = 0;
        const answered = () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString("utf8")
          });
        };
        res.on("data", (chunk) => {
          chunks.push(chunk.subarray(0, MAX_BODY - size));
          size += Math.min(chunk.length, MAX_BODY - size);
          if (size >= MAX_BODY) {
            answered();
            res.destroy();
          }
        });
        res.on("error", fail);
        res.on("close", () => {
          if (!res.complete) fail(Object.assign(new Error("answer cut off"), { code: "ECONNRESET" }));
        });
        res.on("end", answered);
      }
    );
    request.on("error", fail);
    request.end(req.body);
  });
}
function formatDuration(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : formatSeconds(ms);
}
function formatSeconds(ms) {
  const s = ms / 1e3;
  return `${parseFloat(s.toFixed(s < 10 ? 2 : 1))} s`;
}
function parseRetryAfter(value, now) {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1e3;
  const date = Date.parse(v);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
function backoffDelay(retry, policy) {
  const full = Math.min(policy.backoffMaxMs, policy.backoffBaseMs * 2 ** (retry - 1));
  return Math.round(full / 2 + policy.random() * full / 2);
}
function isRetryableStatus(status) {
  return status >= 500 || status === 429;
}
async function deliver(req, policy = defaultRetryPolicy, onRetry) {
  const started = policy.now();
  const attempts = [];
  for (let n = 1; ; n++) {
    const t0 = policy.now();
    let answer = null;
    let error = null;
    try {
      answer = await postOnce(req, policy.timeoutMs);
    } catch (err) {
      error = err instanceof AttemptError ? err : new AttemptError(String(err), true);
    }
    const attempt = {
      attempt: n,
      status: answer?.status ?? null,
      error: error?.message ?? null,
      durationMs: policy.now() - t0,
      retryInMs: null
    };
    attempts.push(attempt);
    const finish = (stoppedBecause = null) => ({
      status: answer?.status ?? null,
      headers: answer?.headers ?? {},
      body: answer?.body ?? "",
      error: error?.message ?? null,
      stoppedBecause,
      attempts,
      durationMs: policy.now() - started
    });
    const retryable = answer ? isRetryableStatus(answer.status) : error.retryable;
    if (!retryable) return finish(error ? "another attempt cannot fix this" : null);
    if (n > policy.retries) return finish();
    let wait = backoffDelay(n, policy);
    const retryAfter = answer ? parseRetryAfter(answer.headers["retry-after"], policy.now()) : null;
    if (retryAfter !== null) {
      if (retryAfter > policy.maxRetryAfterMs) {
        return finish(
          `the server asked to retry after ${formatSeconds(retryAfter)}, more than the ${formatSeconds(policy.maxRetryAfterMs)} limit`
        );
      }
      wait = retryAfter;
    }
    attempt.retryInMs = wait;
    onRetry?.(attempt);
    await policy.sleep(wait);
  }
}

// src/notify/sign.ts
import { createHmac, timingSafeEqual } from "node:crypto";
function signatureFor(secret, body) {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

// src/notify/notify.ts
var FAIL_ON = ["any", "all", "none"];
var USER_AGENT = `GitHub-Hookshot/spiff-models-${VERSION}`;
var EXCERPT = 300;
function excerpt(body) {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT)}\u2026` : flat;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function prepare(env, req) {
  if (env.kind === "spiff") {
    const repository = withOverrides(req.repository, env.overrides);
    if (req.ping) {
      return { env, event: "ping", repository, body: json(pingPayload(repository, env.url, req.sender)) };
    }
    if (!req.push)
      throw new UsageError(`environment '${env.name}' is a spiff environment: give the ref and sha pushed.`);
    return { env, event: "push", repository, body: json(pushPayload(req.push, repository)) };
  }
  if (req.ping) return { env, event: "ping", repository: null, body: json(deployPingPayload(env.name)) };
  if (!req.deploy)
    throw new UsageError(`environment '${env.name}' is a deploy hook: give the image that was deployed.`);
  return {
    env,
    event: "deploy",
    repository: null,
    body: json(deployPayload({ environment: env.name, ...req.deploy }))
  };
}
function json(payload) {
  return Buffer.from(JSON.stringify(payload), "utf8");
}
function headersFor(p, deliveryId) {
  const signature = signatureFor(p.env.secret, p.body);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": USER_AGENT,
    "X-GitHub-Delivery": deliveryId,
    "X-Hub-Signature-256": signature,
    "X-Spiff-Models-Event": p.event
  };
  if (p.env.kind === "spiff" || p.event === "ping") headers["X-GitHub-Event"] = p.event;
  if (p.env.kind === "deploy") headers["X-Signature"] = signature;
  return headers;
}
function gitPullAnswer(body) {
  try {
    const parsed = JSON.parse(body);
    if (parsed && typeof parsed === "object" && typeof parsed.git_pull === "boolean") {
      return parsed.git_pull;
    }
  } catch {
  }
  return null;
}
function interpret(p, d, push) {
  const tries = d.attempts.length > 1 ? ` after ${plural(d.attempts.length, "attempt")}` : "";
  const stopped = d.stoppedBecause ? ` (${d.stoppedBecause})` : "";
  const failed = (message) => ({ outcome: "failed", message });
  const spiff = p.env.kind === "spiff";
  if (d.status === null) {
    return failed(`no answer${tries}: ${d.error}${stopped}; check the URL and that the runner can reach it.`);
  }
  const s = d.status;
  if (s >= 200 && s < 300) {
    if (!spiff)
      return {
        outcome: "delivered",
        message: p.event === "ping" ? `ping accepted (${s}).` : `accepted (${s}).`
      };
    const pulled = gitPullAnswer(d.body);
    if (pulled === null) {
      return failed(
        `answered ${s} but not with {"git_pull": ...}: the URL reaches something other than spiffworkflow-backend's github-webhook-receive (the frontend?); point it at the backend.`
      );
    }
    if (p.event === "ping") {
      return {
        outcome: "delivered",
        message: "ping accepted: URL, secret and repository URLs match (no pull)."
      };
    }
    if (pulled) {
      return {
        outcome: "delivered",
        message: `the backend is at ${push.after.slice(0, 7)} (git_pull: true; pulled ${push.ref} or already there).`
      };
    }
    return {
      outcome: "ignored",
      message: `the backend ignored the push (git_pull: false): ${push.ref} is not its SPIFFWORKFLOW_BACKEND_GIT_SOURCE_BRANCH. Notify this environment for its own branch, or leave it out for this ref.`
    };
  }
  if (s >= 300 && s < 400) {
    const location = d.headers.location;
    return failed(
      `redirected (${s})${location ? ` to ${location}` : ""}: webhooks do not follow redirects, use the final URL.`
    );
  }
  const text = d.body ? `: ${excerpt(d.body)}` : "";
  if (s === 403 || s === 401) {
    return failed(
      spiff ? `signature rejected (${s}): the secret differs from the backend's SPIFFWORKFLOW_BACKEND_GITHUB_WEBHOOK_SECRET; set the same value on both sides.` : `refused (${s}): check that the secret matches the receiver's.`
    );
  }
  if (s === 404) {
    return failed(
      spiff ? "not found (404): check the URL; a backend with SPIFFWORKFLOW_BACKEND_WSGI_PATH_PREFIX needs that prefix in it (e.g. https://host/api)." : "not found (404): check the URL."
    );
  }
  if (s === 405)
    return failed(
      "method not allowed (405): the URL does not take a POST; is it the backend, not the frontend?"
    );
  if (s === 429) return failed(`rate limited (429)${tries}${stopped}; try again later.`);
  if (s >= 500) {
    if (spiff && /clone url does not match|GitCloneUrlMismatch/i.test(d.body)) {
      const r = p.repository;
      return failed(
        `the backend's origin URL is none of clone_url ${r.clone_url}, git_url ${r.git_url}, ssh_url ${r.ssh_url} (500${tries}): set clone_url or ssh_url for this environment to the output of \`git config remote.origin.url\` in its models directory.`
      );
    }
    const why = spiff ? "; the backend fails like this when no webhook secret is set, a repository URL does not match, or git pull fails: see its log" : "";
    return failed(`server error (${s})${tries}${stopped}${text}${why}.`);
  }
  return failed(`rejected (${s}), not retried${text}.`);
}
function countOutcomes(results) {
  const count = (o) => results.filter((r) => r.outcome === o).length;
  return { delivered: count("delivered"), ignored: count("ignored"), failed: count("failed") };
}
function policyPasses(report, failOn) {
  if (failOn === "none") return true;
  if (failOn === "all") return report.results.length === 0 || report.failed < report.results.length;
  return report.failed === 0;
}
function isFailOn(value) {
  return FAIL_ON.includes(value);
}
async function notify(req, options = {}) {
  const policy = { ...defaultRetryPolicy, ...options.policy };
  const newId = options.newDeliveryId ?? randomUUID;
  const redactor = options.redactor ?? new Redactor();
  for (const env of req.environments) {
    redactor.add(env.secret);
    for (const part of urlSecrets(env.url)) redactor.add(part);
  }
  const r = (text) => redactor.redact(text);
  const prepared = req.environments.map((env) => prepare(env, req));
  const results = await Promise.all(
    prepared.map(async (p) => {
      const deliveryId = newId();
      const request = { url: p.env.url, headers: headersFor(p, deliveryId), body: p.body };
      const outcome = await deliver(
        request,
        policy,
        (a) => options.log?.(
          r(
            `${p.env.name}: attempt ${a.attempt} ${a.status === null ? `failed: ${a.error}` : `answered ${a.status}`}; retrying in ${formatDuration(a.retryInMs ?? 0)}`
          )
        )
      );
      const { outcome: result, message } = interpret(p, outcome, req.push);
      return {
        environment: p.env.name,
        kind: p.env.kind,
        event: p.event,
        url: r(displayUrl(p.env.url)),
        deliveryId,
        outcome: result,
        status: outcome.status,
        attempts: outcome.attempts.length,
        durationMs: outcome.durationMs,
        answer: r(excerpt(outcome.body)),
        message: r(message),
        history: outcome.attempts.map(({ attempt, status, error, durationMs }) => ({
          attempt,
          status,
          error: error === null ? null : r(error),
          durationMs
        }))
      };
    })
  );
  return { results, ...countOutcomes(results) };
}

// src/notify/context.ts
function gitFacts(cwd) {
  const git = async (...args) => {
    try {
      const r = await tryGit(args, { cwd, timeoutMs: 1e4 });
      return r.code === 0 ? r.stdout : null;
    } catch {
      return null;
    }
  };
  const line = (s) => s?.trim() ? s.trim() : null;
  return {
    resolveCommit: async (rev) => line(await git("rev-parse", "--verify", "--quiet", `${rev}^{commit}`)),
    parent: async (sha) => line(await git("rev-parse", "--verify", "--quiet", `${sha}^1`)),
    originUrl: async () => line(await git("config", "--get", "remote.origin.url")),
    user: async () => {
      const name = line(await git("config", "user.name"));
      return name ? { name, email: line(await git("config", "user.email")) ?? "" } : null;
    },
    headCommit: async (sha) => {
      const log = await git(
        "log",
        "-1",
        "--format=%H%x00%T%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%B",
        sha,
        "--"
      );
      if (!log) return null;
      const [id, tree, an, ae, at, cn, ce, _ct, ...message] = log.split("\0");
      const changes = await git("diff-tree", "--no-commit-id", "--name-status", "-r", "--root", sha) ?? "";
      const added = [];
      const removed = [];
      const modified = [];
      for (const row of changes.split("\n").filter(Boolean)) {
        const [status, first, second] = row.split("	");
        if (status.startsWith("A") || status.startsWith("C")) added.push(second ?? first);
        else if (status.startsWith("D")) removed.push(first);
        else if (status.startsWith("R")) {
          removed.push(first);
          added.push(second);
        } else modified.push(first);
      }
      return {
        id,
        tree_id: tree,
        message: message.join("\0").replace(/\n+$/, ""),
        timestamp: at,
        author: { name: an, email: ae },
        committer: { name: cn, email: ce },
        added,
        removed,
        modified
      };
    }
  };
}
async function resolveRepository(repositoryUrl, env, git) {
  if (repositoryUrl) return repositoryFromUrl(repositoryUrl);
  if (env.GITHUB_REPOSITORY)
    return repositoryFromGitHub(env.GITHUB_SERVER_URL || "https://github.com", env.GITHUB_REPOSITORY);
  const origin = await git.originUrl();
  if (origin) return repositoryFromUrl(origin);
  throw new UsageError(
    "cannot tell which repository to announce: give the repository URL (CLI --repository-url, action input repository-url), or run where GITHUB_REPOSITORY is set or git has a remote.origin.url."
  );
}
var FULL_SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/i;
async function fullSha(value, what, git) {
  const v = value.trim();
  if (FULL_SHA.test(v)) return v.toLowerCase();
  const resolved = await git.resolveCommit(v);
  if (resolved) return resolved;
  throw new UsageError(
    `${what} '${v}' is not a full commit sha and git here cannot resolve it: give the full 40-character sha (the backend compares it with its HEAD).`
  );
}
async function resolvePush(inputs, env, event, git, now = /* @__PURE__ */ new Date()) {
  const refText = inputs.ref || env.GITHUB_REF || "";
  if (!refText)
    throw new UsageError(`give the ref that was pushed (${inputs.names.ref}, e.g. refs/heads/main).`);
  const ref = normalizeRef(refText);
  if (ref.startsWith("refs/pull/")) {
    throw new UsageError(
      `the ref ${ref} is a pull request's merge ref, which no environment tracks: give ${inputs.names.ref} and ${inputs.names.sha} of the branch that was pushed.`
    );
  }
  const shaText = inputs.sha || env.GITHUB_SHA || "";
  if (!shaText) throw new UsageError(`give the commit that was pushed (${inputs.names.sha}).`);
  const sha = await fullSha(shaText, inputs.names.sha, git);
  const pushed = event?.payload && event.payload.after === sha ? event.payload : null;
  let before;
  if (inputs.before) before = await fullSha(inputs.before, inputs.names.before, git);
  else if (pushed && typeof pushed.before === "string") before = pushed.before;
  else before = await git.parent(sha) ?? ZERO_SHA;
  const actor = env.GITHUB_ACTOR || null;
  const pusher = pushed?.pusher ?? (actor ? { name: actor, email: `${actor}@users.noreply.github.com` } : null) ?? await git.user() ?? { name: "spiff-models", email: "" };
  let headCommit = pushed?.head_commit ?? await git.headCommit(sha);
  if (headCommit) {
    const {
      url: _url,
      distinct: _distinct,
      ...rest
    } = headCommit;
    headCommit = rest;
  } else headCommit = minimalHeadCommit(sha, pusher, now);
  return { ref, before, after: sha, pusher, sender: actor, headCommit };
}
async function resolveRevision(sha, env, git, flag) {
  const text = sha || env.GITHUB_SHA || "";
  if (text) return fullSha(text, flag, git);
  const head = await git.resolveCommit("HEAD");
  if (head) return head;
  throw new UsageError(`give the commit (${flag}).`);
}

// src/notify/plan.ts
function parseTimeout(text, name) {
  const n = Number(text);
  if (!text.trim() || !Number.isFinite(n) || n <= 0 || n > 600) {
    throw new UsageError(`${name} '${text}' must be a number of seconds above 0 and at most 600.`);
  }
  return Math.round(n * 1e3);
}
function parseRetries(text, name) {
  if (!/^\s*\d+\s*$/.test(text) || Number(text) > 10) {
    throw new UsageError(`${name} '${text}' must be a whole number from 0 to 10.`);
  }
  return Number(text);
}
var DIGEST = /^sha256:[0-9a-f]{64}$/;
async function planNotify(inputs, names, env, cwd, now = /* @__PURE__ */ new Date()) {
  const redactor = new Redactor();
  redactor.add(inputs.secret);
  let specs = [];
  if (inputs.environments)
    specs = parseEnvironments(inputs.environments.text, inputs.environments.source, inputs.kind);
  specs = [
    ...specs,
    ...environmentsFromUrls(
      inputs.urls,
      inputs.kind,
      specs.map((s) => s.name)
    )
  ];
  if (specs.length === 0) {
    throw new UsageError(
      `give at least one environment: ${names.url}, or ${names.environments} with a list.`
    );
  }
  for (const spec of specs) {
    redactor.add(spec.secret);
    for (const part of urlSecrets(spec.url)) redactor.add(part);
  }
  const environments = resolveEnvironments(specs, {
    defaultSecret: inputs.secret,
    env,
    defaultHint: `a default secret (${names.secret})`
  });
  for (const e of environments) redactor.add(e.secret);
  const git = gitFacts(cwd);
  const needsPush = !inputs.ping && environments.some((e) => e.kind === "spiff");
  const needsDeploy = !inputs.ping && environments.some((e) => e.kind === "deploy");
  const event = await readGitHubEvent(env);
  const repository = await resolveRepository(inputs.repositoryUrl, env, git);
  const push = needsPush ? await resolvePush({ ...inputs, names }, env, event, git, now) : null;
  let deploy = null;
  if (needsDeploy) {
    const deployNames = environments.filter((e) => e.kind === "deploy").map((e) => `'${e.name}'`);
    if (!inputs.image) {
      throw new UsageError(
        `environment ${deployNames.join(", ")} ${deployNames.length === 1 ? "is a deploy hook" : "are deploy hooks"}: give the image that was built (${names.image}).`
      );
    }
    if (inputs.digest && !DIGEST.test(inputs.digest)) {
      throw new UsageError(`${names.digest} '${inputs.digest}' must look like sha256:<64 hex digits>.`);
    }
    deploy = {
      image: inputs.image,
      digest: inputs.digest || null,
      tags: inputs.tags,
      revision: push?.after ?? await resolveRevision(inputs.sha, env, git, names.sha)
    };
  }
  return {
    request: { environments, repository, push, deploy, ping: inputs.ping, sender: env.GITHUB_ACTOR || null },
    redactor,
    policy: { timeoutMs: inputs.timeoutMs, retries: inputs.retries }
  };
}

// src/notify/report.ts
function resultLine(r) {
  const status = r.status === null ? "-" : String(r.status);
  const attempts = `${r.attempts} attempt${r.attempts === 1 ? "" : "s"}`;
  return `${r.outcome.padEnd(9)} ${printable(r.environment)} (${r.event}, ${status}, ${attempts}, ${formatDuration(r.durationMs)}): ${printable(r.message)}`;
}
function summaryLine(report, failOn, passed) {
  const total = report.results.length;
  const parts = [`${report.delivered} of ${total} environment${total === 1 ? "" : "s"} delivered`];
  if (report.ignored) parts.push(`${report.ignored} ignored`);
  parts.push(`${report.failed} failed`);
  return `${parts.join(", ")} (fail-on: ${failOn}${passed ? "" : ", so this step fails"}).`;
}

export {
  KINDS,
  isKind,
  formatDuration,
  FAIL_ON,
  policyPasses,
  isFailOn,
  notify,
  parseTimeout,
  parseRetries,
  planNotify,
  resultLine,
  summaryLine
};
