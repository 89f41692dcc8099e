/**
 * Lesson videos: only the privacy-enhanced YouTube host and Vimeo's player, which the CSP's frame-src
 * allows; anything else is refused when the content loads.
 */
const EMBEDS: RegExp[] = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/([A-Za-z0-9_-]{6,20})$/,
  /^https:\/\/player\.vimeo\.com\/video\/([0-9]{4,12})$/,
];

export const VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"] as const;

export function embedUrlOf(url: string): string | null {
  const trimmed = url.trim();
  return EMBEDS.some((re) => re.test(trimmed)) ? trimmed : null;
}

/** The player URL loaded after the learner presses play: autoplay then, and Vimeo's do-not-track. */
export function playerUrlOf(embed: string): string {
  return embed.includes("vimeo.com") ? `${embed}?dnt=1&autoplay=1` : `${embed}?autoplay=1&rel=0`;
}
