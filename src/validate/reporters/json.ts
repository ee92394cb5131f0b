// The JSON report: a contract other tools depend on (see README). Only these fields, in this shape.
import type { Report } from '../../models/finding.js';
import { jsonText } from '../../util/safe-text.js';

export function formatJson(report: Report): string {
  const out: Report = {
    findings: report.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      modelId: f.modelId,
    })),
    models: report.models.map((m) => ({ id: m.id, status: m.status })),
    summary: { ...report.summary },
  };
  return jsonText(out) + '\n';
}
