/**
 * Answers reduced to what the widget's schemas read: an allowlist derived from the zod schemas
 * themselves (src/api/schemas.ts), so a field the widget starts to read is passed on the day its
 * schema names it, and every other upstream field (names, phone numbers, authorized tokens,
 * whatever Ampeco adds next) stays on the server.
 */
import * as z from 'zod/mini';
import { TimeWindow } from '../src/api/schemas.js';
import { OpenWindowList } from '../src/api/windows.js';
import { isObject, record, type Json, type JsonObject } from './types.js';

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

type Reducer = (value: Json) => Json;

/** Each schema's reducer, built once from its definition (not walked again per answer). */
const REDUCERS = new WeakMap<z.ZodMiniType, Reducer>();

function reducerOf(schema: z.ZodMiniType): Reducer {
  const known = REDUCERS.get(schema);
  if (known !== undefined) return known;
  // Registered before its parts are built, so that a schema that contains itself ends.
  let built: Reducer | null = null;
  const reducer: Reducer = (value) => (built ??= buildReducer(schema))(value);
  REDUCERS.set(schema, reducer);
  return reducer;
}

function buildReducer(schema: z.ZodMiniType): Reducer {
  const structure = STRUCTURE_OF_CUSTOM.get(schema);
  if (structure !== undefined) return reducerOf(structure);
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'optional':
    case 'nullable': {
      if (definition.innerType === undefined) return (value) => value;
      const inner = reducerOf(definition.innerType);
      return (value) => (value === null ? null : inner(value));
    }
    case 'object': {
      const shape = definition.shape;
      if (shape === undefined) return (value) => (value === null ? null : {});
      const fields = Object.entries(shape).map(([key, fieldSchema]) => [key, reducerOf(fieldSchema)] as const);
      // The reduced object's keys are the schema's, never upstream's: it can be a plain object, which
      // V8 fills, walks (redaction) and serializes on its fast path, unlike a prototype-less one (a
      // dictionary). `__proto__`, the one key an assignment would not create as an own key, is no
      // schema key; were one ever added, that object goes back to a prototype-less record.
      const plain = fields.every(([key]) => key !== '__proto__');
      return (value) => {
        if (!isObject(value)) return value === null ? null : {};
        const reduced: JsonObject = plain ? {} : record();
        for (const [key, reduce] of fields) {
          if (Object.hasOwn(value, key)) reduced[key] = reduce(value[key] ?? null);
        }
        return reduced;
      };
    }
    case 'array': {
      if (definition.element === undefined) return () => [];
      const item = reducerOf(definition.element);
      return (value) => (Array.isArray(value) ? value.map(item) : []);
    }
    default:
      return (value) => (typeof value === 'object' ? null : value);
  }
}

/**
 * `value` with only what `schema` reads: objects keep the keys of the schema's shape, arrays are
 * reduced item by item, optional and nullable schemas by their inner schema; where the schema is
 * a leaf (string, number, custom check), only a JSON primitive passes (an object or array where
 * the widget reads a scalar is dropped to `null` rather than passed on whole).
 */
export function reduceToSchema(schema: z.ZodMiniType, value: Json): Json {
  return reducerOf(schema)(value);
}
