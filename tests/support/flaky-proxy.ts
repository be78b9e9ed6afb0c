import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy that behaves like a rural 3G link: for each request it draws a fate —
 * pass, delay, refuse (connection reset before anything reaches the server), answer 502/503
 * itself, forward then drop the connection before answering (the server applied the batch but
 * the device never hears it), or forward then cut the answer half-way. Seeded, so a failing
 * run can be replayed.
 */
export type Fate =
  | 'pass'
  | 'delay'
  | 'reset'
  | 'bad-gateway'
  | 'unavailable'
  | 'drop-after-apply'
  | 'cut-after-apply';

export interface FlakyProxy {
  url: string;
  fates: Record<Fate, number>;
  close(): Promise<void>;
}

const DEFAULT_WEIGHTS: Record<Fate, number> = {
  pass: 40,
  delay: 15,
  reset: 10,
  'bad-gateway': 8,
  unavailable: 7,
  'drop-after-apply': 10,
  'cut-after-apply': 10,
};
const MAX_DELAY_MS = 300;

/** mulberry32: a small deterministic generator for reproducible chaos. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFlakyProxy(
  target: string,
  options: {
    seed: number;
    weights?: Partial<Record<Fate, number>>;
    /**
     * Called once the server has answered a request the fate lets through, before the answer
     * goes on: `drop` loses it (the tablet never hears that the server applied its batch).
     */
    onAnswer?: (path: string, status: number) => Promise<'deliver' | 'drop'>;
  },
): Promise<FlakyProxy> {
  const random = seededRandom(options.seed);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  const fates = Object.fromEntries(Object.keys(weights).map((k) => [k, 0])) as Record<Fate, number>;
  const upstream = new URL(target);

  function draw(): Fate {
    let r = random() * total;
    for (const [fate, weight] of Object.entries(weights) as Array<[Fate, number]>) {
      r -= weight;
      if (r < 0) return fate;
    }
    return 'pass';
  }

  function forward(
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    return new Promise((resolve, reject) => {
      const out = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 502,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const fate = draw();
    fates[fate] += 1;
    switch (fate) {
      case 'reset':
        req.socket.destroy();
        return;
      case 'bad-gateway':
      case 'unavailable':
        res
          .writeHead(fate === 'bad-gateway' ? 502 : 503, { 'content-type': 'text/html' })
          .end('<h1>Passerelle indisponible</h1>');
        return;
      case 'delay':
        await new Promise((r) => setTimeout(r, random() * MAX_DELAY_MS));
        break;
      default:
        break;
    }
    let answer;
    try {
      answer = await forward(req, body);
    } catch {
      res.writeHead(502).end();
      return;
    }
    const verdict = (await options.onAnswer?.(req.url ?? '', answer.status)) ?? 'deliver';
    if (fate === 'drop-after-apply' || verdict === 'drop') {
      req.socket.destroy();
      return;
    }
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    if (fate === 'cut-after-apply') {
      res.writeHead(answer.status, { ...headers, 'content-length': String(answer.body.length) });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
      setImmediate(() => req.socket.destroy());
      return;
    }
    res.writeHead(answer.status, headers).end(answer.body);
  }

  const server: Server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fates,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
