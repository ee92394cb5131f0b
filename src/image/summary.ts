// The bake job summary: the verdict (built, re-tagged or dry run; pushed or not), what to look at (warnings),
// the image a deployment needs (reference, digest, tags, revision), then the rest folded.
import { code, details, plural, prose } from '../util/markdown.js';
import type { BakeResult } from './bake.js';
import { formatBytes } from './bake.js';

const cell = (s: string) => code(s, { table: true });

export function bakeMarkdown(r: BakeResult): string {
  const ref = r.digest ? `${r.image}@${r.digest}` : (r.tags[0] ?? r.image);
  const registry = r.builder === 'registry';
  const what = r.dryRun
    ? 'dry run, nothing built'
    : registry && r.skipped
      ? 'unchanged, nothing pushed'
      : `${r.skipped ? 'unchanged, re-tagged' : 'built'}${r.pushed ? ' and pushed' : ', not pushed'}`;
  const out = [`## spiff-models bake: ${r.dryRun ? '📝' : '✅'} ${what}`, ''];
  out.push(
    r.dryRun
      ? `The build context and Dockerfile were planned${r.outputDir ? ` and written to ${code(r.outputDir)}` : ''}; run without dry-run to build.`
      : registry && r.skipped
        ? `Every tag already pointed at the same index (${code(r.digest.slice(0, 19))}): the registry builder pushed nothing.`
        : r.skipped
          ? `An image built from the same input already existed (${code(r.imageId.slice(0, 19))}): no build, only new tags.`
          : `Deploy ${code(ref)}: new process instances record revision ${code(r.revision || 'none')}.`,
    '',
  );
  if (r.warnings.length) {
    out.push(`**${plural(r.warnings.length, 'warning')}:**`, '');
    out.push(...r.warnings.map((w) => `- ${prose(w)}`), '');
  }
  out.push(
    '| | |',
    '|---|---|',
    `| image | ${cell(r.image)} |`,
    `| digest | ${r.digest ? cell(r.digest) : r.dryRun ? 'none (dry run)' : 'none (not pushed)'} |`,
    `| tags | ${r.tags.length ? r.tags.map(cell).join('<br>') : 'none'} |`,
    `| revision | ${r.revision ? cell(r.revision) : 'none recorded (not a git checkout)'} |`,
    `| result | ${r.dryRun ? 'dry run' : r.skipped ? 'skipped: same input as an existing image' : 'built'} |`,
    '',
  );
  out.push(
    ...details('Details', [
      '| | |',
      '|---|---|',
      `| builder | ${cell(r.builder)}${r.platforms.length ? ` (${r.platforms.map(cell).join(', ')})` : ''} |`,
      `| image id | ${r.imageId ? cell(r.imageId) : '-'} |`,
      `| base image | ${cell(r.baseImage)} |`,
      `| commit | ${r.commit ? cell(r.commit) : '-'} |`,
      `| models dir | ${cell(r.modelsDir)} |`,
      `| git history | ${cell(r.gitHistory)} |`,
      `| context | ${r.skipped ? 'not sent' : formatBytes(r.contextBytes)} |`,
      `| verified | ${r.verified.length ? r.verified.map((v) => prose(v, { table: true })).join('<br>') : '-'} |`,
      `| input digest | ${r.inputDigest ? cell(r.inputDigest) : '-'} |`,
      `| labels | ${
        Object.entries(r.labels)
          .map(([k, v]) => cell(`${k}=${v}`))
          .join('<br>') || '-'
      } |`,
    ]),
  );
  return `${out.join('\n')}\n`;
}
