import { CoreError, invalid } from "../core/errors";

/**
 * The tokens of an Excel formula, for the parser in formula.ts: numbers, strings, names, cell and
 * range references (with sheet names and $), error literals, operators and punctuation.
 */
export type Token =
  | { kind: "num"; value: number }
  | { kind: "str"; value: string }
  | { kind: "ident"; value: string }
  | { kind: "ref"; text: string; sheet?: string; range: string }
  | { kind: "err"; value: string }
  | { kind: "op"; value: string }
  | { kind: "punct"; value: string };

export const MAX_FORMULA_LENGTH = 8192;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const COLUMN = String.raw`\$?[A-Za-z]{1,3}`;
const ROW = String.raw`\$?\d{1,7}`;
const REF_RE = new RegExp(
  `^(?:${CELL}(?::${CELL})?|${COLUMN}:${COLUMN}|${ROW}:${ROW})(?![A-Za-z0-9_.(])`
);
const SHEET_RE = /^(?:'((?:[^']|'')+)'|([A-Za-z_][A-Za-z0-9_.]*))!/;
const ERROR_RE =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!)/i;

export function tokenize(text: string): Token[] | CoreError {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const rest = text.slice(i);
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= text.length) return invalid("The formula has a string without its closing quote.");
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          break;
        }
        value += text[j++];
      }
      tokens.push({ kind: "str", value });
      i = j + 1;
      continue;
    }
    const sheet = SHEET_RE.exec(rest);
    if (sheet) {
      const ref = REF_RE.exec(rest.slice(sheet[0].length));
      if (!ref)
        return invalid(`The formula names sheet ${sheet[1] ?? sheet[2]} without a cell reference.`);
      const name = sheet[1] !== undefined ? sheet[1].replace(/''/g, "'") : sheet[2];
      tokens.push({ kind: "ref", text: sheet[0] + ref[0], sheet: name, range: ref[0] });
      i += sheet[0].length + ref[0].length;
      continue;
    }
    const ref = REF_RE.exec(rest);
    if (ref) {
      tokens.push({ kind: "ref", text: ref[0], range: ref[0] });
      i += ref[0].length;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: "num", value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_\\][A-Za-z0-9_.]*/.exec(rest);
    if (ident) {
      tokens.push({ kind: "ident", value: ident[0] });
      i += ident[0].length;
      continue;
    }
    const err = ERROR_RE.exec(rest);
    if (err) {
      tokens.push({ kind: "err", value: err[0].toUpperCase() });
      i += err[0].length;
      continue;
    }
    const op = /^(?:<>|<=|>=|[-+*/^&=<>%])/.exec(rest);
    if (op) {
      tokens.push({ kind: "op", value: op[0] });
      i += op[0].length;
      continue;
    }
    if ("(),;{}".includes(ch)) {
      tokens.push({ kind: "punct", value: ch });
      i++;
      continue;
    }
    return invalid(`The formula has a character it cannot read: ${JSON.stringify(ch)}.`);
  }
  return tokens;
}
