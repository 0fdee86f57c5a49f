/**
 * Counts failed access-code attempts across all clients in a sliding minute. Per-client limits
 * stop one guesser; this caps what many clients together can try (see README for the maths).
 */
export class FailureLimiter {
  private readonly failures: number[] = [];

  constructor(
    private readonly maxPerMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  private prune(): void {
    const since = this.now() - 60_000;
    while (this.failures.length > 0 && this.failures[0]! <= since) this.failures.shift();
  }

  /** True when no more attempts are allowed now. */
  blocked(): boolean {
    this.prune();
    return this.failures.length >= this.maxPerMinute;
  }

  recordFailure(): void {
    this.failures.push(this.now());
  }
}
