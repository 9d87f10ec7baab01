import { describe, expect, it } from 'vitest';
import type { BundlePayload } from '../../src/sdk/bundle/types.js';
import { changedFlags, fingerprint } from '../../src/sdk/changes.js';
import { examplePayload } from './support/bundles.js';

const clone = (p: BundlePayload): BundlePayload => structuredClone(p);
const definitions = (p: BundlePayload) => ({ keys: Object.keys(p.flags), prints: fingerprint(p) });
const changes = (before: BundlePayload | undefined, after: BundlePayload) => changedFlags(before && definitions(before), fingerprint(after), after);

describe('changed flags', () => {
  const base = examplePayload();

  it('every flag is new to a client without a bundle; nothing changes between equal bundles', () => {
    expect(changes(undefined, base)).toEqual(Object.keys(base.flags).sort());
    expect(changes(base, clone(base))).toEqual([]);
  });

  it('names a flag whose definition changed, and one added or removed', () => {
    const next = clone(base);
    next.flags['maintenance-mode']!.killed = true;
    next.flags['brand-new'] = structuredClone(next.flags['ai-chatbot']!);
    delete next.flags['bulk-invoice-api'];
    expect(changes(base, next)).toEqual(['brand-new', 'bulk-invoice-api', 'maintenance-mode']);
  });

  it('names the flags using a changed segment, and the flags requiring a changed flag', () => {
    const before = clone(base);
    before.segments = { staff: { attr: 'userId', include: ['u1'] } };
    before.flags['ai-chatbot']!.rules.push({ when: [{ segment: 'staff' }], serve: { v: 0 } });
    before.flags['needs-chatbot'] = { ...structuredClone(before.flags['maintenance-mode']!), prerequisites: [{ flag: 'ai-chatbot', variation: 0 }] };
    const after = clone(before);
    after.segments.staff!.include = ['u1', 'u2'];
    expect(changes(before, after)).toEqual(['ai-chatbot', 'needs-chatbot']);
  });

  it('does not depend on key order inside a definition', () => {
    const next = clone(base);
    const flag = next.flags['new-pdf-engine']!;
    next.flags['new-pdf-engine'] = Object.fromEntries(Object.entries(flag).reverse()) as typeof flag;
    expect(changes(base, next)).toEqual([]);
  });
});
