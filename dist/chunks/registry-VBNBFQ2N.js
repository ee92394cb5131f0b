import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  INDEX_TYPES,
  MANIFEST_ACCEPT,
  MANIFEST_TYPES,
  appendToConfig,
  appendToManifest,
  buildIndex,
  checkTemplateForRegistry,
  encode,
  formatPlatform,
  isAttestation,
  isManifestType,
  platformMatches,
  readInstructions
} from "./chunk-U5NRQ4NM.js";
import {
  BakeFailure,
  DOCKER_HUB,
  LABELS,
  MODELS_DIR_ENV,
  VerifyError,
  connectEngine,
  formatBytes,
  inputDigest,
  packRootfs,
  parseReference,
  pullImage,
  removeImage,
  renderDockerfile,
  resolveAuth,
  verifyImage
} from "./chunk-DBZL2GQ3.js";
import "./chunk-45LUCC2V.js";
import "./chunk-GFDRROIW.js";
import "./chunk-TZGPA7EC.js";
import "./chunk-RCSAUJEA.js";
import {
  SetupError,
  UsageError,
  errorMessage,
  printable
} from "./chunk-YIX2ZCHG.js";
import "./chunk-QFASGRCW.js";
import "./chunk-G3P6OGWQ.js";
import "./chunk-436XQEGX.js";

// src/image/layer.ts
import { Readable } from "node:stream";
function layerTar(layer) {
  return Readable.from(packRootfs(layer, layer.mtime), { objectMode: false });
}

// src/image/registry/client.ts
import { createHash } from "node:crypto";

// src/image/registry/challenge.ts
function parseChallenges(header) {
  if (!header) return [];
  const challenges = [];
  let i = 0;
  const s = header;
  const skip = (re) => {
    while (i < s.length && re.test(s[i])) i++;
  };
  while (i < s.length) {
    skip(/[\s,]/);
    const start = i;
    while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i])) i++;
    if (i === start) break;
    const scheme = s.slice(start, i).toLowerCase();
    const params = {};
    for (; ; ) {
      skip(/[\s,]/);
      const keyStart = i;
      while (i < s.length && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(s[i])) i++;
      const key = s.slice(keyStart, i);
      skip(/\s/);
      if (!key || s[i] !== "=") {
        i = keyStart;
        break;
      }
      i++;
      skip(/\s/);
      let value = "";
      if (s[i] === '"') {
        i++;
        while (i < s.length && s[i] !== '"') {
          if (s[i] === "\\" && i + 1 < s.length) i++;
          value += s[i++];
        }
        i++;
      } else {
        const valueStart = i;
        while (i < s.length && !/[\s,]/.test(s[i])) i++;
        value = s.slice(valueStart, i);
      }
      params[key.toLowerCase()] = value;
    }
    challenges.push({ scheme, params });
  }
  return challenges;
}

