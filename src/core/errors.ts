/**
 * Errors as values. The core never throws for bad input: it returns one of these, and the
 * functions layer turns it into Excel's #VALUE! or #N/A with the message.
 */

/** The input cannot be read (Excel: #VALUE!). The message says what was expected, with an example. */
export interface InvalidArgument {
  readonly kind: "InvalidArgument";
  readonly message: string;
}

/** The input is valid but the dataset has no such figure (Excel: #N/A). The message says what it has. */
export interface NotAvailable {
  readonly kind: "NotAvailable";
  readonly message: string;
}

export type CoreError = InvalidArgument | NotAvailable;

export function invalid(message: string): InvalidArgument {
  return { kind: "InvalidArgument", message };
}

export function notAvailable(message: string): NotAvailable {
  return { kind: "NotAvailable", message };
}

export function isCoreError(value: unknown): value is CoreError {
  return (
    typeof value === "object" &&
    value !== null &&
    ((value as CoreError).kind === "InvalidArgument" ||
      (value as CoreError).kind === "NotAvailable") &&
    typeof (value as CoreError).message === "string"
  );
}

/** How an input is quoted in a message: short, and never mistaken for markup or a formula. */
export function describeInput(value: unknown): string {
  if (value === null || value === undefined) return "nothing";
  if (typeof value === "string") {
    const shown = value.length > 30 ? `${value.slice(0, 30)}…` : value;
    return `"${shown}"`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a range";
  return typeof value;
}
