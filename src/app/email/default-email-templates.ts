// The texts a round starts with, in plain Dutch (B1) and English. A researcher may change them
// per round on the e-mail page; other languages start empty and fall back to Dutch.

export type EmailTemplateKind = 'email-invitation' | 'email-reminder';
export const EMAIL_TEMPLATE_KINDS: readonly EmailTemplateKind[] = ['email-invitation', 'email-reminder'];

/** Languages an e-mail can be written in: those of the respondent form. */
export const EMAIL_LANGUAGES = ['nl', 'en', 'ar', 'tr', 'pl'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

export function isEmailLanguage(value: unknown): value is EmailLanguage {
  return typeof value === 'string' && (EMAIL_LANGUAGES as readonly string[]).includes(value);
}

export interface EmailText {
  readonly subject: string;
  readonly body: string;
}

const invitationNl: EmailText = {
  subject: 'Wat vindt u van {organisatie}? Vul de vragenlijst in',
  body: `{aanhef},

U krijgt deze e-mail omdat u klant bent van {organisatie}. Wij willen graag weten wat u van onze dienstverlening vindt. Wilt u daarvoor een korte vragenlijst invullen? Dat duurt ongeveer 10 minuten.

Klik op deze link om te beginnen:
{link}

Werkt de link niet? Ga dan naar {webadres} en typ deze code in:
{code}

Uw antwoorden zijn anoniem. Wij kunnen niet zien wie welke antwoorden heeft gegeven. Meedoen is vrijwillig en heeft geen gevolgen voor uw uitkering. U kunt de vragenlijst invullen tot en met {einddatum}.

Heeft u vragen? Stuur dan een antwoord op deze e-mail.

Met vriendelijke groet,

{organisatie}

Wilt u geen e-mails meer over dit onderzoek? Meld u dan af: {afmeldlink}`,
};

const reminderNl: EmailText = {
  subject: 'Herinnering: wilt u de vragenlijst van {organisatie} nog invullen?',
  body: `{aanhef},

Een tijdje geleden vroegen wij u om een vragenlijst in te vullen over de dienstverlening van {organisatie}. Wij hebben uw antwoorden nog niet ontvangen. Heeft u de vragenlijst net ingevuld? Dan hoeft u niets meer te doen. Dank u wel!

Wilt u nog meedoen? Dat kan tot en met {einddatum}. Klik op deze link:
{link}

Bent u al begonnen? Met dezelfde link gaat u verder waar u was gebleven.

Werkt de link niet? Ga dan naar {webadres} en typ deze code in:
{code}

Uw antwoorden zijn anoniem. Uw mening helpt ons om onze dienstverlening beter te maken.

Met vriendelijke groet,

{organisatie}

Wilt u geen e-mails meer over dit onderzoek? Meld u dan af: {afmeldlink}`,
};

const invitationEn: EmailText = {
  subject: 'What do you think of {organisatie}? Please fill in the questionnaire',
  body: `{aanhef},

You are receiving this e-mail because you are a client of {organisatie}. We would like to know what you think of our services. Would you fill in a short questionnaire? It takes about 10 minutes.

Click this link to start:
{link}

Does the link not work? Go to {webadres} and type in this code:
{code}

Your answers are anonymous. We cannot see who gave which answers. Taking part is voluntary and has no effect on your benefit. You can fill in the questionnaire until {einddatum}.

Do you have questions? Reply to this e-mail.

Kind regards,

{organisatie}

Do you not want any more e-mails about this survey? Unsubscribe here: {afmeldlink}`,
};

const reminderEn: EmailText = {
  subject: 'Reminder: would you still fill in the questionnaire of {organisatie}?',
  body: `{aanhef},

Some time ago we asked you to fill in a questionnaire about the services of {organisatie}. We have not yet received your answers. Did you just fill it in? Then you do not need to do anything. Thank you!

Would you still like to take part? You can until {einddatum}. Click this link:
{link}

Have you already started? The same link takes you back to where you stopped.

Does the link not work? Go to {webadres} and type in this code:
{code}

Your answers are anonymous. Your opinion helps us to improve our services.

Kind regards,

{organisatie}

Do you not want any more e-mails about this survey? Unsubscribe here: {afmeldlink}`,
};

const defaults: Partial<Record<EmailLanguage, Record<EmailTemplateKind, EmailText>>> = {
  nl: { 'email-invitation': invitationNl, 'email-reminder': reminderNl },
  en: { 'email-invitation': invitationEn, 'email-reminder': reminderEn },
};

/** The built-in text, for Dutch and English only. */
export function defaultEmailText(kind: EmailTemplateKind, language: string): EmailText | undefined {
  return isEmailLanguage(language) ? defaults[language]?.[kind] : undefined;
}