// src/image/registry/client.ts
var RegistryError = class extends BakeFailure {
  constructor(message, status, code = null) {
    super(message);
    this.status = status;
    this.code = code;
  }
  status;
  code;
  name = "RegistryError";
};
var RegistryAuthError = class extends RegistryError {
  name = "RegistryAuthError";
};
var DEFAULT_RETRY = { attempts: 4, delayMs: 250 };
var CHUNK_SIZE = 16 * 1024 * 1024;
function sha256Digest(data) {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}
function isLoopback(registry) {
  const host = registry.startsWith("[") ? registry.slice(1, registry.indexOf("]")) : registry.replace(/:\d+$/, "");
  return host === "localhost" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
function registryBaseUrl(registry, insecure = []) {
  const host = registry === DOCKER_HUB ? "registry-1.docker.io" : registry;
  const plain = isLoopback(registry) || insecure.some((h) => h.toLowerCase() === registry.toLowerCase());
  return `${plain ? "http" : "https"}://${host}`;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function registryWords(text) {
  try {
    const body = JSON.parse(text);
    const first = body.errors?.[0];
    if (first) {
      return {
        code: first.code ?? null,
        message: [first.code, first.message].filter(Boolean).join(": ")
      };
    }
  } catch {
  }
  return { code: null, message: text.trim().slice(0, 300) };
}
function retriable(status) {
  return status >= 500 || status === 429 || status === 408;
}
var RegistryClient = class {
  registry;
  baseUrl;
  auth;
  retry;
  chunkSize;
  log;
  /** `repository:<name>:<actions>` for every repository this run touches: one token covers them all. */
  scopes = /* @__PURE__ */ new Map();
  authorization = null;
  authorizedFor = "";
  constructor(options) {
    this.registry = options.registry;
    this.baseUrl = registryBaseUrl(options.registry, options.insecure);
    this.auth = options.auth;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.chunkSize = options.chunkSize ?? CHUNK_SIZE;
    this.log = options.log ?? (() => void 0);
  }
  /** Declares what this run does in `repository` (pull; pull,push), before the first request. */
  need(repository, ...actions) {
    const set = this.scopes.get(repository) ?? /* @__PURE__ */ new Set();
    actions.forEach((a) => set.add(a));
    this.scopes.set(repository, set);
  }
  scopeList(extra) {
    const scopes = [...this.scopes].map(
      ([repo, actions]) => `repository:${repo}:${[...actions].sort().join(",")}`
    );
    scopes.sort((a, b) => Number(b.endsWith("push")) - Number(a.endsWith("push")));
    for (const s of (extra ?? "").split(" ").filter(Boolean)) if (!scopes.includes(s)) scopes.push(s);
    return scopes;
  }
  who() {
    return this.auth?.username ? ` of user '${this.auth.username}'` : "";
  }
  howToLogIn() {
    return `Log in to ${this.registry} (docker login, docker/login-action, or the registry-username/registry-password inputs; CLI: --registry-username with $SPIFF_MODELS_REGISTRY_PASSWORD)`;
  }
  /** Answers a 401: a token from the Bearer realm, or Basic credentials. */
  async authenticate(challenges, what) {
    const bearer = challenges.find((c) => c.scheme === "bearer");
    const basic = challenges.find((c) => c.scheme === "basic");
    if (bearer) {
      const realm = bearer.params.realm;
      if (!realm) {
        throw new RegistryAuthError(
          `${this.registry} asked for a Bearer token without naming a realm while ${what}.`,
          401
        );
      }
      const scopes = this.scopeList(bearer.params.scope);
      const key = `bearer ${scopes.join(" ")}`;
      this.authorization = `Bearer ${await this.fetchToken(realm, bearer.params.service, scopes, what)}`;
      this.authorizedFor = key;
      return;
    }
    if (basic) {
      if (!this.auth?.username && !this.auth?.password) {
        throw new RegistryAuthError(
          `${this.registry} needs credentials (Basic realm "${basic.params.realm ?? ""}") while ${what}. ${this.howToLogIn()}.`,
          401
        );
      }
      this.authorization = `Basic ${Buffer.from(`${this.auth.username ?? ""}:${this.auth.password ?? ""}`).toString("base64")}`;
      this.authorizedFor = "basic";
      return;
    }
    const schemes = challenges.map((c) => c.scheme).join(", ") || "none";
    throw new RegistryAuthError(
      `${this.registry} answered 401 with an authentication scheme this tool does not speak (${schemes}) while ${what}; only Bearer and Basic are supported.`,
      401
    );
  }
  /** The token flow: GET the realm (Basic when there are credentials), or POST a refresh token (identitytoken). */
  async fetchToken(realm, service, scopes, what) {
    let url;
    try {
      url = new URL(realm);
    } catch {
      throw new RegistryAuthError(
        `${this.registry} named a token realm that is not a URL: '${printable(realm)}'.`,
        401
      );
    }
    let response;
    try {
      if (this.auth?.identitytoken) {
        const form = new URLSearchParams({
          grant_type: "refresh_token",
          refresh_token: this.auth.identitytoken,
          client_id: "spiff-models",
          ...service ? { service } : {}
        });
        if (scopes.length) form.set("scope", scopes.join(" "));
        response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: form.toString()
        });
      } else {
        if (service) url.searchParams.set("service", service);
        for (const s of scopes) url.searchParams.append("scope", s);
        const headers = {};
        if (this.auth?.username || this.auth?.password) {
          headers.Authorization = `Basic ${Buffer.from(`${this.auth.username ?? ""}:${this.auth.password ?? ""}`).toString("base64")}`;
        }
        response = await this.withRetry(
          `getting a token from ${url.origin}${url.pathname}`,
          () => fetch(url, { headers })
        );
      }
    } catch (err) {
      if (err instanceof RegistryError) throw err;
      throw new RegistryAuthError(
        `cannot reach the token realm ${url.origin}${url.pathname} of ${this.registry}: ${errorMessage(err)}.`,
        null
      );
    }
    const text = await response.text();
    if (response.status === 401 || response.status === 403) {
      throw new RegistryAuthError(
        `the registry ${this.registry} refused the credentials${this.who()} (token realm ${url.origin}${url.pathname} answered ${response.status}: ${registryWords(text).message || response.statusText}) while ${what}. Nothing was pushed. ${this.howToLogIn()}, and check that the token may read the base and write the image.`,
        response.status
      );
    }
    if (!response.ok) {
      throw new RegistryAuthError(
        `the token realm ${url.origin}${url.pathname} of ${this.registry} answered ${response.status} while ${what}: ${registryWords(text).message}`,
        response.status
      );
    }
    let body;
    try {
      body = JSON.parse(text);
    } catch {
      throw new RegistryAuthError(
        `the token realm of ${this.registry} answered something that is not JSON.`,
        200
      );
    }
    const token = body.token ?? body.access_token;
    if (!token)
      throw new RegistryAuthError(`the token realm of ${this.registry} answered without a token.`, 200);
    this.log(`${this.registry}: token for ${scopes.join(" ") || "no scope"}`);
    return token;
  }
  /** Runs `attempt` until it answers something that is not 5xx/429, or the tries are used up. */
  async withRetry(what, attempt) {
    let delay = this.retry.delayMs;
    for (let n = 1; ; n++) {
      let failure;
      try {
        const response = await attempt();
        if (!retriable(response.status) || n >= this.retry.attempts) return response;
        failure = `${response.status} ${registryWords(await response.text()).message || response.statusText}`;
      } catch (err) {
        if (err instanceof RegistryError) throw err;
        const cause = err.cause;
        failure = `${errorMessage(err)}${cause ? ` (${errorMessage(cause)})` : ""}`;
        if (n >= this.retry.attempts) {
          throw new RegistryError(
            `cannot reach the registry ${this.registry} (${this.baseUrl}) while ${what}: ${failure}, after ${n} tries. Check the registry name and that it is up${this.baseUrl.startsWith("https") && !isLoopback(this.registry) ? "" : " (plain HTTP for loopback and --insecure-registry)"}.`,
            null
          );
        }
      }
      this.log(
        `${this.registry}: ${what}: ${failure}; try ${n + 1} of ${this.retry.attempts} in ${delay} ms`
      );
      await sleep(delay);
      delay *= 2;
    }
  }
  /** One request with auth: a 401 is answered once (token or Basic), then the request is sent again. */
  async request(method, pathOrUrl, options) {
    const url = new URL(pathOrUrl, this.baseUrl);
    const send = () => {
      const headers = { ...options.headers ?? {} };
      if (this.authorization) headers.Authorization = this.authorization;
      return fetch(url, {
        method,
        headers,
        body: options.body,
        redirect: "follow"
      });
    };
    const sendWithRetry = () => options.once ? send() : this.withRetry(options.what, send);
    let response = await sendWithRetry().catch((err) => {
      if (err instanceof RegistryError) throw err;
      throw new RegistryError(
        `cannot reach the registry ${this.registry} (${this.baseUrl}) while ${options.what}: ${errorMessage(err)}.`,
        null
      );
    });
    if (response.status === 401) {
      const challenges = parseChallenges(response.headers.get("www-authenticate"));
      await response.arrayBuffer();
      const before = this.authorizedFor;
      await this.authenticate(challenges, options.what);
      response = await sendWithRetry();
      if (response.status === 401) {
        const text = await response.text();
        const retryChallenges = parseChallenges(response.headers.get("www-authenticate"));
        if (this.authorizedFor !== before && retryChallenges.some((c) => c.scheme === "bearer")) {
          await this.authenticate(retryChallenges, options.what);
          response = await sendWithRetry();
        }
        if (response.status === 401) {
          const refused = this.auth ? `the registry ${this.registry} refused the credentials${this.who()}` : `the registry ${this.registry} refused anonymous access (no credentials found)`;
          throw new RegistryAuthError(
            `${refused} while ${options.what}: ${registryWords(text).message || "unauthorized"}. Nothing was tagged. ${this.howToLogIn()}.`,
            401
          );
        }
      }
    }
    if (!options.ok.includes(response.status)) {
      const text = await response.text().catch(() => "");
      const words = registryWords(text);
      const Kind = response.status === 403 ? RegistryAuthError : RegistryError;
      throw new Kind(
        `the registry ${this.registry} answered ${response.status} while ${options.what}${words.message ? `: ${words.message}` : ""}` + (response.status === 403 ? `. The credentials${this.who()} may not do this; check the token's permissions (GHCR: packages: write).` : retriable(response.status) && !options.once ? ` (after ${this.retry.attempts} tries).` : "."),
        response.status,
        words.code
      );
    }
    return response;
  }
  /** The manifest or index at `reference` (tag or digest), checked against its digest. Null when unknown. */
  async getManifest(repository, reference) {
    const what = `reading the manifest ${repository}${reference.includes(":") ? "@" : ":"}${reference}`;
    const response = await this.request("GET", `/v2/${repository}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      what
    });
    if (response.status === 404) {
      await response.arrayBuffer();
      return null;
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    const digest = sha256Digest(bytes);
    if (reference.startsWith("sha256:") && reference !== digest) {
      throw new RegistryError(`${what}: the registry sent content with digest ${digest}.`, 200);
    }
    let mediaType = (response.headers.get("content-type") ?? "").split(";")[0].trim();
    try {
      const parsed = JSON.parse(bytes.toString("utf8"));
      if (parsed.mediaType) mediaType = parsed.mediaType;
    } catch {
      throw new RegistryError(`${what}: the registry sent a manifest that is not JSON.`, 200);
    }
    return { mediaType, digest, bytes };
  }
  /** The digest a tag points at, or null when the tag (or repository) does not exist. */
  async manifestDigest(repository, reference) {
    const response = await this.request("HEAD", `/v2/${repository}/manifests/${reference}`, {
      headers: { Accept: MANIFEST_ACCEPT },
      ok: [200, 404],
      what: `looking up ${repository}:${reference}`
    });
    return response.status === 200 ? response.headers.get("docker-content-digest") : null;
  }
  async hasBlob(repository, digest) {
    const response = await this.request("HEAD", `/v2/${repository}/blobs/${digest}`, {
      ok: [200, 404],
      what: `checking blob ${digest.slice(0, 19)} in ${repository}`
    });
    return response.status === 200;
  }
  /** A small blob (a config), whole and checked against its digest. */
  async getBlob(repository, digest) {
    const what = `reading blob ${digest.slice(0, 19)} of ${repository}`;
    const response = await this.request("GET", `/v2/${repository}/blobs/${digest}`, { ok: [200], what });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (sha256Digest(bytes) !== digest) {
      throw new RegistryError(`${what}: the registry sent content with digest ${sha256Digest(bytes)}.`, 200);
    }
    return bytes;
  }
  /** A blob's bytes as they arrive (base layers copied between registries). */
  blobSource(repository, digest) {
    return async function* () {
      const response = await this.request("GET", `/v2/${repository}/blobs/${digest}`, {
        ok: [200],
        what: `reading blob ${digest.slice(0, 19)} of ${repository}`
      });
      if (!response.body) return;
      for await (const chunk of response.body) yield chunk;
    }.bind(this);
  }
  /**
   * Cross-repository mount: true when the registry linked the blob (201); false when it wants an upload (202,
   * it then opened one, which is left to expire).
   */
  async mountBlob(repository, digest, from) {
    const query = new URLSearchParams({ mount: digest, from });
    const response = await this.request("POST", `/v2/${repository}/blobs/uploads/?${query}`, {
      ok: [201, 202],
      what: `mounting blob ${digest.slice(0, 19)} from ${from} into ${repository}`
    });
    await response.arrayBuffer();
    return response.status === 201;
  }
  location(response, what) {
    const location = response.headers.get("location");
    if (!location)
      throw new RegistryError(`${what}: the registry sent no Location for the upload.`, response.status);
    return new URL(location, this.baseUrl);
  }
  /**
   * Uploads a blob of `size` bytes: one PUT when it fits a chunk, else PATCH chunks and a closing PUT. A failure
   * anywhere restarts the upload (a half-sent session cannot be trusted), with backoff.
   */
  async uploadBlob(repository, digest, size, source) {
    const what = `uploading blob ${digest.slice(0, 19)} (${size} bytes) to ${repository}`;
    let delay = this.retry.delayMs;
    for (let n = 1; ; n++) {
      try {
        await this.uploadOnce(repository, digest, size, source, what);
        return;
      } catch (err) {
        const transient = !(err instanceof RegistryAuthError) && (!(err instanceof RegistryError) || err.status === null || retriable(err.status));
        if (!transient) throw err;
        if (n >= this.retry.attempts) {
          const e = err;
          throw new RegistryError(
            `${errorMessage(err).replace(/\.$/, "")} (the whole upload tried ${n} times). Nothing was tagged; run bake again (blobs already in the registry are not sent again).`,
            e.status ?? null,
            e.code ?? null
          );
        }
        this.log(
          `${this.registry}: ${what}: ${errorMessage(err)}; try ${n + 1} of ${this.retry.attempts} in ${delay} ms`
        );
        await sleep(delay);
        delay *= 2;
      }
    }
  }
  async uploadOnce(repository, digest, size, source, what) {
    const started = await this.request("POST", `/v2/${repository}/blobs/uploads/`, {
      ok: [202],
      what,
      once: true
    });
    await started.arrayBuffer();
    let location = this.location(started, what);
    const hash = createHash("sha256");
    let sent = 0;
    const octets = { "Content-Type": "application/octet-stream" };
    const close = async (body) => {
      location.searchParams.set("digest", digest);
      const done = await this.request("PUT", location.toString(), {
        headers: octets,
        body,
        ok: [201, 204],
        what,
        once: true
      });
      await done.arrayBuffer();
    };
    const check = () => {
      const got = `sha256:${hash.digest("hex")}`;
      if (sent !== size || got !== digest) {
        throw new RegistryError(
          `${what}: the source gave ${sent} bytes with digest ${got}; expected ${size} bytes, ${digest}.`,
          null
        );
      }
    };
    if (size <= this.chunkSize) {
      const parts = [];
      for await (const chunk of source()) {
        const b = Buffer.from(chunk);
        hash.update(b);
        sent += b.length;
        parts.push(b);
      }
      check();
      await close(Buffer.concat(parts));
      return;
    }
    let pending = [];
    let pendingBytes = 0;
    const patch = async () => {
      const body = Buffer.concat(pending);
      pending = [];
      pendingBytes = 0;
      const response = await this.request("PATCH", location.toString(), {
        headers: {
          ...octets,
          "Content-Range": `${sent - body.length}-${sent - 1}`
        },
        body,
        ok: [202, 204],
        what,
        once: true
      });
      await response.arrayBuffer();
      location = this.location(response, what);
    };
    for await (const chunk of source()) {
      let b = Buffer.from(chunk);
      while (b.length) {
        const take = Math.min(b.length, this.chunkSize - pendingBytes);
        const part = b.subarray(0, take);
        hash.update(part);
        sent += part.length;
        pending.push(part);
        pendingBytes += part.length;
        b = b.subarray(take);
        if (pendingBytes === this.chunkSize) await patch();
      }
    }
    if (pendingBytes) await patch();
    check();
    await close(Buffer.alloc(0));
  }
  /** PUT a manifest or index at a tag or its digest; returns the digest (Docker-Content-Digest, else computed). */
  async putManifest(repository, reference, mediaType, bytes) {
    const response = await this.request("PUT", `/v2/${repository}/manifests/${reference}`, {
      headers: { "Content-Type": mediaType },
      body: bytes,
      ok: [200, 201, 202],
      what: `writing ${repository}${reference.startsWith("sha256:") ? "@" : ":"}${reference}`
    });
    await response.arrayBuffer();
    const digest = sha256Digest(bytes);
    const said = response.headers.get("docker-content-digest");
    if (said && said !== digest) {
      throw new RegistryError(
        `writing ${repository}:${reference}: the registry stored digest ${said}, but the manifest sent has ${digest}.`,
        response.status
      );
    }
    return digest;
  }
};

// src/image/registry/layer.ts
import { createHash as createHash2 } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
var GZIP_LEVEL = 6;
var GZIP_OS_UNIX = 3;
function hashing(hash, count) {
  return new Transform({
    transform(chunk, _enc, done) {
      hash.update(chunk);
      count.n += chunk.length;
      done(null, chunk);
    }
  });
}
function fixOsByte() {
  let offset = 0;
  return new Transform({
    transform(chunk, _enc, done) {
      if (offset <= 9 && offset + chunk.length > 9) {
        chunk = Buffer.from(chunk);
        chunk[9 - offset] = GZIP_OS_UNIX;
      }
      offset += chunk.length;
      done(null, chunk);
    }
  });
}
async function writeModelsLayer(tar) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "spiff-models-layer-"));
  const file = path.join(dir, "layer.tar.gz");
  const tarHash = createHash2("sha256");
  const gzHash = createHash2("sha256");
  const tarCount = { n: 0 };
  const gzCount = { n: 0 };
  try {
    await pipeline(
      tar,
      hashing(tarHash, tarCount),
      zlib.createGzip({ level: GZIP_LEVEL }),
      fixOsByte(),
      hashing(gzHash, gzCount),
      createWriteStream(file)
    );
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  const size = (await stat(file)).size;
  return {
    digest: `sha256:${gzHash.digest("hex")}`,
    diffId: `sha256:${tarHash.digest("hex")}`,
    size,
    tarSize: tarCount.n,
    file,
    source: () => createReadStream(file),
    remove: () => rm(dir, { recursive: true, force: true })
  };
}

// src/image/registry/build.ts
async function mapLimit(items, limit, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}
function parseJson(bytes, what) {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    throw new RegistryError(`${what} is not JSON.`, 200);
  }
}
function unknownType(what, mediaType) {
  return new SetupError(
    `${what} has media type '${printable(mediaType || "(none)")}', which the registry builder does not know: it reads OCI and Docker v2 image indexes and manifests (${[...INDEX_TYPES, ...MANIFEST_TYPES].join(", ")}). Use builder engine (--builder engine), or a base image pushed in one of those formats.`
  );
}
function repoName(ref) {
  return ref.path;
}
function selectPlatforms(entries, wanted, base) {
  const platforms = entries.filter((d) => !isAttestation(d));
  for (const d of platforms) {
    if (!MANIFEST_TYPES.includes(d.mediaType))
      throw unknownType(`an entry of the base image ${base}`, d.mediaType);
    if (!d.platform) {
      throw new SetupError(
        `an entry of the base image ${base} (${d.digest}) names no platform; use builder engine.`
      );
    }
  }
  if (!wanted) return platforms;
  const chosen = platforms.filter((d) => wanted.some((w) => platformMatches(w, d.platform)));
  const missing = wanted.filter((w) => !platforms.some((d) => platformMatches(w, d.platform)));
  if (missing.length) {
    throw new UsageError(
      `the base image ${base} has no ${missing.map(formatPlatform).join(", ")} image; it has ${platforms.map((d) => formatPlatform(d.platform)).join(", ") || "no platform images"}. Fix --platform (action input: platforms).`
    );
  }
  return chosen;
}
async function readBase(client, ref, wanted, baseImage) {
  const repository = repoName(ref);
  const top = await client.getManifest(repository, ref.digest ?? ref.tag ?? "latest");
  if (!top) {
    throw new SetupError(
      `the base image ${baseImage} is not in the registry ${ref.registry} (no manifest for ${ref.digest ?? ref.tag ?? "latest"} in ${repository}). Check the name and tag, and that the credentials may read it.`
    );
  }
  const readEntry = async (descriptor, bytes, manifestType) => {
    const manifest = parseJson(bytes, `the manifest of ${baseImage}`);
    if (!manifest.config?.digest || !Array.isArray(manifest.layers)) {
      throw new SetupError(
        `the manifest ${descriptor?.digest ?? ""} of ${baseImage} has no config or layers.`
      );
    }
    const config = parseJson(
      await client.getBlob(repository, manifest.config.digest),
      `the config of ${baseImage}`
    );
    return { descriptor, manifest, manifestType, config, configType: manifest.config.mediaType };
  };
  if (INDEX_TYPES.includes(top.mediaType)) {
    const index = parseJson(top.bytes, `the index of ${baseImage}`);
    const chosen = selectPlatforms(index.manifests ?? [], wanted, baseImage);
    if (!chosen.length) throw new SetupError(`the base image ${baseImage} lists no platform images.`);
    const entries = await mapLimit(chosen, 4, async (d) => {
      const m = await client.getManifest(repository, d.digest);
      if (!m)
        throw new SetupError(
          `the base image ${baseImage} lists ${d.digest}, which its registry does not have.`
        );
      if (!isManifestType(m.mediaType))
        throw unknownType(`the ${formatPlatform(d.platform)} image of ${baseImage}`, m.mediaType);
      return readEntry(d, m.bytes, m.mediaType);
    });
    return { digest: top.digest, indexType: top.mediaType, entries };
  }
  if (isManifestType(top.mediaType)) {
    const entry = await readEntry(null, top.bytes, top.mediaType);
    const platform = {
      os: entry.config.os ?? "linux",
      architecture: entry.config.architecture ?? "amd64",
      ...entry.config.variant ? { variant: entry.config.variant } : {}
    };
    if (wanted && !wanted.some((w) => platformMatches(w, platform))) {
      throw new UsageError(
        `the base image ${baseImage} is a single ${formatPlatform(platform)} image; --platform asks for ${wanted.map(formatPlatform).join(", ")}.`
      );
    }
    entry.descriptor = { mediaType: top.mediaType, digest: top.digest, size: top.bytes.length, platform };
    return { digest: top.digest, indexType: null, entries: [entry] };
  }
  throw unknownType(`the base image ${baseImage}`, top.mediaType);
}
async function registryBuild(request) {
  const { log } = request;
  checkTemplateForRegistry(request.template);
  const baseRef = parseReference(request.baseImage, "base image");
  const target = parseReference(request.image, "image");
  const sameRegistry = baseRef.registry === target.registry;
  const targetAuth = await resolveAuth(target.registry, request.credentials, request.env);
  const clientOptions = {
    insecure: request.insecureRegistries,
    ...request.client ?? {}
  };
  let sink = (line) => log.info(line);
  const detail = (line) => sink(line);
  const targetClient = new RegistryClient({
    registry: target.registry,
    auth: targetAuth,
    log: detail,
    ...clientOptions
  });
  const baseClient = sameRegistry ? targetClient : new RegistryClient({
    registry: baseRef.registry,
    // The credentials given for pushing only apply to the registry pushed to.
    auth: await resolveAuth(baseRef.registry, null, request.env),
    log: detail,
    ...clientOptions
  });
  baseClient.need(repoName(baseRef), "pull");
  if (request.push) targetClient.need(repoName(target), "pull", "push");
  const layerPromise = writeModelsLayer(request.layerTar());
  layerPromise.catch(() => void 0);
  let layer = null;
  try {
    const base = await readBase(baseClient, baseRef, request.platforms, request.baseImage).catch(
      async (err) => {
        await layerPromise.then((l) => l.remove()).catch(() => void 0);
        throw err;
      }
    );
    layer = await layerPromise;
    const inputDigest2 = request.inputDigest(base.digest);
    const digestLabel = { [request.inputDigestLabel]: inputDigest2 };
    const created = request.created;
    const platforms = [];
    const configs = /* @__PURE__ */ new Map();
    const manifests = [];
    const descriptors = [];
    for (const entry of base.entries) {
      const baseEnv = entry.config.config?.Env ?? [];
      const rendered = request.render(baseEnv, digestLabel);
      const instructions = readInstructions(rendered, request.template.source, baseEnv);
      const config = appendToConfig(entry.config, instructions, layer, created);
      const configBytes = encode(config);
      const configDigest = sha256Digest(configBytes);
      configs.set(configDigest, configBytes);
      const manifest = appendToManifest(
        entry.manifest,
        entry.manifestType,
        { mediaType: entry.configType, digest: configDigest, size: configBytes.length },
        layer
      );
      const manifestBytes = encode(manifest);
      const manifestDigest = sha256Digest(manifestBytes);
      manifests.push({ digest: manifestDigest, bytes: manifestBytes, mediaType: entry.manifestType });
      const platform = entry.descriptor?.platform;
      descriptors.push({
        mediaType: entry.manifestType,
        digest: manifestDigest,
        size: manifestBytes.length,
        platform
      });
      platforms.push({ platform, manifestDigest, configDigest, baseLayers: entry.manifest.layers, config });
    }
    const top = base.indexType ? (() => {
      const bytes = encode(buildIndex(base.indexType, descriptors));
      return { digest: sha256Digest(bytes), bytes, mediaType: base.indexType };
    })() : manifests[0];
    const result = {
      digest: top.digest,
      baseDigest: base.digest,
      mediaType: top.mediaType,
      layer: { digest: layer.digest, diffId: layer.diffId, size: layer.size },
      platforms,
      inputDigest: inputDigest2,
      labels: platforms[0]?.config.config?.Labels ?? {},
      unchanged: false,
      pushed: false,
      uploadedBytes: 0,
      mounted: 0,
      copied: 0
    };
    const names = platforms.map((p) => formatPlatform(p.platform)).join(", ");
    log.info(
      `registry builder: ${request.baseImage} (${base.digest.slice(0, 19)}) + models layer ${layer.digest.slice(0, 19)} (${layer.size} bytes) for ${names} -> ${top.digest.slice(0, 19)}`
    );
    if (!request.push) {
      log.info(
        `not pushed (push is off): ${request.image}@${top.digest} would be tagged ${request.tags.join(", ")}`
      );
      return result;
    }
    const repository = repoName(target);
    const current = await mapLimit(request.tags, 4, (tag) => targetClient.manifestDigest(repository, tag));
    if (current.every((d) => d === top.digest)) {
      result.unchanged = true;
      log.info(
        `unchanged input: ${request.image}:{${request.tags.join(",")}} already point at ${top.digest}; pushed nothing`
      );
      return result;
    }
    await log.group(`Push ${request.image} (${names})`, async (line) => {
      sink = line;
      const exists = await targetClient.manifestDigest(repository, top.digest);
      if (exists !== top.digest) {
        const baseLayers = /* @__PURE__ */ new Map();
        for (const p of platforms) for (const l of p.baseLayers) baseLayers.set(l.digest, l);
        const layerFile = layer;
        const blobs = [
          async () => {
            if (await targetClient.hasBlob(repository, layerFile.digest)) return;
            await targetClient.uploadBlob(repository, layerFile.digest, layerFile.size, layerFile.source);
            result.uploadedBytes += layerFile.size;
            line(`models layer ${layerFile.digest.slice(0, 19)}: uploaded ${layerFile.size} bytes`);
          },
          ...[...baseLayers.values()].map((l) => async () => {
            if (await targetClient.hasBlob(repository, l.digest)) return;
            if (sameRegistry && await targetClient.mountBlob(repository, l.digest, repoName(baseRef))) {
              result.mounted++;
              line(`base layer ${l.digest.slice(0, 19)}: mounted from ${repoName(baseRef)}`);
              return;
            }
            await targetClient.uploadBlob(
              repository,
              l.digest,
              l.size,
              baseClient.blobSource(repoName(baseRef), l.digest)
            );
            result.copied++;
            result.uploadedBytes += l.size;
            line(
              `base layer ${l.digest.slice(0, 19)}: copied from ${baseRef.registry}/${repoName(baseRef)} (${l.size} bytes)`
            );
          }),
          ...[...configs].map(([digest, bytes]) => async () => {
            if (await targetClient.hasBlob(repository, digest)) return;
            await targetClient.uploadBlob(repository, digest, bytes.length, async function* () {
              yield bytes;
            });
            result.uploadedBytes += bytes.length;
          })
        ];
        await mapLimit(blobs, 4, (upload) => upload());
        for (const m of manifests)
          await targetClient.putManifest(repository, m.digest, m.mediaType, m.bytes);
        if (base.indexType)
          await targetClient.putManifest(repository, top.digest, top.mediaType, top.bytes);
        line(
          `${base.indexType ? "index" : "manifest"} ${top.digest} written (${manifests.length} platform manifest(s))`
        );
      } else {
        line(`${top.digest} is already in ${repository}: only the tags are written`);
      }
      for (const [i, tag] of request.tags.entries()) {
        if (current[i] === top.digest) continue;
        await targetClient.putManifest(repository, tag, top.mediaType, top.bytes);
        line(`tagged ${tag}`);
      }
    }).finally(() => {
      sink = (l) => log.info(l);
    });
    result.pushed = true;
    return result;
  } finally {
    if (layer) await layer.remove();
  }
}
async function verifyPushed(request, result, expected) {
  const target = parseReference(request.image, "image");
  const repository = repoName(target);
  const client = new RegistryClient({
    registry: target.registry,
    auth: await resolveAuth(target.registry, request.credentials, request.env),
    insecure: request.insecureRegistries,
    ...request.client ?? {}
  });
  client.need(repository, "pull");
  const fail = (what) => {
    throw new RegistryVerifyError(`verify failed for ${request.image}@${result.digest}: ${what}`, null);
  };
  const top = await client.getManifest(repository, result.digest);
  if (!top) fail("the registry does not have it.");
  const checks = [];
  const wanted = new Map(result.platforms.map((p) => [p.manifestDigest, p]));
  if (INDEX_TYPES.includes(top.mediaType)) {
    const index = parseJson(top.bytes, "the pushed index");
    const listed = index.manifests.map((d) => d.digest).sort();
    if (JSON.stringify(listed) !== JSON.stringify([...wanted.keys()].sort())) {
      fail(`the index lists ${listed.join(", ")}, expected ${[...wanted.keys()].join(", ")}.`);
    }
    if (index.manifests.some(isAttestation)) fail("the index lists an attestation manifest.");
    checks.push(`index lists ${result.platforms.map((p) => formatPlatform(p.platform)).join(", ")}`);
  }
  for (const p of result.platforms) {
    const name = formatPlatform(p.platform);
    const m = await client.getManifest(repository, p.manifestDigest);
    if (!m) fail(`the ${name} manifest ${p.manifestDigest} is missing.`);
    const manifest = parseJson(m.bytes, `the ${name} manifest`);
    const layers = manifest.layers.map((l) => l.digest);
    const expectedLayers = [...p.baseLayers.map((l) => l.digest), result.layer.digest];
    if (JSON.stringify(layers) !== JSON.stringify(expectedLayers)) {
      fail(
        `the ${name} manifest's layers are ${layers.join(", ")}; expected the base layers plus ${result.layer.digest}.`
      );
    }
    for (const digest of [...layers, manifest.config.digest]) {
      if (!await client.hasBlob(repository, digest))
        fail(`blob ${digest} of the ${name} image is missing.`);
    }
    const config = parseJson(
      await client.getBlob(repository, manifest.config.digest),
      `the ${name} config`
    );
    const diffIds = config.rootfs?.diff_ids ?? [];
    if (diffIds[diffIds.length - 1] !== result.layer.diffId)
      fail(`the ${name} config's last diff_id is not the models layer's.`);
    const env = config.config?.Env ?? [];
    if (!env.includes(`${expected.modelsDirEnv}=${expected.modelsDir}`)) {
      fail(
        `the ${name} config does not set ${expected.modelsDirEnv}=${expected.modelsDir}. A custom template must keep {{env}}.`
      );
    }
    const labels = config.config?.Labels ?? {};
    for (const [k, v] of Object.entries(expected.labels)) {
      if (labels[k] !== v)
        fail(`the ${name} config's label ${k} is '${labels[k] ?? "(unset)"}', expected '${v}'.`);
    }
    checks.push(`${name}: base layers + models layer, ${expected.modelsDirEnv}=${expected.modelsDir}`);
  }
  return checks;
}
var RegistryVerifyError = class extends RegistryError {
  name = "RegistryVerifyError";
};

