// Options of the GEXF writer: interface, defaults, validator.
import { UsageError } from '../errors';

/**
 * GEXF dialects. Gephi and graphology-gexf read both. networkx reads 1.3 only from 3.6 on
 * (networkx PR #8196); Debian's python3-networkx (2.8 in bookworm, 3.4 in trixie) rejects a 1.3 file
 * with "No <graph> element", hence the 1.2 default.
 */
export const GEXF_VERSIONS = {
  '1.2': {
    version: '1.2',
    xmlns: 'http://www.gexf.net/1.2draft',
    viz: 'http://www.gexf.net/1.2draft/viz',
    schemaLocation: 'http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd',
  },
  '1.3': {
    version: '1.3',
    xmlns: 'http://gexf.net/1.3',
    viz: 'http://gexf.net/1.3/viz',
    schemaLocation: 'http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd',
  },
} as const;
export type GexfVersion = keyof typeof GEXF_VERSIONS;

export interface GexfOptions {
  version: GexfVersion;
  /** One element per line, indented; false writes everything on one line. */
  pretty: boolean;
  /** 'auto': mode="dynamic" with start/end when any edge has a date; 'off': always static. */
  timeline: 'auto' | 'off';
  /** `<creator>`; default: the graph's `generator version`. */
  creator: string | undefined;
  /** `<description>`; default: a sentence naming the document count. */
  description: string | undefined;
  /** `lastmodifieddate` on `<meta>` (YYYY-MM-DD); default none, so output is byte-stable. */
  lastModified: string | undefined;
}

export const DEFAULT_GEXF_OPTIONS: Readonly<GexfOptions> = {
  version: '1.2',
  pretty: true,
  timeline: 'auto',
  creator: undefined,
  description: undefined,
  lastModified: undefined,
};

type Check = (value: unknown) => boolean;
const optionalString: Check = (v) => v === undefined || typeof v === 'string';

const CHECKS: { readonly [K in keyof GexfOptions]: readonly [Check, string] } = {
  version: [(v) => typeof v === 'string' && Object.hasOwn(GEXF_VERSIONS, v), Object.keys(GEXF_VERSIONS).join(' or ')],
  pretty: [(v) => typeof v === 'boolean', 'true or false'],
  timeline: [(v) => v === 'auto' || v === 'off', "'auto' or 'off'"],
  creator: [optionalString, 'a string'],
  description: [optionalString, 'a string'],
  lastModified: [(v) => v === undefined || (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)), 'a YYYY-MM-DD date'],
};

export function resolveGexfOptions(partial: Partial<GexfOptions> = {}): GexfOptions {
  const options: GexfOptions = { ...DEFAULT_GEXF_OPTIONS };
  for (const [name, value] of Object.entries(partial)) {
    if (!Object.hasOwn(CHECKS, name)) throw new UsageError(`unknown GEXF option "${name}"`, name);
    if (value !== undefined) Object.assign(options, { [name]: value });
  }
  for (const name of Object.keys(CHECKS) as (keyof GexfOptions)[]) {
    const [check, expected] = CHECKS[name];
    if (!check(options[name])) {
      throw new UsageError(`invalid value ${JSON.stringify(options[name])}: expected ${expected}`, name);
    }
  }
  return options;
}
