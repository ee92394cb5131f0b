// The disk walk: what a tree lists comes from the directory listing, with the same link policy whether or not
// the files are stat'ed.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { walkDisk } from '../../src/models/tree.js';
import { cleanTrees, writeTree } from '../helpers/bpmn.js';

afterAll(cleanTrees);

/** Files, a FIFO, a socket, a nested .git, links inside, leaving, broken and to a directory. */
async function oddTree(): Promise<{ root: string; outside: string; close: () => Promise<void> }> {
  const root = writeTree({
    'gg/mmm/m.bpmn': '<x/>',
    'gg/mmm/run.sh': '#!/bin/sh\n',
    'gg/.git/config': '[core]\n',
    'top.json': '{}',
  });
  const outside = writeTree({ 'secret.bpmn': '<s/>' });
  fs.chmodSync(path.join(root, 'gg/mmm/run.sh'), 0o755);
  execFileSync('mkfifo', [path.join(root, 'gg/mmm/pipe.bpmn')]);
  fs.symlinkSync('m.bpmn', path.join(root, 'gg/mmm/linked.bpmn'));
  fs.symlinkSync('pipe.bpmn', path.join(root, 'gg/mmm/to-pipe.bpmn'));
  fs.symlinkSync(path.join(outside, 'secret.bpmn'), path.join(root, 'gg/mmm/out.bpmn'));
  fs.symlinkSync('nothing', path.join(root, 'gg/mmm/broken.bpmn'));
  fs.symlinkSync('mmm', path.join(root, 'gg/dir-link'));
  // A socket (its path is short enough: the tree is a temp dir).
  const server = net.createServer();
  const sock = path.join(root, 's.sock');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(sock, resolve);
  });
  return { root, outside, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('walkDisk', () => {
  it('lists the same entries and problems without stat, only without sizes and modes', async () => {
    const { root, outside, close } = await oddTree();
    try {
      const full = walkDisk(root);
      const light = walkDisk(root, { stat: false });
      expect(light.problems).toEqual(full.problems);
      expect(light.entries.map((e) => [e.path, e.type, e.target, e.linkname])).toEqual(
        full.entries.map((e) => [e.path, e.type, e.target, e.linkname]),
      );
      const file = (t: typeof full, p: string) => t.entries.find((e) => e.path === p);
      expect(file(full, 'gg/mmm/m.bpmn')).toMatchObject({ size: 4, executable: false });
      expect(file(full, 'gg/mmm/run.sh')).toMatchObject({ size: 10, executable: true });
      expect(file(light, 'gg/mmm/m.bpmn')).toMatchObject({ size: -1, executable: false });
      expect(file(light, 'gg/mmm/run.sh')).toMatchObject({ size: -1, executable: false });
      expect(light.entries.map((e) => e.path)).not.toContain('gg/.git');
      expect([...light.problems].sort((x, y) => (x.path < y.path ? -1 : 1))).toEqual([
        { path: 'gg/mmm/broken.bpmn', kind: 'broken-link', link: 'nothing', detail: 'nothing' },
        {
          path: 'gg/mmm/out.bpmn',
          kind: 'outside-root',
          link: path.join(outside, 'secret.bpmn'),
          detail: fs.realpathSync(path.join(outside, 'secret.bpmn')),
        },
        { path: 'gg/mmm/pipe.bpmn', kind: 'special', detail: 'a FIFO (named pipe)' },
        {
          path: 'gg/mmm/to-pipe.bpmn',
          kind: 'special',
          link: 'pipe.bpmn',
          detail: 'a symbolic link to a FIFO (named pipe)',
        },
        { path: 's.sock', kind: 'special', detail: 'a socket' },
      ]);
      expect(file(light, 'gg/dir-link')).toMatchObject({
        type: 'symlink',
        target: { path: 'gg/mmm', type: 'directory' },
      });
      // A linked directory is listed, not descended into.
      expect(light.entries.some((e) => e.path.startsWith('gg/dir-link/'))).toBe(false);
    } finally {
      await close();
    }
  });

  it('gives a file path below the real root', () => {
    const root = writeTree({ 'a/b.json': '{}' });
    const link = path.join(os.tmpdir(), `spiff-tree-link-${process.pid}`);
    fs.rmSync(link, { force: true });
    fs.symlinkSync(root, link);
    try {
      const e = walkDisk(link, { stat: false }).entries.find((x) => x.path === 'a/b.json');
      expect(e?.source).toEqual({ kind: 'disk', abs: path.join(fs.realpathSync(root), 'a/b.json') });
      expect(fs.readFileSync((e?.source as { abs: string }).abs, 'utf8')).toBe('{}');
    } finally {
      fs.rmSync(link, { force: true });
    }
  });
});
