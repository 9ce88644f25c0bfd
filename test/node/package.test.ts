/**
 * package.json as an integrating project's tools read it: every JavaScript entry point of
 * `exports` has its TypeScript types, from a source file that the declaration build
 * (tsconfig.build.json, into dist/types/) compiles.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as {
  exports: Record<string, string | { types?: string; default: string }>;
};

describe('package.json exports', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (!file.endsWith('.js')) continue;
    it(`${subpath} names the types of ${file}`, () => {
      const types = typeof target === 'string' ? undefined : target.types;
      assert.ok(types, `${subpath}: no "types" condition, so TypeScript types its imports as any`);
      const source = /^\.\/dist\/types\/(.+)\.d\.ts$/.exec(types)?.[1];
      assert.ok(source, `${types} is not under dist/types/`);
      assert.ok(existsSync(new URL(`${source}.ts`, root)), `${types} has no source ${source}.ts`);
    });
  }
});
