/** zlib compression for the Node server: Brotli (quality 5, quick for JSON) and gzip, off the main thread. */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Compressor } from './respond.js';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export const nodeCompress: Compressor = async (text, encoding) => {
  const compressed =
    encoding === 'br'
      ? await brotli(text, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
        })
      : await gzipAsync(text, { level: 6 });
  return new Uint8Array(compressed.buffer, compressed.byteOffset, compressed.byteLength) as Uint8Array<ArrayBuffer>;
};
