/**
 * The README's "Project layout" as a contributor reads it: every source file of the widget is
 * named there (a `.styles.ts` beside the file it styles, a language's catalogues by its code, a
 * folder's own element by the folder), and every file it names exists.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const layout = /## Project layout\n[\s\S]*?```\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

/** Every file under `dir` (relative to the repository), recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(new URL(dir, root), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${entry.parentPath.slice(new URL(dir, root).pathname.length)}/${entry.name}`.replace(/^\/+/, ''));
}

/** The words of the layout, `.styles.ts` and `(port-list.ts,` alike, without their punctuation. */
const words = new Set(layout.split(/[\s,();:]+/).filter((word) => word !== ''));

/** Whether the layout names `file` (a path under src/). */
function named(file: string): boolean {
  const parts = file.split('/');
  const base = parts.at(-1)!;
  if (words.has(base) || words.has(file)) return true;
  // `<name>.styles.ts`, named as `.styles.ts` after its `<name>.ts` (or its own element's folder).
  const styled = /^(.+)\.styles\.ts$/.exec(base);
  if (styled && words.has('.styles.ts') && (words.has(`${styled[1]}.ts`) || parts.at(-2) === styled[1])) return true;
  // `i18n/<lang>.ts` and `i18n/<lang>-booking.ts`: the language's code in the i18n line.
  const language = /^i18n\/([a-z]{2})(-booking)?\.ts$/.exec(file);
  if (language) return words.has(language[1]!) && (language[2] === undefined || words.has('<lang>-booking.ts'));
  // `<folder>/<folder>.ts`: the folder's own element, named by its folder.
  return parts.length >= 2 && `${parts.at(-2)}.ts` === base && words.has(`${parts.at(-2)}/`);
}

describe("README's project layout", () => {
  it('names every source file of the widget', () => {
    assert.ok(layout, 'README has no Project layout block');
    const unnamed = filesUnder('src/').filter((file) => !named(file));
    assert.deepEqual(unnamed, [], 'src/ files the layout does not name');
  });

  it('names no file that does not exist', () => {
    const sources = [...filesUnder('src/'), ...filesUnder('server/').map((file) => `server/${file}`)];
    const bases = new Set(sources.map((file) => file.split('/').at(-1)));
    const missing = [...words]
      .filter((word) => /^[\w/-]+(\.[\w-]+)*\.ts$/.test(word))
      .filter(
        (word) => !bases.has(word) && !['src', 'server'].some((dir) => existsSync(new URL(`${dir}/${word}`, root))),
      );
    assert.deepEqual(missing, [], 'files the layout names that are not in src/ or server/');
  });
});
