/**
 * Limits for gateway tests: `testLimits({ READS_PER_MINUTE: '3' })` is what the command would build
 * from those variables, per process (no Redis), on the test's clock when given.
 */
import { limitsOver, parseLimitsConfig, type Limits } from '../../server/limits/index.js';

export function testLimits(env: Record<string, string> = {}, now: () => number = Date.now): Limits {
  return limitsOver(parseLimitsConfig(env), null, now);
}
