import { defineConfig, type UserConfig } from 'vite';

/**
 * Three builds, chosen by `--mode`:
 * - `production` (default): `dist/ev-booking-widget.js`, the self-contained ES module for the
 *   script tag: Lit, @lit/task and zod inside, minified, with a source map.
 * - `lib`: the npm library entry for bundlers, `dist/lib/`, with Lit and zod left as imports so
 *   that a page already using Lit loads one copy.
 * - `server`: the proxy's Node entry, `dist/server/cli.js`, for the `ev-booking-proxy` bin.
 */
export default defineConfig(({ mode }): UserConfig => {
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
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: true,
      target: 'es2022',
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'ev-booking-widget.js' },
      rolldownOptions: { output: { codeSplitting: false, minify: true } },
    },
  };
});
