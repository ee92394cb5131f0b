// Terminal report grouped by file (eslint's "stylish" layout), coloured on a TTY.
import type { Finding, Report } from '../../models/finding.js';
import { printable } from '../../util/safe-text.js';

const C = {
  red: '\x1b[31m',
  yellow: '\x1b[33m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  underline: '\x1b[4m',
  green: '\x1b[32m',
  reset: '\x1b[0m',
};

export function formatStylish(report: Report, options: { color: boolean; root?: string }): string {
  const c = (code: keyof typeof C, s: string) => (options.color ? `${C[code]}${s}${C.reset}` : s);
  const byFile = new Map<string, Finding[]>();
  for (const f of report.findings) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    lines.push(c('underline', printable(options.root ? `${options.root.replace(/\/$/, '')}/${file}` : file)));
    const posWidth = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const sev =
        f.severity === 'error'
          ? c('red', 'error  ')
          : f.severity === 'warning'
            ? c('yellow', 'warning')
            : 'info   ';
      lines.push(
        `  ${c('dim', `${f.line}:${f.column}`.padEnd(posWidth))}  ${sev}  ${printable(f.message)}  ${c('dim', f.ruleId)}`,
      );
    }
    lines.push('');
  }
  const { errors, warnings, models, files } = report.summary;
  const problems = errors + warnings;
  if (problems === 0) {
    lines.push(c('green', `✔ ${models} models, ${files} files: no problems`));
  } else {
    const text = `✖ ${problems} problem${problems === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}) in ${models} models, ${files} files`;
    lines.push(c(errors ? 'red' : 'yellow', c('bold', text)));
    const bad = report.models.filter((m) => m.status === 'error').map((m) => printable(m.id));
    if (bad.length) lines.push(`  models with errors: ${bad.join(', ')}`);
  }
  return lines.join('\n') + '\n';
}
