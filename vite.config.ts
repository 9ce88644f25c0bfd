import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
// Rolldown is Vite 8's bundler (its dependency); its MagicString keeps the source maps exact.
import { RolldownMagicString } from 'rolldown';
import { defineConfig, parseAst, type Plugin, type UserConfig } from 'vite';

/**
 * Four builds, chosen by `--mode`:
 * - `production` (default): `dist/ev-booking-widget.js`, the ES module for the script tag: Lit,
 *   @lit/task, zod and English inside, minified, with a source map; beside it, one chunk per other
 *   language (`dist/i18n-de-[hash].js`), which the entry imports only for a page in that language.
 * - `lib`: the npm library entry for bundlers, `dist/lib/`, with Lit and zod left as imports so
 *   that a page already using Lit loads one copy.
 * - `server`: the proxy's Node entry, `dist/server/cli.js`, for the `ev-booking-proxy` bin, and
 *   the gateway's Node module, `dist/server/index.js` (`ev-booking-widget/proxy` on Node).
 * - `edge`: the gateway without Node, `dist/server/web/index.js` (`ev-booking-widget/proxy` on
 *   edge runtimes, `ev-booking-widget/proxy/web` everywhere): no `node:` module in it.
 */
export default defineConfig(({ mode, command }): UserConfig => {
  if (mode === 'lib') {
    return {
      build: {
        outDir: 'dist/lib',
        emptyOutDir: true,
        sourcemap: true,
        minify: false,
        // `react/index`: the `ev-booking-widget/react` subpath (React and @lit/react stay imports).
        lib: { entry: { index: 'src/index.ts', 'react/index': 'src/react/index.ts' }, formats: ['es'] },
        rolldownOptions: {
          external: [/^lit($|\/)/, /^@lit\//, /^zod($|\/)/, /^react($|\/)/, /^react-dom($|\/)/],
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  if (mode === 'edge') {
    // Its own build, not a third input of `server`: chunks shared with the Node entries would carry
    // the bundler's `node:module` helper. Built for a worker, which refuses any Node built-in.
    return {
      build: {
        outDir: 'dist/server/web',
        emptyOutDir: true,
        ssr: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        rolldownOptions: {
          input: { index: 'server/web.ts' },
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
      ssr: { noExternal: true, target: 'webworker' },
    };
  }
  if (mode === 'server') {
    return {
      build: {
        outDir: 'dist/server',
        emptyOutDir: true,
        ssr: true,
        target: 'node20',
        minify: false,
        sourcemap: true,
        rolldownOptions: {
          input: { cli: 'server/cli.ts', index: 'server/index.ts' },
          output: { format: 'es', entryFileNames: '[name].js' },
        },
      },
      ssr: { noExternal: true, target: 'node' },
    };
  }
  return {
    // The build takes Lit's production build, never its `development` export condition (the dev
    // server keeps Vite's defaults and Lit's dev warnings). Size budget: `npm run size`.
    ...(command === 'build' ? { resolve: { conditions: ['module', 'browser', 'production'] } } : {}),
    plugins: [compactTemplates(), chunksBesideTheEntry()],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: true,
      target: 'es2022',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'ev-booking-widget.js' },
      rolldownOptions: {
        // The lazy chunks (card extras, dialog shell) import what they share with the entry from
        // the entry itself: without this, the library build's default ('strict': no exports added
        // to the entry) moves Lit and the shared modules into chunks the entry must load first.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          // The minifier otherwise keeps ~240 `/* @__PURE__ */` annotations (~3.5 KB raw), useful
          // only to a bundler that never sees these files.
          comments: false,
          // Each `import()` is a chunk beside the entry, fetched relative to it: a language's
          // catalogue is `i18n-de-[hash].js`, anything else `chunk-[name]-[hash].js`.
          chunkFileNames: (chunk) => {
            const catalogue = /\/src\/i18n\/([\w-]+)\.ts$/.exec(chunk.facadeModuleId ?? '');
            return catalogue ? `i18n-${catalogue[1]}-[hash].js` : 'chunk-[name]-[hash].js';
          },
        },
      },
    },
  };
});

/**
 * The chunks beside the entry (`i18n-*.js`, `chunk-*.js`):
 * - the language chunks carry no source map: a catalogue is one object literal of messages, as
 *   readable minified as in `src/i18n/`, and its `//# sourceMappingURL=` comment (a hashed file
 *   name gzip cannot shrink) would be 5 % of the chunk. The entry keeps its map.
 * - chunks of an earlier build are removed from `dist/` (this build does not empty it, as it
 *   shares it with the library build), so that only the chunks the entry imports ship.
 */
function chunksBesideTheEntry(): Plugin {
  const isChunk = (name: string): boolean => /^(i18n|chunk)-.+\.js(\.map)?$/.test(name);
  return {
    name: 'ev-chunks-beside-the-entry',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !output.fileName.startsWith('i18n-')) continue;
        output.code = output.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n');
        delete bundle[`${output.fileName}.map`];
      }
    },
    writeBundle({ dir }, bundle) {
      if (!dir || !existsSync(dir)) return;
      for (const name of readdirSync(dir)) if (isChunk(name) && !(name in bundle)) rmSync(join(dir, name));
    },
  };
}

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * Minifies the static text of the `css` and `html` tagged templates of `src/` for the script-tag
 * bundle (the minifier leaves template literals alone): CSS loses comments and the whitespace
 * around `{ } ; , :`, HTML loses line breaks and indentation (each run becomes one space, which
 * renders the same outside `<pre>`, which the widget does not use). Only the source text of the
 * template parts changes, never the `${…}` expressions; source maps stay exact.
 */
function compactTemplates(): Plugin {
  const minify = (tag: string, raw: string, first: boolean, last: boolean): string => {
    let out = raw;
    if (tag === 'css') {
      out = out
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/ ?([{};,]) ?/g, '$1')
        .replace(/: /g, ':')
        .replace(/;}/g, '}');
    } else {
      out = out.replace(/\s*\n\s*/g, ' ');
    }
    if (first) out = out.trimStart();
    if (last) out = out.trimEnd();
    return out;
  };
  return {
    name: 'ev-compact-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(css|html)`/.test(code)) return null;
      const ms = new RolldownMagicString(code);
      const visit = (node: unknown): void => {
        if (Array.isArray(node)) return node.forEach(visit);
        if (node === null || typeof node !== 'object') return;
        const n = node as Node;
        const tag = n['tag'] as Node | undefined;
        if (
          n.type === 'TaggedTemplateExpression' &&
          tag?.type === 'Identifier' &&
          /^(css|html)$/.test(tag['name'] as string)
        ) {
          const quasis = (n['quasi'] as { quasis: Node[] }).quasis;
          quasis.forEach((q, i) => {
            const raw = (q['value'] as { raw: string }).raw;
            // oxc's span of a template part includes its delimiters: `…${, }…${, }…`.
            const start = q.start + 1;
            const end = q.end - (q['tail'] ? 1 : 2);
            if (code.slice(start, end) !== raw) throw new Error(`compactTemplates: unexpected offsets in ${id}`);
            const min = minify(tag['name'] as string, raw, i === 0, i === quasis.length - 1);
            if (min !== raw && start < end) ms.overwrite(start, end, min);
          });
        }
        for (const key in n) if (key !== 'type') visit(n[key]);
      };
      visit(parseAst(code, { lang: 'ts' }, id));
      return { code: ms };
    },
  };
}
