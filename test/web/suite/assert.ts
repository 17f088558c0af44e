// A few assertions for tests inside the browser's web worker extension host, where Node's `assert` is not.
// Each throws an Error with the message and what was seen, as node:assert does.

export class AssertionError extends Error {}

const show = (v: unknown) => {
  try {
    return JSON.stringify(v)?.slice(0, 800) ?? String(v);
  } catch {
    return String(v);
  }
};

export function ok(value: unknown, message = 'expected a truthy value'): asserts value {
  if (!value) throw new AssertionError(`${message} (got ${show(value)})`);
}

export function equal<T>(actual: T, expected: T, message = 'not equal'): void {
  if (actual !== expected) throw new AssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message = 'not deeply equal'): void {
  if (show(actual) !== show(expected)) throw new AssertionError(`${message}: expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, pattern: RegExp, message = 'does not match'): void {
  if (!pattern.test(actual)) throw new AssertionError(`${message}: ${show(actual)} !~ ${pattern}`);
}

export function fail(message: string): never {
  throw new AssertionError(message);
}
