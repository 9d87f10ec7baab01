/**
 * A small detector for regular expressions that can backtrack catastrophically: a repeated
 * group whose body can match the same text in more than one way, like `(a+)+`, `(a*)*`,
 * `(\w+\s?)+` (nested quantifiers) or `(a|aa)+` (overlapping alternatives). Heuristic by design:
 * it accepts the usual safe shapes such as `(\d+\.)+`, where a separator the inner repetition
 * cannot match pins every split.
 */

interface Node {
  source: string;
  min: number;
  max: number;
  /** Set for groups: their alternatives. Lookarounds are dropped (zero-width). */
  alternatives?: Node[][];
  /** Sample characters this node can start with. */
  first: Set<string>;
}

const SAMPLE = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), '\n', '\t', 'é'];
const REPEATS = 16;

/** The offending fragment and why, or undefined when the pattern looks safe (or does not parse). */
export function findCatastrophicBacktracking(pattern: string): string | undefined {
  try {
    const parser = { text: pattern, at: 0 };
    return findIn(parseAlternatives(parser));
  } catch {
    return undefined;
  }
}

function findIn(alternatives: Node[][]): string | undefined {
  for (const node of alternatives.flat()) {
    if (!node.alternatives) continue;
    if (node.max >= REPEATS) {
      if (node.alternatives.some(isAmbiguousBody)) return `nested quantifier in \`${node.source}\``;
      if (hasOverlappingAlternatives(node.alternatives)) return `overlapping alternatives in \`${node.source}\``;
    }
    const inner = findIn(node.alternatives);
    if (inner) return inner;
  }
  return undefined;
}

/** A body whose mandatory parts could all be matched by its repeated part splits input many ways. */
function isAmbiguousBody(sequence: Node[]): boolean {
  const flat = flatten(sequence);
  const repeated = flat.filter((n) => n.max >= REPEATS);
  if (repeated.length === 0) return false;
  const covered = new Set(repeated.flatMap((n) => [...n.first]));
  return flat.filter((n) => n.min > 0 && !repeated.includes(n)).every((n) => intersects(n.first, covered));
}

function flatten(sequence: Node[]): Node[] {
  return sequence.flatMap((n) => (n.alternatives && n.alternatives.length === 1 && n.min === 1 && n.max === 1 ? flatten(n.alternatives[0]!) : [n]));
}

function hasOverlappingAlternatives(alternatives: Node[][]): boolean {
  const sources = alternatives.map((seq) => seq.map((n) => n.source).join(''));
  for (let i = 0; i < alternatives.length; i++) {
    for (let j = i + 1; j < alternatives.length; j++) {
      const a = alternatives[i]!;
      const b = alternatives[j]!;
      if (!intersects(firstOf(a), firstOf(b))) continue;
      const single = a.length === 1 && b.length === 1;
      const prefix = sources[i]!.startsWith(sources[j]!) || sources[j]!.startsWith(sources[i]!);
      if (single || prefix || [...a, ...b].some((n) => n.max >= REPEATS)) return true;
    }
  }
  return false;
}

function firstOf(sequence: Node[]): Set<string> {
  const result = new Set<string>();
  for (const node of sequence) {
    for (const c of node.first) result.add(c);
    if (node.min > 0) break;
  }
  return result;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const c of a) if (b.has(c)) return true;
  return false;
}

interface Parser {
  text: string;
  at: number;
}

function parseAlternatives(p: Parser): Node[][] {
  const alternatives: Node[][] = [[]];
  while (p.at < p.text.length && p.text[p.at] !== ')') {
    if (p.text[p.at] === '|') {
      p.at++;
      alternatives.push([]);
      continue;
    }
    const node = parseAtom(p);
    if (node) alternatives[alternatives.length - 1]!.push(node);
  }
  return alternatives;
}

function parseAtom(p: Parser): Node | undefined {
  const start = p.at;
  const c = p.text[p.at]!;
  let node: Node | undefined;
  if (c === '(') {
    p.at++;
    const lookaround = /^\?(<?[=!])/.exec(p.text.slice(p.at));
    if (lookaround) p.at += lookaround[0].length;
    else if (p.text.startsWith('?:', p.at)) p.at += 2;
    else if (p.text.startsWith('?<', p.at)) p.at = p.text.indexOf('>', p.at) + 1;
    const alternatives = parseAlternatives(p);
    p.at++;
    node = lookaround ? undefined : { source: '', min: 1, max: 1, alternatives, first: new Set(alternatives.flatMap((a) => [...firstOf(a)])) };
  } else if (c === '^' || c === '$') {
    p.at++;
  } else {
    p.at = c === '[' ? endOfClass(p.text, p.at) : c === '\\' ? endOfEscape(p.text, p.at) : p.at + 1;
    node = { source: '', min: 1, max: 1, first: sampleMatches(p.text.slice(start, p.at)) };
    if (/^\\[bB]$/.test(p.text.slice(start, p.at))) node = undefined;
  }
  const [min, max] = parseQuantifier(p);
  if (!node) return undefined;
  return { ...node, min: node.min * min, max: node.max * max, source: p.text.slice(start, p.at) };
}

function endOfClass(text: string, at: number): number {
  let i = at + 1;
  if (text[i] === '^') i++;
  if (text[i] === ']') i++;
  while (i < text.length && text[i] !== ']') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function endOfEscape(text: string, at: number): number {
  const rest = text.slice(at);
  const long = /^\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[pP]\{[^}]*\}|\d+)/.exec(rest);
  return at + (long ? long[0].length : 2);
}

function parseQuantifier(p: Parser): [number, number] {
  const match = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(p.text.slice(p.at));
  if (!match) return [1, 1];
  p.at += match[0].length;
  if (match[1] === '*') return [0, Infinity];
  if (match[1] === '+') return [1, Infinity];
  if (match[1] === '?') return [0, 1];
  const min = Number(match[2]);
  return [min, match[3] === undefined ? min : match[4] === '' ? Infinity : Number(match[4])];
}

function sampleMatches(atom: string): Set<string> {
  try {
    const re = new RegExp(`^(?:${atom})$`, 's');
    return new Set(SAMPLE.filter((c) => re.test(c)));
  } catch {
    return new Set(SAMPLE);
  }
}
