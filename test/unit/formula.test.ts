import { isCoreError } from "../../src/core/errors";
import { constantValue, Expr, findCalls, formatExpr, parseFormula } from "../../src/taskpane/formula";

function parse(formula: string): Expr {
  const e = parseFormula(formula);
  if (isCoreError(e)) throw new Error(e.message);
  return e;
}

const callsOf = (formula: string) =>
  findCalls(parse(formula)).map((c) => `${c.name}(${c.args.map(formatExpr).join(", ")})`);

describe("parseFormula", () => {
  test("reads a CN call with literal arguments", () => {
    expect(parse('=CN.YOY("2025-12", "imports")')).toEqual({
      type: "call",
      name: "CN.YOY",
      args: [
        { type: "string", value: "2025-12" },
        { type: "string", value: "imports" },
      ],
    });
  });

  test("keeps commas and doubled quotes inside strings", () => {
    expect(parse('=CN.VALUE("a, b ""c""", 2025)')).toMatchObject({
      args: [
        { type: "string", value: 'a, b "c"' },
        { type: "number", value: 2025 },
      ],
    });
  });

  test("accepts ; as the argument separator", () => {
    expect(callsOf('=CN.YOY("2025-12"; "imports"; "USD")')).toEqual([
      'CN.YOY("2025-12", "imports", "USD")',
    ]);
  });

  test("reads cell, range, absolute and sheet references", () => {
    const e = parse("=CN.YOY(A2, $B$1:C3, 'My Sheet'!D4, Data!A:A, Sheet2!$1:$2)");
    expect((e as Extract<Expr, { type: "call" }>).args).toEqual([
      { type: "ref", text: "A2", range: "A2" },
      { type: "ref", text: "$B$1:C3", range: "$B$1:C3" },
      { type: "ref", text: "'My Sheet'!D4", sheet: "My Sheet", range: "D4" },
      { type: "ref", text: "Data!A:A", sheet: "Data", range: "A:A" },
      { type: "ref", text: "Sheet2!$1:$2", sheet: "Sheet2", range: "$1:$2" },
    ]);
  });

  test("finds nested CN calls inside other functions and operators", () => {
    expect(callsOf('=ROUND(CN.SURPLUS(2025)/1000, 2) & " trn" + CN.YOY(CN.VALUE("x", 1))')).toEqual(
      ["CN.SURPLUS(2025)", 'CN.YOY(CN.VALUE("x", 1))', 'CN.VALUE("x", 1)']
    );
  });

  test("reads omitted arguments, booleans, negatives, percentages, errors and array constants", () => {
    expect(formatExpr(parse('=CN.SERIES("exports",,2025,TRUE)'))).toBe(
      'CN.SERIES("exports", , 2025, TRUE)'
    );
    expect(formatExpr(parse("=-CN.YOY(45992)%"))).toBe("-CN.YOY(45992)%");
    expect(formatExpr(parse('=IFERROR(CN.YOY("x"), #N/A)'))).toBe('IFERROR(CN.YOY("x"), #N/A)');
    expect(formatExpr(parse('=CN.YOY({"2025-11";"2025-12"}, {"exports","imports"})'))).toBe(
      'CN.YOY({"2025-11";"2025-12"}, {"exports","imports"})'
    );
  });

  test("tells a function with digits in its name from a cell reference", () => {
    expect(parse("=LOG10(A1)")).toMatchObject({ type: "call", name: "LOG10" });
  });

  test("respects operator precedence", () => {
    expect(formatExpr(parse("=1+2*3^2"))).toBe("1+2*3^2");
    expect(parse("=1+2*3")).toMatchObject({
      type: "binary",
      op: "+",
      right: { type: "binary", op: "*" },
    });
  });

  test("finds no CN call in a formula without one", () => {
    expect(callsOf("=SUM(A1:A3)")).toEqual([]);
  });

  test.each([
    ['=CN.YOY("2025-12"', /closing parenthesis/],
    ['=CN.YOY("2025-12)', /closing quote/],
    ["=CN.YOY(2025))", /unexpected text/],
    ["=", /empty/],
    ["=CN.YOY(2025 ~)", /cannot read/],
    ["=(((((", /ends where a value was expected/],
    ["=" + "(".repeat(500) + "1" + ")".repeat(500), /nested too deeply/],
    ["=" + "1+".repeat(5000) + "1", /too long/],
    ["=" + "-".repeat(3000) + "1", /nested too deeply/],
  ])("returns an error value for %p instead of throwing", (formula, message) => {
    const e = parseFormula(formula);
    expect(isCoreError(e) && e.message).toMatch(message);
  });
});

describe("constantValue", () => {
  const arg = (formula: string): unknown => {
    const e = parse(formula);
    if (e.type !== "call") throw new Error("not a call");
    return constantValue(e.args[0]);
  };

  test("gives what Excel passes for constants: numbers, text, negatives, percents, arrays, omitted", () => {
    expect(arg('=F("2025-12")')).toBe("2025-12");
    expect(arg("=F(-3)")).toBe(-3);
    expect(arg("=F(50%)")).toBe(0.5);
    expect(arg("=F(TRUE)")).toBe(true);
    expect(arg('=F({2024,2025;"a",-1})')).toEqual([
      [2024, 2025],
      ["a", -1],
    ]);
    expect(arg("=F(,1)")).toBeNull();
  });

  test("is undefined for anything Excel computes: references, calls, operators on text", () => {
    expect(arg("=F(A1)")).toBeUndefined();
    expect(arg("=F(G(1))")).toBeUndefined();
    expect(arg("=F(1+2)")).toBeUndefined();
    expect(arg('=F(-"a")')).toBeUndefined();
  });
});
