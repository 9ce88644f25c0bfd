/**
 * The script-tag bundle under a strict Content Security Policy (no inline script or style, no
 * eval), in headless Chromium: see scripts/csp-check.mjs. Skipped when no Chromium is installed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

interface CspResult {
  ok: boolean;
  ports: string[];
  slots: number;
  styled: boolean;
  violations: unknown[];
  englishChunks: string[];
  chunksBeforeStart: string[];
  stageLoaded: boolean;
  german: { chunks: string[]; violations: unknown[] };
  controlViolations: unknown[];
  consoleErrors: string[];
}
interface CspCheck {
  STRICT_CSP: string;
  runCspCheck(): Promise<CspResult>;
}
interface Harness {
  chromiumPath(): string | null;
}

const load = async <T>(path: string): Promise<T> => (await import(new URL(path, import.meta.url).href)) as T;
const { chromiumPath } = await load<Harness>('../../bench/harness.mjs');

describe('Content Security Policy', { skip: chromiumPath() ? false : 'no Chromium (set CHROME_PATH)' }, () => {
  it(
    "renders ports and start times under default-src 'none'; script-src/connect-src/style-src 'self', with no violation, in English and in German (its chunk)",
    { timeout: 30_000 },
    async () => {
      const { runCspCheck } = await load<CspCheck>('../../scripts/csp-check.mjs');
      const result = await runCspCheck();
      assert.deepEqual(result.violations, [], 'no securitypolicyviolation on the widget page');
      assert.ok(result.ports.includes('Port A'), `ports rendered: ${result.ports.join(', ')}`);
      assert.ok(result.slots > 0, 'start times rendered');
      assert.ok(result.styled, 'styles applied through adoptedStyleSheets');
      assert.deepEqual(result.englishChunks, [], 'the English page loads no language chunk');
      // Before a start is picked: at most the booking parts (asked once the first start times are on
      // screen), the port list's cards (once the ports are here) and filters (the simulator's ports
      // differ); never the booking stage.
      for (const chunk of result.chunksBeforeStart)
        assert.match(
          chunk,
          /^\/chunk-(booking-parts|port-cards|port-filters)-[\w-]+\.js$/,
          'a chunk before a start is picked',
        );
      assert.ok(result.stageLoaded, 'the booking stage chunk loads once a start is picked');
      // Its first view's chunk; its booking texts' chunk too once its start times are shown; no other language's.
      const firstView = result.german.chunks.filter((chunk) => !chunk.startsWith('/i18n-de-booking-'));
      assert.equal(firstView.length, 1, `German page: ${result.german.chunks.join(', ')}`);
      assert.match(firstView[0]!, /^\/i18n-de-[\w-]+\.js$/, 'the German page loads the German chunk');
      for (const chunk of result.german.chunks) assert.match(chunk, /^\/i18n-de-/, 'only German chunks');
      assert.deepEqual(result.german.violations, [], 'no securitypolicyviolation on the German page');
      assert.ok(result.controlViolations.length > 0, 'the listener sees a violation on the inline-script control page');
      assert.ok(result.ok, result.consoleErrors.join('\n'));
    },
  );
});
