import { AppError } from '../../core/errors.ts';

/**
 * Odoo domains in Polish (prefix) notation: `['|', [a], '!', [b], [c]]`. Top-level terms are joined by an
 * implicit '&', as in Odoo's `expression.normalize_domain`. The evaluator knows nothing about models: the caller
 * resolves a dotted path to the list of values it reaches (a many2one gives its id, an x2many its ids).
 */
export type Leaf = [string, string, unknown];
export type DomainNode =
  | { kind: 'and' | 'or'; left: DomainNode; right: DomainNode }
  | { kind: 'not'; term: DomainNode }
  | { kind: 'leaf'; leaf: Leaf }
  | { kind: 'const'; value: boolean };

export interface LeafResolver<R> {
  /** Values reached from the record by the dotted path ([] when a many2one on the way is empty). */
  values(record: R, path: string): unknown[];
  /** True when the path's last field is an x2many (so `= false` means "empty"). */
  isMany(path: string): boolean;
}

export const OPERATORS = new Set([
  '=',
  '!=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'not in',
  'like',
  'ilike',
  'not like',
  'not ilike',
  '=like',
  '=ilike',
]);

/** A malformed domain; the sandbox answers it as Odoo's ValueError. */
export class DomainSyntaxError extends AppError {
  constructor(message: string) {
    super('input', 'sandbox.bad_domain', message);
  }
}

function isLeaf(term: unknown): term is unknown[] {
  return Array.isArray(term) && term.length === 3;
}

export function parseDomain(domain: readonly unknown[]): DomainNode {
  let position = 0;
  const next = (): DomainNode => {
    if (position >= domain.length) throw new DomainSyntaxError(`Invalid domain ${JSON.stringify(domain)}`);
    const term = domain[position++];
    if (term === '&' || term === '|') {
      const left = next();
      return { kind: term === '&' ? 'and' : 'or', left, right: next() };
    }
    if (term === '!') return { kind: 'not', term: next() };
    if (!isLeaf(term)) throw new DomainSyntaxError(`Invalid leaf ${JSON.stringify(term)}`);
    const [path, operator, value] = term;
    // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
    if (typeof path === 'number') return { kind: 'const', value: path === 1 };
    if (typeof path !== 'string' || typeof operator !== 'string' || !OPERATORS.has(operator.toLowerCase())) {
      throw new DomainSyntaxError(`Invalid leaf ${JSON.stringify(term)}`);
    }
    return { kind: 'leaf', leaf: [path, operator.toLowerCase(), value] };
  };
  let node: DomainNode = { kind: 'const', value: true };
  let first = true;
  while (position < domain.length) {
    const term = next();
    node = first ? term : { kind: 'and', left: node, right: term };
    first = false;
  }
  return node;
}

export function leaves(node: DomainNode): Leaf[] {
  if (node.kind === 'leaf') return [node.leaf];
  if (node.kind === 'const') return [];
  if (node.kind === 'not') return leaves(node.term);
  return [...leaves(node.left), ...leaves(node.right)];
}

export function evaluate<R>(node: DomainNode, record: R, resolver: LeafResolver<R>): boolean {
  switch (node.kind) {
    case 'const':
      return node.value;
    case 'not':
      return !evaluate(node.term, record, resolver);
    case 'and':
      return evaluate(node.left, record, resolver) && evaluate(node.right, record, resolver);
    case 'or':
      return evaluate(node.left, record, resolver) || evaluate(node.right, record, resolver);
    case 'leaf':
      return matchLeaf(
        node.leaf[1],
        node.leaf[2],
        resolver.values(record, node.leaf[0]),
        resolver.isMany(node.leaf[0]),
      );
  }
}

const isUnset = (v: unknown): boolean => v === false || v === null || v === undefined;

// A search with 50 `=ilike` terms tests each partner against all 50: compiled once, not once per record.
const compiled = new Map<string, RegExp>();

/** SQL LIKE pattern (% and _) to a RegExp. */
export function likeToRegExp(pattern: string, insensitive: boolean): RegExp {
  const key = `${insensitive ? 'i' : 's'}${pattern}`;
  let regExp = compiled.get(key);
  if (regExp) return regExp;
  if (compiled.size >= 10_000) compiled.clear();
  regExp = new RegExp(`^${likeSource(pattern)}$`, insensitive ? 'is' : 's');
  compiled.set(key, regExp);
  return regExp;
}

function likeSource(pattern: string): string {
  let source = '';
  for (const char of pattern) {
    if (char === '%') source += '.*';
    else if (char === '_') source += '.';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return source;
}

function compare(a: unknown, b: unknown): number | undefined {
  if (isUnset(a) || isUnset(b)) return undefined;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function matchOne(operator: string, actual: unknown, expected: unknown): boolean {
  switch (operator) {
    case '=':
      return isUnset(expected) ? isUnset(actual) : compare(actual, expected) === 0;
    case '<':
    case '<=':
    case '>':
    case '>=': {
      const order = compare(actual, expected);
      if (order === undefined) return false;
      return operator === '<'
        ? order < 0
        : operator === '<='
          ? order <= 0
          : operator === '>'
            ? order > 0
            : order >= 0;
    }
    case 'in':
      return Array.isArray(expected) && expected.some((e) => matchOne('=', actual, e));
    case 'like':
    case 'ilike':
    case '=like':
    case '=ilike': {
      if (isUnset(actual) || isUnset(expected)) return false;
      const raw = String(expected);
      const pattern = operator.startsWith('=') ? raw : `%${raw}%`;
      return likeToRegExp(pattern, operator.endsWith('ilike')).test(String(actual));
    }
    default:
      throw new DomainSyntaxError(`Unsupported operator ${operator}`);
  }
}

const NEGATED: Record<string, string> = {
  '!=': '=',
  '<>': '=',
  'not in': 'in',
  'not like': 'like',
  'not ilike': 'ilike',
};

// Runs once per leaf and record scanned (300,000 times for a 3-leaf search of 100,000 products): no allocations.
function matchLeaf(operator: string, expected: unknown, values: unknown[], isMany: boolean): boolean {
  const positive = NEGATED[operator];
  if (positive) return !matchLeaf(positive, expected, values, isMany);
  if (isMany && operator === '=' && isUnset(expected)) return values.length === 0;
  if (values.length === 0) return matchOne(operator, false, expected);
  for (const value of values) if (matchOne(operator, value, expected)) return true;
  return false;
}
