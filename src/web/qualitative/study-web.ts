import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { StudyAccessError, StudyActor } from '../../app/qualitative/study-actor.ts';
import { studyWorkspace, type StudyWorkspace } from '../../app/qualitative/study-workspace.ts';
import type { DB } from '../../db/schema.ts';
import { isStudyResearcher } from '../../domain/qualitative/study-permissions.ts';
import { renderError } from '../error-pages.ts';
import { requireRole, STAFF, type Member } from '../guards.ts';
import type { Html } from '../html.ts';
import { page } from '../layout.ts';

// What every study route shares: the actor, the page frame, and the answer to a refused access.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const actorOf = (member: Member): StudyActor => ({ organisationId: member.membership.organisationId, userId: member.session.userId, role: member.membership.role });

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
export const asList = (value: unknown): string[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((v): v is string => typeof v === 'string');

/** The id parameter when it is a UUID; otherwise undefined (the route answers 404). */
export function idParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.params as Record<string, string>)[name];
  return value && UUID.test(value) ? value : undefined;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, member: Member, title: string, body: Html, options: { status?: number; notice?: string; path?: string } = {}) {
  const { t, language, csrfToken } = request.ctx;
  const path = options.path ?? (request.method === 'GET' ? request.url.split('?')[0]! : '/studies');
  return reply.code(options.status ?? 200).type('text/html').header('cache-control', 'no-store').send(page({
    title, language, t, csrfToken, path, user: member.session, body, ...(options.notice ? { notice: options.notice } : {}),
  }).value);
}

export function refuse(request: FastifyRequest, reply: FastifyReply, error: StudyAccessError) {
  if (error === 'forbidden') return reply.code(403).type('text/html').send(renderError(request, 'forbidden').value);
  return reply.callNotFound();
}

/**
 * The signed-in staff member and the study in the URL when they are its owner; otherwise the
 * route has answered (sign-in, 404 or 403).
 */
export async function studyOfOwner(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply): Promise<{ member: Member; workspace: StudyWorkspace } | undefined> {
  const member = requireRole(request, reply, STAFF);
  if (!member) return undefined;
  const id = idParam(request, 'id');
  const workspace = id && (await studyWorkspace(db, member.membership.organisationId, id));
  if (!workspace) {
    void reply.callNotFound();
    return undefined;
  }
  if (!isStudyResearcher(member.membership.role, workspace.study.ownerKind)) {
    void refuse(request, reply, 'forbidden');
    return undefined;
  }
  return { member, workspace };
}
