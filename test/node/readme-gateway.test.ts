/**
 * The README's gateway tables as an operator reads them: every variable the gateway's
 * configuration reads is a row (of "The booking gateway" or of its "Abuse limits"), every row names
 * a variable it reads, and the defaults the tables give are the code's.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BASE_PATH, DEFAULT_HOST, DEFAULT_PORT, parseConfig } from '../../server/config.js';
import { LIMIT_VARIABLES } from '../../server/limits/config.js';

interface ReadmeCheck {
  tableRows(markdown: string, title: string): string[][] | null;
}

const GATEWAY = 'The booking gateway: pointing the widget at a real Ampeco tenant';
const LIMITS = 'Abuse limits, scale-out and portal mode';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const { tableRows } = (await import(new URL('../../scripts/readme-check.mjs', import.meta.url).href)) as ReadmeCheck;

/** Every name in backticks in a cell (`HOST`, `PORT` → both). */
const namesIn = (cell: string): string[] => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);

/** The variable → default-cell rows of the table under `title`. */
function variableRows(title: string): Map<string, string> {
  const rows = tableRows(readme, title);
  assert.ok(rows, `README has no table under "${title}"`);
  const byName = new Map<string, string>();
  for (const [variables = '', defaults = ''] of rows) {
    for (const name of namesIn(variables)) byName.set(name, defaults.trim());
  }
  return byName;
}

/** The variables `parseConfig` reads, with the simulator (a tenant's too, when `tenant`). */
function variablesRead(tenant: boolean): Set<string> {
  const read = new Set<string>();
  const given: Record<string, string> = tenant
    ? {
        AMPECO_API_URL: 'https://tenant.example.com/public-api',
        AMPECO_API_TOKEN: 'token',
        CAPABILITY_SECRET: 'a'.repeat(40),
      }
    : { AMPECO_SIMULATOR: '1' };
  const env = new Proxy(given, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return typeof name === 'string' ? target[name] : undefined;
    },
  });
  parseConfig(env);
  return read;
}

describe("README's gateway tables", () => {
  const documented = new Map([...variableRows(GATEWAY), ...variableRows(LIMITS)]);

  it('name every variable the configuration reads, and only those', () => {
    const read = new Set([...variablesRead(false), ...variablesRead(true)]);
    assert.deepEqual([...read].filter((name) => !documented.has(name)).sort(), [], 'read but not in the README');
    assert.deepEqual([...documented.keys()].filter((name) => !read.has(name)).sort(), [], 'in the README, not read');
  });

  it("give the code's defaults for where it listens", () => {
    assert.equal(variableRows(GATEWAY).get('HOST'), `\`${DEFAULT_HOST}\`, \`${DEFAULT_PORT}\``);
    assert.equal(variableRows(GATEWAY).get('BASE_PATH'), `\`${DEFAULT_BASE_PATH}\``);
  });

  it("give each limit the code's default", () => {
    const limits = variableRows(LIMITS);
    for (const { name, fallback } of LIMIT_VARIABLES) {
      assert.equal(limits.get(name), `\`${fallback}\``, name);
    }
  });
});
