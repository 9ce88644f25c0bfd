/**
 * Mocha's globals as web-test-runner provides them to browser tests, typed (the project does not put
 * @types/mocha's globals in scope: the Node tests use node:test). test/support/msw.ts re-exports them.
 *
 * ```ts
 * import { describe, it } from '../support/mocha.js';
 * ```
 */
type Hook = () => void | Promise<void>;

/** What a test's `function () {…}` sees as `this`. */
export interface TestContext {
  timeout(ms: number): void;
}

interface MochaGlobals {
  describe(title: string, fn: () => void): void;
  it(title: string, fn: (this: TestContext) => void | Promise<void>): void;
  before(fn: Hook): void;
  after(fn: Hook): void;
  beforeEach(fn: Hook): void;
  afterEach(fn: Hook): void;
}
const mochaGlobals = globalThis as unknown as MochaGlobals;
export const describe: MochaGlobals['describe'] = (title, fn) => mochaGlobals.describe(title, fn);
export const it: MochaGlobals['it'] = (title, fn) => mochaGlobals.it(title, fn);
export const before: MochaGlobals['before'] = (fn) => mochaGlobals.before(fn);
export const after: MochaGlobals['after'] = (fn) => mochaGlobals.after(fn);
export const beforeEach: MochaGlobals['beforeEach'] = (fn) => mochaGlobals.beforeEach(fn);
export const afterEach: MochaGlobals['afterEach'] = (fn) => mochaGlobals.afterEach(fn);
