// Prints the release notes for a tag: the CHANGELOG.md section of that version. Exits 1 (saying what to fix)
// when the tag is not vX.Y.Z, package.json has another version, or CHANGELOG.md has no section for it, so the
// release workflow stops before it creates a release.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root =
  process.env.SPIFF_MODELS_RELEASE_ROOT || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`release-notes: ${message}`);
  process.exit(1);
}

const tag = process.argv[2] ?? '';
const m = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag);
if (!m) fail(`the tag '${tag}' is not vX.Y.Z (e.g. v1.2.0)`);
const version = tag.slice(1);

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
if (pkg.version !== version)
  fail(
    `package.json says version ${pkg.version}, the tag says ${version}: run \`npm version ${version} --no-git-tag-version\` and commit`,
  );

const changelog = fs.readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
const lines = changelog.split('\n');
const heading = new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`);
const start = lines.findIndex((l) => heading.test(l));
if (start < 0)
  fail(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section: move the Unreleased notes under it`);
let end = lines.findIndex((l, i) => i > start && /^## /.test(l));
if (end < 0) end = lines.length;
const notes = lines
  .slice(start + 1, end)
  .filter((l) => !/^\[[^\]]+\]:\s/.test(l))
  .join('\n')
  .trim();
if (!notes) fail(`the CHANGELOG.md section for ${version} is empty`);
process.stdout.write(`${notes}\n`);
