import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../src/sdk/bundle/canonical.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: [3, { d: null, c: true }] } }, '{"z":{"y":[3,{"c":true,"d":null}]}}'],
    [[], '[]'],
    [{}, '{}'],
    ['a"b\\c\n\u0001', '"a\\"b\\\\c\\n\\u0001"'],
    ['€ and 😀', '"€ and 😀"'],
  ])('serializes %j without whitespace and with sorted keys', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  // RFC 8785 appendix B number vectors (ECMAScript Number serialization).
  it.each([
    [0, '0'],
    [-0, '0'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [333333333.3333333, '333333333.3333333'],
    [9007199254740992, '9007199254740992'],
    [295147905179352830000, '295147905179352830000'],
    [5e-324, '5e-324'],
    [-1.7976931348623157e308, '-1.7976931348623157e+308'],
    [0.000001, '0.000001'],
  ])('writes the number %s as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 asks', () => {
    const value = { '\u20ac': 1, '\r': 2, '\ufb33': 3, '1': 4, '\ud83d\ude00': 5, '\u0080': 6, '\u00f6': 7 };
    expect(Object.keys(JSON.parse(canonicalJson(value)))).toEqual(['1', '\r', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
    expect(canonicalJson(value)).toBe('{"\\r":2,"1":4,"\u0080":6,"\u00f6":7,"\u20ac":1,"\ud83d\ude00":5,"\ufb33":3}');
  });

  it('gives the same text whatever order keys were inserted in', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it('leaves out undefined properties and keeps own `__proto__` keys', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1}}'))).toBe('{"__proto__":{"x":1}}');
  });

  it.each([
    [NaN, '$ is NaN'],
    [{ a: [1, Infinity] }, '$.a[1] is Infinity'],
    [[undefined], '$[0] is undefined'],
    [{ d: new Date(0) }, '$.d is a Date object'],
    [{ n: 1n }, '$.n is a bigint'],
  ])('rejects %s, naming where', (value, message) => {
    expect(() => canonicalJson(value)).toThrow(message);
  });
});
