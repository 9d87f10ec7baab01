import { signingKeys } from './config-file.js';
import type { LintFinding, LintRule } from './types.js';

export const duplicateKeyId: LintRule = {
  code: 'FF031',
  severity: 'error',
  description: 'Two signing keys in flagops.yaml share an id or a public key',
  check(ctx) {
    const findings: LintFinding[] = [];
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const { file, index, id, publicKey } of signingKeys(ctx)) {
      if (id !== undefined && ids.has(id)) findings.push({ file, path: ['signing', 'keys', index, 'id'], message: `signing key id \`${id}\` is used twice`, hint: 'Give each key its own id, e.g. with the year: prod-2027.' });
      if (publicKey !== undefined && keys.has(publicKey.trim())) findings.push({ file, path: ['signing', 'keys', index, 'publicKey'], message: 'the same public key is listed twice', hint: 'Remove the copy.' });
      if (id !== undefined) ids.add(id);
      if (publicKey !== undefined) keys.add(publicKey.trim());
    }
    return findings;
  },
};
