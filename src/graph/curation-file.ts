// Reading and writing the curation file (./curation.ts holds the format; this, the file access).
import * as fs from 'node:fs';
import { InputError, messageOf } from '../errors';
import { writeFileAtomic } from '../export/atomic';
import { CurationFormatError, parseCuration, serializeCuration, type Curation } from './curation';

/** Reads and checks a curation (or alias) file; InputError (exit 3) names the file and the entry. */
export function readCurationFile(file: string): Curation {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError((e as { code?: string }).code === 'ENOENT' ? 'curation file not found' : `cannot read curation file (${messageOf(e)})`, file, { cause: e });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new InputError(`curation file is not valid JSON (${messageOf(e)})`, file, { cause: e });
  }
  try {
    return parseCuration(raw);
  } catch (e) {
    if (e instanceof CurationFormatError) throw new InputError(`curation file: ${e.message}`, file, { cause: e });
    throw e;
  }
}

/** Writes the file atomically (temporary file, fsync, rename). */
export async function writeCurationFile(file: string, curation: Curation): Promise<void> {
  await writeFileAtomic(file, serializeCuration(curation));
}
