/**
 * Hash-consing for prepared structures. Prepared conditions, rules, serves, results and whole
 * flags are immutable, so equal ones are built once and shared: ten thousand flags that are
 * on/off switches, or that target the same plans and countries, hold a handful of objects
 * between them. Ids are strings composed from the children's ids, so sharing is structural.
 * The tables live only while a bundle is prepared.
 */
export class Interner {
  readonly #byId = new Map<string, unknown>();
  readonly #ids = new Map<object, string>();
  readonly #strings = new Map<string, string>();

  /** The shared value for `id`, built by `make` the first time the id is seen. */
  get<T>(id: string, make: () => T): T {
    if (this.#byId.has(id)) return this.#byId.get(id) as T;
    const value = make();
    this.#byId.set(id, value);
    return value;
  }

  /** A short id naming an object (by identity), to compose into the ids of what contains it. */
  idOf(value: object | null | undefined): string {
    if (value === null || value === undefined) return '-';
    let id = this.#ids.get(value);
    if (id === undefined) this.#ids.set(value, (id = this.#ids.size.toString(36)));
    return id;
  }

  /** One string object per distinct text (variation names, attribute names, rule names). */
  string<S extends string | undefined>(text: S): S {
    if (text === undefined) return text;
    const known = this.#strings.get(text);
    if (known !== undefined) return known as S;
    this.#strings.set(text, text);
    return text;
  }
}
