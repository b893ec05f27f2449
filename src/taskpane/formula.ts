import { CoreError, invalid } from "../core/errors";
import { MAX_FORMULA_LENGTH, Token, tokenize } from "./formula-tokens";

const MAX_DEPTH = 64;

/**
 * A small parser of Excel formulas, enough to find and explain the CN.* calls in a cell: numbers,
 * strings (with "" escapes and any commas inside), booleans, error literals, cell and range
 * references (with sheet names and $), array constants, operators, and nested function calls.
 * Arguments may be separated by "," or ";" (the list separator of some locales).
 */
export type Expr =
  | { type: "number"; value: number }
  | { type: "string"; value: string }
  | { type: "boolean"; value: boolean }
  | { type: "error"; value: string }
  | { type: "missing" }
  | { type: "ref"; text: string; sheet?: string; range: string }
  | { type: "array"; rows: Expr[][] }
  | { type: "call"; name: string; args: Expr[] }
  | { type: "unary"; op: string; operand: Expr }
  | { type: "binary"; op: string; left: Expr; right: Expr };

const BINARY: Record<string, number> = {
  "=": 1,
  "<>": 1,
  "<": 1,
  ">": 1,
  "<=": 1,
  ">=": 1,
  "&": 2,
  "+": 3,
  "-": 3,
  "*": 4,
  "/": 4,
  "^": 5,
};

