// Reading a file that must be a regular one: a FIFO, socket or device is refused without blocking (opened
// non-blocking, checked with fstat before the first read), and a file over the limit is refused unread.
import fs from 'node:fs';

/** What a non-regular file is, in the user's words. */
export function specialKind(st: {
  isFIFO(): boolean;
  isSocket(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isDirectory(): boolean;
}): string {
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isDirectory()) return 'a directory';
  return 'not a regular file';
}

export class NotRegularFile extends Error {
  override name = 'NotRegularFile';
  constructor(
    readonly file: string,
    readonly kind: string,
  ) {
    super(`${file} is ${kind}, not a regular file`);
  }
}

export class FileTooLarge extends Error {
  override name = 'FileTooLarge';
  constructor(
    readonly file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${file} is ${size} bytes, over the ${limit}-byte limit`);
  }
}

/**
 * The bytes of `file`; throws NotRegularFile (never blocking on a FIFO), FileTooLarge (nothing read) or the
 * file system's error.
 */
export function readRegularFile(file: string, limit = Infinity): Buffer {
  return readInto(file, limit, (size) => Buffer.allocUnsafeSlow(size));
}

/**
 * readRegularFile for a caller that decodes the bytes at once: a file of up to `reuseUpTo` bytes is read into
 * one buffer kept between calls, so the bytes returned are valid only until the next call. Reading a
 * repository's files this way allocates (and frees) no buffer per file.
 */
export function scratchReader(limit: number, reuseUpTo = 1 << 20): (file: string) => Buffer {
  let scratch: Buffer | null = null;
  return (file) =>
    readInto(file, limit, (size) => {
      if (size > reuseUpTo) return Buffer.allocUnsafeSlow(size);
      if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024));
      return scratch.subarray(0, size);
    });
}

function readInto(file: string, limit: number, alloc: (size: number) => Buffer): Buffer {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer; it means nothing for files.
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFile(file, specialKind(st));
    if (st.size > limit) throw new FileTooLarge(file, st.size, limit);
    // readFileSync(fd) would fstat again for the size; this reads what the one fstat saw (the size a file had
    // when opened, like readFileSync). A size of 0 (procfs and the like) is read to the end the usual way.
    if (st.size === 0) return fs.readFileSync(fd);
    const buf = alloc(st.size);
    let pos = 0;
    while (pos < buf.length) {
      const n = fs.readSync(fd, buf, pos, buf.length - pos, null);
      if (n === 0) break;
      pos += n;
    }
    return pos === buf.length ? buf : buf.subarray(0, pos);
  } finally {
    fs.closeSync(fd);
  }
}
