import { decodeEd25519PublicKey } from '../ed25519-key.js';
import { signingKeys } from './config-file.js';
import type { LintRule } from './types.js';

export const signingKey: LintRule = {
  code: 'FF030',
  severity: 'error',
  description: 'A signing key in flagops.yaml is not an Ed25519 public key (32 bytes as base64, or PEM)',
  check(ctx) {
    return signingKeys(ctx).flatMap(({ file, index, id, publicKey }) => {
      if (publicKey === undefined) return [];
      const decoded = decodeEd25519PublicKey(publicKey);
      if ('bytes' in decoded) return [];
      return [{ file, path: ['signing', 'keys', index, 'publicKey'], message: `public key ${id ? `\`${id}\` ` : ''}${decoded.problem}`, hint: 'Paste the public key `flags keygen` printed (base64 of 32 bytes), or a PEM SPKI Ed25519 key.' }];
    });
  },
};
