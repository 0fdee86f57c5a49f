import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { changeLetterSettings, MAX_IMAGE_BYTES, type LetterSettingsProblem } from '../../app/letters/letter-settings.ts';
import { changeLetterTexts, LETTER_KINDS, type LetterTextInput, type LetterTextProblem } from '../../app/letters/letter-texts.ts';
import { LETTER_LANGUAGES, type LetterContext } from '../../app/letters/letter-values.ts';
import { lettersOverview, mailingFile, type LettersOverview } from '../../app/letters/letters-overview.ts';
import { roundWithQuestionnaire } from '../../app/round-queries.ts';
import type { DB } from '../../db/schema.ts';
import { DESIGNERS, requireRole, type Member } from '../guards.ts';
import { page, type FieldError } from '../layout.ts';
import type { Translate } from '../i18n/translate.ts';
import { leasePdfPrinter } from '../paper/pdf-printer.ts';
import { textFieldId, textFormValues, type SettingsFormValues, type TextFormValues } from './letter-forms.ts';
import { fitsOnePageWith, previewHtml, previewPdf } from './letter-preview.ts';
import { lettersPageBody } from './letters-page.ts';
import { lettersStartRoutes } from './letters-start-routes.ts';

// /rounds/:id/letters: letter layout and texts, preview, making the PDF (a job), downloads.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Upload { readonly size: number; readonly bytes: Buffer }

export interface LettersRoutesOptions {
  readonly db: Kysely<DB>;
  readonly publicUrl: string;
}

function settingsErrors(t: Translate, problems: readonly LetterSettingsProblem[]): FieldError[] {
  return problems.flatMap((p): FieldError[] => {
    if (p.field === 'round') return [];
    const message = p.kind === 'not-image' ? t('letters.error.notImage')
      : p.kind === 'too-large' ? t('letters.error.tooLarge', { kb: MAX_IMAGE_BYTES / 1024 })
        : p.kind === 'too-long' ? t('letters.error.tooLong')
          : t('letters.error.required');
    return [{ field: p.field, message: `${t(`letters.settings.${p.field}`)}: ${message}` }];
  });
}

function textErrors(t: Translate, problems: readonly LetterTextProblem[]): FieldError[] {
  return problems.map((p) => {
    const where = `${t(p.kind === 'invitation' ? 'letters.kind.invitation' : 'letters.kind.reminder')}, ${t(p.language === 'nl' ? 'letters.language.nl' : 'letters.language.en')}`;
    const message = p.problem === 'placeholder'
      ? p.placeholders.map((x) => x.kind === 'unclosed' ? t('letters.error.unclosed', { name: `{${x.placeholder}` }) : t('letters.error.unknownPlaceholder', { name: `{${x.placeholder}}` })).join(' ')
      : p.problem === 'too-long-for-page' ? t('letters.error.tooLongForPage')
        : p.problem === 'too-long' ? t('letters.error.tooLong') : t('letters.error.required');
    return { field: textFieldId(p.kind, p.language, p.field), message: `${where}: ${message}` };
  });
}

