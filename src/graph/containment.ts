// A node's `country` and `region` over many documents. Each document says where the place lies
// (src/entities/containment.ts); documents may disagree (Punjab read as India's in one, Pakistan's
// in another). The rule, the same whatever the document order: the country most documents give,
// ties to the smaller id; then the region most documents give together with that country (or with
// none), ties to the smaller id.
import type { NodeAttributes } from './contract';

/** Separates country and region in a key; ids are slugs and never hold it. */
const SEPARATOR = '|';

export class PlaceVotes {
  /** `${country}|${region}` (either may be '') → number of documents. */
  private readonly votes = new Map<string, number>();

  add(country: string | undefined, region: string | undefined, documents = 1): void {
    if (typeof country !== 'string' && typeof region !== 'string') return;
    const key = `${typeof country === 'string' ? country : ''}${SEPARATOR}${typeof region === 'string' ? region : ''}`;
    this.votes.set(key, (this.votes.get(key) ?? 0) + documents);
  }

  /** A new tally of both: a merged node's documents. */
  plus(other: PlaceVotes): PlaceVotes {
    const sum = new PlaceVotes();
    for (const tally of [this, other]) for (const [key, n] of tally.votes) sum.votes.set(key, (sum.votes.get(key) ?? 0) + n);
    return sum;
  }

  /** Sets `country` and `region` on a node's attributes, by the rule above. */
  decide(attributes: NodeAttributes): void {
    const countries = new Map<string, number>();
    for (const [key, n] of this.votes) {
      const country = key.slice(0, key.indexOf(SEPARATOR));
      if (country) countries.set(country, (countries.get(country) ?? 0) + n);
    }
    const country = best(countries);
    const regions = new Map<string, number>();
    for (const [key, n] of this.votes) {
      const at = key.indexOf(SEPARATOR);
      const region = key.slice(at + 1);
      const of = key.slice(0, at);
      if (region && (of === '' || of === country)) regions.set(region, (regions.get(region) ?? 0) + n);
    }
    const region = best(regions);
    if (country !== undefined) attributes.country = country;
    if (region !== undefined) attributes.region = region;
  }
}

/** The key with the highest count; ties to the smaller key (code-unit order). */
function best(counts: ReadonlyMap<string, number>): string | undefined {
  let top: string | undefined;
  let topCount = 0;
  for (const [key, n] of counts) {
    if (n > topCount || (n === topCount && top !== undefined && key < top)) [top, topCount] = [key, n];
  }
  return top;
}
