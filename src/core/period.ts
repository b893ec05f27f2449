import { dateOfSerial } from "./dates";
import { CoreError, describeInput, invalid } from "./errors";

export type Frequency = "year" | "quarter" | "janfeb" | "ytd" | "month";

/**
 * A period the dataset can hold. `id` is canonical: "2025", "2025-Q4", "2025-01/02" (January and
 * February reported together), "2025-01/11" (January to November, cumulative), "2025-12".
 */
export interface Period {
  readonly id: string;
  readonly frequency: Frequency;
  readonly year: number;
  /** 1–12 for a month, 1 for a combined January–February period, the last month (3–11) of a
   * January-to-month period, 0 otherwise. */
  readonly month: number;
  /** 1–4 for a quarter, 0 otherwise. */
  readonly quarter: number;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
/** Any four-digit year is a year: one outside the dataset is a valid period without data. */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;
/** Excel date serials from 10000 (1927-05-18) to 2958465 (9999-12-31) name a month. */
const MIN_SERIAL = 10000;
const MAX_SERIAL = 2958465;

export const PERIOD_EXAMPLES =
  '2025, "2025-12", "Dec 2025", 202512, "2025-01/02" (Jan–Feb), "2025-01/11" (Jan–Nov), "2025-Q4" or a date cell';

export function yearPeriod(year: number): Period {
  return { id: String(year), frequency: "year", year, month: 0, quarter: 0 };
}

export function monthPeriod(year: number, month: number): Period {
  return {
    id: `${year}-${String(month).padStart(2, "0")}`,
    frequency: "month",
    year,
    month,
    quarter: 0,
  };
}

export function janFebPeriod(year: number): Period {
  return { id: `${year}-01/02`, frequency: "janfeb", year, month: 1, quarter: 0 };
}

/**
 * January to `last` month of a year, as customs reports cumulatively: January–February is the
 * combined release, January–December is the year itself.
 */
export function cumulativePeriod(year: number, last: number): Period {
  if (last === 2) return janFebPeriod(year);
  if (last === 12) return yearPeriod(year);
  if (last === 1) return monthPeriod(year, 1);
  return {
    id: `${year}-01/${String(last).padStart(2, "0")}`,
    frequency: "ytd",
    year,
    month: last,
    quarter: 0,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  return { id: `${year}-Q${quarter}`, frequency: "quarter", year, month: 0, quarter };
}

/** A period as people read it: "2025", "December 2025", "January–February 2025", "Q4 2025". */
export function periodLabel(period: Period): string {
  switch (period.frequency) {
    case "year":
      return period.id;
    case "quarter":
      return `Q${period.quarter} ${period.year}`;
    case "janfeb":
      return `January–February ${period.year}`;
    case "ytd":
      return `January–${MONTH_NAMES[period.month - 1]} ${period.year}`;
    case "month":
      return `${MONTH_NAMES[period.month - 1]} ${period.year}`;
  }
}

/**
 * Sort key: chronological by the period's last month, with a year after its months and quarters,
 * and a January-to-month total just after its last month.
 */
export function periodOrder(period: Period): number {
  const within =
    period.frequency === "year"
      ? 13
      : period.frequency === "quarter"
        ? period.quarter * 3
        : period.frequency === "janfeb"
          ? 1.5
          : period.frequency === "ytd"
            ? period.month + 0.5
            : period.month;
  return period.year * 100 + within;
}

const cache = new Map<unknown, Period | CoreError>();
const CACHE_LIMIT = 100000;

/**
 * Reads a period from what a cell holds: a year (2025 or "2025"), a month in any common form
 * ("2025-12", "2025-1", "2025/12", "2025M12", "12/2025", "Dec 2025", "December 2025",
 * "2025-12-31", and the year-month code 202512), a combined January–February release
 * ("2025-01/02", "Jan-Feb 2025"), a January-to-month total ("2025-01/11", "Jan-Nov 2025"), a
 * quarter ("2025-Q4", "Q4 2025"), or an Excel date serial (45992 is 1 December 2025), which names
 * its month.
 * Results are cached, so a workbook's repeated periods are parsed once.
 */
export function parsePeriod(input: unknown): Period | CoreError {
  if (typeof input !== "string" && typeof input !== "number") return parseUncached(input);
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(input);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(input, parsed);
  return parsed;
}

function parseUncached(input: unknown): Period | CoreError {
  if (typeof input === "number") return fromNumber(input);
  if (typeof input === "string") return fromText(input);
  if (input === null || input === undefined)
    return invalid(`A period is required: ${PERIOD_EXAMPLES}.`);
  return unreadable(input);
}

function unreadable(input: unknown): CoreError {
  return invalid(`Expected a period such as ${PERIOD_EXAMPLES}; got ${describeInput(input)}.`);
}

/**
 * Six-digit year-month codes (202512) as databases write them. As date serials they would fall in
 * the years 2420–2475, which no trade figure has.
 */
const MIN_YEAR_MONTH_CODE = 190001;
const MAX_YEAR_MONTH_CODE = 219912;

function fromNumber(n: number): Period | CoreError {
  if (!Number.isFinite(n)) return unreadable(n);
  if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) return yearPeriod(n);
  if (Number.isInteger(n) && n >= MIN_YEAR_MONTH_CODE && n <= MAX_YEAR_MONTH_CODE) {
    const m = n % 100;
    return m >= 1 && m <= 12 ? monthPeriod(Math.floor(n / 100), m) : unreadable(n);
  }
  if (n >= MIN_SERIAL && n < MAX_SERIAL + 1) {
    const date = dateOfSerial(n);
    return monthPeriod(date.getUTCFullYear(), date.getUTCMonth() + 1);
  }
  return unreadable(n);
}

function monthIndex(name: string): number {
  const key = name.toLowerCase().replace(/\.$/, "");
  if (key.length < 3) return 0;
  const i = MONTHS.indexOf(key.slice(0, 3));
  if (i < 0) return 0;
  const full = MONTH_NAMES[i].toLowerCase();
  return full.startsWith(key) || (i === 8 && key === "sept") ? i + 1 : 0;
}

function year(text: string): number {
  const y = Number(text);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : 0;
}

function month(y: number, m: number): Period | undefined {
  return y && m >= 1 && m <= 12 ? monthPeriod(y, m) : undefined;
}

function cumulative(y: number, last: number): Period | undefined {
  return y && last >= 1 && last <= 12 ? cumulativePeriod(y, last) : undefined;
}

type Rule = [RegExp, (m: RegExpExecArray) => Period | undefined];

const RULES: Rule[] = [
  [/^(\d{4})$/, (m) => (year(m[1]) ? yearPeriod(year(m[1])) : undefined)],
  [/^((?:19|20|21)\d{2})(0[1-9]|1[0-2])$/, (m) => month(year(m[1]), Number(m[2]))],
  [
    /^(\d{4})\s*(?:(?:-|\/)\s*0?1\s*(?:\/|\+|&)\s*(\d{1,2})|m\s*0?1\s*(?:-|\/|\+|&)\s*m?\s*(\d{1,2}))$/i,
    (m) => cumulative(year(m[1]), Number(m[2] ?? m[3])),
  ],
  [
    /^jan(?:uary)?\.?\s*(?:-|–|\/|&|\+|to)\s*([a-z]{3,9}\.?)\s*,?\s*(\d{4})$/i,
    (m) => cumulative(year(m[2]), monthIndex(m[1])),
  ],
  [/^(\d{4})\s*(?:-|\/|\.|m)\s*(\d{1,2})$/i, (m) => month(year(m[1]), Number(m[2]))],
  [/^(\d{1,2})\s*(?:\/|-|\.)\s*(\d{4})$/, (m) => month(year(m[2]), Number(m[1]))],
  [
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/,
    (m) => (Number(m[3]) >= 1 && Number(m[3]) <= 31 ? month(year(m[1]), Number(m[2])) : undefined),
  ],
  [/^([a-z]{3,9}\.?)\s*[-\s,'/]\s*(\d{4})$/i, (m) => month(year(m[2]), monthIndex(m[1]))],
  [/^(\d{4})\s*[-\s,/]\s*([a-z]{3,9}\.?)$/i, (m) => month(year(m[1]), monthIndex(m[2]))],
  [
    /^(\d{4})\s*-?\s*q([1-4])$/i,
    (m) => (year(m[1]) ? quarterPeriod(year(m[1]), Number(m[2])) : undefined),
  ],
  [
    /^q([1-4])\s*[-\s/]?\s*(\d{4})$/i,
    (m) => (year(m[2]) ? quarterPeriod(year(m[2]), Number(m[1])) : undefined),
  ],
];

function fromText(raw: string): Period | CoreError {
  const text = raw.trim();
  if (text === "") return invalid(`A period is required: ${PERIOD_EXAMPLES}.`);
  if (text.length <= 40) {
    for (const [pattern, build] of RULES) {
      const match = pattern.exec(text);
      if (match) {
        const period = build(match);
        if (period) return period;
        break;
      }
    }
  }
  return unreadable(raw);
}
