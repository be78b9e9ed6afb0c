import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * The server as `npm start` runs it (dist-server/main.mjs, built by `npm run build`, which
 * `npm test` runs first), in its own process, so a test can kill it with SIGKILL at any instant
 * and start it again on the same data.
 */
const BUILT_SERVER = 'dist-server/main.mjs';

/** Node's arguments to run the built server; throws when it is not built. */
export function builtServerArgs(): string[] {
  if (!existsSync(BUILT_SERVER)) throw new Error(`${BUILT_SERVER} is missing: run npm run build`);
  return ['--enable-source-maps', BUILT_SERVER];
}
export interface ServerProcess {
  url: string;
  /** Kills the process (SIGKILL by default) and waits until it is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

// A first start on PGlite creates and seeds its database: on a busy 2-core machine, most of a minute.
const READY_TIMEOUT_MS = 180_000;

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export async function startServerProcess(env: {
  PORT: string;
  DATA_DIR?: string;
  DATABASE_URL?: string;
}): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, builtServerArgs(), {
    env: { ...process.env, DIST_DIR: '/nonexistent', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server not ready:\n${output}`)),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Dernier Kilomètre : http')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before being ready:\n${output}`));
    });
  });
  return {
    url: `http://127.0.0.1:${env.PORT}`,
    async kill(signal = 'SIGKILL') {
      child.kill(signal);
      await exited;
    },
  };
}
