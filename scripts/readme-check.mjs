#!/usr/bin/env node
/**
 * Checks README.md's reference against custom-elements.json for `<ev-booking-widget>`: every
 * attribute is a row of the Attributes table, every event a row of the Events table, and every
 * part and custom property is named (in backticks); and no table row names an attribute or event
 * the element does not have; and every custom property the Theming section names is in the manifest.
 *
 * Usage: `node scripts/readme-check.mjs [README.md] [custom-elements.json]`; exit 1 on a mismatch.
 * `checkReadme()` is exported for test/node/cem.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The first-column names (in backticks) of the Markdown table under the heading `title`. */
export function tableNames(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,6}\s/.test(line) && line.replace(/^#+\s*/, '').trim() === title);
  if (start < 0) return null;
  const names = [];
  let inTable = false;
  for (const line of lines.slice(start + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    if (line.startsWith('|')) {
      inTable = true;
      const first = line.split('|')[1] ?? '';
      const match = /`([^`]+)`/.exec(first);
      if (match) names.push(match[1]);
    } else if (inTable) {
      break;
    }
  }
  return names;
}

/** The text under the heading `title`, up to the next heading. */
export function sectionText(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,6}\s/.test(line) && line.replace(/^#+\s*/, '').trim() === title);
  if (start < 0) return '';
  const end = lines.findIndex((line, index) => index > start && /^#{1,6}\s/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Problems found comparing `readme` (Markdown text) with `manifest` (parsed JSON). */
export function checkReadme(readme, manifest, tagName = 'ev-booking-widget') {
  const declaration = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .find((d) => d.customElement && d.tagName === tagName);
  if (!declaration) return [`<${tagName}> is not in custom-elements.json`];
  const problems = [];
  const compare = (kind, title, expected) => {
    const documented = tableNames(readme, title);
    if (!documented) {
      problems.push(`README has no "${title}" table`);
      return;
    }
    for (const name of expected)
      if (!documented.includes(name)) problems.push(`README's ${title} table lacks the ${kind} ${name}`);
    for (const name of documented)
      if (!expected.includes(name))
        problems.push(`README's ${title} table lists ${name}, which <${tagName}> does not have`);
  };
  compare(
    'attribute',
    'Attributes',
    (declaration.attributes ?? []).map((a) => a.name),
  );
  compare(
    'event',
    'Events',
    (declaration.events ?? []).map((e) => e.name),
  );
  const mentioned = new Set([...readme.matchAll(/`([^`\n]+)`/g)].flatMap((m) => m[1].split(/[\s,()]+/)));
  for (const part of declaration.cssParts ?? []) {
    if (!mentioned.has(part.name)) problems.push(`README does not name the part ${part.name}`);
  }
  const documented = new Set((declaration.cssProperties ?? []).map((prop) => prop.name));
  for (const name of documented) {
    if (!mentioned.has(name)) problems.push(`README does not name the custom property ${name}`);
  }
  const theming = sectionText(readme, 'Theming');
  for (const [name] of theming.matchAll(/--ev-[a-z0-9-]+/g)) {
    if (!documented.has(name))
      problems.push(`README's Theming names ${name}, which custom-elements.json does not document`);
  }
  return problems;
}

function main() {
  const [readmePath = `${root}README.md`, manifestPath = `${root}custom-elements.json`] = process.argv.slice(2);
  const problems = checkReadme(readFileSync(readmePath, 'utf8'), JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (problems.length) {
    for (const p of problems) console.error(`✗ ${p}`);
    process.exit(1);
  }
  console.log('✓ README documents every attribute, event, part and custom property of <ev-booking-widget>');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
