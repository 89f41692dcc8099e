const BOT_UA =
  /bot\b|bot\/|crawl|spider|slurp|preview|facebookexternalhit|embedly|quora link|whatsapp|telegram|skype|discord|slack|curl\/|wget\/|python-requests|python-urllib|httpx|aiohttp|go-http-client|java\/|okhttp|axios\/|node-fetch|undici|libwww|headless|phantomjs|lighthouse|pingdom|uptime|monitor|scan/i;

/** A user-agent heuristic: link unfurlers, crawlers, HTTP libraries and empty agents count as bots. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  if (!userAgent || userAgent.trim().length < 8) return true;
  return BOT_UA.test(userAgent);
}
