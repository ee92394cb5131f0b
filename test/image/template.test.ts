// The Dockerfile template: placeholders, escaping (no value can start an instruction), and bad templates.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import {
  checkImagePath,
  DEFAULT_TEMPLATE,
  loadTemplate,
  quote,
  renderTemplate,
  type Template,
  type TemplateValues,
} from '../../src/image/template.js';
import { UsageError } from '../../src/util/errors.js';

const values = (over: Partial<TemplateValues> = {}): TemplateValues => ({
  baseImage: 'ghcr.io/sartography/spiffworkflow-backend:v1.0.0',
  labels: { 'org.opencontainers.image.revision': 'abc', 'io.spiff-models.revision': 'abc1234' },
  env: [
    ['SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR', '/app/process_models'],
    ['GIT_CONFIG_COUNT', '1'],
  ],
  modelsDir: '/app/process_models',
  revision: '3f8e9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b',
  shortRevision: '3f8e9a1',
  ...over,
});

const custom = (text: string): Template => ({ text, source: '/repo/Dockerfile.tmpl' });

/** The instruction keywords of a rendered Dockerfile (continuation lines folded in). */
function instructions(dockerfile: string): string[] {
  return dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.trim().split(/\s+/)[0]);
}

describe('the default template', () => {
  it('renders FROM, ENV, COPY and LABEL, labels sorted and quoted', async () => {
    const template = await loadTemplate(null);
    expect(template.source).toBe('the default template');
    // templates/Dockerfile.bake is the copy users start their own template from: it must be the same text.
    expect(readFileSync(new URL('../../templates/Dockerfile.bake', import.meta.url), 'utf8')).toBe(
      DEFAULT_TEMPLATE,
    );
    expect(template.text).toBe(DEFAULT_TEMPLATE);
    const out = renderTemplate(template, values());
    expect(instructions(out)).toEqual(['FROM', 'ENV', 'ADD', 'LABEL']);
    expect(out).toContain('FROM ghcr.io/sartography/spiffworkflow-backend:v1.0.0\n');
    expect(out).toContain(
      'ENV SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR="/app/process_models" \\\n    GIT_CONFIG_COUNT="1"\n',
    );
    expect(out).toContain('ADD rootfs.tar /\n');
    expect(out).toContain(
      'LABEL io.spiff-models.revision="abc1234" \\\n      org.opencontainers.image.revision="abc"\n',
    );
  });
});

describe('escaping', () => {
  it.each([
    ['a "quoted" word', '"a \\"quoted\\" word"'],
    ['back\\slash', '"back\\\\slash"'],
    ['$HOME and ${PATH}', '"\\$HOME and \\${PATH}"'],
    ['trailing backslash \\', '"trailing backslash \\\\"'],
    ['ünïcode ✓', '"ünïcode ✓"'],
  ])('quote(%j) = %s', (input, output) => expect(quote(input, 'v')).toBe(output));

  it.each([['line\nRUN rm -rf /'], ['cr\rLABEL x=1'], ['tab\tok?'], ['nul\u0000'], ['sep\u2028']])(
    'refuses a control character in %j, naming the value',
    (value) => {
      expect(() =>
        renderTemplate(custom('FROM x\n{{labels}}\n{{copy}}\n'), values({ labels: { 'my.label': value } })),
      ).toThrow(/label 'my\.label' contains a line break or control character/);
    },
  );

  it('keeps hostile one-line values inside their LABEL', () => {
    const hostile = '" \\\nRUN touch /pwned # \\';
    const out = renderTemplate(
      custom('FROM x\n{{copy}}\n{{labels}}\n'),
      values({ labels: { a: hostile.replace('\n', ' ') } }),
    );
    expect(instructions(out)).toEqual(['FROM', 'ADD', 'LABEL']);
  });

  it('refuses label keys that are not keys', () => {
    expect(() =>
      renderTemplate(custom('FROM x\n{{labels}}\n{{copy}}'), values({ labels: { 'a b': 'x' } })),
    ).toThrow(/label key 'a b' is not a valid key/);
    expect(() =>
      renderTemplate(custom('FROM x\n{{labels}}\n{{copy}}'), values({ labels: { '=x': 'x' } })),
    ).toThrow(UsageError);
  });
});

