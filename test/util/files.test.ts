// The reader of files that must be regular ones: the reused-buffer reader the loader uses refuses what the plain
// one refuses (FIFOs without blocking, devices, files over the limit) and reads the same bytes.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FileTooLarge, NotRegularFile, readRegularFile, scratchReader } from '../../src/util/files.js';
import { cleanTrees, writeTree } from '../helpers/bpmn.js';

afterAll(cleanTrees);

describe('scratchReader', () => {
  it('reads what readRegularFile reads, into one buffer up to its limit and a new one above', () => {
    const root = writeTree({ 'a.txt': 'aaaa', 'b.txt': 'bb', 'big.txt': 'x'.repeat(300), 'empty.txt': '' });
    const read = scratchReader(1000, 100);
    const a = read(path.join(root, 'a.txt'));
    expect(a.toString()).toBe('aaaa');
    const b = read(path.join(root, 'b.txt'));
    expect(b.toString()).toBe('bb');
    // The same memory: the bytes of the last read only.
    expect(b.buffer).toBe(a.buffer);
    const big = read(path.join(root, 'big.txt'));
    expect(big.toString()).toBe('x'.repeat(300));
    expect(big.buffer).not.toBe(a.buffer);
    expect(read(path.join(root, 'empty.txt')).length).toBe(0);
    expect(read(path.join(root, 'a.txt'))).toEqual(readRegularFile(path.join(root, 'a.txt')));
  });

  it('refuses a FIFO without blocking, and a file over the limit unread', () => {
    const root = writeTree({ 'big.txt': 'x'.repeat(300) });
    execFileSync('mkfifo', [path.join(root, 'late.bpmn')]);
    const read = scratchReader(200);
    expect(() => read(path.join(root, 'late.bpmn'))).toThrow(NotRegularFile);
    expect(() => read(path.join(root, 'late.bpmn'))).toThrow(/is a FIFO \(named pipe\)/);
    expect(() => read(path.join(root, 'big.txt'))).toThrow(FileTooLarge);
    expect(() => read('/dev/zero')).toThrow(/is a device/);
  });
});