export async function lettersRoutes(app: FastifyInstance, options: LettersRoutesOptions): Promise<void> {
  const { db, publicUrl } = options;
  const printer = leasePdfPrinter();
  app.addHook('onClose', async () => printer.release());
  // Uploads are read whole (at most 2 MB; a larger file is cut off there and refused as too large),
  // so the CSRF check sees the form fields as with any other form.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: { fileSize: 2 * 1024 * 1024, files: 2, fields: 20 },
    async onFile(part: MultipartFile) {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file) {
        size += chunk.length;
        chunks.push(chunk);
      }
      (part as MultipartFile & { value: Upload }).value = { size, bytes: Buffer.concat(chunks) };
    },
  });

  async function load(request: FastifyRequest, reply: FastifyReply): Promise<{ member: Member; overview: LettersOverview } | undefined> {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return undefined;
    const id = (request.params as { id: string }).id;
    const overview = UUID.test(id) ? await lettersOverview(db, member.membership.organisationId, id) : undefined;
    if (!overview) {
      reply.callNotFound();
      return undefined;
    }
    return { member, overview };
  }

  const contextOf = (member: Member, overview: LettersOverview): LetterContext => ({
    organisationName: member.membership.name, roundName: overview.round.name, fieldworkEnd: overview.round.fieldworkEnd, publicUrl,
  });

  function previewChoice(query: Record<string, unknown>): { kind: 'invitation' | 'reminder'; language: 'nl' | 'en' } {
    const [kind, language] = typeof query.preview === 'string' ? query.preview.split('-') : [query.kind, query.language];
    return {
      kind: LETTER_KINDS.includes(kind as 'invitation') ? (kind as 'invitation' | 'reminder') : 'invitation',
      language: LETTER_LANGUAGES.includes(language as 'nl') ? (language as 'nl' | 'en') : 'nl',
    };
  }

  function render(request: FastifyRequest, reply: FastifyReply, member: Member, overview: LettersOverview, form: { settings?: SettingsFormValues; texts?: TextFormValues; errors?: FieldError[] } = {}) {
    const { t, language, csrfToken } = request.ctx;
    const errors = form.errors ?? [];
    const done = (request.query as Record<string, unknown>).done;
    const notice = done === 'settings' ? t('letters.settings.saved') : done === 'texts' ? t('letters.texts.saved') : undefined;
    const body = lettersPageBody({
      overview, errors, t, language, csrfToken,
      settingsValues: form.settings ?? overview.settings,
      textValues: form.texts ?? textFormValues(overview.texts),
      preview: previewChoice(request.query as Record<string, unknown>),
    });
    return reply.code(errors.length ? 400 : 200).type('text/html').send(page({
      title: errors.length ? `${t('error.summary')} · ${t('letters.title')}` : t('letters.title'),
      language, t, csrfToken, path: `/rounds/${overview.round.id}/letters`, user: member.session, notice, body,
    }).value);
  }

  app.get('/rounds/:id/letters', async (request, reply) => {
    const loaded = await load(request, reply);
    if (loaded) return render(request, reply, loaded.member, loaded.overview);
  });

  app.post('/rounds/:id/letters/settings', async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : '');
    const upload = (key: string) => {
      const value = body[key] as Upload | undefined;
      return value && typeof value === 'object' && 'size' in value && value.size > 0 ? { bytes: value.bytes } : undefined;
    };
    const values: SettingsFormValues = {
      senderName: text('senderName'), returnAddress: text('returnAddress'), signerName: text('signerName'),
      signerTitle: text('signerTitle'), attachQuestionnaire: text('attachQuestionnaire') === 'yes',
    };
    const saved = await changeLetterSettings(db, {
      organisationId: loaded.member.membership.organisationId, roundId: loaded.overview.round.id,
      settings: {
        ...values, logo: upload('logo'), signature: upload('signature'),
        removeLogo: text('logoRemove') === 'yes', removeSignature: text('signatureRemove') === 'yes',
      },
    });
    if (!saved.ok) return render(request, reply, loaded.member, loaded.overview, { settings: values, errors: settingsErrors(request.ctx.t, saved.error) });
    return reply.redirect(`/rounds/${loaded.overview.round.id}/letters?done=settings#settings`, 303);
  });

  app.post('/rounds/:id/letters/texts', async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const values: TextFormValues = {};
    const texts: LetterTextInput[] = [];
    for (const kind of LETTER_KINDS) {
      for (const language of LETTER_LANGUAGES) {
        const subject = body[textFieldId(kind, language, 'subject')];
        const text = body[textFieldId(kind, language, 'body')];
        values[textFieldId(kind, language, 'subject')] = typeof subject === 'string' ? subject : '';
        values[textFieldId(kind, language, 'body')] = typeof text === 'string' ? text : '';
        texts.push({ kind, language, subject: values[textFieldId(kind, language, 'subject')]!, body: values[textFieldId(kind, language, 'body')]! });
      }
    }
    const saved = await changeLetterTexts(db, {
      organisationId: loaded.member.membership.organisationId, roundId: loaded.overview.round.id, texts,
      fitsOnePage: fitsOnePageWith(printer, loaded.overview.settings, contextOf(loaded.member, loaded.overview)),
    });
    if (!saved.ok) {
      if (saved.error === 'not-found') return reply.callNotFound();
      return render(request, reply, loaded.member, loaded.overview, { texts: values, errors: textErrors(request.ctx.t, saved.error) });
    }
    return reply.redirect(`/rounds/${loaded.overview.round.id}/letters?done=texts#texts`, 303);
  });

  app.get('/rounds/:id/letters/preview', async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return;
    const choice = previewChoice(request.query as Record<string, unknown>);
    const documentHtml = await previewHtml({ ...choice, settings: loaded.overview.settings, texts: loaded.overview.texts, context: contextOf(loaded.member, loaded.overview) });
    // The letter carries its own stylesheet and images; it may be framed by the letters page only.
    return reply
      .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
      .header('x-frame-options', 'SAMEORIGIN')
      .header('cache-control', 'private, no-store')
      .type('text/html')
      .send(documentHtml);
  });

  app.get('/rounds/:id/letters/preview.pdf', async (request, reply) => {
    const loaded = await load(request, reply);
    if (!loaded) return;
    const choice = previewChoice(request.query as Record<string, unknown>);
    const questionnaire = loaded.overview.settings.attachQuestionnaire
      ? (await roundWithQuestionnaire(db, loaded.member.membership.organisationId, loaded.overview.round.id))?.version.definition
      : undefined;
    const pdf = await previewPdf({
      ...choice, settings: loaded.overview.settings, texts: loaded.overview.texts,
      context: contextOf(loaded.member, loaded.overview), questionnaire, printer,
    });
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="voorbeeldbrief-${choice.kind}-${choice.language}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.from(pdf));
  });

  app.get('/rounds/:id/letters/mailings/:file', async (request, reply) => {
    const member = requireRole(request, reply, DESIGNERS);
    if (!member) return;
    const { id, file } = request.params as { id: string; file: string };
    const mailingId = file.replace(/\.pdf$/, '');
    const found = UUID.test(id) && UUID.test(mailingId) ? await mailingFile(db, member.membership.organisationId, id, mailingId) : undefined;
    if (!found) return reply.callNotFound();
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${found.name}"`)
      .header('cache-control', 'private, no-store')
      .send(Buffer.concat(found.parts));
  });

  await app.register(lettersStartRoutes, { db });
}
