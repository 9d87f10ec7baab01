import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProject } from '../../src/io/project.js';
import { runFlags } from '../support/cli.js';
import { copyExample, ROOT } from '../support/tmp.js';

const ESC = String.fromCharCode(27);

const BROKEN = `key: new-pdf-engine
description: broken on purpose
kind: release
expires: 2027-02-01
environments:
  production:
    default: { rollout: { on: 70, off: 40 } }
  staging:
    defualt: on
`;
// The misspelt `defualt` is one finding (unknown property, did you mean `default`), not also "missing default".

/** Config, flags, segments and test specs: what the summary counts. */
async function fileCount(cwd: string): Promise<number> {
  const files = await readProject('flags', { cwd });
  return 1 + files.flags.length + files.segments.length + files.tests.length;
}

async function brokenExample(): Promise<string> {
  const dir = await copyExample();
  await writeFile(path.join(dir, 'flags/billing/new-pdf-engine.yaml'), BROKEN);
  return dir;
}

describe('flags lint', () => {
  it('is clean on the example repository and exits 0', async () => {
    const result = await runFlags(['lint', 'flags'], { cwd: ROOT });
    expect(result).toMatchObject({ exitCode: 0, stdout: `no problems in ${await fileCount(ROOT)} files` });
  });

  it('takes the folder as an argument or as --dir, like every other command, but not two different ones', async () => {
    const dir = await brokenExample();
    const positional = await runFlags(['lint', 'flags', '--json'], { cwd: dir });
    const option = await runFlags(['lint', '--dir', 'flags', '--json'], { cwd: dir });
    expect(positional.exitCode).toBe(1);
    expect(option).toEqual(positional);
    const both = await runFlags(['lint', 'flags', '--dir', 'elsewhere'], { cwd: dir });
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('two flags folders given: flags and --dir elsewhere');
  });

  it('prints file:line:col, code, message and hint without colors, and exits 1', async () => {
    const dir = await brokenExample();
    const result = await runFlags(['lint'], { cwd: dir });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).not.toContain(ESC);
    expect(result.stdout.split('\n')).toEqual([
      'flags/billing/new-pdf-engine.yaml:7:25 error FF012 rollout sums to 110, expected at most 100',
      '    hint: Lower the percentages; whatever stays below 100 goes to the killVariation.',
      'flags/billing/new-pdf-engine.yaml:9:5 error FF005 unknown property `defualt` in `environments.staging`',
      '    hint: did you mean `default`?',
      '',
      `2 errors in ${await fileCount(dir)} files`,
    ]);
  });

  it('colors the report when forced, and NO_COLOR wins', async () => {
    const dir = await brokenExample();
    const colored = await runFlags(['lint'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '' } });
    expect(colored.stdout).toContain(`${ESC}[31merror`);
    const plain = await runFlags(['lint'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(plain.stdout).not.toContain(ESC);
  });

  it('--format json and --json print the diagnostics and a summary', async () => {
    const dir = await brokenExample();
    for (const args of [['lint', '--format', 'json'], ['lint', 'flags', '--json']]) {
      const result = await runFlags(args, { cwd: dir });
      expect(result.exitCode).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.summary).toEqual({ errors: 2, warnings: 0, infos: 0, files: await fileCount(dir) });
      expect(report.diagnostics[0]).toEqual({
        code: 'FF012', severity: 'error', message: 'rollout sums to 110, expected at most 100',
        file: 'flags/billing/new-pdf-engine.yaml', line: 7, col: 25,
        hint: 'Lower the percentages; whatever stays below 100 goes to the killVariation.',
      });
    }
  });

  it('--format github prints workflow annotations', async () => {
    const result = await runFlags(['lint', '--format', 'github'], { cwd: await brokenExample() });
    expect(result.exitCode).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe(
      '::error file=flags/billing/new-pdf-engine.yaml,line=7,col=25,title=FF012::rollout sums to 110, expected at most 100%0Ahint: Lower the percentages; whatever stays below 100 goes to the killVariation.',
    );
  });

  it('--format markdown prints a table', async () => {
    const dir = await brokenExample();
    const result = await runFlags(['lint', '--format', 'markdown'], { cwd: dir });
    expect(result.stdout).toContain('| ❌ error | `flags/billing/new-pdf-engine.yaml:7:25` | FF012 | rollout sums to 110, expected at most 100<br>');
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`**2 errors in ${await fileCount(dir)} files**`);
  });

  it('exits 2 with a hint when the folder does not exist or the format is unknown', async () => {
    const missing = await runFlags(['lint', 'nowhere'], { cwd: ROOT });
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toMatch(/flags folder not found: nowhere\nhint: /);
    const badFormat = await runFlags(['lint', '--format', 'xml'], { cwd: ROOT });
    expect(badFormat.exitCode).toBe(2);
    expect(badFormat.stderr).toMatch(/Allowed choices are text, json, github, markdown/);
  });
});

describe('flags lint on the assertion specs in tests/', () => {
  async function misspeltSpec(): Promise<string> {
    const dir = await copyExample();
    const file = path.join(dir, 'flags/tests/platform.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('  - name: production is up\n    context: {}\n    expect:', '  - name: production is up\n    context: {}\n    expct:'));
    return dir;
  }

  it('schema-checks them like flags: located, with a hint, exit 1', async () => {
    const result = await runFlags(['lint', '--json'], { cwd: await misspeltSpec() });
    expect(result.exitCode).toBe(1);
    const { diagnostics } = JSON.parse(result.stdout);
    expect(diagnostics).toContainEqual({
      code: 'FF005', severity: 'error', message: 'unknown property `expct` in `cases[0]`',
      file: 'flags/tests/platform.yaml', line: 6, col: 5, hint: 'did you mean `expect`?',
    });
  });

  it('does not let a broken spec stop a compile, and `flags test` reports it once', async () => {
    const dir = await misspeltSpec();
    const compiled = await runFlags(['compile', '--unsigned', '--bundle-version', '1', '--json'], { cwd: dir });
    expect(compiled.exitCode).toBe(0);
    const tested = await runFlags(['test', '--json'], { cwd: dir });
    expect(tested.exitCode).toBe(1);
    const found = JSON.parse(tested.stdout).diagnostics.filter((d: { file: string }) => d.file === 'flags/tests/platform.yaml');
    expect(found.map((d: { code: string; line: number }) => `${d.code}:${d.line}`)).toEqual(['FF005:6']);
  });
});
