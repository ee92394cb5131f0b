// The job summary of a step that failed before its command wrote one: what failed (the findings when the
// error carries them), the rest of the message as written, so the run page says why without opening the log.
import fs from 'node:fs';
import * as core from '@actions/core';
import { codeBlock, firstItems, prose } from '../util/markdown.js';
import { errorMessage } from '../util/errors.js';
import type { Finding } from '../models/finding.js';
import { findingLines } from '../validate/reporters/finding-lines.js';

/** Bytes of the step summary file so far (a command that wrote its own summary made it grow). */
export function summarySize(env: NodeJS.ProcessEnv = process.env): number {
  const file = env.GITHUB_STEP_SUMMARY;
  try {
    return file ? fs.statSync(file).size : 0;
  } catch {
    return 0;
  }
}

function findingsOf(err: unknown): Finding[] {
  const findings = (err as { findings?: unknown }).findings;
  return Array.isArray(findings) ? (findings as Finding[]) : [];
}

export function failureMarkdown(command: string, err: unknown): string {
  const [first, ...rest] = errorMessage(err).trim().split('\n');
  const out = [`## spiff-models ${command}: ❌ failed`, '', prose(first), ''];
  const findings = findingsOf(err);
  if (findings.length) {
    // The message lists the first findings itself; the summary lists them all, then the message's advice.
    const lines = findingLines(findings, 'error');
    out.push(
      ...firstItems(
        lines,
        200,
        (n) => `\n*…and ${n} more lines: the step log and the validate command list them all.*`,
      ),
      '',
    );
    const advice = rest.filter((l) => !/^\s/.test(l));
    if (advice.length) out.push(prose(advice.join(' ')), '');
  } else if (rest.length) {
    // An error message quoting a build log or a server's answer: keep it whole but bounded.
    const shown = rest.join('\n');
    out.push(
      ...codeBlock(
        shown.length > 50_000 ? `${shown.slice(0, 50_000)}\n… (cut; the step log has it all)` : shown,
      ),
      '',
    );
  }
  return `${out.join('\n')}\n`;
}

export async function writeFailureSummary(command: string, err: unknown): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(failureMarkdown(command, err)).write();
  } catch (e) {
    core.warning(`could not write the job summary: ${errorMessage(e)}`);
  }
}
