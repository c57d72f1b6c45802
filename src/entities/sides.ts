// Two kinds of body whose names hold a word that other passes read alone: a national side named
// "Team" + its country ("Team Estonia", "Team GB", "Team USA": the delegation or squad, not the
// state), and a numbered unit ("501st Legion", "82nd Airborne Division", "7th Fleet": the number is
// part of the name, and without it a head word alone names no body).
import type { Token } from '../types';
import { wordTable } from './tables';

/** Capitalised words that, right before a country's name, name that country's side. */
export const SIDE_WORDS: ReadonlySet<string> = wordTable([
  { word: 'Team', reason: '"Team Estonia had to rebuild their robot", "Team GB", "Team USA": the national team or delegation' },
]);

/** Head words of bodies news numbers by an ordinal ("the 82nd Airborne Division"). */
export const NUMBERED_UNIT_HEADS: ReadonlySet<string> = wordTable([
  { word: 'legion', reason: '"501st Legion", "the 1st Legion"' },
  { word: 'division', reason: '"the 82nd Airborne Division", "3rd Infantry Division"' },
  { word: 'brigade', reason: '"the 77th Brigade", "47th Mechanised Brigade"' },
  { word: 'battalion', reason: '"the 1st Battalion"' },
  { word: 'regiment', reason: '"the 7th Cavalry Regiment"' },
  { word: 'squadron', reason: '"617 Squadron", "the 4th Squadron"' },
  { word: 'fleet', reason: '"the US 7th Fleet", "the 6th Fleet"' },
  { word: 'army', reason: '"the 58th Army", "the Eighth Army"' },
  { word: 'corps', reason: '"the 1st Army Corps"' },
  { word: 'wing', reason: '"the 48th Fighter Wing"' },
]);

const ORDINAL = /^\d+(?:st|nd|rd|th)$/;

/** Whether token k is an ordinal written in digits ("501st", "82nd") in the sentence of token `of`. */
export function ordinalAt(tokens: readonly Token[], k: number, of: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.sentence === tokens[of]?.sentence && ORDINAL.test(t.value);
}
