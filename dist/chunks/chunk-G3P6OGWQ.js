import { createRequire as __smCreateRequire } from 'node:module';
import { fileURLToPath as __smFileURLToPath } from 'node:url';
import { dirname as __smDirname } from 'node:path';
const require = __smCreateRequire(import.meta.url);
const __filename = __smFileURLToPath(import.meta.url);
const __dirname = __smDirname(__filename);

// src/util/files.ts
import fs from "node:fs";
function specialKind(st) {
  if (st.isFIFO()) return "a FIFO (named pipe)";
  if (st.isSocket()) return "a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "a device";
  if (st.isDirectory()) return "a directory";
  return "not a regular file";
}
var NotRegularFile = class extends Error {
  constructor(file, kind) {
    super(`${file} is ${kind}, not a regular file`);
    this.file = file;
    this.kind = kind;
  }
  file;
  kind;
  name = "NotRegularFile";
};
var FileTooLarge = class extends Error {
  constructor(file, size, limit) {
    super(`${file} is ${size} bytes, over the ${limit}-byte limit`);
    this.file = file;
    this.size = size;
    this.limit = limit;
  }
  file;
  size;
  limit;
  name = "FileTooLarge";
};
function readRegularFile(file, limit = Infinity) {
  return readInto(file, limit, (size) => Buffer.allocUnsafeSlow(size));
}
function scratchReader(limit, reuseUpTo = 1 << 20) {
  let scratch = null;
  return (file) => readInto(file, limit, (size) => {
    if (size > reuseUpTo) return Buffer.allocUnsafeSlow(size);
    if (!scratch || scratch.length < size) scratch = Buffer.allocUnsafeSlow(Math.max(size, 64 * 1024));
    return scratch.subarray(0, size);
  });
}
function readInto(file, limit, alloc) {
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new NotRegularFile(file, specialKind(st));
    if (st.size > limit) throw new FileTooLarge(file, st.size, limit);
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

export {
  specialKind,
  NotRegularFile,
  FileTooLarge,
  readRegularFile,
  scratchReader
};
