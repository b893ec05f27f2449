import { FLOWS, isBlank } from "./args";
import { describeInput, invalid, type CoreError } from "./errors";

/**
 * The breakdown of a customs release: trade by partner and volumes of key commodities. Each name
 * a user may type maps to one partner or commodity, and from there to the dataset's series ids
 * (`exports_us_yoy`, `crude_oil_imports`), which are constant strings built once at load.
 */

export interface Partner {
  /** The id inside series ids: "us" in "exports_us_yoy". */
  readonly id: string;
  /** As a formula writes it: "US", "South Korea". */
  readonly label: string;
  /** As a sentence writes it: "the United States". */
  readonly name: string;
  readonly aliases: readonly string[];
}

export const PARTNERS: readonly Partner[] = [
  {
    id: "us",
    label: "US",
    name: "the United States",
    aliases: [
      "us",
      "usa",
      "u.s.",
      "u.s.a.",
      "united states",
      "united states of america",
      "america",
    ],
  },
  { id: "eu", label: "EU", name: "the European Union", aliases: ["eu", "european union", "e.u."] },
  { id: "asean", label: "ASEAN", name: "ASEAN", aliases: ["asean", "southeast asia"] },
  { id: "japan", label: "Japan", name: "Japan", aliases: ["japan", "jp", "jpn"] },
  {
    id: "korea",
    label: "South Korea",
    name: "South Korea",
    aliases: ["south korea", "korea", "kr", "kor", "republic of korea", "rok"],
  },
  {
    id: "russia",
    label: "Russia",
    name: "Russia",
    aliases: ["russia", "ru", "rus", "russian federation"],
  },
  { id: "india", label: "India", name: "India", aliases: ["india", "in", "ind"] },
  { id: "africa", label: "Africa", name: "Africa", aliases: ["africa"] },
  {
    id: "latam",
    label: "Latin America",
    name: "Latin America",
    aliases: ["latin america", "latam", "latin america and the caribbean", "lac"],
  },
];

/** What trade with a partner is measured: China's exports to it, imports from it, both, or the balance. */
export type PartnerFlow = "exports" | "imports" | "balance" | "trade";

/** The headline flows' names, plus the balance and total trade. */
const PARTNER_FLOWS = new Map<string, PartnerFlow>([
  ...FLOWS,
  ["balance", "balance"],
  ["surplus", "balance"],
  ["trade", "trade"],
  ["total", "trade"],
]);

export type Measure = "yoy" | "level";

const MEASURES = new Map<string, Measure>(
  Object.entries({
    yoy: "yoy",
    "y/y": "yoy",
    growth: "yoy",
    change: "yoy",
    "%": "yoy",
    level: "level",
    value: "level",
    amount: "level",
  } as const)
);

export interface Commodity {
  /** The series id of its volume: "crude_oil_imports". */
  readonly series: string;
  readonly name: string;
  readonly direction: "imports" | "exports";
  /** How its volume is counted, for help text and messages. */
  readonly unit: string;
  readonly aliases: readonly string[];
  /** A second volume series in another unit, as some reports give it (crude oil in barrels a day). */
  readonly perDay?: string;
}

export const COMMODITIES: readonly Commodity[] = [
  {
    series: "crude_oil_imports",
    name: "crude oil",
    direction: "imports",
    unit: "million tonnes",
    aliases: ["crude oil", "crude", "oil", "petroleum"],
    perDay: "crude_oil_imports_bpd",
  },
  {
    series: "iron_ore_imports",
    name: "iron ore",
    direction: "imports",
    unit: "million tonnes",
    aliases: ["iron ore", "iron", "ore"],
  },
  {
    series: "soybean_imports",
    name: "soybeans",
    direction: "imports",
    unit: "million tonnes",
    aliases: ["soybeans", "soybean", "soy", "soya", "soyabeans"],
  },
  {
    series: "coal_imports",
    name: "coal",
    direction: "imports",
    unit: "million tonnes",
    aliases: ["coal", "coal and lignite"],
  },
  {
    series: "copper_imports",
    name: "copper (unwrought copper and products)",
    direction: "imports",
    unit: "thousand tonnes",
    aliases: ["copper", "unwrought copper", "unwrought copper and products", "cu"],
  },
  {
    series: "gas_imports",
    name: "natural gas (pipeline and LNG)",
    direction: "imports",
    unit: "million tonnes",
    aliases: ["natural gas", "gas", "lng", "natgas", "nat gas"],
  },
  {
    series: "rare_earth_exports",
    name: "rare earths",
    direction: "exports",
    unit: "tonnes",
    aliases: ["rare earths", "rare earth", "rare-earths", "rare-earth", "ree", "rees"],
  },
  {
    series: "steel_exports",
    name: "steel products",
    direction: "exports",
    unit: "million tonnes",
    aliases: ["steel", "steel products", "finished steel"],
  },
];

export type VolumeMeasure = "volume" | "yoy" | "bpd";

const VOLUME_MEASURES = new Map<string, VolumeMeasure>(
  Object.entries({
    volume: "volume",
    level: "volume",
    tonnes: "volume",
    yoy: "yoy",
    "y/y": "yoy",
    growth: "yoy",
    change: "yoy",
    "%": "yoy",
    bpd: "bpd",
    "barrels per day": "bpd",
    "b/d": "bpd",
  } as const)
);

function index<T>(items: readonly T[], aliases: (item: T) => readonly string[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const item of items) for (const alias of aliases(item)) map.set(alias, item);
  return map;
}

