import { expect, it } from 'vitest';
import en from '../../web/src/locales/en.json' with { type: 'json' };
import nl from '../../web/src/locales/nl.json' with { type: 'json' };

// The author ticks each item before going public: each must be something every author can say truthfully
// (that they thought about it), never a claim about their story ("Ik laat zien wat lotgenotencontact betekent").
it('asks the author only what they can truthfully tick: that they thought about it', () => {
  const nlItems = Object.values(nl.verhalen.checklist.items);
  const enItems = Object.values(en.verhalen.checklist.items);
  expect(nlItems.length).toBeGreaterThanOrEqual(4);
  for (const item of nlItems) expect(item).toMatch(/^Ik heb nagedacht /);
  for (const item of enItems) expect(item).toMatch(/^I have thought /);
});
