#!/usr/bin/env node
// ev-booking-proxy: the reference proxy of ev-booking-widget (SPEC §9).
// Runs the compiled CLI of the built package, or the TypeScript sources (through tsx) in a clone.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/server/cli.js', import.meta.url);
let cli;
if (existsSync(fileURLToPath(built))) {
  cli = await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(new URL('../server/cli.ts', import.meta.url).href);
}
await cli.run();
