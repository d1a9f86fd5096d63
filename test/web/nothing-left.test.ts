import i18next from 'i18next';
import { beforeAll, expect, it } from 'vitest';
import en from '../../web/src/locales/en.json' with { type: 'json' };
import nl from '../../web/src/locales/nl.json' with { type: 'json' };

// Closed or finished things say so in words, not "Nog 0 punten open" or "wacht al 0 dagen".
const i18n = i18next.createInstance();
beforeAll(() => i18n.init({ lng: 'nl', fallbackLng: false, resources: { nl: { translation: nl }, en: { translation: en } } }));

it('says in words that nothing is open or waiting, in Dutch and English', () => {
  const nlT = i18n.getFixedT('nl');
  const enT = i18n.getFixedT('en');
  expect(nlT('trajecten.openHeading', { count: 0 })).toBe('Alles in deze fase is afgesproken');
  expect(nlT('trajecten.openHeading', { count: 2 })).toBe('Nog 2 punten open in deze fase');
  expect(nlT('trajecten.openCount', { count: 0 })).toBe('niets meer open');
  expect(nlT('signalen.waitingDays', { count: 0 })).toBe('sinds vandaag aan de beurt');
  expect(enT('trajecten.openHeading', { count: 0 })).toBe('Everything in this phase is agreed');
  expect(enT('signalen.waitingDays', { count: 0 })).toBe('its turn since today');
});

it('calls completed answers completed, not sent', () => {
  expect(i18n.getFixedT('nl')('inBeeld.rounds.counts', { complete: 12, started: 15 })).toBe('12 helemaal ingevuld, 15 begonnen');
  expect(i18n.getFixedT('en')('inBeeld.rounds.counts', { complete: 12, started: 15 })).toBe('12 completed, 15 started');
});
