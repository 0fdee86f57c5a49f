import type { AttemptCounter } from '../../app/attempt-counter.ts';

const MINUTE = 60_000;
const KEY = 'access-code failures';

/**
 * Counts failed access-code attempts across all clients and all application processes, per
 * minute. Per-client limits stop one guesser; this caps what many clients together can try
 * (see README for the maths).
 */
export class FailureLimiter {
  constructor(
    private readonly maxPerMinute: number,
    private readonly counter: AttemptCounter,
  ) {}

  /** True when no more attempts are allowed now. */
  async blocked(): Promise<boolean> {
    return (await this.counter.read(KEY, MINUTE)).count >= this.maxPerMinute;
  }

  async recordFailure(): Promise<void> {
    await this.counter.count(KEY, MINUTE);
  }
}
