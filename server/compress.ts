/**
 * Compression of JSON answers with the Web `CompressionStream` (gzip): runs on every runtime.
 * The Node server uses zlib instead (server/node-compress.ts), which also offers Brotli.
 */
import type { Compressor } from './respond.js';

export const webCompress: Compressor = async (text, encoding) => {
  if (encoding !== 'gzip') throw new TypeError(`no ${encoding} compression here`);
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
};
