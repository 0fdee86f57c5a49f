import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { roundWithQuestionnaire, type RoundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import type { Member } from '../guards.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The round of /rounds/:id in the member's organisation; answers 404 when there is none. */
export async function loadPaperRound(db: Kysely<DB>, request: FastifyRequest, reply: FastifyReply, member: Member): Promise<RoundWithQuestionnaire | undefined> {
  const id = (request.params as { id: string }).id;
  const found = UUID.test(id) ? await roundWithQuestionnaire(db, member.membership.organisationId, id) : undefined;
  if (!found) reply.callNotFound();
  return found;
}
