#!/usr/bin/env node
/**
 * Checks README.md's reference against custom-elements.json for `<ev-booking-widget>`: every
 * attribute and every public property is a row of the Attributes table (with the default the code
 * gives, where the code gives a literal), every event a row of the Events table, and every
 * part and custom property is named (in backticks); and no table row names an attribute or event
 * the element does not have; and every custom property the Theming section names is in the manifest.
 *
 * Usage: `node scripts/readme-check.mjs [README.md] [custom-elements.json]`; exit 1 on a mismatch.
 * `checkReadme()` is exported for test/node/cem.test.ts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The cells of each body row of the Markdown table under the heading `title` (header and rule left out). */
export function tableRows(markdown, title) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{2,6}\s/.test(line) && line.replace(/^#+\s*/, '').trim() === title);
  if (start < 0) return null;
  const rows = [];
  let inTable = false;
  let inCode = false;
  for (const line of lines.slice(start + 1)) {
    // A fenced block's lines are code: `# a shell comment` is no heading.
    if (line.startsWith('```')) inCode = !inCode;
    if (inCode) continue;
    if (/^#{1,6}\s/.test(line)) break;
    if (line.startsWith('|')) {
      if (inTable && !/^\|[\s|:-]+\|$/.test(line)) rows.push(line.split('|').slice(1, -1));
      inTable = true;
    } else if (inTable) {
      break;
    }
  }
  return rows;
}

/** The first text in backticks in a table cell, or null. */
const backticked = (cell = '') => /`([^`]+)`/.exec(cell)?.[1] ?? null;

/** The first-column names (in backticks) of the Markdown table under the heading `title`. */
export function tableNames(markdown, title) {
  return tableRows(markdown, title)
    ?.map((cells) => backticked(cells[0]))
    .filter((name) => name !== null);
}

/** A field's default as the README writes it, when the code's is a number or string literal (`60_000` → `60000`). */
function literalDefault(text) {
  if (text === undefined) return undefined;
  if (/^-?[\d_]+(\.\d+)?$/.test(text)) return text.replaceAll('_', '');
  const quoted = /^(['"])(.*)\1$/.exec(text);
  return quoted && quoted[2] !== '' ? quoted[2] : undefined;
}

/**
 * The Attributes table's property column against the element's public fields: each is a row, each
 * row's property exists, and a default the code gives as a literal is the one the table gives.
 */
function checkProperties(readme, declaration, tagName) {
  const rows = tableRows(readme, 'Attributes') ?? [];
  const fields = (declaration.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
  );
  const problems = [];
  const documented = rows.map((cells) => backticked(cells[1])).filter((name) => name !== null);
  for (const field of fields) {
    if (!documented.includes(field.name)) problems.push(`README's Attributes table lacks the property ${field.name}`);
  }
  for (const cells of rows) {
    const name = backticked(cells[1]);
    if (name === null) continue;
    const field = fields.find((member) => member.name === name);
    if (!field) {
      problems.push(`README's Attributes table lists the property ${name}, which <${tagName}> does not have`);
      continue;
    }
    const expected = literalDefault(field.default);
    const given = backticked(cells[2]);
    if (expected !== undefined && given !== expected) {
      problems.push(
        `README's Attributes table gives ${name} the default ${given ?? 'none'}; the code gives ${expected}`,
      );
    }
  }
  return problems;
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
  problems.push(...checkProperties(readme, declaration, tagName));
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
