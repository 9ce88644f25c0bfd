/**
 * Answers reduced to what the widget's schemas read: an allowlist derived from the zod schemas
 * themselves (src/api/schemas.ts), so a field the widget starts to read is passed on the day its
 * schema names it, and every other upstream field (names, phone numbers, authorized tokens,
 * whatever Ampeco adds next) stays on the server.
 */
import * as z from 'zod/mini';
import { TimeWindow } from '../src/api/schemas.js';
import { OpenWindowList } from '../src/api/windows.js';
import { isObject, record, type Json } from './types.js';

/**
 * Custom checks that stand for a structured value, and the structure to reduce it as: the
 * availability's windows are checked in one loop (src/api/windows.ts) rather than by one object
 * schema each, but they are a list of `{startAt, endAt}`, not a scalar.
 */
const STRUCTURE_OF_CUSTOM = new Map<z.ZodMiniType, z.ZodMiniType>([[OpenWindowList, z.array(TimeWindow)]]);

interface SchemaDefinition {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodMiniType>>;
  readonly element?: z.ZodMiniType;
  readonly innerType?: z.ZodMiniType;
}

function definitionOf(schema: z.ZodMiniType): SchemaDefinition {
  return (schema as unknown as { _zod: { def: SchemaDefinition } })._zod.def;
}

/**
 * `value` with only what `schema` reads: objects keep the keys of the schema's shape, arrays are
 * reduced item by item, optional and nullable schemas by their inner schema; where the schema is
 * a leaf (string, number, custom check), only a JSON primitive passes (an object or array where
 * the widget reads a scalar is dropped to `null` rather than passed on whole).
 */
export function reduceToSchema(schema: z.ZodMiniType, value: Json): Json {
  const structure = STRUCTURE_OF_CUSTOM.get(schema);
  if (structure !== undefined) return reduceToSchema(structure, value);
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'optional':
    case 'nullable':
      return definition.innerType === undefined || value === null ? value : reduceToSchema(definition.innerType, value);
    case 'object': {
      if (!isObject(value) || definition.shape === undefined) return value === null ? null : {};
      const reduced = record();
      for (const [key, fieldSchema] of Object.entries(definition.shape)) {
        if (Object.hasOwn(value, key)) reduced[key] = reduceToSchema(fieldSchema, value[key] ?? null);
      }
      return reduced;
    }
    case 'array':
      return Array.isArray(value) && definition.element !== undefined
        ? value.map((item) => reduceToSchema(definition.element as z.ZodMiniType, item))
        : [];
    default:
      return typeof value === 'object' ? null : value;
  }
}
