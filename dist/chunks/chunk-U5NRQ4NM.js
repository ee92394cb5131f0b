import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);
import {
  ROOTFS_TAR
} from "./chunk-DBZL2GQ3.js";
import {
  UsageError
} from "./chunk-YIX2ZCHG.js";

// src/image/registry/media-types.ts
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var OCI_LAYER_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";
var DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var DOCKER_LAYER_GZIP = "application/vnd.docker.image.rootfs.diff.tar.gzip";
var INDEX_TYPES = [OCI_INDEX, DOCKER_LIST];
var MANIFEST_TYPES = [OCI_MANIFEST, DOCKER_MANIFEST];
var MANIFEST_ACCEPT = [...INDEX_TYPES, ...MANIFEST_TYPES].join(", ");
var ATTESTATION_ANNOTATION = "vnd.docker.reference.type";
function formatPlatform(p) {
  return [p.os, p.architecture, p.variant].filter(Boolean).join("/");
}
function isAttestation(d) {
  return d.annotations?.[ATTESTATION_ANNOTATION] === "attestation-manifest" || d.platform?.os === "unknown" && d.platform?.architecture === "unknown";
}
function layerTypeFor(manifestType) {
  return manifestType === DOCKER_MANIFEST ? DOCKER_LAYER_GZIP : OCI_LAYER_GZIP;
}

// src/image/registry/image.ts
var COMMENT = "spiff-models bake (registry builder)";
function setEnv(env, key, value) {
  const entry = `${key}=${value}`;
  const i = env.findIndex((e) => e === key || e.startsWith(`${key}=`));
  if (i < 0) return [...env, entry];
  const copy = [...env];
  copy[i] = entry;
  return copy;
}
function resolveWorkdir(current, next) {
  const joined = next.startsWith("/") ? next : `${current.replace(/\/$/, "") || ""}/${next}`;
  const parts = [];
  for (const p of joined.split("/")) {
    if (!p || p === ".") continue;
    if (p === "..") parts.pop();
    else parts.push(p);
  }
  return `/${parts.join("/")}`;
}
function appendToConfig(base, instructions, layer, created) {
  const config = { ...base.config ?? {} };
  let env = [...config.Env ?? []];
  let labels = { ...config.Labels ?? {} };
  let workdir = config.WorkingDir ?? "";
  const history = [...base.history ?? []];
  const when = created ?? base.created;
  for (const ins of instructions) {
    if (ins.kind === "env") for (const [k, v] of ins.pairs) env = setEnv(env, k, v);
    else if (ins.kind === "label") labels = { ...labels, ...Object.fromEntries(ins.pairs) };
    else if (ins.kind === "workdir") workdir = resolveWorkdir(workdir || "/", ins.path);
    history.push({
      ...when ? { created: when } : {},
      created_by: ins.text,
      comment: COMMENT,
      ...ins.kind === "copy" ? {} : { empty_layer: true }
    });
  }
  config.Env = env;
  config.Labels = Object.fromEntries(Object.entries(labels).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
  if (workdir) config.WorkingDir = workdir;
  const out = {
    ...base,
    config,
    rootfs: { type: "layers", diff_ids: [...base.rootfs?.diff_ids ?? [], layer.diffId] },
    history
  };
  if (when) out.created = when;
  return out;
}
function appendToManifest(base, manifestType, config, layer) {
  return {
    schemaVersion: 2,
    mediaType: manifestType,
    config,
    layers: [
      ...base.layers,
      { mediaType: layerTypeFor(manifestType), digest: layer.digest, size: layer.size }
    ]
  };
}
function buildIndex(indexType, manifests) {
  return { schemaVersion: 2, mediaType: indexType, manifests };
}
function isManifestType(t) {
  return t === OCI_MANIFEST || t === DOCKER_MANIFEST;
}
function parsePlatform(text, what) {
  const parts = text.trim().split("/");
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9_.-]+$/i.test(p))) {
    throw new UsageError(`${what} '${text}' is not OS/ARCH[/VARIANT] (e.g. linux/amd64, linux/arm64).`);
  }
  return { os: parts[0], architecture: parts[1], ...parts[2] ? { variant: parts[2] } : {} };
}
function platformMatches(wanted, actual) {
  if (wanted.os !== actual.os || wanted.architecture !== actual.architecture) return false;
  if (!wanted.variant) return true;
  const variant = actual.variant ?? (actual.architecture === "arm64" ? "v8" : void 0);
  return wanted.variant === variant;
}
function encode(value) {
  return Buffer.from(JSON.stringify(value), "utf8");
}

