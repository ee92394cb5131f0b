// schemas/environments.schema.json (what editors complete and check) and the parser agree on what an
// environments list is: every document below is accepted by both or refused by both.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import YAML from 'yaml';
import { ENTRY_KEYS, parseEnvironments } from '../../src/notify/environments.js';
import { validateEnvironmentsSchema } from '../../src/generated/index.js';
import { REPO_ROOT } from '../helpers/runner.js';

const documents: [string, string, boolean][] = [
  [
    'a list of entries with every key',
    '- {name: dev, url: "https://dev.example.com", kind: spiff, secret-env: DEV, clone_url: "https://github.com/a/b", html_url: h, git_url: g, ssh_url: s}',
    true,
  ],
  ['plain URLs', '- https://dev.example.com\n- http://127.0.0.1:1', true],
  [
    'a name -> URL or entry mapping',
    'dev: https://dev.example.com\nprod: {url: "https://p", kind: deploy, secret: x}',
    true,
  ],
  ['one entry', 'url: https://dev.example.com\nsecret_env: DEV', true],
  ['an empty secret (YAML null)', '- url: https://dev.example.com\n  secret:', true],
  ['an unknown key', '- {url: "https://dev", secert: x}', false],
  ['a kind that does not exist', '- {url: "https://dev", kind: cloud}', false],
  ['a number as secret', '- {url: "https://dev", secret: 0123}', false],
  ['no url', '- {name: dev}', false],
  ['a URL that is not http(s)', '- ftp://dev', false],
  ['an entry URL that is not http(s)', '- {url: "ftp://dev"}', false],
  ['a secret-env that is no variable name', '- {url: "https://x", secret-env: "not a name"}', false],
  ['an empty list', '[]', false],
  ['an empty mapping', '{}', false],
  ['a number', '42', false],
  ['a list of lists', '- [https://x]', false],
  ['a mapping to a number', 'dev: 3', false],
];

describe('environments schema and parser', () => {
  it.each(documents)('%s', (_, text, valid) => {
    const data = YAML.parse(text);
    let parsed = true;
    try {
      parseEnvironments(text, 'envs.yml', 'spiff');
    } catch {
      parsed = false;
    }
    expect({ parser: parsed, schema: validateEnvironmentsSchema(data) }).toEqual({
      parser: valid,
      schema: valid,
    });
  });

  it('the schema knows every key the parser knows, and no other', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, 'schemas/environments.schema.json'), 'utf8'),
    );
    expect(Object.keys(schema.definitions.entry.properties).sort()).toEqual([...ENTRY_KEYS].sort());
  });

  it("a document the parser's own checks let through but the schema refuses still fails", () => {
    // https:/x parses as a URL (WHATWG fixes the slash) but is no http(s) URL as written
    expect(() => parseEnvironments('- https:/x', 'envs.yml', 'spiff')).toThrow(
      /envs\.yml has problems?:\n {2}- entry 1: must match pattern/,
    );
  });
});
