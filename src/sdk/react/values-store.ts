import type { Json } from '../bundle/types.js';

/** Flag key → value, as `client.allFlags(context)` returns them on the server. */
export type FlagValues = Readonly<Record<string, Json>>;
/** What a page may be given: `allFlags` of a typed client is a `Partial`, so absent keys are allowed. */
export type BootstrapValues = Readonly<Record<string, Json | undefined>>;

type Listener = () => void;

/**
 * The values a page holds, with one subscription list per key: replacing the values notifies only
 * the readers of keys whose value changed. Unchanged values keep their identity, so an object
 * variation read by a component stays `===` across updates and does not re-render it.
 */
export class FlagValuesStore {
  #values: FlagValues;
  readonly #byKey = new Map<string, Set<Listener>>();
  readonly #all = new Set<Listener>();

  constructor(values: BootstrapValues = {}) {
    this.#values = ownEntries(values);
  }

  /** The value of one flag; undefined when the page was given none. */
  get(key: string): Json | undefined {
    return Object.hasOwn(this.#values, key) ? this.#values[key] : undefined;
  }

  /** Every value; the same object until something changes. */
  all(): FlagValues {
    return this.#values;
  }

  subscribe(key: string, listener: Listener): () => void {
    let set = this.#byKey.get(key);
    if (set === undefined) this.#byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.#byKey.get(key) === set) this.#byKey.delete(key);
    };
  }

  subscribeAll(listener: Listener): () => void {
    this.#all.add(listener);
    return () => this.#all.delete(listener);
  }

  /** Installs a full set of values (a flag absent from `next` is gone); returns the keys that changed. */
  replace(next: BootstrapValues): string[] {
    const previous = this.#values;
    const changed: string[] = [];
    const merged = definedEntries(next).map(([key, value]): [string, Json] => {
      const old = Object.hasOwn(previous, key) ? previous[key] : undefined;
      if (old !== undefined && jsonEqual(old, value)) return [key, old];
      changed.push(key);
      return [key, value];
    });
    for (const key of Object.keys(previous)) if (!Object.hasOwn(next, key) || next[key] === undefined) changed.push(key);
    if (changed.length === 0) return changed;
    this.#values = Object.fromEntries(merged);
    for (const key of changed) this.#notify(this.#byKey.get(key));
    this.#notify(this.#all);
    return changed;
  }

  #notify(listeners: Set<Listener> | undefined): void {
    if (listeners !== undefined) for (const listener of [...listeners]) listener();
  }
}

/** A copy made of own properties only (`Object.fromEntries` defines `__proto__` as a plain key). */
function ownEntries(values: BootstrapValues): FlagValues {
  return Object.fromEntries(definedEntries(values));
}

function definedEntries(values: BootstrapValues): [string, Json][] {
  return Object.entries(values).filter((entry): entry is [string, Json] => entry[1] !== undefined);
}

export function jsonEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, Json>;
  const rb = b as Record<string, Json>;
  return ka.every((k) => Object.hasOwn(rb, k) && jsonEqual(ra[k]!, rb[k]!));
}
