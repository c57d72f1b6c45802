// A generated corpus for the scale tests: short dated news items about made-up meetings between
// real countries' officials (written for these tests; the names of the officials are invented).
// Enough documents to start the worker pool (more than POOL_AFTER_DOCUMENTS) and to split into an
// archive and an update.
import * as fs from 'node:fs';
import * as path from 'node:path';

const COUNTRIES = ['France', 'Germany', 'Japan', 'Brazil', 'Kenya', 'Canada', 'India', 'Egypt', 'Norway', 'Chile'];
const PEOPLE = ['Anna Keller', 'Maria Lopez', 'John Carter', 'Peter Novak', 'Sarah Mills', 'David Brandt', 'Laura Stein', 'James Osei', 'Elena Costa', 'Thomas Berg'];
const CITIES = ['Geneva', 'Vienna', 'Oslo', 'Nairobi', 'Lisbon'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** The text of item i: varied enough that no two items share a text. */
export function itemText(i: number): string {
  const a = COUNTRIES[i % COUNTRIES.length] as string;
  const b = COUNTRIES[(i * 3 + 1) % COUNTRIES.length] as string;
  const p = PEOPLE[i % PEOPLE.length] as string;
  const q = PEOPLE[(i * 7 + 3) % PEOPLE.length] as string;
  const city = CITIES[i % CITIES.length] as string;
  const day = DAYS[(i * 2) % DAYS.length] as string;
  const lines = [
    `${a} and ${b} resume talks (item ${i + 1})`,
    '',
    `${city}, 2025-04-${String((i % 28) + 1).padStart(2, '0')}`,
    '',
    `${a}'s Foreign Minister ${p} met ${b}'s Foreign Minister ${q} in ${city} on ${day}.`,
    `${p} urged ${b} to accept a ceasefire in the trade dispute.`,
  ];
  if (i % 3 === 0) lines.push(`${q} said ${b} did not accept the proposal.`);
  if (i % 4 === 1) lines.push(`${b} accused ${a} of delaying the talks, and ${a} rejected the claim.`);
  if (i % 5 === 2) lines.push(`The United Nations supported the talks between ${a} and ${b}.`);
  // A description for an actor ("the minister"): its fact names the antecedent mention (Evidence.antecedents).
  if (i % 4 === 2) lines.push(`Later the minister criticised ${b} over the delay.`);
  // An out-of-lexicon short form ("U.S") in some items and "U.S." in later ones: a tokeniser
  // that remembers words across documents splits the second differently after the first.
  if (i % 7 === 3) lines.push(`Trade across the U.S/Canada border was also on the agenda.`);
  if (i % 6 === 5) lines.push(`${q} once served in the U.S. Air Force.`);
  return `${lines.join('\n')}\n`;
}

/** Writes items 0..n-1 as item-NNN.txt into dir; returns the file paths in order. */
export function writeCorpus(dir: string, n: number, start = 0): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  for (let i = start; i < start + n; i++) {
    const file = path.join(dir, `item-${String(i).padStart(3, '0')}.txt`);
    fs.writeFileSync(file, itemText(i));
    files.push(file);
  }
  return files;
}
