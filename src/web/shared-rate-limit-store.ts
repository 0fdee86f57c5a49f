import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { AttemptCounter } from '../app/attempt-counter.ts';

type Callback = Parameters<FastifyRateLimitStore['incr']>[1];

/** What the library passes on: for a route's own limit, the route itself as routeInfo. */
interface StoreParams {
  readonly routeInfo?: { readonly method?: string | readonly string[]; readonly url?: string };
}

/**
 * A store for @fastify/rate-limit that counts in the database, so the limits hold across all
 * application processes (the library's own store counts per process). Each route counts on its
 * own: the key is the route and the client address.
 */
export function sharedRateLimitStore(counter: AttemptCounter): FastifyRateLimitStoreCtor {
  class SharedRateLimitStore implements FastifyRateLimitStore {
    private readonly route: string;

    constructor(params: unknown = {}) {
      const info = (params as StoreParams).routeInfo;
      const method = info?.method;
      this.route = `${typeof method === 'string' ? method : (method?.join(',') ?? '*')} ${info?.url ?? '*'}`;
    }

    incr(client: string, callback: Callback, timeWindow?: number): void {
      counter.count(`${this.route} ${client}`, timeWindow ?? 60_000).then(
        (window) => callback(null, { current: window.count, ttl: window.ttlMs }),
        (error: Error) => callback(error, { current: 0, ttl: 0 }),
      );
    }

    read(client: string, callback: Callback, timeWindow?: number): void {
      counter.read(`${this.route} ${client}`, timeWindow ?? 60_000).then(
        (window) => callback(null, { current: window.count, ttl: window.ttlMs }),
        (error: Error) => callback(error, { current: 0, ttl: 0 }),
      );
    }

    child(routeOptions: unknown): FastifyRateLimitStore {
      return new SharedRateLimitStore(routeOptions);
    }
  }
  return SharedRateLimitStore;
}