// src/image/builders/registry.ts
function registryRequest(plan, options) {
  return {
    baseImage: plan.baseImage,
    image: plan.image,
    tags: plan.tags.tags,
    template: plan.template,
    render: (baseEnv, extraLabels) => renderDockerfile(plan, baseEnv, extraLabels),
    // The base digest pins every platform's config, so the Dockerfile without base env is enough next to it.
    inputDigest: (baseDigest) => inputDigest(plan.layer.contentDigest, renderDockerfile(plan, []), baseDigest),
    inputDigestLabel: LABELS.inputDigest,
    layerTar: () => layerTar(plan.layer),
    created: plan.created !== null ? new Date(plan.created * 1e3).toISOString() : null,
    platforms: options.platforms ?? null,
    push: options.push,
    credentials: options.credentials,
    insecureRegistries: options.insecureRegistries ?? [],
    env: options.env,
    log: options.log,
    client: options.registryClient
  };
}
var ARCHITECTURES = {
  x86_64: "amd64",
  amd64: "amd64",
  aarch64: "arm64",
  arm64: "arm64",
  armv7l: "arm",
  armv6l: "arm",
  i386: "386",
  i686: "386",
  ppc64le: "ppc64le",
  s390x: "s390x",
  riscv64: "riscv64"
};
async function enginePlatform(engine) {
  try {
    const info = await engine.docker.info();
    const architecture = ARCHITECTURES[info.Architecture ?? ""] ?? info.Architecture;
    if (!architecture) return null;
    const variant = info.Architecture === "armv7l" ? "v7" : info.Architecture === "armv6l" ? "v6" : void 0;
    return { os: info.OSType || "linux", architecture, ...variant ? { variant } : {} };
  } catch {
    return null;
  }
}
var registryBuilder = {
  name: "registry",
  async build(plan, options) {
    const { log } = options;
    if (!plan.registry) {
      throw new UsageError("--builder registry needs --image naming the registry repository to push to.");
    }
    if (options.verify && !options.push) {
      throw new UsageError("--verify with the registry builder checks the pushed image: add --push.");
    }
    const request = registryRequest(plan, options);
    const built = await registryBuild(request);
    const result = {
      // No image exists outside the registry: the first platform's config digest stands for the image id.
      imageId: built.platforms[0]?.configDigest ?? "",
      digest: built.digest,
      tags: plan.tags.references,
      labels: { ...plan.labels, [LABELS.inputDigest]: built.inputDigest },
      inputDigest: built.inputDigest,
      contextBytes: built.unchanged ? 0 : built.layer.size,
      skipped: built.unchanged,
      pushed: built.pushed,
      verified: [],
      platforms: built.platforms.map((p) => formatPlatform(p.platform))
    };
    if (built.pushed) {
      log.info(
        `pushed ${result.tags.join(", ")} (${result.digest}): ${built.mounted} base layer(s) mounted, ${built.copied} copied, ${formatBytes(built.uploadedBytes)} uploaded`
      );
    }
    if (!options.verify) return result;
    const found = await connectEngine(options.env).catch(() => null);
    const native = found ? await enginePlatform(found) : null;
    const runnable = native !== null && built.platforms.some((p) => platformMatches(native, p.platform));
    if (found && native && !runnable) {
      log.info(
        `verify: the engine runs ${formatPlatform(native)}, which was not built: the pushed configs and layers are read back instead of running the image.`
      );
    }
    const engine = runnable ? found : null;
    if (engine) {
      const reference = `${plan.image}@${built.digest}`;
      const auth = await resolveAuth(
        parseReference(plan.image, "image").registry,
        options.credentials,
        options.env
      );
      await log.group(`Pull ${reference} (verify)`, (line) => pullImage(engine, reference, auth, line)).catch((err) => {
        throw new VerifyError(
          `verify: the engine could not pull ${reference}, just pushed: ${errorMessage(err)}`
        );
      });
      try {
        result.verified = (await verifyImage(engine, reference, {
          modelsDir: plan.layer.modelsDir,
          gitHistory: plan.layer.gitHistory,
          shortRevision: plan.revision
        })).checks;
      } finally {
        await removeImage(engine, reference);
      }
    } else {
      const labels = {};
      if (plan.git) labels["org.opencontainers.image.revision"] = plan.git.commit;
      if (plan.labels[LABELS.revision]) labels[LABELS.revision] = plan.labels[LABELS.revision];
      result.verified = await verifyPushed(request, built, {
        modelsDir: plan.layer.modelsDir,
        modelsDirEnv: MODELS_DIR_ENV,
        labels
      });
    }
    log.info(`verified: ${result.verified.join("; ")}`);
    return result;
  }
};
export {
  registryBuilder,
  registryRequest
};
