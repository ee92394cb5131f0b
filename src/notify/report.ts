// Words for results, shared by the CLI's text output and the action's log and job summary.
import type { EnvironmentResult, FailOn, NotifyReport } from './notify.js';
import { formatSeconds } from './deliver.js';
import { printable } from '../util/safe-text.js';

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : formatSeconds(ms);
}

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

// The job summary table is HTML: answers quoted from a server must not become markup.
const cell = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, ' ');

/** Rows for the job summary table: header first. */
export function summaryRows(report: NotifyReport): string[][] {
  return [
    ['Environment', 'Event', 'Result', 'Status', 'Attempts', 'Time', 'Details'],
    ...report.results.map((r) => [
      cell(r.environment),
      r.event,
      r.outcome,
      r.status === null ? '-' : String(r.status),
      String(r.attempts),
      formatDuration(r.durationMs),
      cell(r.message),
    ]),
  ];
}
