import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

/**
 * Finds a Chromium to drive, in the order DEVELOPERS.md gives: `CHROME_PATH`, a system
 * Chromium, else the binary shipped in the npm package @sparticuz/chromium, which makes
 * `npm ci && npm test` work on a fresh machine with no system package.
 */
const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

let found: Promise<{ executablePath: string; args: string[] }> | undefined;

export function findChromium(): Promise<{ executablePath: string; args: string[] }> {
  found ??= (async () => {
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const fromEnv = process.env.CHROME_PATH;
    if (fromEnv) return { executablePath: fromEnv, args: rootArgs };
    const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
    if (system) return { executablePath: system, args: rootArgs };
    const { default: packaged } = await import('@sparticuz/chromium');
    return { executablePath: await packaged.executablePath(), args: packaged.args };
  })();
  return found;
}

async function launchOptions(): Promise<LaunchOptions> {
  const { executablePath, args } = await findChromium();
  return { executablePath, args, headless: true };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch(await launchOptions());
}

/** A browser whose profile (IndexedDB, service worker, caches) lives in `userDataDir`. */
export async function launchPersistent(
  userDataDir: string,
  options: { offline?: boolean } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    ...(await launchOptions()),
    viewport: { width: 1024, height: 768 }, // a 10-inch tablet in landscape
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    serviceWorkers: 'allow',
    offline: options.offline ?? false,
  });
}

/** A Chromium a test can kill outright, and the context it opened on its profile. */
export interface KillableBrowser {
  context: BrowserContext;
  /** SIGKILL to the browser process (and its helpers): no shutdown, no flush, no goodbye. */
  kill(): Promise<void>;
}

/**
 * Chromium started as its own process on the profile `userDataDir` and driven over CDP, so a
 * test can kill it with SIGKILL like a tablet whose battery dies mid-sync, then start it again
 * on the same profile.
 */
export async function launchKillable(userDataDir: string): Promise<KillableBrowser> {
  const { executablePath, args } = await findChromium();
  const child = spawn(
    executablePath,
    [
      ...args,
      ...(args.some((arg) => arg.startsWith('--headless')) ? [] : ['--headless']),
      `--user-data-dir=${userDataDir}`,
      '--remote-debugging-port=0',
      '--window-size=1024,768',
      '--lang=fr-FR',
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const endpoint = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Chromium not ready:\n${output}`)), 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}):\n${output}`));
    });
  });
  const browser = await chromium.connectOverCDP(endpoint);
  return {
    context: browser.contexts()[0]!,
    async kill() {
      process.kill(-child.pid!, 'SIGKILL'); // its process group: helpers included
      await exited;
    },
  };
}