describe('user templates', () => {
  it('offers models_dir, revision and short_revision unquoted (their characters are checked)', () => {
    const out = renderTemplate(
      custom(
        'FROM {{ base_image }}\n{{env}}\n{{copy}}\nWORKDIR {{models_dir}}\nLABEL rev={{revision}} short={{short_revision}}\n',
      ),
      values(),
    );
    expect(out).toContain('WORKDIR /app/process_models\n');
    expect(out).toContain('LABEL rev=3f8e9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b short=3f8e9a1\n');
  });

  it.each<[string, string, RegExp]>([
    [
      'unknown placeholder',
      'FROM {{base_image}}\n{{copy}}\nRUN {{branch}}\n',
      /bad template \/repo\/Dockerfile\.tmpl:3: unknown placeholder \{\{branch\}\}\. Known: \{\{base_image\}\}/,
    ],
    ['no copy', 'FROM {{base_image}}\n{{labels}}\n', /must use \{\{copy\}\} exactly once \(found 0\)/],
    ['copy twice', 'FROM {{base_image}}\n{{copy}}\n{{copy}}\n', /exactly once \(found 2\)/],
    ['no FROM', '{{labels}}\n{{copy}}\n', /no FROM instruction; start with FROM \{\{base_image\}\}/],
    [
      'unmatched braces',
      'FROM {{base_image}}\n{{copy}}\nRUN echo {{oops\n',
      /bad template \/repo\/Dockerfile\.tmpl:3: an unmatched '\{\{'/,
    ],
    ['escape directive', '# escape=`\nFROM {{base_image}}\n{{copy}}\n', /sets the escape character to '`'/],
  ])('%s is a clear usage error', (_name, text, message) => {
    const render = () => renderTemplate(custom(text), values());
    expect(render).toThrow(UsageError);
    expect(render).toThrow(message);
  });

  it('a missing template file names the path and the option', async () => {
    await expect(loadTemplate('/nonexistent/Dockerfile.tmpl')).rejects.toThrow(
      /cannot read the Dockerfile template \/nonexistent\/Dockerfile\.tmpl \(ENOENT\); check the --template path/,
    );
  });
});

describe('checkImagePath', () => {
  it.each([
    ['/app/process_models', '/app/process_models'],
    ['/app/process_models/', '/app/process_models'],
    ['/srv/models-v2', '/srv/models-v2'],
  ])('%s is accepted as %s', (input, output) => expect(checkImagePath(input, 'dir')).toBe(output));

  it.each([['app/models'], ['/app/../etc'], ['/app/my models'], ['/app/$HOME'], ['/app/x\nRUN y'], ['']])(
    '%j is refused',
    (input) =>
      expect(() => checkImagePath(input, 'image models dir')).toThrow(
        /image models dir '.*' must be an absolute path/,
      ),
  );
});

describe('values only have to fit where the template uses them', () => {
  it('a models dir with a space is fine quoted in ENV, refused unquoted in {{models_dir}}', () => {
    const spaced = values({
      modelsDir: '/app/process_models/process models',
      env: [['SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR', '/app/process_models/process models']],
    });
    expect(renderTemplate(custom('FROM x\n{{env}}\n{{copy}}\n'), spaced)).toContain(
      'SPIFFWORKFLOW_BACKEND_BPMN_SPEC_ABSOLUTE_DIR="/app/process_models/process models"',
    );
    expect(() => renderTemplate(custom('FROM x\n{{copy}}\nWORKDIR {{models_dir}}\n'), spaced)).toThrow(
      /the models dir for \{\{models_dir\}\} '\/app\/process_models\/process models' must be an absolute path/,
    );
  });
});

describe('braces and BOMs', () => {
  it('a label value with {{ or }} is a value, not a template error', () => {
    const out = renderTemplate(
      { text: DEFAULT_TEMPLATE, source: 'the default template' },
      values({ labels: { 'com.example.note': 'use {{ jinja }} here }}' } }),
    );
    expect(out).toContain('com.example.note="use {{ jinja }} here }}"');
  });

  it('a folder name with {{ arrives in ENV quoted', () => {
    const out = renderTemplate(
      { text: DEFAULT_TEMPLATE, source: 'the default template' },
      values({ env: [['SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO', 'models {{x}}']] }),
    );
    expect(out).toContain('SPIFFWORKFLOW_BACKEND_BPMN_SPEC_SUBDIR_WITHIN_REPO="models {{x}}"');
  });

  it('an unmatched {{ in the template itself is still blamed on the template line', () => {
    expect(() => renderTemplate(custom('FROM {{base_image}}\n{{copy}}\n{{labels}} }}\n'), values())).toThrow(
      /bad template \/repo\/Dockerfile\.tmpl:3: an unmatched '\}\}'/,
    );
  });

  it.each([
    ['\uFEFF# escape=`\n'],
    ['\uFEFF  #  ESCAPE = `\n'],
    ['# syntax=docker/dockerfile:1\n# escape=`\n'],
  ])('an escape directive after a UTF-8 BOM or another directive is refused (%j)', (head) => {
    expect(() => renderTemplate(custom(`${head}FROM {{base_image}}\n{{copy}}\n`), values())).toThrow(
      /sets the escape character to '`'/,
    );
  });

  it('a BOM is dropped from the rendered Dockerfile', () => {
    expect(renderTemplate(custom('\uFEFFFROM {{base_image}}\n{{copy}}\n'), values())).toMatch(/^FROM /);
  });
});
