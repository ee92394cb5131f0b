// A finding: one problem at one place. The JSON report's contract is built from these fields.
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Relative to the models root, '/' separators. */
  file: string;
  line: number;
  column: number;
  modelId: string | null;
}

export interface ModelStatus {
  id: string;
  status: 'ok' | 'warning' | 'error';
}

export interface Report {
  findings: Finding[];
  models: ModelStatus[];
  summary: { models: number; files: number; errors: number; warnings: number };
}

const order: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    order[a.severity] - order[b.severity] ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
