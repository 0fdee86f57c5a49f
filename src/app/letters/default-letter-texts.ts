import type { LetterKind } from '../../db/letter-store.ts';
import type { LetterLanguage } from './letter-values.ts';

// The letter texts a round starts with: plain Dutch (B1) and English. A researcher may change
// them on the letters page. The code box, greeting and signature are printed under the text by
// the layout, so the texts do not repeat them.

export interface LetterText {
  readonly subject: string;
  readonly body: string;
}

const TEXTS: Record<LetterKind, Record<LetterLanguage, LetterText>> = {
  invitation: {
    nl: {
      subject: 'Wat vindt u van onze hulp?',
      body: `{aanhef},

Wij willen graag weten wat u vindt van de hulp en service van {organisatie}. Daarom vragen wij u mee te doen aan ons onderzoek. Het invullen duurt ongeveer 15 minuten.

Uw mening is belangrijk. Met uw antwoorden kunnen wij onze hulp beter maken.

Zo doet u mee: ga naar {webadres} en typ uw code. Of scan de QR-code met de camera van uw telefoon. Uw code staat hieronder.

Uw antwoorden zijn anoniem. Wij weten niet welke antwoorden van u zijn. Meedoen is vrijwillig. Het heeft geen gevolgen voor uw uitkering of voor de hulp die u krijgt.

U kunt meedoen tot en met {einddatum}. Alvast hartelijk bedankt!`,
    },
    en: {
      subject: 'What do you think of our help?',
      body: `{aanhef},

We would like to know what you think of the help and service of {organisatie}. That is why we ask you to take part in our survey. It takes about 15 minutes.

Your opinion matters. Your answers help us to improve our help.

How to take part: go to {webadres} and type your code. Or scan the QR code with the camera of your phone. Your code is printed below.

Your answers are anonymous. We do not know which answers are yours. Taking part is voluntary. It has no effect on your benefit or on the help you get.

You can take part until {einddatum}. Thank you very much in advance!`,
    },
  },
  reminder: {
    nl: {
      subject: 'Herinnering: wat vindt u van onze hulp?',
      body: `{aanhef},

Een tijdje geleden stuurden wij u een brief. Wij vroegen u mee te doen aan een onderzoek over de hulp en service van {organisatie}. Wij hebben uw antwoorden nog niet ontvangen.

Wij horen graag wat u vindt. Ook als u niet tevreden bent. Het invullen duurt ongeveer 15 minuten.

Ga naar {webadres} en typ uw code. Of scan de QR-code met de camera van uw telefoon. Uw code staat hieronder.

Uw antwoorden zijn anoniem. U kunt meedoen tot en met {einddatum}.

Heeft u de vragenlijst net ingevuld? Dan bedanken wij u hartelijk. U hoeft niets meer te doen.`,
    },
    en: {
      subject: 'Reminder: what do you think of our help?',
      body: `{aanhef},

Some time ago we sent you a letter. We asked you to take part in a survey about the help and service of {organisatie}. We have not yet received your answers.

We would like to hear what you think, also if you are not satisfied. It takes about 15 minutes.

Go to {webadres} and type your code. Or scan the QR code with the camera of your phone. Your code is printed below.

Your answers are anonymous. You can take part until {einddatum}.

Did you just fill in the questionnaire? Then thank you very much. You do not need to do anything else.`,
    },
  },
};

export function defaultLetterText(kind: LetterKind, language: LetterLanguage): LetterText {
  return TEXTS[kind][language];
}
