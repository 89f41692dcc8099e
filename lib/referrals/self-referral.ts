const FREE_MAIL = new Set([
  "gmail.com",
  "googlemail.com",
  "outlook.com",
  "hotmail.com",
  "live.com",
  "msn.com",
  "yahoo.com",
  "icloud.com",
  "me.com",
  "aol.com",
  "proton.me",
  "protonmail.com",
  "gmx.com",
  "gmx.de",
  "mail.com",
  "yandex.com",
  "zoho.com",
  "fastmail.com",
]);

export function emailDomain(email: string): string {
  return email.trim().toLowerCase().split("@").pop() ?? "";
}

export function websiteHost(website: string | null | undefined): string | null {
  if (!website) return null;
  try {
    return new URL(/^https?:\/\//i.test(website) ? website : `https://${website}`).hostname
      .toLowerCase()
      .replace(/^www\./, "");
  } catch {
    return null;
  }
}

/**
 * A referral is a self-referral when its email domain is the partner's own: the host of the partner's
 * website, or the email domain of one of its users (free-mail domains say nothing about an organisation).
 */
export function isSelfReferral(
  email: string,
  partner: { website: string | null; colleagueEmails: readonly string[] },
): boolean {
  const domain = emailDomain(email).replace(/^www\./, "");
  if (!domain) return false;
  if (websiteHost(partner.website) === domain) return true;
  if (FREE_MAIL.has(domain)) return false;
  return partner.colleagueEmails.some((e) => emailDomain(e) === domain);
}
