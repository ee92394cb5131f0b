// Image tags from plain git data, the way docker/metadata-action derives them: sha-<7>, the sanitized branch,
// X.Y.Z / X.Y / X / latest from a vX.Y.Z tag, pr-<n>, latest on the default branch, and extra tags.
import { UsageError } from '../util/errors.js';
import { isValidTag, printable } from './reference.js';

export interface TagSource {
  /** The repository the tags belong to (already validated, lower case). */
  image: string;
  /** Full commit sha, or null outside git. */
  sha: string | null;
  /** refs/heads/<branch>, refs/tags/<tag>, refs/pull/<n>/merge, or null (detached, no git). */
  ref: string | null;
  /** The repository's default branch, when known: its builds also get `latest`. */
  defaultBranch: string | null;
  /** Tags given by the user, kept as given (validated). */
  extraTags: string[];
}

export interface TagPlan {
  /** Tags without the repository, in priority order (version first, then ref, sha, extras). */
  tags: string[];
  /** `image:tag` for every tag. */
  references: string[];
  /** The value for org.opencontainers.image.version: the highest-priority tag. */
  version: string;
}

export interface Semver {
  major: number;
  minor: number;
  patch: number;
  prerelease: string | null;
  /** The version without the leading v and without build metadata. */
  version: string;
}

const semverPattern =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?$/;

export function parseSemver(tag: string): Semver | null {
  const m = semverPattern.exec(tag);
  if (!m) return null;
  const [major, minor, patch] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const prerelease = m[4] ?? null;
  return {
    major,
    minor,
    patch,
    prerelease,
    version: `${major}.${minor}.${patch}${prerelease ? `-${prerelease}` : ''}`,
  };
}

/**
 * A git ref name as a Docker tag: characters other than letters, digits, `_`, `.` and `-` become `-`, a
 * leading `.` or `-` is dropped, at most 128 characters. Empty when nothing usable is left.
 */
export function sanitizeTag(name: string): string {
  return name
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

/** Tags of a semver: X.Y.Z always; X.Y, X (not for 0.x) and latest only for a release (no pre-release). */
function semverTags(v: Semver): string[] {
  if (v.prerelease) return [v.version];
  const tags = [v.version, `${v.major}.${v.minor}`];
  if (v.major > 0) tags.push(String(v.major));
  tags.push('latest');
  return tags;
}

export function planTags(source: TagSource): TagPlan {
  const ordered: string[] = [];
  const add = (tag: string) => {
    if (tag && !ordered.includes(tag)) ordered.push(tag);
  };
  const ref = source.ref ?? '';
  if (ref.startsWith('refs/tags/')) {
    const name = ref.slice('refs/tags/'.length);
    const semver = parseSemver(name);
    if (semver) semverTags(semver).forEach(add);
    else add(sanitizeTag(name));
  } else if (ref.startsWith('refs/heads/')) {
    const branch = ref.slice('refs/heads/'.length);
    add(sanitizeTag(branch));
    if (source.defaultBranch && branch === source.defaultBranch) add('latest');
  } else {
    const pr = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref);
    if (pr) add(`pr-${pr[1]}`);
  }
  if (source.sha) add(`sha-${source.sha.slice(0, 7)}`);
  for (const tag of source.extraTags) {
    if (!isValidTag(tag)) {
      throw new UsageError(
        `tag '${printable(tag)}' is not a valid Docker tag: use letters, digits, _ . - (at most 128, not starting ` +
          `with . or -). Give tags without the repository; --image names the repository.`,
      );
    }
    add(tag);
  }
  if (ordered.length === 0) add('latest');
  return {
    tags: ordered,
    references: ordered.map((t) => `${source.image}:${t}`),
    version: ordered[0],
  };
}
