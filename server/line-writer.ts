/**
 * Log lines written in batches: lines of one turn of the event loop go out in one write, after
 * the answers of that turn, so that no request waits on a synchronous stdout (a pipe or a file is
 * synchronous on Linux). Flushed at exit.
 */
import type { Writable } from 'node:stream';

export type LineSink = (line: string) => void;

export function batchedLines(stream: Pick<Writable, 'write'>): LineSink {
  let pending: string[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const text = `${pending.join('\n')}\n`;
    pending = [];
    stream.write(text);
  };
  process.once('exit', flush);
  return (line) => {
    pending.push(line);
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  };
}