class Parser {
  private pos = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Expr | CoreError {
    const expr = this.expression(0);
    if ("kind" in expr) return expr;
    if (this.pos < this.tokens.length)
      return invalid("The formula has unexpected text after its end.");
    return expr;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isPunct(value: string): boolean {
    const t = this.peek();
    return t !== undefined && t.kind === "punct" && t.value === value;
  }

  private expression(minPrecedence: number): Expr | CoreError {
    if (++this.depth > MAX_DEPTH) return invalid("The formula is nested too deeply.");
    let left = this.unary();
    for (;;) {
      if ("kind" in left) break;
      const t = this.peek();
      if (!t || t.kind !== "op") break;
      if (t.value === "%") {
        this.pos++;
        left = { type: "unary", op: "%", operand: left };
        continue;
      }
      const precedence = BINARY[t.value];
      if (precedence === undefined || precedence < minPrecedence + 1) break;
      this.pos++;
      const right = this.expression(t.value === "^" ? precedence - 1 : precedence);
      if ("kind" in right) {
        left = right;
        break;
      }
      left = { type: "binary", op: t.value, left, right };
    }
    this.depth--;
    return left;
  }

  private unary(): Expr | CoreError {
    const ops: string[] = [];
    for (
      let t = this.peek();
      t && t.kind === "op" && (t.value === "-" || t.value === "+");
      t = this.peek()
    ) {
      if (ops.length >= MAX_DEPTH) return invalid("The formula is nested too deeply.");
      ops.push(t.value);
      this.pos++;
    }
    let operand = this.primary();
    while (ops.length > 0 && !("kind" in operand)) {
      operand = { type: "unary", op: ops.pop() as string, operand };
    }
    return operand;
  }

  private primary(): Expr | CoreError {
    const t = this.peek();
    if (!t) return invalid("The formula ends where a value was expected.");
    this.pos++;
    switch (t.kind) {
      case "num":
        return { type: "number", value: t.value };
      case "str":
        return { type: "string", value: t.value };
      case "err":
        return { type: "error", value: t.value };
      case "ref":
        return { type: "ref", text: t.text, sheet: t.sheet, range: t.range };
      case "ident": {
        if (this.isPunct("(")) return this.call(t.value);
        const upper = t.value.toUpperCase();
        if (upper === "TRUE" || upper === "FALSE")
          return { type: "boolean", value: upper === "TRUE" };
        return { type: "ref", text: t.value, range: t.value };
      }
      case "punct":
        if (t.value === "(") {
          const inner = this.expression(0);
          if ("kind" in inner) return inner;
          if (!this.isPunct(")")) return invalid("The formula is missing a closing parenthesis.");
          this.pos++;
          return inner;
        }
        if (t.value === "{") return this.array();
        return invalid(`The formula has "${t.value}" where a value was expected.`);
      case "op":
        return invalid(`The formula has "${t.value}" where a value was expected.`);
    }
  }

  private call(name: string): Expr | CoreError {
    this.pos++; // "("
    const args: Expr[] = [];
    if (this.isPunct(")")) {
      this.pos++;
      return { type: "call", name: name.toUpperCase(), args };
    }
    for (;;) {
      if (this.isPunct(",") || this.isPunct(";") || this.isPunct(")")) {
        args.push({ type: "missing" });
      } else {
        const arg = this.expression(0);
        if ("kind" in arg) return arg;
        args.push(arg);
      }
      if (this.isPunct(",") || this.isPunct(";")) {
        this.pos++;
        continue;
      }
      if (this.isPunct(")")) {
        this.pos++;
        return { type: "call", name: name.toUpperCase(), args };
      }
      return invalid(`The call to ${name.toUpperCase()} is missing its closing parenthesis.`);
    }
  }

  /** An array constant: {1,2;3,4}. Rows are separated by ";" (or "\" is not supported). */
  private array(): Expr | CoreError {
    const rows: Expr[][] = [[]];
    for (;;) {
      const item = this.unary();
      if ("kind" in item) return item;
      rows[rows.length - 1].push(item);
      if (this.isPunct(",")) {
        this.pos++;
        continue;
      }
      if (this.isPunct(";")) {
        this.pos++;
        rows.push([]);
        continue;
      }
      if (this.isPunct("}")) {
        this.pos++;
        return { type: "array", rows };
      }
      return invalid("The formula has an array constant without its closing brace.");
    }
  }
}

/** Parses a formula such as `=CN.YOY("2025-12", "imports")`; the leading "=" is optional. */
export function parseFormula(formula: string): Expr | CoreError {
  if (typeof formula !== "string") return invalid("A formula must be text.");
  if (formula.length > MAX_FORMULA_LENGTH) return invalid("The formula is too long to explain.");
  const body = formula.trim().replace(/^=/, "");
  if (body === "") return invalid("The formula is empty.");
  const tokens = tokenize(body);
  if (!Array.isArray(tokens)) return tokens;
  return new Parser(tokens).parse();
}

/** Every call in an expression whose name starts with the namespace ("CN."), outermost first. */
export function findCalls(expr: Expr, namespace = "CN."): Extract<Expr, { type: "call" }>[] {
  const found: Extract<Expr, { type: "call" }>[] = [];
  const visit = (e: Expr): void => {
    switch (e.type) {
      case "call":
        if (e.name.startsWith(namespace)) found.push(e);
        e.args.forEach(visit);
        break;
      case "unary":
        visit(e.operand);
        break;
      case "binary":
        visit(e.left);
        visit(e.right);
        break;
      case "array":
        e.rows.forEach((row) => row.forEach(visit));
        break;
      default:
        break;
    }
  };
  visit(expr);
  return found;
}

/** A formula's text for an expression, the inverse of parseFormula (used to show and insert formulas). */
export function formatExpr(e: Expr): string {
  switch (e.type) {
    case "number":
      return String(e.value);
    case "string":
      return `"${e.value.replace(/"/g, '""')}"`;
    case "boolean":
      return e.value ? "TRUE" : "FALSE";
    case "error":
      return e.value;
    case "missing":
      return "";
    case "ref":
      return e.text;
    case "array":
      return `{${e.rows.map((row) => row.map(formatExpr).join(",")).join(";")}}`;
    case "call":
      return `${e.name}(${e.args.map(formatExpr).join(", ")})`;
    case "unary":
      return e.op === "%" ? `${formatExpr(e.operand)}%` : `${e.op}${formatExpr(e.operand)}`;
    case "binary":
      return `${formatExpr(e.left)}${e.op}${formatExpr(e.right)}`;
  }
}

/**
 * A constant's value as Excel passes it to a function: null for an omitted argument, a matrix for
 * an array constant; undefined when the expression is not a constant (a reference, a call).
 */
export function constantValue(e: Expr): unknown {
  switch (e.type) {
    case "number":
    case "string":
    case "boolean":
      return e.value;
    case "missing":
      return null;
    case "unary": {
      const inner = constantValue(e.operand);
      if (typeof inner !== "number") return undefined;
      return e.op === "-" ? -inner : e.op === "%" ? inner / 100 : inner;
    }
    case "array": {
      const rows = e.rows.map((row) => row.map(constantValue));
      return rows.every((row) => row.every((v) => v !== undefined)) ? rows : undefined;
    }
    default:
      return undefined;
  }
}
