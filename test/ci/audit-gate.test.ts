import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CI's dependency audit gate judged on saved `npm audit --json` reports in npm's format
// (auditReportVersion 2), since the build machine's registry mirror has no audit service.

const dir = mkdtempSync(join(tmpdir(), 'klantstem-audit-'));

function advisory(severity: string, ghsa: string) {
  return { source: 1, name: 'minimist', dependency: 'minimist', title: 'Prototype Pollution in minimist', url: `https://github.com/advisories/${ghsa}`, severity, range: '<1.2.6' };
}

function judge(report: unknown, allow: unknown[] = [], env: Record<string, string> = {}): { code: number; out: string } {
  const reportFile = join(dir, `report-${Math.random()}.json`);
  const allowFile = join(dir, `allow-${Math.random()}.json`);
  writeFileSync(reportFile, JSON.stringify(report));
  writeFileSync(allowFile, JSON.stringify(allow));
  try {
    const out = execFileSync('node', ['.ci/audit.mjs', reportFile], { encoding: 'utf8', env: { ...process.env, ...env, KLANTSTEM_AUDIT_ALLOW: allowFile } });
    return { code: 0, out };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { code: failed.status, out: failed.stdout };
  }
}

const withAdvisory = (severity: string) => ({
  auditReportVersion: 2,
  vulnerabilities: { minimist: { name: 'minimist', severity, via: [advisory(severity, 'GHSA-xvch-5gv4-984h'), 'other-package'] } },
  metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 1, total: 1 } },
});

describe('dependency audit gate', () => {
  it('fails on a critical or high advisory', () => {
    for (const severity of ['critical', 'high']) {
      const result = judge(withAdvisory(severity));
      expect(result.code).toBe(1);
      expect(result.out).toContain(`${severity} minimist GHSA-xvch-5gv4-984h: Prototype Pollution in minimist`);
    }
  });

  it('passes moderate and low advisories, and a clean report', () => {
    expect(judge(withAdvisory('moderate')).code).toBe(0);
    expect(judge({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { total: 0 } } }).out).toContain('0 high or critical advisories not allowed');
  });

  it('passes an allowed advisory and names the reason', () => {
    const result = judge(withAdvisory('critical'), [{ id: 'GHSA-xvch-5gv4-984h', package: 'minimist', reason: 'only reached from a build tool', reviewBy: '2027-03-01' }]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('allowed: only reached from a build tool');
  });

  it('says plainly when the audit service cannot be reached, and fails then only when the audit is required', () => {
    const unreachable = { statusCode: 405, message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' };
    const lenient = judge(unreachable);
    expect(lenient.code).toBe(0);
    expect(lenient.out).toContain('audit: not run');
    expect(judge(unreachable, [], { KLANTSTEM_REQUIRE_AUDIT: '1' }).code).toBe(1);
  });
});
