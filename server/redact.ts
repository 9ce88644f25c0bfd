/**
 * Token redaction over parsed JSON: every key and every string of an answer (and every log detail)
 * loses the Ampeco token in each form upstream could echo it in: as it is, JSON-escaped (a token
 * with `"` or `\` inside a string that holds JSON), percent-encoded by `encodeURIComponent`, by
 * `encodeURI`, by a form encoder, or by an RFC 3986 encoder that also encodes `~ ! ' ( ) *`, with
 * upper- or lower-case hex digits.
 */
import { isObject, record, type Json, type JsonObject } from './types.js';

const REDACTED = '[redacted]';

function rfc3986(text: string): string {
  return encodeURIComponent(text).replace(/[~!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The forms of `token` to look for, longest first (so that no shorter form eats a longer one's middle). */
export function tokenForms(token: string): string[] {
  const encodings = [
    token,
    JSON.stringify(token).slice(1, -1),
    encodeURIComponent(token),
    encodeURI(token),
    new URLSearchParams({ t: token }).toString().slice(2),
    rfc3986(token),
    escape(token),
  ];
  const forms = new Set<string>();
  for (const form of encodings) {
    forms.add(form);
    forms.add(form.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()));
    forms.add(JSON.stringify(form).slice(1, -1));
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

export interface Redactor {
  text(value: string): string;
  json(value: Json): Json;
}

/** A redactor for `token`; one that changes nothing for a token shorter than 8 characters (no false hits on tiny words). */
export function createRedactor(token: string): Redactor {
  const forms = token.length < 8 ? [] : tokenForms(token);
  const shortest = forms.at(-1)?.length ?? Infinity;
  // One scan per string for every form (longest first in the alternation), not one per form.
  const anyForm = new RegExp(forms.map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const text = (value: string): string => {
    if (value.length < shortest) return value;
    anyForm.lastIndex = 0;
    return anyForm.test(value) ? value.replace(anyForm, REDACTED) : value;
  };
  // Copy on write: a value with no token in it is returned as it is (most answers), so an answer
  // costs one walk and no second tree of garbage; a changed key or item copies only its parents.
  const json = (value: Json): Json => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) {
      let copy: Json[] | null = null;
      for (let index = 0; index < value.length; index += 1) {
        const item = value[index] as Json;
        const redacted = json(item);
        if (redacted !== item) (copy ??= value.slice())[index] = redacted;
      }
      return copy ?? value;
    }
    if (!isObject(value)) return value;
    const keys = Object.keys(value);
    let copy: JsonObject | null = null;
    for (let index = 0; index < keys.length; index += 1) {
      const key = keys[index] as string;
      const item = value[key] as Json;
      const redactedKey = text(key);
      const redacted = json(item);
      if (copy === null && (redactedKey !== key || redacted !== item)) {
        copy = record();
        for (const earlier of keys.slice(0, index)) copy[earlier] = value[earlier] as Json;
      }
      if (copy !== null) copy[redactedKey] = redacted;
    }
    return copy ?? value;
  };
  return forms.length === 0 ? { text: (value) => value, json: (value) => value } : { text, json };
}
