/**
 * How far a reader can trust who printed a figure, best first: official (customs, the State
 * Council, Chinese state media carrying customs data), a wire service or major outlet (Reuters,
 * AP, AFP, Bloomberg, CNBC, the FT, SCMP, Caixin, or a major paper publishing their copy), a named
 * repost of one of those, or other (aggregators, machine-written summaries, mirror sites).
 */
export const TIERS = ["official", "wire", "repost", "other"] as const;
export type Tier = (typeof TIERS)[number];

/**
 * Who printed a source's figures, as citations name it: the publisher, or for a named repost the
 * original publisher and who reposted it, "Reuters (via Europe Says)".
 */
export function publisherOf(source: {
  readonly publisher: string;
  readonly original?: { readonly publisher: string };
}): string {
  return source.original
    ? `${source.original.publisher} (via ${source.publisher})`
    : source.publisher;
}
