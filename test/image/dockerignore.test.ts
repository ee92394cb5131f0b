// .dockerignore is read with Docker's own matching rules (the cases of Docker's documentation), not gitignore's;
// .spiff-models-ignore keeps gitignore rules. Both decide what the committed tree contributes to the layer.
import { afterAll, describe, expect, it } from '@jest/globals';
import { planContext } from '../../src/image/context.js';
import { readGitInfo } from '../../src/image/git.js';
import { makeRepo, removeDir } from './fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** The models-relative paths of the layer for a repo holding `files` and this .dockerignore. */
async function kept(dockerignore: string, files: string[]): Promise<string[]> {
  const extra: Record<string, string> = { '.dockerignore': dockerignore };
  for (const f of files) extra[f] = 'x\n';
  const repo = makeRepo({ commits: 1, extra });
  dirs.push(repo.root);
  const p = await planContext({
    modelsRoot: repo.models,
    gitHistory: 'none',
    imagePath: '/app/process_models',
    git: await readGitInfo(repo.models),
  });
  expect(p.ignoreFile).toBe('.dockerignore');
  return p.entries
    .filter((e) => e.type === 'file')
    .map((e) => e.name.slice('app/process_models/'.length))
    .filter((n) => files.includes(n));
}

describe(".dockerignore with Docker's rules", () => {
  it.each<[string, string, string[], string[]]>([
    [
      'the documentation example: */temp*, */*/temp*, temp?',
      '# comment\n*/temp*\n*/*/temp*\ntemp?\n',
      ['somedir/temporary.txt', 'somedir/temp/a.txt', 'somedir/subdir/temporary.txt', 'tempa', 'tempb'],
      ['temporary.txt', 'temp', 'tempab', 'a/b/c/temporary.txt'],
    ],
    ['**/*.go excludes .go files in every folder', '**/*.go\n', ['main.go', 'a/b/c.go'], ['a/b/c.md']],
    [
      '*.md with !README.md: only the root README is kept (* does not cross folders)',
      '*.md\n!README.md\n',
      ['notes.md'],
      ['README.md', 'docs/guide.md'],
    ],
    [
      '*.md, !README*.md, README-secret.md: the last match wins',
      '*.md\n!README*.md\nREADME-secret.md\n',
      ['notes.md', 'README-secret.md'],
      ['README.md', 'README-x.md'],
    ],
    [
      '*.md, README-secret.md, !README*.md: README-secret.md is back in',
      '*.md\nREADME-secret.md\n!README*.md\n',
      ['notes.md'],
      ['README-secret.md', 'README-x.md'],
    ],
    [
      'a name matches at the root only, not deeper',
      'exports\n',
      ['exports/a.json'],
      ['finance/exports/b.json'],
    ],
    [
      'leading and trailing slashes are dropped',
      '/exports/\n',
      ['exports/a.json'],
      ['finance/exports/b.json'],
    ],
    [
      'a file inside an excluded folder can be re-included',
      'docs\n!docs/keep.md\n',
      ['docs/other.md'],
      ['docs/keep.md'],
    ],
  ])('%s', async (_name, dockerignore, ignored, included) => {
    const paths = await kept(dockerignore, [...ignored, ...included]);
    expect(paths.sort()).toEqual([...included].sort());
  });
});
