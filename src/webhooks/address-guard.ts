import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * The SSRF guard of webhooks: a destination may only be a public unicast address. Loopback,
 * private, link-local, unique-local, multicast, unspecified, carrier-grade NAT, reserved and
 * translation ranges are refused (IPv4, IPv6 and IPv4-mapped IPv6 alike), unless the operator
 * allows private addresses (WEBHOOK_ALLOW_PRIVATE=1: development and tests).
 */
export function isRefusedAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return true;
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into its IPv4 address.
  return ipaddr.process(address).range() !== 'unicast';
}

export class AddressRefusedError extends Error {
  readonly code = 'EADDRREFUSED';
  constructor(readonly host: string, readonly address: string) {
    super(`refused: ${host} resolves to ${address}, which is not a public address`);
  }
}

export class HostNotFoundError extends Error {
  constructor(readonly host: string) {
    super(`host not found: ${host}`);
  }
}

/** The host of a URL as `lookup` takes it (IPv6 literals without brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Resolves `host` and checks every address; throws AddressRefusedError or HostNotFoundError. */
export async function checkHost(host: string, allowPrivate: boolean): Promise<void> {
  if (isIP(host)) {
    if (!allowPrivate && isRefusedAddress(host)) throw new AddressRefusedError(host, host);
    return;
  }
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(host, { all: true }, (error, found) => (error ? reject(new HostNotFoundError(host)) : resolve(found))),
  );
  if (addresses.length === 0) throw new HostNotFoundError(host);
  if (allowPrivate) return;
  const refused = addresses.find((a) => isRefusedAddress(a.address));
  if (refused) throw new AddressRefusedError(host, refused.address);
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http(s).request that checks the addresses it hands to the connection, so the
 * socket goes to an address that was checked at send time (DNS may have changed since creation,
 * and a rebinding name cannot slip another address in between check and connect).
 */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = allowPrivate ? undefined : addresses.find((a) => isRefusedAddress(a.address));
      if (refused) return callback(new AddressRefusedError(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new HostNotFoundError(hostname), '');
      callback(null, first.address, first.family);
    });
  };
}
