import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFlags } from '../support/cli.js';
import { copyExample } from '../support/tmp.js';

describe('flags codegen (the built CLI)', () => {
  it('writes the file, reports it unchanged on --check, and exits 1 once a flag changes', async () => {
    const cwd = await copyExample();
    const first = await runFlags(['codegen', '--out', 'src/flags.generated.ts'], { cwd });
    expect(first).toMatchObject({ exitCode: 0, stdout: 'wrote src/flags.generated.ts (5 flags)', stderr: '' });
    expect(await runFlags(['codegen', '--out', 'src/flags.generated.ts', '--check'], { cwd })).toMatchObject({ exitCode: 0, stdout: 'unchanged src/flags.generated.ts (5 flags)' });

    await writeFile(path.join(cwd, 'flags/billing/new-pdf-engine.yaml'), 'key: new-pdf-engine\nkind: ops\nvariations: { fast: 1, slow: 2 }\nenvironments: {}\n');
    const stale = await runFlags(['codegen', '--out', 'src/flags.generated.ts', '--check'], { cwd });
    expect(stale.exitCode).toBe(1);
    expect(stale.stderr).toContain('out of date: src/flags.generated.ts differs from the flag files; run `flags codegen --out src/flags.generated.ts` and commit it');
  });

  it('exits 2 without --out', async () => {
    const result = await runFlags(['codegen'], { cwd: await copyExample() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain("required option '--out <file>' not specified");
  });
});
