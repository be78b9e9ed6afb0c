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
