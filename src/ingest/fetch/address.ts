// Which addresses a fetch may reach. A feed is untrusted: its links must not make us request
// a router's admin page, a cloud metadata service or a database on this machine. The check is
// made on the address a name resolves to (in the socket's own lookup), so a public name that
// points inside the network is refused too.
import * as dns from 'node:dns';
import * as net from 'node:net';
import ipaddr from 'ipaddr.js';

/** ipaddr.js ranges that are reachable on the public internet; every other range is refused. */
const PUBLIC_RANGES: ReadonlySet<string> = new Set(['unicast']);

/** ipaddr.js's range names, as a message says them. */
const RANGE_WORDS: Readonly<Record<string, string>> = {
  linkLocal: 'link-local', uniqueLocal: 'unique local', carrierGradeNat: 'carrier-grade NAT', ipv4Mapped: 'IPv4-mapped',
  rfc6145: 'translated', rfc6052: 'NAT64', '6to4': '6to4', teredo: 'Teredo', benchmarking: 'benchmarking', amt: 'AMT', as112: 'AS112',
  deprecated: 'deprecated', orchid2: 'ORCHIDv2', droneRemoteIdProtocolEntityTags: 'DRIP', discard: 'discard-only',
};

/** The kind of range a non-public address lies in ("loopback", "private", "link-local" …), or undefined for a public one. */
function privateRange(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address); // an IPv4-mapped IPv6 address is judged as the IPv4 one
  } catch {
    return 'unparsable';
  }
  const range = parsed.range();
  return PUBLIC_RANGES.has(range) ? undefined : (RANGE_WORDS[range] ?? range);
}

/** Why an address may not be fetched, or undefined when it may. */
export function privateAddressReason(address: string): string | undefined {
  const range = privateRange(address);
  return range === undefined ? undefined : `${address} is a ${range} address (refused unless --allow-private)`;
}

export class PrivateAddressError extends Error {
  readonly code = 'ENEWSGRAPHPRIVATE';
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A socket lookup that refuses private addresses: net.connect's `lookup` option. */
export function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback): void {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) {
      callback(err, '');
      return;
    }
    const list = addresses as dns.LookupAddress[];
    for (const a of list) {
      const range = privateRange(a.address);
      if (range !== undefined) {
        callback(new PrivateAddressError(`${hostname} resolves to ${a.address}, a ${range} address (refused unless --allow-private)`), '');
        return;
      }
    }
    if (options.all) callback(null, list);
    else if (list[0]) callback(null, list[0].address, list[0].family);
    else callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
  });
}

/** For a URL whose host is an IP literal (no lookup happens for those). */
export function literalAddressReason(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) ? privateAddressReason(bare) : undefined;
}
