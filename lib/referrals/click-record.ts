/** One /r/ click as the redirect saw it: pseudonymous hashes only, never the address itself. */
export interface ClickRecord {
  linkId: string;
  partnerId: string;
  clickedAt: Date;
  visitorHash: string;
  ipHash: string;
  userAgent: string | null;
  referrer: string | null;
  isBot: boolean;
}

export function hourBucket(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/** The row shape private.record_referral_clicks reads. */
export function clickJson(c: ClickRecord) {
  return {
    link_id: c.linkId,
    partner_id: c.partnerId,
    clicked_at: c.clickedAt.toISOString(),
    visitor_hash: c.visitorHash,
    hour_bucket: hourBucket(c.clickedAt).toISOString(),
    ip_hash: c.ipHash,
    user_agent: c.userAgent,
    referrer: c.referrer,
    is_bot: c.isBot,
  };
}
