// How far V8 lets the heap grow between full collections. By default it may grow to several times what was
// live at the last one (a factor it picks from how busy the program is); validation makes a lot of short-lived
// garbage (each directory's trees, let go once judged: validate/judge.ts) that survives a young collection or
// two and then waits in the old generation for the next full one. Measured on the 3,000-model bench
// repository (2 cores): live heap at most ~50 MB, peak RSS 231-243 MB with no worker and 290-311 MB with one
// by default; with the factor fixed at 1.3, 172-175 MB and 224-233 MB, in the same time.
import v8 from 'node:v8';

let done = false;

/** Keeps the heap within 1.3x of what was live at the last full collection (process-wide, once). */
export function tightenHeapGrowth(): void {
  if (done) return;
  done = true;
  v8.setFlagsFromString('--heap-growing-percent=30');
}
