/**
 * Answers reduced to what the widget's schemas read: an allowlist derived from the zod schemas
 * themselves (src/api/schemas.ts), so a field the widget starts to read is passed on the day its
 * schema names it, and every other upstream field (names, phone numbers, authorized tokens,
 * whatever Ampeco adds next) stays on the server.
 */
import type * as z from 'zod/mini';
import { isObject, record, type Json } from './types.js';

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
