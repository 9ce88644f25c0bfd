/**
 * `npm start` (server/dev.ts): the demo's origin forwards the API base path to the gateway
 * through Vite's proxy. Over raw sockets (a `fetch` would clean the path itself), a request
 * target the gateway refuses must be refused on the demo's origin too, not cleaned by the proxy
 * into one the gateway serves.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The status line's code and the body of one request sent as raw bytes. */
function rawGet(port: number, target: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`);
  });
}

let dev: ChildProcess;
let demoPort = 0;

before(async () => {
  demoPort = await freePort();
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!/^(AMPECO_|HOST$|PORT$|BASE_PATH$|REDIS_URL$|WORKERS$|DEMO_)/.test(name)) env[name] = value;
  }
  dev = spawn(process.execPath, ['--import', 'tsx', 'server/dev.ts'], {
    cwd: ROOT,
    env: { ...env, DEMO_PORT: String(demoPort), DEMO_HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  dev.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    dev.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const ready = /Demo ready: http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
      if (ready?.[1] !== undefined) {
        demoPort = Number(ready[1]);
        resolve();
      }
    });
    dev.on('close', () => reject(new Error(`npm start exited early: ${output}`)));
  });
});

after(async () => {
  const closed = new Promise((resolve) => dev.on('close', resolve));
  dev.kill('SIGTERM');
  await closed;
});

test('the demo origin serves the gateway’s calls and its health check', async () => {
  assert.equal((await rawGet(demoPort, '/api/ampeco/resources/locations/v2.0/7')).status, 200);
  assert.equal((await rawGet(demoPort, '/healthz')).status, 200);
});

for (const target of [
  '/api/ampeco/resources/locations/v2.0/8/%2e%2e/7',
  '/api/ampeco/resources/locations/v2.0/8/../7',
  '/api/ampeco/resources/users/v1.0/../../locations/v2.0/7',
  '/api/ampeco\\resources/locations/v2.0/7',
  '/api/ampeco/resources/locations/v2.0/%37',
  '/api/ampeco/./resources/locations/v2.0/7',
]) {
  test(`the demo origin refuses ${target} with the gateway’s 404, as the gateway does`, async () => {
    const answer = await rawGet(demoPort, target);
    assert.equal(answer.status, 404, answer.body);
    assert.match((JSON.parse(answer.body) as { message: string }).message, /^Bad request target/);
  });
}
