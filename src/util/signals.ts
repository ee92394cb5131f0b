// What a command sets up outside itself (a worktree registered in the user's repository, scratch directories)
// must not outlive a Ctrl-C (SIGINT) or a cancelled job (SIGTERM): on either, the git processes we started are
// ended, the registered cleanups run (synchronously, newest first), and the process ends as the signal would
// have ended it.
import type { ChildProcess } from 'node:child_process';
import { inert, printable } from './safe-text.js';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
type Signal = (typeof SIGNALS)[number];

const cleanups: { what: string; run: () => void }[] = [];
const children = new Set<ChildProcess>();
let installed = false;

function onSignal(signal: Signal): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  installed = false;
  for (const child of children) child.kill('SIGTERM');
  for (const cleanup of cleanups.splice(0).reverse()) {
    // Written directly (the CLI's guarded stream is out of reach here), so made inert here.
    // eslint-disable-next-line no-restricted-syntax
    process.stderr.write(inert(`${signal}: ${printable(cleanup.what)}\n`));
    try {
      cleanup.run();
    } catch (err) {
      // eslint-disable-next-line no-restricted-syntax
      process.stderr.write(inert(`${signal}: failed: ${printable((err as Error).message)}\n`));
    }
  }
  // With our listeners gone, the signal's default action ends the process (exit status 128 + signal number).
  process.kill(process.pid, signal);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
}

/**
 * Runs `run` (synchronous: nothing else runs after a signal) when SIGINT or SIGTERM arrives before the returned
 * function is called; `what` says what it does, in the line printed then ("removing the scratch worktree ...").
 */
export function cleanUpOnSignal(what: string, run: () => void): () => void {
  const entry = { what, run };
  cleanups.push(entry);
  install();
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
    if (cleanups.length === 0) {
      for (const s of SIGNALS) process.removeListener(s, onSignal);
      installed = false;
    }
  };
}

/** A child process to end on a signal (git, which would otherwise keep working in a directory we remove). */
export function endOnSignal(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}
