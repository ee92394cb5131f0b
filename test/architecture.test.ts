// The house's shape: imports under src/ point down the floors and never run in a circle. Read from the sources
// (static imports, re-exports and dynamic import()), so a new arrow up or a new cycle fails here, not in review.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/**
 * Floors, top (0) to bottom. A module may import from its own floor or any floor below it.
 * The entry points sit on top; the commands under them; validate (which the commands run) below those; the
 * shell helpers every command's cli.ts/action.ts share below that; the model loader; util and generated code
 * at the ground.
 */
const FLOORS: { floor: number; match: (path: string) => boolean; name: string }[] = [
  { floor: 0, name: 'entry points', match: (p) => /^(cli|index|parse-worker)\.ts$/.test(p) },
  { floor: 0, name: 'entry points', match: (p) => p.startsWith('cli/') || p.startsWith('action/') },
  { floor: 1, name: 'commands', match: (p) => /^(init|image|promote|notify)\//.test(p) },
  { floor: 2, name: 'validate', match: (p) => p.startsWith('validate/') },
  { floor: 3, name: 'shell', match: (p) => p.startsWith('shell/') },
  { floor: 4, name: 'models', match: (p) => p.startsWith('models/') },
  { floor: 5, name: 'ground', match: (p) => p.startsWith('util/') || p.startsWith('generated/') },
];

/**
 * Imports allowed to point up, each with the reason. Keep it short: an entry here is a debt, not a habit.
 * Keys are `from -> to`, paths relative to src/.
 */
const ALLOWED_UP: Record<string, string> = {};

/**
 * Import cycles allowed for now, each with the reason; members sorted, joined by ' | '.
 */
const ALLOWED_CYCLES: Record<string, string> = {};

function floorOf(path: string): number {
  const hit = FLOORS.find((f) => f.match(path));
  if (!hit)
    throw new Error(`src/${path} is on no floor: add its folder to FLOORS in test/architecture.test.ts.`);
  return hit.floor;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** src-relative module -> the src-relative modules it imports (static, re-export, type-only and dynamic). */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sources(SRC)) {
    const from = relative(SRC, file).split('\\').join('/');
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) =>
        relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts')))
          .split('\\')
          .join('/'),
      );
    graph.set(from, [...new Set(targets)].sort());
  }
  return graph;
}

/** Strongly connected components with more than one module (or a self-import): Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return found;
}

describe('architecture', () => {
  const graph = importGraph();

  it('reads every module under src/ and resolves every relative import to one', () => {
    expect(graph.size).toBeGreaterThan(50);
    const missing = [...graph].flatMap(([from, targets]) =>
      targets.filter((t) => !graph.has(t)).map((t) => `${from} -> ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no import cycles, except the justified allow-list', () => {
    const found = cycles(graph).map((members) => members.join(' | '));
    expect(found.filter((cycle) => !(cycle in ALLOWED_CYCLES))).toEqual([]);
    expect(Object.keys(ALLOWED_CYCLES).filter((cycle) => !found.includes(cycle))).toEqual([]);
  });

  it('imports point down the floors (or along one), except the justified allow-list', () => {
    const up = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => floorOf(to) < floorOf(from)).map((to) => `${from} -> ${to}`),
    );
    expect(up.filter((edge) => !(edge in ALLOWED_UP))).toEqual([]);
  });

  it('keeps no stale allow-list entries', () => {
    const edges = new Set([...graph].flatMap(([from, targets]) => targets.map((to) => `${from} -> ${to}`)));
    expect(Object.keys(ALLOWED_UP).filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
