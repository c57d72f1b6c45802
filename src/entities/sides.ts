// Bodies whose names hold a word that other passes read alone: a national side named "Team" + its
// country ("Team Estonia", "Team GB", "Team USA": the delegation or squad, not the state).
import { wordTable } from './tables';

/** Capitalised words that, right before a country's name, name that country's side. */
export const SIDE_WORDS: ReadonlySet<string> = wordTable([
  { word: 'Team', reason: '"Team Estonia had to rebuild their robot", "Team GB", "Team USA": the national team or delegation' },
]);
