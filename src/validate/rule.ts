// The shape every rule shares: an id users can switch off, a default severity, a one-line description,
// what it reads (its scope), and a check that reads the index and reports through the context.
import type { ModelsIndex, ProcessDef, RepoFile } from '../models/types.js';
import type { XNode } from '../models/xml.js';
import type { Analysis } from './reach.js';
import type { CallableProcesses } from './callable.js';
import type { Severity } from '../models/finding.js';

/** What the whole repository says once every file has been read (a finding decided late reads it). */
export interface RepoFacts {
  index: ModelsIndex;
  /** The processes the engine loads: primaries and everything they call. */
  loaded: Set<ProcessDef>;
  /** The definition a call activity's calledElement resolves to, if any. */
  called(calledElement: string): ProcessDef | undefined;
  /** What call activities can reach: the backend's boot-time reference cache. */
  callable: CallableProcesses;
}

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
  /**
   * A finding that depends on other files (what a call resolves to, what another file defines): decided once
   * every file is read. Returns what changes (message, severity), or undefined to drop the finding. It must
   * not hold on to elements: the file's tree is gone by then (the position is taken at once).
   */
  later?: (repo: RepoFacts) => Partial<Pick<Report, 'message' | 'severity'>> | undefined;
}

export interface RuleContext {
  index: ModelsIndex;
  analysis: Analysis;
  report(r: Report): void;
  /** One value per rule and run, the same in each of the rule's runs over the files: what `later` reads. */
  shared<T>(make: () => T): T;
}

/**
 * What a rule reads, which decides how often it runs and what its context holds. Files are read one directory
 * at a time and each directory's trees are let go once its rules have run:
 * - 'walk': once per process of a directory's BPMN files, `analysis` holding that process's walk (what the
 *   engine's parser of it reaches) and `index` the directory's documents; its findings count only when the
 *   engine loads the process (a model's primary, or called from one).
 * - 'files': once per directory, `index` holding the directory's documents and `analysis` every walk of
 *   their processes, loaded or not (`later` tells which are).
 * - 'repo': once, after every directory, on the index without trees (models, groups, files, JSON, the
 *   processes and decisions each file defines).
 * In 'walk' and 'files' the index's maps of documents, processes and decisions hold only the directory's.
 */
export type RuleScope = 'walk' | 'files' | 'repo';

export interface Rule {
  id: string;
  severity: Severity;
  scope: RuleScope;
  description: string;
  /** How to fix it, for the rule reference. */
  fix: string;
  check(ctx: RuleContext): void;
}
