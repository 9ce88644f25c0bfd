/**
 * The client address behind `TRUST_PROXY` (server/client-address.ts), probed as an attacker
 * would: forged `X-Forwarded-For` headers must never move a client into another bucket.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TRUST_NOBODY, clientAddress, clientKey, parseTrustProxy, peerIsTrusted } from '../../server/client-address.js';
import { ConfigError } from '../../server/config.js';

const ATTACKER = '203.0.113.66';
const NGINX = '127.0.0.1';

describe('parseTrustProxy', () => {
  test('off unless set; a number is a hop count; true is one hop', () => {
    for (const raw of [undefined, '', 'off', 'false', '0']) assert.deepEqual(parseTrustProxy(raw), TRUST_NOBODY);
    assert.deepEqual(parseTrustProxy('2'), { kind: 'hops', hops: 2 });
    assert.deepEqual(parseTrustProxy('true'), { kind: 'hops', hops: 1 });
  });

  test('a comma list of IPv4 and IPv6 CIDRs and bare addresses', () => {
    const trust = parseTrustProxy(' 10.0.0.0/8, fd00::/8 ,192.0.2.10, ::1 ');
    assert.equal(trust.kind, 'networks');
    assert.equal(peerIsTrusted('10.20.30.40', trust), true);
    assert.equal(peerIsTrusted('::ffff:10.1.1.1', trust), true);
    assert.equal(peerIsTrusted('fd12:3456::1', trust), true);
    assert.equal(peerIsTrusted('192.0.2.10', trust), true);
    assert.equal(peerIsTrusted('192.0.2.11', trust), false);
    assert.equal(peerIsTrusted('::1', trust), true);
    assert.equal(peerIsTrusted('2001:db8::1', trust), false);
  });

  for (const raw of ['10.0.0.0/33', 'fd00::/129', 'nginx', '10.0.0.0/8/8', '10.0.0/8', '-1', '21', '1.2.3.4/x']) {
    test(`refuses ${JSON.stringify(raw)} with one line naming TRUST_PROXY`, () => {
      assert.throws(
        () => parseTrustProxy(raw),
        (error: unknown) =>
          error instanceof ConfigError && error.message.startsWith('TRUST_PROXY') && !error.message.includes('\n'),
      );
    });
  }
});

describe('TRUST_PROXY off (default): the socket address only', () => {
  test('a forged X-Forwarded-For does not change the bucket', () => {
    for (const forged of ['198.51.100.1', '198.51.100.1, 198.51.100.2', 'garbage', '::1', '']) {
      assert.equal(clientAddress(ATTACKER, forged, TRUST_NOBODY), ATTACKER);
    }
    assert.equal(peerIsTrusted(ATTACKER, TRUST_NOBODY), false);
  });

  test('IPv4-mapped socket addresses are plain IPv4', () => {
    assert.equal(clientAddress(`::ffff:${ATTACKER}`, null, TRUST_NOBODY), ATTACKER);
  });
});

describe('TRUST_PROXY as a hop count', () => {
  const oneHop = parseTrustProxy('1');
  const twoHops = parseTrustProxy('2');

  test('one nginx in front: the entry it appended, whatever the client prepended', () => {
    // nginx's $proxy_add_x_forwarded_for appends the peer it saw to what the client sent.
    assert.equal(clientAddress(NGINX, ATTACKER, oneHop), ATTACKER);
    assert.equal(clientAddress(NGINX, `198.51.100.1, 198.51.100.2, ${ATTACKER}`, oneHop), ATTACKER);
  });

  test('a load balancer and nginx: the address two hops back', () => {
    assert.equal(clientAddress('10.0.0.5', `198.51.100.1, ${ATTACKER}, 10.0.0.9`, twoHops), ATTACKER);
  });

  test('a missing or malformed entry stops at the nearest good address', () => {
    assert.equal(clientAddress(NGINX, null, oneHop), NGINX);
    assert.equal(clientAddress('10.0.0.5', `${ATTACKER}, not-an-ip`, twoHops), '10.0.0.5');
    assert.equal(clientAddress('10.0.0.5', 'not-an-ip, 10.0.0.9', twoHops), '10.0.0.9');
  });

  test('entries with ports and brackets are read as addresses', () => {
    assert.equal(clientAddress(NGINX, `${ATTACKER}:51234`, oneHop), ATTACKER);
    assert.equal(clientAddress(NGINX, '[2001:db8::7]:443', oneHop), '2001:db8::7');
  });
});

describe('TRUST_PROXY as CIDRs', () => {
  const trust = parseTrustProxy('10.0.0.0/8,127.0.0.1,fd00::/8');

  test('behind trusted proxies: the first address outside them, from the right', () => {
    assert.equal(clientAddress('10.0.0.5', `198.51.100.1, ${ATTACKER}, 10.0.0.9`, trust), ATTACKER);
    assert.equal(clientAddress('fd00::5', `${ATTACKER}, fd00::6`, trust), ATTACKER);
  });

  test('a client that forges trusted addresses gets no further than its own', () => {
    // The client claims to be one of the proxies; nginx appends the client's real address.
    assert.equal(clientAddress(NGINX, `10.9.9.9, 127.0.0.1, ${ATTACKER}`, trust), ATTACKER);
  });

  test('a socket outside the list is the client: its X-Forwarded-For is ignored', () => {
    assert.equal(clientAddress(ATTACKER, '198.51.100.1', trust), ATTACKER);
    assert.equal(clientAddress(ATTACKER, '10.0.0.1', trust), ATTACKER);
  });

  test('only trusted proxies all the way: the leftmost address', () => {
    assert.equal(clientAddress('10.0.0.5', '10.0.0.7, 10.0.0.9', trust), '10.0.0.7');
  });

  test('a malformed entry stops at the proxy that forwarded it', () => {
    assert.equal(clientAddress(NGINX, 'unknown', trust), NGINX);
  });
});

describe('clientKey', () => {
  test('IPv4 as is; IPv6 by its /64, so rotating within a /64 keeps one bucket', () => {
    assert.equal(clientKey(ATTACKER), ATTACKER);
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey(`::ffff:${ATTACKER}`), ATTACKER);
  });
});
