/** Customer domains: the key of a protection window, and the self-referral check. */

/** "https://www.Acme.com/about" or "acme.com" → "acme.com"; null when it is not a domain. */
export function normalizeDomain(value: string): string | null {
  let v = value.trim().toLowerCase();
  if (!v) return null;
  if (v.includes("@")) v = v.slice(v.lastIndexOf("@") + 1);
  v = v.replace(/^[a-z][a-z0-9+.-]*:\/\//, "");
  v = v.split(/[/?#:]/)[0] ?? "";
  v = v.replace(/^www\./, "").replace(/\.$/, "");
  return /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/.test(v) ? v : null;
}

/** Whether the customer domain is the partner's own: its website host or a colleague's email domain (or a subdomain of one). */
export function isSelfReferral(
  customerDomain: string,
  own: { website: string | null; emails: readonly string[] },
): boolean {
  const mine = new Set<string>();
  const site = own.website ? normalizeDomain(own.website) : null;
  if (site) mine.add(site);
  for (const email of own.emails) {
    const d = normalizeDomain(email);
    if (d) mine.add(d);
  }
  for (const d of mine) if (customerDomain === d || customerDomain.endsWith(`.${d}`)) return true;
  return false;
}
