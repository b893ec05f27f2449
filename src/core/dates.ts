import { CoreError, describeInput, invalid } from "./errors";
import { isBlank } from "./args";

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** A day as YYYY-MM-DD. */
export type Day = string;

/** The day an Excel date serial names, as a UTC date: 45992 is 1 December 2025. */
export function dateOfSerial(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * DAY_MS);
}

/** The Excel date serial of a day: 46022 is 2025-12-31. */
export function excelSerial(day: Day): number {
  const [y, m, d] = day.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

function dayOf(y: number, m: number, d: number): Day | undefined {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * An as-of day from a cell: a date cell (Excel passes its serial: 45838 is 2025-06-30) or text
 * "2025-06-30" (also "2025/06/30", with or without a time). Blank means "as of now": undefined.
 */
export function parseAsOf(value: unknown): Day | undefined | CoreError {
  if (isBlank(value)) return undefined;
  const expected = `Expected an as-of date: a date cell or text such as "2025-06-30"; got ${describeInput(value)}.`;
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 1 || value >= 2958466) return invalid(expected);
    const date = dateOfSerial(value);
    return (
      dayOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()) ?? invalid(expected)
    );
  }
  if (typeof value !== "string") return invalid(expected);
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ][\d:.]+Z?)?\s*$/.exec(value);
  return (m && dayOf(Number(m[1]), Number(m[2]), Number(m[3]))) || invalid(expected);
}
