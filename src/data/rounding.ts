import type { Observation, Unit } from "./dataset";

/**
 * What a scale word in a printed figure is worth in each unit ("" for a bare number): "$3.77
 * trillion" is 3770 bn; "450,000 tonnes" is 450 kt; "12.38 million barrels" is 12.38 mbpd.
 */
export const SCALES: Record<Unit, Record<string, number>> = {
  // A money level needs its scale word: "39,044" alone could be billions or millions.
  bn: { trillion: 1000, billion: 1, million: 0.001 },
  trn: { trillion: 1, billion: 0.001 },
  pct: { "": 1 },
  mt: { billion: 1000, million: 1, thousand: 0.001, "": 1e-6 },
  kt: { million: 1000, thousand: 1, "": 0.001 },
  t: { million: 1e6, thousand: 1000, "": 1 },
  mbpd: { million: 1, thousand: 0.001, "": 1e-6 },
};

/** Abbreviations as reports print them: "$84.8bn", "1.19 tn", "105.225mt" (million tonnes). */
const ABBREVIATIONS: Record<string, string> = {
  trn: "trillion",
  tn: "trillion",
  bn: "billion",
  mln: "million",
  m: "million",
  mt: "million",
  kt: "thousand",
};

/**
 * A printed scale word as SCALES names it: "bn" is "billion", "Million" is "million". "mt" is
 * million tonnes in a series counted in million tonnes, but metric tons in one counted in tonnes
 * or thousand tonnes ("5,864.6 mt" of rare earths, "427,000 mt" of copper).
 */
export function scaleWord(written: string, unit?: Unit): string {
  const word = written.toLowerCase();
  if (word === "mt" && (unit === "t" || unit === "kt")) return "";
  return ABBREVIATIONS[word] ?? word;
}

/** The decimals a number is written with: 2 for 104.84, 0 for 992 (and for 1e-7). */
export function decimalsOf(x: number): number {
  const text = String(x);
  const dot = text.indexOf(".");
  return dot < 0 || text.includes("e") ? 0 : text.length - dot - 1;
}

/**
 * The rounding step a reported value implies, in the series' unit: 0.1 for 6.6, 1 for 992,
 * 0.01 for "$104.84 billion", 10 for "$3.77 trillion" (stored as 3770 billions), 0.001 kt for
 * "450,000 tonnes". Without a printed form, the stored value's own decimals.
 */
export function roundingStep(
  o: Pick<Observation, "value" | "reportedAs">,
  unit: Unit = "bn"
): number {
  if (o.reportedAs === undefined) return 10 ** -decimalsOf(Math.abs(o.value));
  // "450,000 tonnes" groups thousands; "88,31 Millionen Tonnen" writes a decimal comma.
  const printed = o.reportedAs
    .replace(/(\d),(?=\d{3}(?!\d))/g, "$1")
    .replace(/(\d),(?=\d{1,2}(?!\d))/g, "$1.");
  const match =
    /(\d+)(?:\.(\d+))?\s*(trillion|billion|million|thousand|trn|tn|bn|mln|mt|kt)?/i.exec(printed);
  const decimals = match?.[2]?.length ?? 0;
  const scale = SCALES[unit][scaleWord(match?.[3] ?? "", unit)] ?? 1;
  return scale * 10 ** -decimals;
}
