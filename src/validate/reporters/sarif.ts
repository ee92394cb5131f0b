// SARIF 2.1.0 for github/codeql-action/upload-sarif: every finding shows in the PR, not only 10 annotations.
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { VERSION } from '../../util/version.js';
import type { Report } from '../../models/finding.js';
import { loaderRules, rules } from '../rules/index.js';
import { jsonText } from '../../util/safe-text.js';

export function toSarif(report: Report, options: { uriPrefix?: string } = {}): Log {
  const all = [...rules, ...loaderRules];
  const descriptors: ReportingDescriptor[] = all.map((r) => ({
    id: r.id,
    name: r.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: r.description },
    fullDescription: { text: `${r.description}. ${r.fix}` },
    help: { text: r.fix },
    helpUri: `https://github.com/spiff-models/spiff-models#rule-${r.id}`,
    defaultConfiguration: {
      level: r.severity === 'error' ? 'error' : r.severity === 'warning' ? 'warning' : 'note',
    },
  }));
  const ruleIndex = new Map(all.map((r, i) => [r.id, i]));
  const prefix = options.uriPrefix ? options.uriPrefix.replace(/\/?$/, '/') : '';
  const results: Result[] = report.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: ruleIndex.get(f.ruleId),
    level: f.severity === 'error' ? 'error' : f.severity === 'warning' ? 'warning' : 'note',
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(prefix + f.file), uriBaseId: '%SRCROOT%' },
          region: { startLine: Math.max(1, f.line), startColumn: Math.max(1, f.column) },
        },
      },
    ],
    partialFingerprints: { primaryLocationLineHash: `${f.ruleId}:${f.file}:${f.message}` },
    ...(f.modelId ? { properties: { modelId: f.modelId } } : {}),
  }));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'spiff-models',
            version: VERSION,
            informationUri: 'https://github.com/spiff-models/spiff-models',
            rules: descriptors,
          },
        },
        results,
      },
    ],
  };
}

export function formatSarif(report: Report, options: { uriPrefix?: string } = {}): string {
  return jsonText(toSarif(report, options)) + '\n';
}
