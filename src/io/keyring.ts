import { readFile } from 'node:fs/promises';
import { isMap, isSeq, parseDocument } from 'yaml';
import { ConfigError } from '../core/errors.js';
import type { SigningKeyDoc } from '../core/types.js';
import { writeFileAtomic } from './atomic.js';

/**
 * Appends a public key to `signing.keys` of a config file, keeping its comments and layout
 * (yaml's Document API). Refuses a duplicate id. With `dryRun`, only checks that it could.
 */
export async function addKeyToConfig(configFile: string, key: SigningKeyDoc, options: { dryRun?: boolean } = {}): Promise<void> {
  const text = await readFile(configFile, 'utf8').catch((error: unknown) => {
    throw new ConfigError(`cannot read ${configFile}`, { hint: 'Run `flags init` first, or pass --dir with the folder holding flagops.yaml.', cause: error });
  });
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || (doc.contents !== null && !isMap(doc.contents))) {
    throw new ConfigError(`${configFile} is not a valid YAML map; the key was not added`, { hint: 'Run `flags lint` and fix the config first.' });
  }
  const existing = doc.getIn(['signing', 'keys'], true);
  if (existing !== undefined && existing !== null && !isSeq(existing)) {
    throw new ConfigError(`${configFile}: signing.keys is not a list; the key was not added`, { hint: 'Make signing.keys a list of { id, publicKey }.' });
  }
  const ids = isSeq(existing) ? existing.items.map((item) => (isMap(item) ? String(item.get('id')) : '')) : [];
  if (ids.includes(key.id)) {
    throw new ConfigError(`${configFile} already has a signing key with id "${key.id}"`, { hint: 'Pick another --id; remove the old key only once no bundle signed by it is served.' });
  }
  if (options.dryRun) return;
  if (isSeq(existing)) existing.add(doc.createNode({ id: key.id, publicKey: key.publicKey }));
  else doc.setIn(['signing', 'keys'], doc.createNode([{ id: key.id, publicKey: key.publicKey }]));
  await writeFileAtomic(configFile, doc.toString({ flowCollectionPadding: false, lineWidth: 0 }));
}
