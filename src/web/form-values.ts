import type { FastifyRequest } from 'fastify';

// Reading what a form or URL sent: a missing or repeated field never throws, it reads as empty.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The URL parameter when it is a UUID; otherwise undefined (the route answers 404). */
export function idParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.params as Record<string, string>)[name];
  return value && UUID.test(value) ? value : undefined;
}
