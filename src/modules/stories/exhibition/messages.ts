import type { Language } from '../../../core/language.ts';

const nl = {
  otherLanguage: 'English',
  otherLanguageCode: 'en',
  exhibition: 'Tentoonstelling',
  theme: 'Thema',
  by: (org: string) => `Een photovoice-tentoonstelling van ${org}`,
  photographer: (name: string) => `Foto en verhaal: ${name}`,
  anonymous: 'Foto en verhaal: anoniem',
  readStory: 'Lees het verhaal',
  empty: 'Er zijn op dit moment geen foto’s te zien.',
  unknownTitle: 'Tentoonstelling niet gevonden',
  unknown: 'Deze tentoonstelling bestaat niet of is niet meer te zien.',
  consentNote:
    'Iedereen die hier een foto of verhaal toont, gaf daar zelf toestemming voor en kan die toestemming op elk moment intrekken. Dan verdwijnt het hier meteen.',
  count: (n: number) => (n === 1 ? '1 foto' : `${n} foto’s`),
};

const en: typeof nl = {
  otherLanguage: 'Nederlands',
  otherLanguageCode: 'nl',
  exhibition: 'Exhibition',
  theme: 'Theme',
  by: (org: string) => `A photovoice exhibition by ${org}`,
  photographer: (name: string) => `Photo and story: ${name}`,
  anonymous: 'Photo and story: anonymous',
  readStory: 'Read the story',
  empty: 'There are no photos to see at the moment.',
  unknownTitle: 'Exhibition not found',
  unknown: 'This exhibition does not exist or can no longer be seen.',
  consentNote: 'Everyone who shows a photo or story here gave their own consent and can withdraw it at any time. It then disappears from here at once.',
  count: (n: number) => (n === 1 ? '1 photo' : `${n} photos`),
};

export const exhibitionMessages = (lang: Language) => (lang === 'en' ? en : nl);