// src/image/registry/dockerfile.ts
var ALLOWED = /* @__PURE__ */ new Set(["FROM", "ENV", "LABEL", "WORKDIR", "ADD", "COPY"]);
var PLACEHOLDER_KEYWORD = {
  "{{env}}": "ENV",
  "{{labels}}": "LABEL",
  "{{copy}}": "ADD"
};
function logicalLines(text) {
  const out = [];
  const lines = text.split("\n");
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let line = lines[i++].replace(/\r$/, "");
    if (/^\s*(#|$)/.test(line)) continue;
    while (/\\\s*$/.test(line) && i < lines.length) {
      line = line.replace(/\\\s*$/, "");
      let next = lines[i++].replace(/\r$/, "");
      while (/^\s*#/.test(next) && i < lines.length) next = lines[i++].replace(/\r$/, "");
      line += /^\s*#/.test(next) ? "" : next;
    }
    const m = /^\s*(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) continue;
    out.push({ line: start + 1, keyword: m[1], rest: m[2].trim() });
  }
  return out;
}
function refuse(template, line, what) {
  throw new UsageError(
    `template ${template.source}:${line}: ${what} The registry builder (builder: registry) does not run a build: it appends the models layer to the base image in the registry and can only set FROM {{base_image}}, ENV, LABEL, WORKDIR and {{copy}}. Use builder engine (--builder engine) for this template, or remove the instruction.`
  );
}
function checkTemplateForRegistry(template) {
  let froms = 0;
  const text = template.text.replace(/\{\{\s*([a-z_]+)\s*\}\}/g, "{{$1}}");
  for (const l of logicalLines(text)) {
    const keyword = PLACEHOLDER_KEYWORD[l.keyword] ?? l.keyword.toUpperCase();
    if (!ALLOWED.has(keyword))
      refuse(template, l.line, `${keyword} cannot be applied without a Docker Engine.`);
    if (keyword === "FROM") {
      froms++;
      if (froms > 1) refuse(template, l.line, "a second FROM (a multi-stage build) needs a Docker Engine.");
      if (!/^\{\{\s*base_image\s*\}\}$/.test(l.rest)) {
        refuse(
          template,
          l.line,
          `FROM ${l.rest} is not FROM {{base_image}}: the registry builder reads the base image named by base-image (--base-image), so the template must build on it.`
        );
      }
    }
    if ((keyword === "ADD" || keyword === "COPY") && l.keyword !== "{{copy}}") {
      refuse(
        template,
        l.line,
        `${keyword} ${l.rest} copies files the registry builder does not have; only {{copy}} (the models) is applied.`
      );
    }
  }
}
function splitWords(input, env, what) {
  const words = [];
  let word = "";
  let inWord = false;
  let i = 0;
  const expand = () => {
    i++;
    if (input[i] === "{") {
      const close = input.indexOf("}", i);
      if (close < 0) throw new UsageError(`${what}: '\${' without a closing '}'.`);
      const body = input.slice(i + 1, close);
      i = close + 1;
      const m2 = /^([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([\s\S]*))?$/.exec(body);
      if (!m2)
        throw new UsageError(
          `${what}: unsupported substitution '\${${body}}' (use \${VAR}, \${VAR:-x}, \${VAR:+x}).`
        );
      const value = env.get(m2[1]);
      if (m2[2] === "-") return value ? value : m2[3];
      if (m2[2] === "+") return value ? m2[3] : "";
      return value ?? "";
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(input.slice(i));
    if (!m) return "$";
    i += m[0].length;
    return env.get(m[0]) ?? "";
  };
  while (i < input.length) {
    const c = input[i];
    if (/\s/.test(c)) {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      i++;
      continue;
    }
    inWord = true;
    if (c === "\\") {
      word += input[i + 1] ?? "";
      i += 2;
    } else if (c === "'") {
      const close = input.indexOf("'", i + 1);
      if (close < 0) throw new UsageError(`${what}: a single quote without its closing quote.`);
      word += input.slice(i + 1, close);
      i = close + 1;
    } else if (c === '"') {
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === "\\" && /["\\$]/.test(input[i + 1] ?? "")) {
          word += input[i + 1];
          i += 2;
        } else if (input[i] === "$") {
          word += expand();
        } else {
          word += input[i++];
        }
      }
      if (input[i] !== '"') throw new UsageError(`${what}: a double quote without its closing quote.`);
      i++;
    } else if (c === "$") {
      word += expand();
    } else {
      word += c;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}
function pairs(words, keyword, what) {
  return words.map((w) => {
    const eq = w.indexOf("=");
    if (eq <= 0) throw new UsageError(`${what}: '${w}' is not KEY=VALUE (${keyword} KEY=VALUE ...).`);
    return [w.slice(0, eq), w.slice(eq + 1)];
  });
}
function readInstructions(rendered, source, baseEnv) {
  const env = new Map(
    baseEnv.map((e) => {
      const eq = e.indexOf("=");
      return eq < 0 ? [e, ""] : [e.slice(0, eq), e.slice(eq + 1)];
    })
  );
  const out = [];
  let copies = 0;
  for (const l of logicalLines(rendered)) {
    const keyword = l.keyword.toUpperCase();
    const what = `template ${source}, ${keyword} (rendered line ${l.line})`;
    const text = `${keyword} ${l.rest}`.replace(/\s*\\?\n\s*/g, " ");
    if (keyword === "FROM") continue;
    if (keyword === "ENV") {
      const words = splitWords(l.rest, env, what);
      const list = words.length >= 1 && !words[0].includes("=") ? [[words[0], splitWords(l.rest.replace(/^\S+\s*/, ""), env, what).join(" ")]] : pairs(words, "ENV", what);
      list.forEach(([k, v]) => env.set(k, v));
      out.push({ kind: "env", pairs: list, text });
    } else if (keyword === "LABEL") {
      out.push({ kind: "label", pairs: pairs(splitWords(l.rest, env, what), "LABEL", what), text });
    } else if (keyword === "WORKDIR") {
      const words = splitWords(l.rest, env, what);
      if (words.length !== 1) throw new UsageError(`${what}: WORKDIR takes one path.`);
      out.push({ kind: "workdir", path: words[0], text });
    } else if (keyword === "ADD" || keyword === "COPY") {
      if (l.rest !== `${ROOTFS_TAR} /`) {
        throw new UsageError(`${what}: only {{copy}} can put files in the image with the registry builder.`);
      }
      copies++;
      out.push({ kind: "copy", text });
    } else {
      throw new UsageError(`${what}: ${keyword} cannot be applied without a Docker Engine.`);
    }
  }
  if (copies !== 1) throw new UsageError(`template ${source}: it must use {{copy}} exactly once.`);
  return out;
}

export {
  INDEX_TYPES,
  MANIFEST_TYPES,
  MANIFEST_ACCEPT,
  formatPlatform,
  isAttestation,
  checkTemplateForRegistry,
  readInstructions,
  appendToConfig,
  appendToManifest,
  buildIndex,
  isManifestType,
  parsePlatform,
  platformMatches,
  encode
};