const PARTNER_INDEX = index(PARTNERS, (p) => p.aliases);
const COMMODITY_INDEX = index(COMMODITIES, (c) => c.aliases);

/** A key to look a typed name up by: lower case, single spaces. */
function key(value: unknown): string | undefined {
  return typeof value === "string" ? value.trim().toLowerCase().replace(/\s+/g, " ") : undefined;
}

/** Answers already given, by the exact text typed: a sheet repeats the same few names. */
const answers = new WeakMap<ReadonlyMap<string, unknown>, Map<string, unknown>>();
const ANSWERS_LIMIT = 1000;

function lookup<T>(
  map: ReadonlyMap<string, T>,
  value: unknown,
  what: string,
  choices: string,
  fallback?: T
): T | CoreError {
  if (isBlank(value)) {
    return fallback ?? invalid(`A ${what} is required: ${choices}.`);
  }
  let memo = answers.get(map) as Map<string, T | CoreError> | undefined;
  if (typeof value === "string") {
    const known = memo?.get(value);
    if (known !== undefined) return known;
  }
  const k = key(value);
  const found = k === undefined ? undefined : map.get(k);
  const answer = found ?? invalid(`Unknown ${what} ${describeInput(value)}: ${choices}.`);
  if (typeof value === "string") {
    if (!memo) answers.set(map, (memo = new Map()));
    if (memo.size >= ANSWERS_LIMIT) memo.clear();
    memo.set(value, answer);
  }
  return answer;
}

const PARTNER_CHOICES =
  'one of "US", "EU", "ASEAN", "Japan", "South Korea", "Russia", "India", "Africa", "Latin America"';

export function parsePartner(value: unknown): Partner | CoreError {
  return lookup(PARTNER_INDEX, value, "partner", PARTNER_CHOICES);
}

export function parsePartnerFlow(value: unknown): PartnerFlow | CoreError {
  return lookup(
    PARTNER_FLOWS,
    value,
    "flow",
    '"exports" (default), "imports", "balance" or "trade" (exports plus imports)',
    "exports"
  );
}

export function parseMeasure(value: unknown, fallback: Measure): Measure | CoreError {
  return lookup(
    MEASURES,
    value,
    "measure",
    '"yoy" (percent change) or "level" (billions)',
    fallback
  );
}

const COMMODITY_CHOICES =
  'one of "crude oil", "iron ore", "soybeans", "coal", "copper", "natural gas", "rare earths", "steel"';

export function parseCommodity(value: unknown): Commodity | CoreError {
  return lookup(COMMODITY_INDEX, value, "commodity", COMMODITY_CHOICES);
}

export function parseVolumeMeasure(value: unknown): VolumeMeasure | CoreError {
  return lookup(
    VOLUME_MEASURES,
    value,
    "measure",
    '"volume" (default), "yoy" (percent change in volume), or "bpd" for crude oil in barrels per day',
    "volume"
  );
}

/**
 * The series id of a partner's flow and measure, from a table built once, so that a call builds
 * no string: partnerSeries.get("us")!.exports.yoy is "exports_us_yoy".
 */
export const PARTNER_SERIES: ReadonlyMap<
  string,
  Readonly<Record<PartnerFlow, Readonly<Record<Measure, string>>>>
> = new Map(
  PARTNERS.map((p) => [
    p.id,
    {
      exports: { yoy: `exports_${p.id}_yoy`, level: `exports_${p.id}` },
      imports: { yoy: `imports_${p.id}_yoy`, level: `imports_${p.id}` },
      trade: { yoy: `trade_${p.id}_yoy`, level: `trade_${p.id}` },
      balance: { yoy: `balance_${p.id}`, level: `balance_${p.id}` },
    },
  ])
);

/**
 * Every commodity's series ids, built once: COMMODITY_SERIES.get(c)!.yoy. Only crude oil has a
 * barrels-per-day series; the others' "bpd" is empty.
 */
export const COMMODITY_SERIES: ReadonlyMap<
  Commodity,
  Readonly<Record<VolumeMeasure, string>>
> = new Map(
  COMMODITIES.map((c) => [c, { volume: c.series, yoy: `${c.series}_yoy`, bpd: c.perDay ?? "" }])
);

/** How a breakdown series is asked for: the arguments of the CN.PARTNER or CN.COMMODITY call. */
export type BreakdownCall =
  | { fn: "PARTNER"; partner: string; flow: PartnerFlow; measure: Measure }
  | { fn: "COMMODITY"; item: string; measure: VolumeMeasure };

/** Every breakdown series id with the call that returns it, built once. */
export const BREAKDOWN_CALLS: ReadonlyMap<string, BreakdownCall> = new Map<string, BreakdownCall>([
  ...PARTNERS.flatMap((p) =>
    (["exports", "imports", "trade", "balance"] as const).flatMap((flow) =>
      (["yoy", "level"] as const)
        .filter((measure) => flow !== "balance" || measure === "level")
        .map((measure): [string, BreakdownCall] => [
          PARTNER_SERIES.get(p.id)![flow][measure],
          { fn: "PARTNER", partner: p.label, flow, measure },
        ])
    )
  ),
  ...COMMODITIES.flatMap((c) =>
    (["volume", "yoy", "bpd"] as const)
      .filter((measure) => COMMODITY_SERIES.get(c)![measure] !== "")
      .map((measure): [string, BreakdownCall] => [
        COMMODITY_SERIES.get(c)![measure],
        { fn: "COMMODITY", item: c.aliases[0], measure },
      ])
  ),
]);
