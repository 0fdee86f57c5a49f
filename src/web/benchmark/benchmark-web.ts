import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page } from '../layout.ts';

// What the benchmark routes share: the page frame, form values, ids in the URL and uploads.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A benchmark file is a few hundred kilobytes at most; this leaves room without inviting abuse. */
export const BENCHMARK_UPLOAD_BYTES = 5 * 1024 * 1024;

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The parameter when it is a UUID; otherwise undefined (the route answers 404). */
export function idParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.params as Record<string, string>)[name];
  return value && UUID.test(value) ? value : undefined;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, options: { status?: number; notice?: string } = {}) {
  const { t, language, csrfToken } = request.ctx;
  const path = request.method === 'GET' ? request.url.split('?')[0]! : '/benchmarks';
  return reply.code(options.status ?? 200).type('text/html').header('cache-control', 'no-store').send(page({
    title, language, t, csrfToken, path, user: member.session, body, ...(options.notice ? { notice: options.notice } : {}),
  }).value);
}

/** A JSON file to save, named after what it is. */
export function sendDownload(reply: FastifyReply, fileName: string, content: string, type = 'application/json') {
  return reply.type(`${type}; charset=utf-8`).header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`).send(content);
}

/** "KTO-benchmark 2026" → "kto-benchmark-2026", for file names. */
export const fileNamePart = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

/**
 * Accepts multipart forms in this plugin only: one file of at most BENCHMARK_UPLOAD_BYTES, its
 * other fields as plain values. Too large a file is answered by onTooLarge (the form again).
 */
export async function acceptUploads(app: FastifyInstance, onTooLarge: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: BENCHMARK_UPLOAD_BYTES, files: 1, fields: 12, parts: 13, fieldSize: 100_000 },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });
  app.setErrorHandler(async (error: Error & { code?: string }, request, reply) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT' || error.code === 'FST_FIELDS_LIMIT') {
      return onTooLarge(request, reply);
    }
    throw error;
  });
}

/** The text of the uploaded file in this field, or undefined when none was chosen. */
export function uploadedText(body: Record<string, unknown>, field: string): string | undefined {
  const file = body[field] as UploadedFile | undefined;
  return file && typeof file === 'object' && Buffer.isBuffer(file.bytes) && file.bytes.length > 0 ? file.bytes.toString('utf8') : undefined;
}
