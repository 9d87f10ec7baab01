import { describe, expect, it } from 'vitest';
import { findCatastrophicBacktracking } from '../../src/core/regex-safety.js';

describe('findCatastrophicBacktracking', () => {
  it.each(['(a+)+', '(a*)*', '(a|aa)+', '^(\\w+\\s?)+$', '(.*a){20}', '(?:x+x+)+y', '^(\\w|\\d)+$', '((ab)*)+', '^(([a-z])+.)+[A-Z]([a-z])+$', '(a+|b)+$'])('flags %s', (pattern) => {
    expect(findCatastrophicBacktracking(pattern)).toMatch(/nested quantifier|overlapping alternatives/);
  });

  it.each(['^[a-z]+@example\\.com$', '(\\d+\\.)+\\d+', '(a+b)+', '(foo|bar)+', '(a|b)*', '[(a+)+]', '(\\[a+\\])+', '(ab|ac)+', 'a{2,3}', '(a{1,3}){1,3}', '@flagops\\.dev$', '(?=a+)+'])('accepts %s', (pattern) => {
    expect(findCatastrophicBacktracking(pattern)).toBeUndefined();
  });
});
