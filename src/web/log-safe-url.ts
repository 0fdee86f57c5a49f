/**
 * Access codes travel in URLs (/r/<code>) and query strings may hold personal input: logs keep
 * only the shape of the path.
 */
export function logSafeUrl(url: string): string {
  const path = url.split('?')[0] ?? '';
  return path.replace(/^\/r\/[^/]+/, '/r/[code]');
}
