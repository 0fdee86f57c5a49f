import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { acceptUploads, uploadedFile } from '../accept-uploads.ts';
import { sendStaffPage, type StaffPageOptions } from '../staff-page.ts';

// What the benchmark routes share: the page frame, form values, ids in the URL and uploads.

export { asList, idParam, text, UUID } from '../form-values.ts';

/** A benchmark file is a few hundred kilobytes at most; this leaves room without inviting abuse. */
export const BENCHMARK_UPLOAD_BYTES = 5 * 1024 * 1024;

export const sendPage = (request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, options: StaffPageOptions = {}) =>
  sendStaffPage(request, reply, member, '/benchmarks', title, body, options);

/** A JSON file to save, named after what it is. */
export function sendDownload(reply: FastifyReply, fileName: string, content: string, type = 'application/json') {
  return reply.type(`${type}; charset=utf-8`).header('cache-control', 'no-store')
    .header('content-disposition', `attachment; filename="${fileName}"`).send(content);
}

/** "KTO-benchmark 2026" → "kto-benchmark-2026", for file names. */
export const fileNamePart = (value: string): string => value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Multipart forms in this plugin only: one benchmark file or key at most, besides a few fields. */
export const acceptBenchmarkUploads = (app: FastifyInstance, onTooLarge: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>) =>
  acceptUploads(app, { fileBytes: BENCHMARK_UPLOAD_BYTES, fields: 12, fieldBytes: 100_000 }, onTooLarge);

/** The text of the uploaded file in this field, or undefined when none was chosen. */
export const uploadedText = (body: Record<string, unknown>, field: string): string | undefined => uploadedFile(body, field)?.bytes.toString('utf8');

/** A public key pasted into the form, or else the text of the key file chosen beside it; '' for neither. */
export const pastedOrUploaded = (pasted: string, body: Record<string, unknown>, field: string): string => pasted || uploadedText(body, field)?.trim() || '';
