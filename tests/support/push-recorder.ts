import type { BrowserContext } from 'playwright-core';

/** A push request as the app sent it, and when (device clock, ms) it went and was answered. */
export interface RecordedPush {
  start: number;
  end: number;
  status: number;
  body: string;
  authorization: string;
}

/**
 * Records every push the app's pages send through `context`, answered or not (status 0 when
 * the request failed). The app sends its bodies as a `Blob`, which Playwright's request events
 * do not carry, so the page's `fetch` is observed instead; the records go to Node through a
 * binding, so they survive reloads. Call before opening the pages.
 */
export async function recordPushes(context: BrowserContext): Promise<RecordedPush[]> {
  const pushes: RecordedPush[] = [];
  await context.exposeBinding('__recordPush', (_source, push: RecordedPush) => {
    pushes.push(push);
  });
  await context.addInitScript(OBSERVE_PUSHES);
  return pushes;
}

const OBSERVE_PUSHES = `
  (() => {
    const send = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input.url;
      if (!String(url).endsWith('/api/v1/sync/push')) return send(input, init);
      const body = init && init.body instanceof Blob ? await init.body.text() : String((init && init.body) || '');
      const authorization = new Headers(init && init.headers).get('authorization') || '';
      const start = Date.now();
      let status = 0;
      try {
        const response = await send(input, init);
        status = response.status;
        await response.clone().arrayBuffer();
        return response;
      } finally {
        window.__recordPush({ start, end: Date.now(), status, body, authorization });
      }
    };
  })();
`;
