import * as fs from "fs";
import * as path from "path";
import * as vm from "vm";
import { constantValue, Expr, parseFormula } from "../../src/taskpane/formula";
import type { Expected } from "../cases/formulas";

export const DIST = path.resolve(__dirname, "../../dist");

/** Stand-in for Office's CustomFunctions.Error: what a cell would show. */
export class ShimError {
  constructor(
    public readonly code: string,
    public readonly message?: string
  ) {}
}

export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

interface ParameterMetadata {
  name: string;
  dimensionality?: "scalar" | "matrix";
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  helpUrl?: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { dimensionality?: string };
}

export interface Bundle {
  functions: Map<string, (...args: unknown[]) => unknown>;
  metadata: FunctionMetadata[];
  /** Milliseconds to evaluate functions.js. */
  loadMs: number;
}

/** Loads the built functions.js the way Office does: in a fresh global with CustomFunctions. */
export function loadBundle(dir = DIST, globals: Record<string, unknown> = {}): Bundle {
  const code = fs.readFileSync(path.join(dir, "functions.js"), "utf8");
  const functions = new Map<string, (...args: unknown[]) => unknown>();
  const CustomFunctions = {
    associate: (id: string, fn: (...args: unknown[]) => unknown) =>
      functions.set(id.toUpperCase(), fn),
    Error: ShimError,
    ErrorCode: ERROR_CODES,
  };
  const context = vm.createContext({ CustomFunctions, console, ...globals });
  const start = process.hrtime.bigint();
  vm.runInContext(code, context, { filename: "functions.js" });
  const loadMs = Number(process.hrtime.bigint() - start) / 1e6;
  const metadata = JSON.parse(fs.readFileSync(path.join(dir, "functions.json"), "utf8")).functions;
  return { functions, metadata, loadMs };
}

/** A literal argument as Excel passes it; formula cases use nothing but constants. */
function literal(e: Expr): unknown {
  const value = constantValue(e);
  if (value === undefined)
    throw new Error(`formula cases use literal arguments only; got ${e.type}`);
  return value;
}

/** What a cell shows, simplified: a value, an error, or a matrix of them (1×1 unwrapped). */
export type Shown = number | string | boolean | { error: string; message?: string } | Shown[][];

/** Turns a function's return into what a cell shows; errors are ShimError or { code, message }. */
export function show(value: unknown): Shown {
  if (value instanceof ShimError) return { error: value.code, message: value.message };
  if (typeof value === "object" && value !== null && !Array.isArray(value) && "code" in value) {
    const e = value as { code: string; message?: string };
    return { error: e.code, message: e.message };
  }
  if (Array.isArray(value)) {
    if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1)
      return show(value[0][0]);
    return value.map((row: unknown[]) => row.map(show) as Shown[]);
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  throw new Error(`a function returned ${String(value)}, which no cell can show`);
}

/** The function id and the arguments Excel would pass for a formula such as `=CN.YOY("2025-12")`. */
export function callOf(
  metadata: readonly FunctionMetadata[],
  formula: string
): { id: string; args: unknown[] } | undefined {
  const expr = parseFormula(formula);
  if ("kind" in expr) throw new Error(`${formula}: ${expr.message}`);
  if (expr.type !== "call" || !expr.name.startsWith("CN."))
    throw new Error(`${formula}: not a CN.* call`);
  const id = expr.name.slice(3);
  const meta = metadata.find((m) => m.id === id);
  if (!meta) return undefined;
  if (expr.args.length > meta.parameters.length) throw new Error(`${formula}: too many arguments`);
  const args = meta.parameters.map((p, i) => {
    const arg = expr.args[i];
    const value = arg === undefined ? null : literal(arg);
    return value !== null && p.dimensionality === "matrix" && !Array.isArray(value)
      ? [[value]]
      : value;
  });
  return { id, args };
}

/** Evaluates a formula such as `=CN.YOY("2025-12")` against the bundle, as Excel would call it. */
export function evaluate(bundle: Bundle, formula: string): Shown {
  const call = callOf(bundle.metadata, formula);
  const fn = call && bundle.functions.get(call.id);
  if (!call || !fn) return { error: "#NAME?" };
  return show(fn(...call.args));
}

/** Asserts that what a cell shows is what a formula case expects. */
export function matches(shown: Shown, expected: Expected): void {
  if ("value" in expected) {
    expect(shown).toBe(expected.value);
  } else if ("text" in expected) {
    expect(typeof shown).toBe("string");
    expect(shown).toMatch(expected.text);
  } else if ("error" in expected) {
    expect(shown).toEqual({
      error: expected.error,
      message: expect.stringMatching(expected.message),
    });
  } else {
    const simplified = (shown as Shown[][]).map((row) =>
      row.map((cell) =>
        typeof cell === "object" && cell !== null && "error" in cell ? { error: cell.error } : cell
      )
    );
    expect(simplified).toEqual(expected.table);
  }
}
