import type { Catalog, Figure } from "../../core/catalog";
import type { CnFunctions } from "../../core/cn";
import { CoreError, isCoreError } from "../../core/errors";
import { constantValue, Expr, findCalls, formatExpr, parseFormula } from "../formula";
import { CallValue, evaluateCall } from "../provenance";

/** One argument of a CN.* call: its text in the formula, where its value came from, and the value. */
export interface ArgExplanation {
  readonly text: string;
  readonly from: "literal" | "reference" | "call" | "omitted" | "expression";
  /** The value passed to the function; undefined when the pane cannot know it. */
  readonly value: unknown;
}

/** One CN.* call of a formula, evaluated, with the figures behind its value. */
export interface CallExplanation {
  readonly text: string;
  readonly name: string;
  readonly args: readonly ArgExplanation[];
  /** The value, or why the pane could not evaluate the call. */
  readonly value: CallValue | null;
  readonly unknown?: string;
  readonly figures: readonly Figure[];
}

export type CellExplanation =
  | { readonly kind: "empty" }
  | { readonly kind: "no-cn"; readonly formula: string }
  | { readonly kind: "unreadable"; readonly formula: string; readonly message: string }
  | {
      readonly kind: "calls";
      readonly formula: string;
      /** Whether the formula is one CN.* call and nothing else, so that its value is the cell's. */
      readonly single: boolean;
      readonly calls: readonly CallExplanation[];
    };

/** Whether a cell's formula mentions a CN.* function, without parsing it. */
export function mentionsCn(formula: unknown): formula is string {
  return typeof formula === "string" && formula.startsWith("=") && /\bCN\./i.test(formula);
}

/** The cell and range references a formula's CN.* calls read, as written ("A2", "Data!B3:B9"). */
export function referencesIn(formula: string): string[] {
  if (!mentionsCn(formula)) return [];
  const expr = parseFormula(formula);
  if (isCoreError(expr)) return [];
  const refs = new Set<string>();
  const visit = (e: Expr): void => {
    if (e.type === "ref") refs.add(e.text);
    else if (e.type === "call") e.args.forEach(visit);
    else if (e.type === "unary") visit(e.operand);
    else if (e.type === "binary") {
      visit(e.left);
      visit(e.right);
    }
  };
  findCalls(expr).forEach((call) => call.args.forEach(visit));
  return [...refs];
}

/**
 * Explains a cell: each CN.* call in its formula, outermost first, with its arguments (literal,
 * read from a referenced cell, or the value of a nested CN.* call), its value and the figures
 * behind it. `refs` holds the values of the referenced cells, as Excel reports them.
 */
export function explainFormula(
  formula: unknown,
  refs: ReadonlyMap<string, unknown>,
  cn: CnFunctions,
  catalog: Catalog
): CellExplanation {
  if (formula === null || formula === undefined || formula === "") return { kind: "empty" };
  const text = String(formula);
  if (!mentionsCn(text)) return { kind: "no-cn", formula: text };
  const expr = parseFormula(text);
  if (isCoreError(expr)) return { kind: "unreadable", formula: text, message: expr.message };
  const calls = findCalls(expr);
  if (calls.length === 0) return { kind: "no-cn", formula: text };
  const cache = new Map<Expr, CallExplanation>();
  const explain = (call: Extract<Expr, { type: "call" }>): CallExplanation => {
    const known = cache.get(call);
    if (known) return known;
    const args = call.args.map((a) => argument(a, refs, explain));
    const missing = args.find((a) => a.value === undefined);
    let result: CallExplanation;
    if (missing) {
      result = {
        text: formatExpr(call),
        name: call.name,
        args,
        value: null,
        unknown: `Its argument ${missing.text} is computed by Excel; the pane shows calls whose arguments are values, cell references or other CN.* calls.`,
        figures: [],
      };
    } else {
      const evaluation = evaluateCall(
        cn,
        catalog,
        call.name,
        args.map((a) => a.value)
      );
      result = isCoreError(evaluation)
        ? { text: formatExpr(call), name: call.name, args, value: evaluation, figures: [] }
        : {
            text: formatExpr(call),
            name: call.name,
            args,
            value: evaluation.value,
            figures: evaluation.figures,
          };
    }
    cache.set(call, result);
    return result;
  };
  return {
    kind: "calls",
    formula: text,
    single: expr.type === "call" && calls.length === 1,
    calls: calls.map(explain),
  };
}

function argument(
  e: Expr,
  refs: ReadonlyMap<string, unknown>,
  explain: (call: Extract<Expr, { type: "call" }>) => CallExplanation
): ArgExplanation {
  const text = formatExpr(e);
  const value = constantValue(e);
  if (value !== undefined)
    return { text, from: e.type === "missing" ? "omitted" : "literal", value };
  if (e.type === "ref") return { text, from: "reference", value: refs.get(e.text) };
  if (e.type === "call" && e.name.startsWith("CN.")) {
    const inner = explain(e);
    const v = inner.value;
    return { text, from: "call", value: v === null || isCoreError(v) ? undefined : v };
  }
  return { text, from: "expression", value: undefined };
}

/** A value as the pane shows it: numbers as Excel would, errors with their message, tables by size. */
export function describeValue(value: unknown): string {
  if (isCoreError(value)) return errorText(value);
  if (Array.isArray(value)) {
    const rows = value.length;
    const cols = rows > 0 && Array.isArray(value[0]) ? value[0].length : 0;
    if (rows === 1 && cols === 1) return describeValue(value[0][0]);
    return `${rows} × ${cols} values`;
  }
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}

export function errorText(error: CoreError): string {
  return `${error.kind === "InvalidArgument" ? "#VALUE!" : "#N/A"} ${error.message}`;
}
