import { isIPv4, isIPv6 } from 'node:net';

/**
 * The source sign-in limits count: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber's network, in which every address is theirs to use), an IPv4-mapped IPv6 address as
 * the IPv4 address.
 */
export function signInSourceOf(ip: string): string {
  const address = ip.split('%')[0].toLowerCase();
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  return `${groupsOf(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function groupsOf(address: string): string[] {
  const [head, tail] = address.split('::');
  const part = (text: string | undefined) => (text ? text.split(':').flatMap(ipv4AsGroups) : []);
  const front = part(head);
  const back = part(tail);
  const middle = tail === undefined ? [] : Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...middle, ...back].map((group) => group.replace(/^0+(?=.)/, ''));
}

function ipv4AsGroups(group: string): string[] {
  if (!group.includes('.')) return [group];
  const [a, b, c, d] = group.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}
