// Image references (`registry/path:tag@digest`): parsing and validation after Docker's grammar, and the
// registry host a reference lives on (for credentials). Pure functions, no engine.
import { UsageError } from '../util/errors.js';
import { printable } from '../util/safe-text.js';

export interface ImageReference {
  /** Registry host as written (`ghcr.io`, `127.0.0.1:5000`), or `docker.io` when the name has none. */
  registry: string;
  /** Repository without the registry (`sartography/spiffworkflow-backend`; `library/x` for docker.io). */
  path: string;
  /** The repository as Docker names it: `registry/path`, or the bare path for Docker Hub. */
  repository: string;
  tag: string | null;
  digest: string | null;
}

const component = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const pathPattern = new RegExp(`^${component}(?:/${component})*$`);
const domainPattern =
  /^(?:localhost|\[[0-9a-fA-F:]+\]|(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*)(?::[0-9]+)?$/;
const tagPattern = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const digestPattern = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

export const DOCKER_HUB = 'docker.io';

export function isValidTag(tag: string): boolean {
  return tagPattern.test(tag);
}

/** Splits and checks a reference; `what` names the input in the error (e.g. "--base-image"). */
export function parseReference(ref: string, what: string): ImageReference {
  const bad = (why: string): never => {
    throw new UsageError(
      `${what} '${printable(ref)}' is not a valid image reference: ${why}. ` +
        `Expected [REGISTRY/]PATH[:TAG][@DIGEST], e.g. ghcr.io/sartography/spiffworkflow-backend:v1.0.0.`,
    );
  };
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!ref || /\s|[\u0000-\u001f\u007f]/.test(ref)) bad('empty or containing whitespace');
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest)) bad(`bad digest '${digest}'`);
  }
  let tag: string | null = null;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!isValidTag(tag))
      bad(`bad tag '${tag}' (letters, digits, _ . -; at most 128; not starting with . or -)`);
  }
  let registry = DOCKER_HUB;
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('[')) {
      registry = first;
      path = rest.slice(slash + 1);
    }
  }
  if (!domainPattern.test(registry)) bad(`bad registry host '${registry}'`);
  if (!pathPattern.test(path)) {
    bad(
      path !== path.toLowerCase()
        ? `repository '${path}' must be lower case`
        : `bad repository '${path}' (lower-case letters, digits, and . _ - between them)`,
    );
  }
  if (registry === DOCKER_HUB && !path.includes('/')) path = `library/${path}`;
  const repository = registry === DOCKER_HUB ? path.replace(/^library\//, '') : `${registry}/${path}`;
  return { registry, path, repository, tag, digest };
}

/**
 * The repository a baked image is tagged into: lower-cased (GitHub names often are not), and refused when it
 * carries a tag or digest (tags come from --tag and the git ref).
 */
export function parseImageName(name: string, what: string): ImageReference {
  const ref = parseReference(name.trim().toLowerCase(), what);
  if (ref.tag || ref.digest) {
    throw new UsageError(
      `${what} '${printable(name)}' names a tag or digest; give the repository only (e.g. ghcr.io/org/models) ` +
        `and pass tags with --tag (action input: tags).`,
    );
  }
  return ref;
}

/** `name:tag` unless the reference already pins a tag or digest; Docker's default tag is `latest`. */
export function withDefaultTag(ref: string): string {
  const parsed = parseReference(ref, 'image reference');
  return parsed.tag || parsed.digest ? ref : `${ref}:latest`;
}

// Quotes control characters so an error message cannot be used to forge log lines: the one helper every
// reporter and logger uses, re-exported for the image modules that import it from here.
export { printable };
