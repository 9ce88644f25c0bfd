/**
 * Custom Elements Manifest: `npm run analyze` (part of `npm run build`) writes `custom-elements.json`
 * from the elements' JSDoc (`@summary @fires @csspart @cssprop @attr`) and their Lit properties.
 *
 * Local plugins make the manifest say what the code means:
 * - `state: true` entries of `static properties` are internal reactive state, not attributes
 *   (the analyzer's Lit plugin lists them as attributes);
 * - `@cssprop --a, --b, --c - Description` documents several tokens at once: one entry each;
 * - each `@fires` event gets its type from the `HTMLElementEventMap` augmentation in
 *   `src/events.ts` (`CustomEvent<BookingRequestedDetail>`, …), so there is one source of truth;
 * - `<ev-booking-button>`'s attributes are written once, in its `FORWARDED_ATTRIBUTES` map (property
 *   → attribute), from which its `static properties` are made: each becomes an attribute entry
 *   mapped to its property, described (and reflected) as on `<ev-booking-widget>`;
 * - private members are left out (they are not API);
 * - modules are sorted by path, so that the file is the same on every run (the test compares).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('.', import.meta.url));

/** `{ 'ev-booking-requested': 'CustomEvent<BookingRequestedDetail>', … }` from src/events.ts. */
function eventTypes() {
  const file = `${root}src/events.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const types = {};
  const visit = (node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'HTMLElementEventMap') {
      for (const member of node.members) {
        if (ts.isPropertySignature(member) && member.type && member.name && ts.isStringLiteral(member.name)) {
          types[member.name.text] = member.type.getText(source);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return types;
}

/** Reactive properties declared `state: true` in `static properties` are not attributes. */
function litStatePlugin() {
  return {
    name: 'ev-lit-static-state',
    analyzePhase({ ts: tsc, node, moduleDoc }) {
      if (!tsc.isClassDeclaration(node) || !node.name) return;
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.text);
      if (!declaration) return;
      for (const member of node.members) {
        const isStaticProperties =
          tsc.isPropertyDeclaration(member) &&
          member.name?.getText() === 'properties' &&
          member.modifiers?.some((m) => m.kind === tsc.SyntaxKind.StaticKeyword);
        if (!isStaticProperties || !member.initializer || !tsc.isObjectLiteralExpression(member.initializer)) continue;
        for (const property of member.initializer.properties) {
          if (!tsc.isPropertyAssignment(property) || !tsc.isObjectLiteralExpression(property.initializer)) continue;
          const isState = property.initializer.properties.some(
            (option) =>
              tsc.isPropertyAssignment(option) &&
              option.name.getText() === 'state' &&
              option.initializer.kind === tsc.SyntaxKind.TrueKeyword,
          );
          if (!isState) continue;
          const name = property.name.getText();
          declaration.attributes = (declaration.attributes ?? []).filter((a) => a.fieldName !== name);
          const field = declaration.members?.find((m) => m.name === name);
          if (field) {
            delete field.attribute;
            field.privacy = 'private';
          }
        }
      }
    },
  };
}

/** Splits `--a, --b - Description` cssprop entries into one entry per token. */
function splitCssPropsPlugin() {
  return {
    name: 'ev-split-cssprops',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (!declaration.cssProperties) continue;
          declaration.cssProperties = declaration.cssProperties.flatMap((prop) => {
            if (!prop.name.endsWith(',')) return [prop];
            const text = `${prop.name} ${prop.description ?? ''}`;
            const [names, ...rest] = text.split(/\s+-\s+/);
            const description = rest.join(' - ');
            return names
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean)
              .map((name) => ({ ...prop, name, description }));
          });
        }
      }
    },
  };
}

/** Types every `@fires` event from `HTMLElementEventMap`. */
function eventTypesPlugin() {
  return {
    name: 'ev-event-types',
    packageLinkPhase({ customElementsManifest }) {
      const types = eventTypes();
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const event of declaration.events ?? []) {
            if (!event.type && types[event.name]) event.type = { text: types[event.name] };
          }
        }
      }
    },
  };
}

/**
 * Attributes declared as a `FORWARDED_ATTRIBUTES` object literal (`{ locationId: 'location-id', … }`)
 * beside an element: one attribute entry each, mapped to its field, with the description and type
 * of the same attribute on `<ev-booking-widget>`, whose attributes they are.
 */
function forwardedAttributesPlugin() {
  const forwarded = new Map(); // module path → [[field, attribute], …]
  return {
    name: 'ev-forwarded-attributes',
    analyzePhase({ ts: tsc, node, moduleDoc }) {
      if (!tsc.isVariableDeclaration(node) || node.name.getText() !== 'FORWARDED_ATTRIBUTES') return;
      let initializer = node.initializer;
      while (initializer && (tsc.isAsExpression(initializer) || tsc.isParenthesizedExpression(initializer)))
        initializer = initializer.expression;
      if (!initializer || !tsc.isObjectLiteralExpression(initializer)) return;
      const pairs = initializer.properties
        .filter((property) => tsc.isPropertyAssignment(property) && tsc.isStringLiteral(property.initializer))
        .map((property) => [property.name.getText(), property.initializer.text]);
      forwarded.set(moduleDoc.path, pairs);
    },
    packageLinkPhase({ customElementsManifest }) {
      const declarations = customElementsManifest.modules.flatMap((mod) =>
        (mod.declarations ?? []).map((declaration) => ({ mod, declaration })),
      );
      const widget = declarations.find(({ declaration }) => declaration.tagName === 'ev-booking-widget')?.declaration;
      for (const { mod, declaration } of declarations) {
        const pairs = forwarded.get(mod.path);
        if (!pairs || !declaration.customElement) continue;
        declaration.attributes = pairs.map(([fieldName, name]) => {
          const original = widget?.attributes?.find((a) => a.name === name);
          const member = declaration.members?.find((m) => m.name === fieldName);
          if (member) member.attribute = name;
          const widgetMember = widget?.members?.find((m) => m.name === fieldName);
          if (member && widgetMember?.reflects) member.reflects = true;
          return {
            name,
            ...(original?.type ? { type: original.type } : member?.type ? { type: member.type } : {}),
            description: original?.description ?? `As on <ev-booking-widget>.`,
            fieldName,
          };
        });
      }
    },
  };
}

/** Private members are implementation, not API: leave them out (and out of the staleness check). */
function dropPrivatePlugin() {
  return {
    name: 'ev-drop-private',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
          }
        }
      }
    },
  };
}

/** Modules in path order: the file list comes from a parallel glob, so its order varies by run. */
function sortModulesPlugin() {
  return {
    name: 'ev-sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: [
    'src/**/*.styles.ts',
    'src/react/**',
    'src/api/**',
    'src/booking/**',
    'src/controllers/**',
    'src/i18n/**',
    'src/styles/**',
  ],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    litStatePlugin(),
    splitCssPropsPlugin(),
    eventTypesPlugin(),
    forwardedAttributesPlugin(),
    dropPrivatePlugin(),
    sortModulesPlugin(),
  ],
};
