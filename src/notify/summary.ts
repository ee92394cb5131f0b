// The notify job summary: the verdict, one row per environment with its outcome and what happened, the
// per-attempt figures folded. Every cell is redacted first (secrets in answers or URLs), then escaped.
import { code, details, plural, prose } from '../util/markdown.js';
import type { FailOn, NotifyReport } from './notify.js';
import { formatDuration } from './deliver.js';

const ICON = { delivered: '✅', ignored: '⚠️', failed: '❌' } as const;

export function notifyMarkdown(
  report: NotifyReport,
  failOn: FailOn,
  passed: boolean,
  redact: (text: string) => string = (t) => t,
): string {
  const total = report.results.length;
  const cell = (s: string) => code(redact(s), { table: true });
  const say = (s: string) => prose(redact(s), { table: true });
  const verdict = report.failed
    ? `${passed ? '⚠️' : '❌'} ${report.failed} of ${plural(total, 'environment')} failed`
    : report.ignored
      ? `⚠️ ${report.delivered} of ${plural(total, 'environment')} delivered, ${report.ignored} ignored the push`
      : `✅ ${plural(total, 'environment')} notified`;
  const out = [
    `## spiff-models notify: ${verdict}`,
    '',
    `${plural(report.delivered, 'delivery', 'deliveries')}, ${report.ignored} ignored, ${report.failed} failed ` +
      `(fail-on: ${code(failOn)}${passed ? '' : ', so this step fails'}).`,
    '',
    '| Environment | Outcome | What happened |',
    '|---|---|---|',
    ...report.results.map(
      (r) =>
        `| ${cell(r.environment)} | ${ICON[r.outcome]} ${r.outcome}${r.status === null ? '' : ` (${r.status})`} | ${say(r.message)} |`,
    ),
    '',
  ];
  out.push(
    ...details(`Attempts and timings (${plural(total, 'environment')})`, [
      '| Environment | Kind | Event | Status | Attempts | Time | Delivery |',
      '|---|---|---|--:|--:|--:|---|',
      ...report.results.map(
        (r) =>
          `| ${cell(r.environment)} | ${r.kind} | ${r.event} | ${r.status ?? '-'} | ${r.attempts} | ` +
          `${formatDuration(r.durationMs)} | ${cell(r.deliveryId)} |`,
      ),
    ]),
  );
  return `${out.join('\n')}\n`;
}
