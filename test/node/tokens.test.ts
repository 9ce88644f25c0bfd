import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every source file under `dir`. */
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

describe('private style tokens', () => {
  it('every private token a style reads is defined (a renamed token cannot leave a style without its value)', () => {
    const sources = files('src').map((file) => [file, readFileSync(file, 'utf8')] as const);
    const defined = new Set(sources.flatMap(([, text]) => [...text.matchAll(/(--_[\w-]+)\s*:/g)].map((m) => m[1])));
    const unknown = sources.flatMap(([file, text]) =>
      [...text.matchAll(/var\((--_[\w-]+)/g)].filter((m) => !defined.has(m[1])).map((m) => `${file}: ${m[1]}`),
    );
    assert.deepEqual(unknown, []);
  });
});
