/**
 * custom-elements.json: regenerated with the project's analyzer config it equals the committed
 * file, and it describes the public contract (SPEC §2 attributes, §5 events, §7 parts). The
 * README's reference tables are checked against it (scripts/readme-check.mjs).
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  name: string;
  tagName?: string;
  customElement?: boolean;
  summary?: string;
  attributes?: Attribute[];
  events?: { name: string; type?: { text: string } }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  members?: { name: string; attribute?: string; kind: string }[];
}
interface Manifest {
  modules: { path: string; declarations?: Declaration[] }[];
}
interface CemCheck {
  ELEMENTS: string[];
  WIDGET_ATTRIBUTES: Record<string, string>;
  WIDGET_EVENTS: string[];
  WIDGET_PARTS: string[];
  generateManifest(): Promise<Manifest>;
  readManifest(): Manifest;
  elementsByTag(manifest: Manifest): Record<string, Declaration>;
  contractProblems(manifest: Manifest): string[];
}
interface ReadmeCheck {
  checkReadme(readme: string, manifest: Manifest): string[];
}

const load = async <T>(path: string): Promise<T> => (await import(new URL(path, import.meta.url).href)) as T;

describe('custom-elements.json', () => {
  let cem: CemCheck;
  let committed: Manifest;
  let byTag: Record<string, Declaration>;
  before(async () => {
    cem = await load<CemCheck>('../../scripts/cem-check.mjs');
    committed = cem.readManifest();
    byTag = cem.elementsByTag(committed);
  });

  it('is up to date with the sources (run `npm run analyze` if not)', async () => {
    const fresh = await cem.generateManifest();
    assert.deepEqual(fresh, committed, 'custom-elements.json is stale: run `npm run analyze` and commit it');
  });

  it('is what package.json points tools at', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      customElements?: string;
      files?: string[];
    };
    assert.equal(pkg.customElements, 'custom-elements.json');
    assert.ok(pkg.files?.includes('custom-elements.json'), 'custom-elements.json is published');
  });

  it('lists every element with a summary', () => {
    for (const tag of cem.ELEMENTS) {
      assert.ok(byTag[tag], `<${tag}> is listed`);
      assert.ok(byTag[tag]!.summary, `<${tag}> has a summary`);
    }
  });

  it('gives <ev-booking-widget> the SPEC §2 attributes, mapped to their properties', () => {
    const attributes = byTag['ev-booking-widget']!.attributes ?? [];
    for (const [name, field] of Object.entries(cem.WIDGET_ATTRIBUTES)) {
      const attribute = attributes.find((a) => a.name === name);
      assert.ok(attribute, `attribute ${name}`);
      assert.equal(attribute.fieldName, field);
    }
    const fetchMember = byTag['ev-booking-widget']!.members?.find((m) => m.name === 'fetch');
    assert.ok(fetchMember && !fetchMember.attribute, 'fetch is a property without an attribute');
  });

  it('gives <ev-booking-widget> the SPEC §5 events, typed', () => {
    const events = byTag['ev-booking-widget']!.events ?? [];
    for (const name of cem.WIDGET_EVENTS) {
      const event = events.find((e) => e.name === name);
      assert.ok(event, `event ${name}`);
      assert.match(event.type?.text ?? '', /^CustomEvent<\w+Detail>$/);
    }
  });

  it('gives <ev-booking-widget> the SPEC §7 parts', () => {
    const parts = (byTag['ev-booking-widget']!.cssParts ?? []).map((p) => p.name);
    for (const part of cem.WIDGET_PARTS) assert.ok(parts.includes(part), `part ${part}`);
  });

  it("reads the subcomponents' `static properties`: attributes, but not internal state", () => {
    const names = (tag: string): string[] => (byTag[tag]!.attributes ?? []).map((a) => a.name);
    assert.ok(names('ev-slot-grid').includes('time-zone'));
    assert.ok(names('ev-email-form').includes('not-found'));
    assert.ok(names('ev-status-tracker').includes('status'));
    assert.ok(names('ev-port-list').includes('selected'));
    assert.ok(!names('ev-slot-grid').includes('dayIndex'), 'state is not an attribute');
    assert.ok(!names('ev-email-form').includes('invalid'), 'state is not an attribute');
    const slotGridMembers = (byTag['ev-slot-grid']!.members ?? []).map((m) => m.name);
    assert.ok(slotGridMembers.includes('days'), 'the property-only `days` is a member');
  });

  it('gives <ev-booking-button> the attributes it passes on, each mapped to its property, and the events that come out of it', () => {
    const button = byTag['ev-booking-button']!;
    const attributes = button.attributes ?? [];
    for (const [name, field] of Object.entries(cem.WIDGET_ATTRIBUTES)) {
      const attribute = attributes.find((a) => a.name === name);
      assert.ok(attribute, `attribute ${name}`);
      assert.equal(attribute.fieldName, field);
    }
    assert.deepEqual(
      attributes.map((a) => a.name).filter((name) => !/^[a-z]+(-[a-z]+)*$/.test(name)),
      [],
      'every attribute name is one attribute',
    );
    const events = (button.events ?? []).map((e) => e.name);
    for (const name of cem.WIDGET_EVENTS) assert.ok(events.includes(name), `event ${name}`);
  });

  it('names every custom property once per entry, all --ev-', () => {
    for (const tag of cem.ELEMENTS) {
      for (const prop of byTag[tag]!.cssProperties ?? []) assert.match(prop.name, /^--ev-[a-z0-9-]+$/);
    }
  });

  it('has no contract problems', () => {
    assert.deepEqual(cem.contractProblems(committed), []);
  });
});

describe('README reference (scripts/readme-check.mjs)', () => {
  let readmeCheck: ReadmeCheck;
  let manifest: Manifest;
  before(async () => {
    readmeCheck = await load<ReadmeCheck>('../../scripts/readme-check.mjs');
    manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8')) as Manifest;
  });

  it('documents every attribute, event, part and custom property of <ev-booking-widget>', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    assert.deepEqual(readmeCheck.checkReadme(readme, manifest), []);
  });

  it("notices a custom property the README's Theming names that the manifest does not", () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8').replace(
      '`--ev-radius`',
      '`--ev-radius`, `--ev-made-up`',
    );
    const problems = readmeCheck.checkReadme(readme, manifest);
    assert.ok(
      problems.some((p) => p.includes('--ev-made-up')),
      problems.join('\n'),
    );
  });

  it('notices an attribute or event missing from the tables', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      .replace(/^\| `slot-step` .*\n/m, '')
      .replace(/^\| `ev-booking-rejected` .*\n/m, '');
    const problems = readmeCheck.checkReadme(readme, manifest);
    assert.ok(
      problems.some((p) => p.includes('slot-step')),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.includes('ev-booking-rejected')),
      problems.join('\n'),
    );
  });

  it('notices a property missing from the Attributes table, one it does not have, and a default the code does not give', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
      .replace(/^\| —  +\| `pollTimeout` .*\n/m, '')
      .replace(/^(\| `slot-step` +\| `slotStep` +\| )`30`/m, '$1`15`')
      .replace(/^(\| —  +\| )`loadTimeout`/m, '$1`loadTimeOut`');
    const problems = readmeCheck.checkReadme(readme, manifest);
    for (const expected of [
      'lacks the property pollTimeout',
      'lacks the property loadTimeout',
      'lists the property loadTimeOut',
      'gives slotStep the default 15; the code gives 30',
    ]) {
      assert.ok(
        problems.some((p) => p.includes(expected)),
        `${expected}:\n${problems.join('\n')}`,
      );
    }
  });
});
