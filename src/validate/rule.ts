// The shape every rule shares: an id users can switch off, a default severity, a one-line description,
// and a check that reads the index and reports through the context.
import type { ModelsIndex, RepoFile } from '../models/types.js';
import type { XNode } from '../models/xml.js';
import type { Analysis } from './reach.js';
import type { Severity } from '../models/finding.js';

export interface Report {
  file: RepoFile;
  message: string;
  /** Point at this element (its start tag), or at one of its attributes when `attr` is set. */
  node?: XNode;
  attr?: string;
  /** Or at an explicit offset / position in the file. */
  offset?: number;
  line?: number;
  column?: number;
  /** Defaults to the model holding the file. */
  modelId?: string | null;
  /** This finding's severity when it differs from the rule's default (a configured severity still wins). */
  severity?: Severity;
}

export interface RuleContext {
  index: ModelsIndex;
  analysis: Analysis;
  report(r: Report): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  /** How to fix it, for the rule reference. */
  fix: string;
  check(ctx: RuleContext): void;
}
