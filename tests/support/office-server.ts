import type { z } from 'zod';
import { FakeServer } from './fake-server';

/**
 * The server at the ApiClient boundary, for the office calls (administration, RGPD): it records each request and answers
 * with `answer`, or throws what `answer` throws, as the real client would.
 */
export class OfficeServer extends FakeServer {
  readonly requests: Array<{ method: string; path: string; body?: unknown }> = [];
  answer: (request: { method: string; path: string; body?: unknown }) => unknown = () => {
    throw new Error('no answer');
  };

  /** Answers parsed by the caller's schema, as the real client does (typed by ApiClient). */
  override async office(
    _token: string,
    request: { method: string; path: string; body?: unknown },
    schema: z.ZodType,
  ): Promise<never> {
    this.requests.push(request);
    return schema.parse(this.answer(request)) as never;
  }

  override async officeDocument(_token: string, path: string): Promise<never> {
    this.requests.push({ method: 'GET', path });
    return this.answer({ method: 'GET', path }) as never;
  }
}
