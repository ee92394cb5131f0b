// Words for results, shared by the CLI's text output and the action's log and job summary.
import type { EnvironmentResult, FailOn, NotifyReport } from './notify.js';
import { formatDuration } from './deliver.js';
import { printable } from '../util/safe-text.js';

export function resultLine(r: EnvironmentResult): string {
  const status = r.status === null ? '-' : String(r.status);
  const attempts = `${r.attempts} attempt${r.attempts === 1 ? '' : 's'}`;
  // The message may quote the server's answer: one line, whatever it holds.
  return `${r.outcome.padEnd(9)} ${printable(r.environment)} (${r.event}, ${status}, ${attempts}, ${formatDuration(r.durationMs)}): ${printable(r.message)}`;
}

export function summaryLine(report: NotifyReport, failOn: FailOn, passed: boolean): string {
  const total = report.results.length;
  const parts = [`${report.delivered} of ${total} environment${total === 1 ? '' : 's'} delivered`];
  if (report.ignored) parts.push(`${report.ignored} ignored`);
  parts.push(`${report.failed} failed`);
  return `${parts.join(', ')} (fail-on: ${failOn}${passed ? '' : ', so this step fails'}).`;
}
