import { describe, expect, it } from 'vitest';
import { listFlags } from '../../src/core/list.js';
import { parseProject } from '../../src/core/project.js';
import { readProject } from '../../src/io/project.js';
import { ROOT } from '../support/tmp.js';

describe('listFlags', () => {
  it('gives each example flag its state per environment', async () => {
    const project = parseProject(await readProject('flags', { cwd: ROOT }));
    const rows = listFlags(project, { today: '2027-01-20' });
    expect(rows.map((r) => r.key)).toEqual(['ai-chatbot', 'bulk-invoice-api', 'maintenance-mode', 'new-pdf-engine', 'redesigned-dashboard']);
    const pdf = rows.find((r) => r.key === 'new-pdf-engine')!;
    expect(pdf).toMatchObject({ kind: 'release', owner: 'billing-team', expires: '2027-02-01', expired: false });
    expect(pdf.environments).toEqual([
      { environment: 'production', state: 'rollout', rollout: { on: 5 }, rules: 1, configured: true },
      { environment: 'staging', state: 'on', rules: 0, configured: true },
    ]);
    expect(rows.find((r) => r.key === 'redesigned-dashboard')).toMatchObject({ expired: true });
  });

  it('shows killed flags, and the kill variation where a flag is not configured', () => {
    const project = parseProject({
      dir: 'flags',
      config: { path: 'flags/flagops.yaml', text: 'environments: [production, staging]\n' },
      flags: [{ path: 'flags/m.yaml', text: 'key: m\nkind: ops\nkillVariation: on\nenvironments:\n  production: { killed: true, default: off }\n' }],
      segments: [],
      tests: [],
    });
    expect(listFlags(project)[0]!.environments).toEqual([
      { environment: 'production', state: 'killed', rules: 0, configured: true },
      { environment: 'staging', state: 'on', rules: 0, configured: false },
    ]);
    expect(listFlags(project, { env: 'staging' })[0]!.environments.map((e) => e.environment)).toEqual(['staging']);
  });
});
