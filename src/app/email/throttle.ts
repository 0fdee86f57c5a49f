// Spaces messages so a mailing never exceeds the server's allowance per minute: the next
// message starts no earlier than 60 s / perMinute after the previous one was handed over. Timing
// from the hand-over (not the start) keeps the gap at the server too, even when the first
// message also had to open the connection.

export class Throttle {
  private next = 0;
  readonly intervalMs: number;

  constructor(perMinute: number, private readonly now: () => number = () => performance.now()) {
    this.intervalMs = 60_000 / Math.max(1, perMinute);
  }

  /** Resolves when the next message may go; rejects when the signal aborts while waiting. */
  async wait(signal: AbortSignal): Promise<void> {
    signal.throwIfAborted();
    const delay = this.next - this.now();
    if (delay > 0) await sleep(delay, signal);
  }

  /** A message was handed to the server (or refused by it): the next waits a full interval. */
  sent(): void {
    this.next = this.now() + this.intervalMs;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason instanceof Error ? signal.reason : new Error('Aborted'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
