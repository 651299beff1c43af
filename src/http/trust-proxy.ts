import { isIP } from "node:net";

/** Express's named ranges for "trust proxy". */
const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * Reads TRUST_PROXY into what express's "trust proxy" takes: a hop count ("1": one proxy in front, trust
 * the last X-Forwarded-For entry it added), or addresses, CIDR ranges and named ranges
 * ("loopback, 10.0.0.0/8"). Behind a proxy on another host, loopback-only trust made every citizen one
 * address, so one flooder used up the web chat and check-in limits for the whole district.
 * Returns an error message for anything else.
 */
export function parseTrustProxy(value: string): number | string[] | { error: string } {
  const text = value.trim();
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const items = text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) return { error: "a hop count, addresses or CIDR ranges, or loopback" };
  for (const item of items) {
    if (NAMED.has(item)) continue;
    const [address = "", prefix, extra] = item.split("/");
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (!family || !prefixOk || extra !== undefined) {
      return { error: `not an address, CIDR range or loopback/linklocal/uniquelocal: ${item}` };
    }
  }
  return items;
}

/** Origins allowed to frame the web chat page (CSP frame-ancestors): 'none', 'self' and https origins. */
export function parseFrameAncestors(value: string): string | { error: string } {
  const sources = value.trim().split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const source of sources) {
    const bare = source.replace(/^'(.*)'$/, "$1");
    if (bare === "none" || bare === "self") out.push(`'${bare}'`);
    else if (/^https?:\/\/(\*\.)?[A-Za-z0-9.-]+(:\d{1,5})?$/.test(source)) out.push(source);
    else
      return { error: `not 'none', 'self' or an origin such as https://binhson.quangngai.gov.vn: ${source}` };
  }
  if (out.length === 0) return { error: "empty" };
  if (out.includes("'none'") && out.length > 1) return { error: "'none' cannot be combined with origins" };
  return out.join(" ");
}
