import { describe, expect, it } from 'vitest';
import { ts } from 'ts-morph';
import { simplify } from '../../src/code/cleanup/simplify.js';
import type { Span } from '../../src/code/cleanup/edits.js';

/** Simplifies `source` where each `«value»` is a value the change inlined (a seed). */
function fold(source: string): string {
  const seeds: Span[] = [];
  let text = '';
  let rest = source;
  for (let at = rest.indexOf('«'); at !== -1; at = rest.indexOf('«')) {
    const end = rest.indexOf('»', at);
    text += rest.slice(0, at);
    seeds.push({ start: text.length, end: text.length + end - at - 1 });
    text += rest.slice(at + 1, end);
    rest = rest.slice(end + 1);
  }
  return simplify('x.ts', text + rest, seeds, ts.ScriptKind.TS).text;
}

describe('simplify: redundant leftovers of an inlined value', () => {
  it('drops `|| false` and `&& true` after a boolean', () => {
    expect(fold('export function f(isAdmin: boolean) {\n  const allowed = isAdmin || «false»;\n  return allowed;\n}\n'))
      .toBe('export function f(isAdmin: boolean) {\n  const allowed = isAdmin;\n  return allowed;\n}\n');
    expect(fold('export function f(a: number, b: number) {\n  return a > b && «true»;\n}\n')).toBe('export function f(a: number, b: number) {\n  return a > b;\n}\n');
    expect(fold('const ready = !busy;\ndeclare const busy: unknown;\nexport const x = ready && «true»;\n')).toContain('export const x = ready;');
  });

  it('keeps them where the left side may not be a boolean (`0 || false` is false, not 0)', () => {
    expect(fold('export function f(count: number) {\n  return count || «false»;\n}\n')).toContain('return count || false;');
    expect(fold('export function f(name?: string) {\n  return name && «true»;\n}\n')).toContain('return name && true;');
    expect(fold('export function f(isAdmin: boolean, list: string[]) {\n  for (const isAdmin of list) use(isAdmin || «false»);\n}\ndeclare function use(x: unknown): void;\n'))
      .toContain('use(isAdmin || false)');
  });

  it('leaves written code alone: only what the inlined value produced is folded', () => {
    expect(fold('export function f(isAdmin: boolean, on: boolean) {\n  return [isAdmin || false, on && «true»];\n}\n'))
      .toContain('return [isAdmin || false, on];');
  });

  it('turns `c ? true : false` into `c` and `c ? false : true` into `!c`', () => {
    expect(fold('export function f(isAdmin: boolean) {\n  return isAdmin ? true : «false»;\n}\n')).toContain('return isAdmin;');
    expect(fold('export function f(a: number) {\n  return a > 1 ? «false» : true;\n}\n')).toContain('return !(a > 1);');
    expect(fold('export function f(a: string) {\n  return a ? true : «false»;\n}\n')).toContain('return a ? true : false;');
  });

  it('drops a bare `return;` left last in a function, and the if when that was all it held', () => {
    expect(fold('export function f(log: (s: string) => void, next: () => void) {\n  if («true») {\n    log("down");\n    return;\n  }\n  next();\n}\n'))
      .toBe('export function f(log: (s: string) => void, next: () => void) {\n  log("down");\n}\n');
    expect(fold('export function f(next: () => void) {\n  if («true») {\n    return;\n  }\n  next();\n}\n')).toBe('export function f(next: () => void) {\n}\n');
    expect(fold('export function f(log: (s: string) => void, next: () => void) {\n  for (;;) {\n    if («true») {\n      log("x");\n      return;\n    }\n    next();\n  }\n}\n'))
      .toContain('    log("x");\n    return;\n  }');
  });
});
