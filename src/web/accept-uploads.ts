import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

// Multipart forms with one file, accepted only in the plugin that registers them: the file is
// read into memory (it is small by its limit), the other fields arrive as plain values, and a
// file or form over its limits is answered by the form again instead of an error page.

export interface UploadedFile {
  readonly filename: string;
  readonly bytes: Buffer;
}

export interface UploadLimits {
  readonly fileBytes: number;
  /** How many plain fields the form has at most. */
  readonly fields: number;
  readonly fieldBytes: number;
}

const LIMIT_ERRORS = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

export async function acceptUploads(app: FastifyInstance, limits: UploadLimits, onTooLarge: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: limits.fileBytes, files: 1, fields: limits.fields, parts: limits.fields + 1, fieldSize: limits.fieldBytes },
    async onFile(part) {
      const bytes = await part.toBuffer();
      (part as unknown as { value: UploadedFile }).value = { filename: part.filename, bytes };
    },
  });
  app.setErrorHandler(async (error: Error & { code?: string }, request, reply) => {
    if (error.code !== undefined && LIMIT_ERRORS.has(error.code)) return onTooLarge(request, reply);
    throw error;
  });
}

/** The file chosen in this field, or undefined when none was (an empty file counts as none). */
export function uploadedFile(body: Record<string, unknown>, field: string): UploadedFile | undefined {
  const file = body[field] as UploadedFile | undefined;
  return file && typeof file === 'object' && Buffer.isBuffer(file.bytes) && file.bytes.length > 0 ? file : undefined;
}
