import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Keeps the layout of architecture.md true: dependencies point inward (web → app → domain,
// app → db → domain), domain is pure, and only db talks to the database drivers.

const root = path.resolve(import.meta.dirname, '../../src');

interface Import {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: Import[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const match of text.matchAll(pattern)) {
    const specifier = match[3] ?? match[4] ?? match[5]!;
    found.push({ file, specifier, typeOnly: Boolean(match[2]) });
  }
  return found;
}

function layerOf(file: string): string {
  const relative = path.relative(root, file);
  return relative.includes(path.sep) ? relative.split(path.sep)[0]! : relative.replace(/\.ts$/, '');
}

function targetLayer(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return layerOf(path.resolve(path.dirname(from), specifier));
}

const allImports = sourceFiles(root).flatMap(importsOf);

/** Which of our layers each layer may import at run time. */
const allowed: Record<string, readonly string[]> = {
  domain: ['domain'],
  db: ['db', 'domain'],
  app: ['app', 'db', 'domain', 'config'],
  web: ['web', 'app', 'domain'],
  cli: ['cli', 'app', 'db', 'domain', 'config'],
  config: [],
  main: ['app', 'db', 'web', 'config', 'domain'],
};

describe('architecture', () => {
  it('finds the source files', () => {
    expect(allImports.length).toBeGreaterThan(50);
  });

  it('keeps dependencies pointing inward', () => {
    const violations = allImports.filter((i) => {
      const target = targetLayer(i.file, i.specifier);
      if (target === undefined || i.typeOnly) return false;
      return !(allowed[layerOf(i.file)] ?? []).includes(target);
    });
    expect(violations.map((v) => `${path.relative(root, v.file)} → ${v.specifier}`)).toEqual([]);
  });

  it('keeps src/domain pure: no I/O, no frameworks, nothing of ours outside it', () => {
    // node:zlib is pure computation (no I/O); the domain inflates .docx/.odt entries with it.
    const forbidden = /^(node:(?!zlib$)|zlib$|fs$|path$|crypto$|kysely|pg$|fastify|@fastify|@electric-sql|nodemailer|exceljs|playwright)/;
    const violations = allImports.filter((i) => layerOf(i.file) === 'domain' && (forbidden.test(i.specifier) || (i.specifier.startsWith('.') && targetLayer(i.file, i.specifier) !== 'domain')));
    expect(violations.map((v) => `${path.relative(root, v.file)} → ${v.specifier}`)).toEqual([]);
  });

  it('lets only src/db use the database drivers at run time', () => {
    const violations = allImports.filter((i) => !i.typeOnly && /^(kysely|pg|@electric-sql\/pglite)/.test(i.specifier) && layerOf(i.file) !== 'db');
    expect(violations.map((v) => `${path.relative(root, v.file)} → ${v.specifier}`)).toEqual([]);
  });

  it('has no grab-bag modules', () => {
    const bags = sourceFiles(root).filter((f) => /(util|helper|misc|common)/i.test(path.basename(f)));
    expect(bags.map((f) => path.relative(root, f))).toEqual([]);
  });
});
