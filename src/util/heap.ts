// How far V8 lets the heap grow between full collections. By default it may grow to several times what was
// live at the last one (a factor it picks from how busy the program is); validation makes a lot of short-lived
// garbage (each directory's trees, let go once judged: validate/judge.ts) of which a part outlives a young
// collection or two and then waits in the old generation for the next full one. Measured on the 3,000-model
// bench repository (2 cores, medians of 5 interleaved runs; live heap at most ~50 MB): peak RSS with no worker
// 236 MB by default, 190 MB at 1.6; with one worker 304 MB by default, 242 MB at 1.6, for 0.2-0.3 s more CPU
// (4.1 -> 4.3 s) and 0.1 s more wall time. 1.3 kept it at 180 / 227 MB but cost a second of CPU with a worker
// (more full collections, in the worker's heap and the main thread's, on the same two cores).
import v8 from 'node:v8';

let done = false;

/** Keeps the heap within 1.6x of what was live at the last full collection (process-wide, once). */
export function tightenHeapGrowth(): void {
  if (done) return;
  done = true;
  v8.setFlagsFromString('--heap-growing-percent=60');
}
