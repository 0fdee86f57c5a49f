import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Member } from './guards.ts';
import type { Html } from './html.ts';
import { page } from './layout.ts';

export interface StaffPageOptions {
  readonly status?: number;
  readonly notice?: string;
  /** The path the navigation marks as current; by default the address of a GET, else `area`. */
  readonly path?: string;
}

/** A signed-in staff page in the common frame, never cached. */
export function sendStaffPage(request: FastifyRequest, reply: FastifyReply, member: Member, area: string, title: string, body: Html, options: StaffPageOptions = {}) {
  const { t, language, csrfToken } = request.ctx;
  const path = options.path ?? (request.method === 'GET' ? request.url.split('?')[0]! : area);
  return reply.code(options.status ?? 200).type('text/html').header('cache-control', 'no-store').send(page({
    title, language, t, csrfToken, path, user: member.session, body, ...(options.notice ? { notice: options.notice } : {}),
  }).value);
}
