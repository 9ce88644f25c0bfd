#!/usr/bin/env node
/**
 * Checks `custom-elements.json`: regenerates the manifest in memory with the project's analyzer
 * config and compares it with the committed file (stale → exit 1, run `npm run analyze`), then
 * checks that it describes the public contract: the five elements, the SPEC §2 attributes and
 * §5 events of `<ev-booking-widget>`, and the SPEC §7 parts.
 *
 * Usage: `node scripts/cem-check.mjs` (or `npm run check:cem`). The functions are exported for
 * test/node/cem.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

export const root = fileURLToPath(new URL('..', import.meta.url));
export const manifestPath = `${root}custom-elements.json`;

export const ELEMENTS = [
  'ev-booking-widget',
  'ev-port-list',
  'ev-duration-picker',
  'ev-slot-grid',
  'ev-email-form',
  'ev-status-tracker',
  'ev-booking-button',
];
/** SPEC §2: attribute → property. */
export const WIDGET_ATTRIBUTES = {
  'location-id': 'locationId',
  'api-base': 'apiBase',
  locale: 'locale',
  durations: 'durations',
  'slot-step': 'slotStep',
  days: 'days',
  email: 'email',
  'evse-ids': 'evseIds',
  'connector-types': 'connectorTypes',
  'signup-url': 'signupUrl',
  theme: 'theme',
};
/** SPEC §5. */
export const WIDGET_EVENTS = [
  'ev-booking-requested',
  'ev-booking-confirmed',
  'ev-booking-rejected',
  'ev-booking-cancelled',
  'ev-booking-error',
];
/** SPEC §7. */
export const WIDGET_PARTS = ['port-list', 'slot-grid', 'email-form', 'status', 'button'];

/** The manifest as `npm run analyze` would write it now (nothing is written). */
export async function generateManifest() {
  return cli({
    argv: ['analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: root,
    noWrite: true,
  });
}

export function readManifest() {
  return JSON.parse(readFileSync(manifestPath, 'utf8'));
}

/** `{ 'ev-booking-widget': declaration, … }` from the custom-element-definition exports. */
export function elementsByTag(manifest) {
  const byTag = {};
  for (const mod of manifest.modules ?? []) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.customElement && declaration.tagName)
        byTag[declaration.tagName] = { ...declaration, path: mod.path };
    }
  }
  return byTag;
}

/** The contract's problems in `manifest`, as sentences; empty when all is there. */
export function contractProblems(manifest) {
  const problems = [];
  const byTag = elementsByTag(manifest);
  const defined = new Set(
    (manifest.modules ?? []).flatMap((m) =>
      (m.exports ?? []).filter((e) => e.kind === 'custom-element-definition').map((e) => e.name),
    ),
  );
  for (const tag of ELEMENTS) {
    if (!byTag[tag]) problems.push(`<${tag}> is not in the manifest`);
    else if (!defined.has(tag)) problems.push(`<${tag}> has no custom-element-definition export`);
    else if (!byTag[tag].summary) problems.push(`<${tag}> has no @summary`);
  }
  const widget = byTag['ev-booking-widget'];
  if (!widget) return problems;
  const attributes = new Map((widget.attributes ?? []).map((a) => [a.name, a]));
  for (const [name, field] of Object.entries(WIDGET_ATTRIBUTES)) {
    const attribute = attributes.get(name);
    if (!attribute) problems.push(`<ev-booking-widget> lacks the attribute ${name}`);
    else if (attribute.fieldName !== field)
      problems.push(`attribute ${name} maps to ${attribute.fieldName}, not ${field}`);
    else if (!attribute.description) problems.push(`attribute ${name} has no description`);
  }
  const fetchMember = (widget.members ?? []).find((m) => m.name === 'fetch');
  if (!fetchMember || fetchMember.attribute) problems.push('<ev-booking-widget> lacks the property-only member fetch');
  const events = new Map((widget.events ?? []).map((e) => [e.name, e]));
  for (const name of WIDGET_EVENTS) {
    const event = events.get(name);
    if (!event) problems.push(`<ev-booking-widget> lacks the event ${name}`);
    else if (!event.type?.text?.startsWith('CustomEvent<')) problems.push(`event ${name} has no CustomEvent type`);
  }
  const parts = new Set((widget.cssParts ?? []).map((p) => p.name));
  for (const name of WIDGET_PARTS) if (!parts.has(name)) problems.push(`<ev-booking-widget> lacks the part ${name}`);
  for (const tag of ELEMENTS) {
    const element = byTag[tag];
    if (!element) continue;
    for (const prop of element.cssProperties ?? []) {
      if (!/^--ev-[a-z0-9-]+$/.test(prop.name))
        problems.push(`<${tag}> documents a malformed custom property "${prop.name}"`);
    }
    for (const attribute of element.attributes ?? []) {
      const member = (element.members ?? []).find((m) => m.name === attribute.fieldName);
      if (member?.privacy === 'private')
        problems.push(`<${tag}> lists private state ${attribute.name} as an attribute`);
    }
    if (!(element.cssProperties ?? []).length) problems.push(`<${tag}> documents no custom properties`);
  }
  return problems;
}

async function main() {
  const fresh = await generateManifest();
  let committed;
  try {
    committed = readManifest();
  } catch {
    console.error('custom-elements.json is missing: run `npm run analyze`.');
    process.exit(1);
  }
  const problems = contractProblems(committed);
  if (JSON.stringify(fresh) !== JSON.stringify(committed)) {
    problems.unshift('custom-elements.json is stale: run `npm run analyze` and commit it');
  }
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  const byTag = elementsByTag(committed);
  for (const tag of ELEMENTS) {
    const e = byTag[tag];
    console.log(
      `✓ <${tag}>: ${e.attributes?.length ?? 0} attributes, ${e.events?.length ?? 0} events, ` +
        `${e.cssParts?.length ?? 0} parts, ${e.cssProperties?.length ?? 0} custom properties`,
    );
  }
  console.log('✓ custom-elements.json is up to date');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
