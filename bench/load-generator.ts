// The load generator of bench/respondent.ts, run as a process of its own (as autocannon is run
// against a server in practice): the server's event loop then does only the server's work, and
// autocannon's own reading of each response (it decodes every body) is not charged to the server.
// Reads its order from the JSON file named on the command line and prints the result as JSON.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface LoadOrder {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  /** Sent in turn, one after the other over all connections. */
  readonly requests: readonly { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string }[];
}

export interface LoadResult {
  readonly rps: number;
  readonly errors: number;
  readonly statusCodes: Record<string, number>;
  readonly p99: number;
}

const order = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadOrder;
let next = 0;
const result = await autocannon({
  url: order.url,
  connections: order.connections,
  duration: order.seconds,
  pipelining: 1,
  requests: [{
    ...order.requests[0]!,
    setupRequest: (request) => ({ ...request, ...order.requests[next++ % order.requests.length]! }),
  }],
});
const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s?.count ?? 0]));
const out: LoadResult = { rps: result.requests.average, errors: result.errors + result.timeouts, statusCodes, p99: result.latency.p99 };
process.stdout.write(JSON.stringify(out));
