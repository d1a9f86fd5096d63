import { createContext, useContext } from 'react';
import type { Framework, LocalisedText } from '../types.ts';

/** What every part of the editor may need: the frameworks to draw options from, and a way to say what happened. */
export type EditorTools = {
  frameworks: readonly Framework[];
  /** Read out politely (a status message): "Vraag 2 staat nu op plaats 1." */
  announce: (message: string) => void;
  lang: 'nl' | 'en';
};

const EditorContext = createContext<EditorTools>({ frameworks: [], announce: () => undefined, lang: 'nl' });
export const EditorToolsProvider = EditorContext.Provider;
export const useEditorTools = () => useContext(EditorContext);

/** The text in the editor's language, Dutch when the English was left empty. */
export const pick = (text: LocalisedText | undefined, lang: 'nl' | 'en'): string => (text ? (lang === 'en' && text.en.trim() ? text.en : text.nl) : '');

/** Moves the focus once React has put the new state on the page. */
export function focusSoon(selector: string): void {
  requestAnimationFrame(() => document.querySelector<HTMLElement>(selector)?.focus());
}

export const findFramework = (frameworks: readonly Framework[], key: string, version: number) => frameworks.find((f) => f.key === key && f.version === version);
