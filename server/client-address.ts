/**
 * The client's address, the key of every per-client limit (SPEC §9 `TRUST_PROXY`).
 *
 * Off by default: the socket's peer address alone, since any client can send `X-Forwarded-For`.
 * Behind reverse proxies, `TRUST_PROXY` says which entries of `X-Forwarded-For` to believe:
 * - a hop count `N`: the gateway is reachable only through N proxies, each of which appends the
 *   address it received the request from; the client is the Nth address from the right of
 *   `X-Forwarded-For, <socket>`. Entries further left were written by the client and are ignored.
 * - a comma list of CIDRs (IPv4 and IPv6; a bare address is one host): walking from the socket
 *   leftwards through `X-Forwarded-For`, the client is the first address outside those networks.
 *   A socket outside them means no proxy at all: the header is ignored.
 * An entry that is not an IP address stops the walk at the last good address (the proxy that
 * forwarded it), so a malformed header never yields a made-up key.
 */
import { BlockList, isIP } from 'node:net';
import { ConfigError } from './config-error.js';

export type TrustProxy =
  | { readonly kind: 'off' }
  | { readonly kind: 'hops'; readonly hops: number }
  | { readonly kind: 'networks'; readonly networks: BlockList; readonly description: string };

export const TRUST_NOBODY: TrustProxy = { kind: 'off' };

const MAX_HOPS = 20;

/** `::ffff:1.2.3.4` → `1.2.3.4`; zone ids dropped; lower case. `null` when not an IP address. */
export function normalizeAddress(raw: string): string | null {
  const address = raw.trim().toLowerCase().split('%')[0] ?? '';
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  const plain = mapped?.[1] ?? address;
  return isIP(plain) === 0 ? null : plain;
}

/** One `X-Forwarded-For` entry: an address, maybe with a port (`1.2.3.4:80`, `[::1]:80`). */
function forwardedEntry(raw: string): string | null {
  const entry = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(entry);
  if (bracketed !== null) return normalizeAddress(bracketed[1] ?? '');
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/.exec(entry);
  return normalizeAddress(withPort?.[1] ?? entry);
}

function addNetwork(networks: BlockList, item: string): void {
  const [network = '', prefix, ...rest] = item.split('/');
  const address = normalizeAddress(network);
  const family = address === null ? 0 : isIP(address);
  const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
  const valid =
    address !== null &&
    rest.length === 0 &&
    (prefix === undefined || /^\d{1,3}$/.test(prefix)) &&
    bits <= (family === 4 ? 32 : 128);
  if (!valid) {
    throw new ConfigError(
      `TRUST_PROXY must be a number of proxy hops or a comma list of CIDRs like 10.0.0.0/8,fd00::/8 (got "${item.slice(0, 60)}")`,
    );
  }
  networks.addSubnet(address, bits, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Parses `TRUST_PROXY`: unset, `off`, `false` or `0`: off; an integer: trusted hops; `true`: one
 * hop (what the variable meant before it took a count); else a comma list of CIDRs.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  const lower = value.toLowerCase();
  if (['', 'off', 'false', 'no', '0'].includes(lower)) return TRUST_NOBODY;
  if (['true', 'yes', 'on'].includes(lower)) return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) throw new ConfigError(`TRUST_PROXY hop count must be at most ${MAX_HOPS} (got ${value})`);
    return { kind: 'hops', hops };
  }
  const networks = new BlockList();
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  for (const item of items) addNetwork(networks, item);
  return { kind: 'networks', networks, description: items.join(',') };
}

function isTrusted(networks: BlockList, address: string): boolean {
  return networks.check(address, isIP(address) === 4 ? 'ipv4' : 'ipv6');
}

/** The `X-Forwarded-For` entries, nearest last; `null` stands for an entry that is not an address. */
function forwardedChain(header: string | null | undefined): Array<string | null> {
  if (header === null || header === undefined || header.trim() === '') return [];
  return header.split(',').map(forwardedEntry);
}

/**
 * The client's address from the socket's peer and the `X-Forwarded-For` header (several headers
 * joined with commas), as `trust` allows. `'unknown'` when the socket has no address (closed).
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | null | undefined,
  trust: TrustProxy,
): string {
  const peer = socketAddress === undefined ? null : normalizeAddress(socketAddress);
  if (peer === null) return 'unknown';
  if (trust.kind === 'off') return peer;
  const chain = forwardedChain(forwardedFor);
  let client = peer;
  if (trust.kind === 'hops') {
    for (let hop = 0; hop < trust.hops; hop += 1) {
      const next = chain.pop();
      if (next === undefined || next === null) break;
      client = next;
    }
    return client;
  }
  while (isTrusted(trust.networks, client)) {
    const next = chain.pop();
    if (next === undefined || next === null) break;
    client = next;
  }
  return client;
}

/** Whether the socket's peer is a trusted proxy, whose `X-Forwarded-Proto` may be believed. */
export function peerIsTrusted(socketAddress: string | undefined, trust: TrustProxy): boolean {
  if (trust.kind === 'off') return false;
  if (trust.kind === 'hops') return trust.hops > 0;
  const peer = socketAddress === undefined ? null : normalizeAddress(socketAddress);
  return peer !== null && isTrusted(trust.networks, peer);
}

/**
 * The limits' key for an address: IPv4 as is, IPv6 by its /64 prefix, since one subscriber
 * usually holds a whole /64 and could otherwise rotate addresses to get a fresh bucket each time.
 */
export function clientKey(address: string): string {
  const normalized = normalizeAddress(address);
  if (normalized === null || isIP(normalized) !== 6) return normalized ?? address;
  const [head = '', tail = ''] = normalized.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (`::1.2.3.4`) lies in the low 64 bits, which are dropped anyway.
  const missing = normalized.includes('::') ? 8 - left.length - right.length : 0;
  const groups = [...left, ...Array.from({ length: Math.max(0, missing) }, () => '0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
