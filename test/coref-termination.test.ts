// Coreference scans back over auxiliaries before a speech verb; a step that stopped moving once a
// form of "be" was seen made that scan endless (a build stalled on one BBC article). These sentences
// put "be" right before the verb with more auxiliaries and adverbs before it: extraction must return.
import { strict as assert } from 'node:assert';
import { extractText } from './helpers/extract';

const ROWS: readonly string[] = [
  'Anna Berg arrived late. She had always been saying that he would come.',
  'Tom Reyes left. He has not been told that she would stay, and he was being asked if they agreed.',
  'The minister had clearly been hinting that she would resign.',
];

describe('coreference: the scan back over auxiliaries ends', () => {
  for (const text of ROWS) {
    it(text, () => {
      const result = extractText(text);
      assert.ok(result.mentions.length >= 0);
    });
  }
});
