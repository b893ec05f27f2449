/**
 * One table of formula cases, run against the built functions.js (test/bundle) and in the browser
 * test. Expected values are the figures as the dataset's sources report them.
 */
export type Expected =
  | { value: number | string }
  | { table: (number | string | { error: string })[][] }
  | { text: RegExp }
  | { error: "#VALUE!" | "#N/A"; message: RegExp };

export interface FormulaCase {
  formula: string;
  expect: Expected;
}

const v = (value: number | string): Expected => ({ value });
const bad = (message: RegExp): Expected => ({ error: "#VALUE!", message });
const none = (message: RegExp): Expected => ({ error: "#N/A", message });

export const FORMULA_CASES: FormulaCase[] = [
  // Trade by partner: every alias family, flows, measures and the terms the source used
  { formula: '=CN.PARTNER("US", "2025-12")', expect: v(-30.2) },
  { formula: '=CN.PARTNER("united states", "Dec 2025", "exports", "yoy")', expect: v(-30.2) },
  { formula: '=CN.PARTNER("EU", "2025-12")', expect: v(11.5) },
  { formula: '=CN.PARTNER("asean", 2025)', expect: v(13.4) },
  { formula: '=CN.PARTNER("KR", "2025-09")', expect: v(7) },
  { formula: '=CN.PARTNER("India", 2025, "balance")', expect: v(116.12) },
  { formula: '=CN.PARTNER("Africa", 2025)', expect: v(25.8) },
  { formula: '=CN.PARTNER("LatAm", 2025)', expect: v(7) },
  { formula: '=CN.PARTNER("Russia", "2025", "exports", "yoy", "CNY")', expect: v(-9.9) },
  {
    formula: '=CN.PARTNER("RU", 2025)',
    expect: none(/has it in CNY terms \(currency argument "CNY"\)/),
  },
  {
    formula: '=CN.PARTNER("JP", 2025)',
    expect: none(/No USD-terms figure for Exports to Japan/),
  },
  {
    formula: '=CN.PARTNER("US", 2025, "balance", "yoy")',
    expect: bad(/A balance is a level/),
  },
  {
    formula: '=CN.PARTNER("Russia", 2025, "CNY")',
    expect: bad(/"CNY" is a currency, not a flow: the currency is the fifth argument/),
  },
  { formula: '=CN.PARTNER("Atlantis", 2025)', expect: bad(/Unknown partner "Atlantis"/) },
  {
    formula: '=CN.PARTNER({"US";"EU"}, "2025-12")',
    expect: { table: [[-30.2], [11.5]] },
  },
  // Commodity volumes: every item family, volume, y/y, barrels per day, year-to-date
  { formula: '=CN.COMMODITY("crude oil", "2025-12")', expect: v(55.97) },
  { formula: '=CN.COMMODITY("crude", "2025-12", "bpd")', expect: v(13.18) },
  { formula: '=CN.COMMODITY("rare earths", "2025-01/11", "yoy")', expect: v(11.6) },
  { formula: '=CN.COMMODITY("iron ore", 2025)', expect: v(1260) },
  { formula: '=CN.COMMODITY("soy", "2025-12")', expect: v(8.04) },
  { formula: '=CN.COMMODITY("Coal", "2025-12")', expect: v(58.6) },
  { formula: '=CN.COMMODITY("copper", "2025-12")', expect: v(437) },
  { formula: '=CN.COMMODITY("LNG", 2025)', expect: v(128) },
  { formula: '=CN.COMMODITY("steel", "2025-12")', expect: v(11.3) },
  {
    formula: '=CN.COMMODITY("coal", 2025, "bpd")',
    expect: bad(/crude oil only; coal is measured in million tonnes/),
  },
  { formula: '=CN.COMMODITY("gold", 2025)', expect: bad(/Unknown commodity "gold"/) },
  {
    formula: '=CN.SOURCE("crude_oil_imports", "2025-12")',
    expect: { text: /55\.97 million tonnes/ },
  },
  // Year-to-date periods, year-month codes, years outside the dataset, a currency as the flow
  { formula: '=CN.YOY("2025-01/11")', expect: v(5.4) },
  { formula: "=CN.YOY(202512)", expect: v(6.6) },
  { formula: "=CN.YOY(1850)", expect: none(/in 1850\. The dataset has annual 2015 to 2025/) },
  { formula: "=CN.SURPLUS(2150)", expect: none(/in 2150\. The dataset has annual/) },
  {
    formula: '=CN.YOY("2025-12", "CNY")',
    expect: bad(/"CNY" is a currency, not a flow: the currency is the third argument/),
  },
  {
    formula: '=CN.SERIES({"exports_yoy";"imports_yoy"})',
    expect: bad(/CN.SERIES spills a whole series, so it takes one series id, not a range/),
  },
  // Polls forecast the balance too
  { formula: '=CN.CONSENSUS("2026-01/02", "balance")', expect: v(179.6) },
  { formula: '=CN.SURPRISE("2026-01/02", "surplus")', expect: v(34) },
  {
    formula: '=CN.YOY("2025-12", "balance")',
    expect: bad(/Expected a flow "exports" or "imports" \(/),
  },
  // 2026 releases; a Reuters poll is the consensus where one was found (Caixin's survey had 7.1)
  { formula: '=CN.CONSENSUS("2026-04")', expect: v(7.9) },
  { formula: '=CN.YOY("2026-04")', expect: v(14.1) },
  { formula: '=CN.SURPLUS("2026-01/02")', expect: v(213.6) },
  // A named pollster's consensus: two polls are two forecasts, both on record
  { formula: '=CN.CONSENSUS("2023-03", "exports", "Bloomberg")', expect: v(-7.1) },
  { formula: '=CN.CONSENSUS("2023-03", "imports", "bloomberg survey")', expect: v(-6.4) },
  { formula: '=CN.CONSENSUS("2023-03", "exports", "Reuters poll")', expect: v(-7) },
  { formula: '=CN.CONSENSUS("2026-04", , "Caixin")', expect: v(7.1) },
  { formula: '=CN.SURPRISE("2023-03", "exports", "Bloomberg")', expect: v(21.9) },
  {
    formula: '=CN.CONSENSUS("2023-03", "exports", "Nomura")',
    expect: none(/No Nomura poll .* March 2023; polls on record: Reuters, Bloomberg\./),
  },
  {
    formula: '=CN.CONSENSUS("2023-03", "exports", 5)',
    expect: bad(/pollster's name such as "Reuters"/),
  },
  // Names of Object.prototype's members are not flows, currencies or series
  { formula: '=CN.CONSENSUS(0, "__proto__")', expect: bad(/Expected a flow/) },
  { formula: '=CN.YOY("2025-12", "constructor")', expect: bad(/Expected a flow/) },
  { formula: '=CN.SURPLUS(2025, "__proto__")', expect: bad(/Expected a currency/) },
  { formula: '=CN.VALUE("toString", 2025)', expect: bad(/Unknown series/) },
  // Full history: annual 2015–2025 and monthly 2023–2025 (USD unless CNY is asked for)
  { formula: "=CN.SURPLUS(2015)", expect: v(593.9) },
  { formula: "=CN.YOY(2016)", expect: v(-7.7) },
  { formula: "=CN.EXPORTS(2021)", expect: v(3360) },
  { formula: "=CN.EXPORTS(2022)", expect: v(3590) },
  // Customs revised March 2023 export growth from 14.8 to 11.4 (Reuters, August 2023): the latest
  // published value by default, the first release as of a day before the revision
  { formula: '=CN.YOY("Mar 2023")', expect: v(11.4) },
  { formula: '=CN.VALUE("exports_yoy", "2023-03", , "2023-06-30")', expect: v(14.8) },
  { formula: '=CN.CONSENSUS("2023-03")', expect: v(-7) },
  { formula: '=CN.SURPLUS("2023-01/02")', expect: v(116.9) },
  { formula: '=CN.YOY("2025-01/02")', expect: v(2.3) },
  { formula: '=CN.YOY("2025-01/02", "imports")', expect: v(-8.4) },
  {
    formula: '=CN.YOY("2025-01")',
    expect: none(/January and February 2025 together.*use the combined period "2025-01\/02"/),
  },
  // Sources that differ: the customs dollar surplus for 2016, not a conversion of the yuan one;
  // AP's rounded 2018 exports, not a cut-off 2.48 trillion that contradicts the balance; Reuters'
  // 70.62 for June 2023, which matches exports less imports, not AP's 70.2
  { formula: "=CN.SURPLUS(2016)", expect: v(509.96) },
  { formula: "=CN.EXPORTS(2018)", expect: v(2500) },
  { formula: '=CN.SURPLUS("2023-06")', expect: v(70.62) },
  // 2024 months that only undated or headline-less pages report, dated by their release
  { formula: '=CN.YOY("2024-09")', expect: v(2.4) },
  { formula: '=CN.YOY("2024-10", "imports")', expect: v(-2.3) },
  { formula: '=CN.SURPLUS("2024-08")', expect: v(91.02) },
  // The January–February 2025 surplus: first released as 170.52, revised to 169.21 in March 2026
  { formula: '=CN.SURPLUS("2025-01/02")', expect: v(169.21) },
  { formula: '=CN.VALUE("balance", "2025-01/02")', expect: v(169.21) },
  { formula: '=CN.VALUE("balance", "2025-01/02", "USD", "2025-06-30")', expect: v(170.52) },
  { formula: '=CN.VALUE("balance", "2025-01/02", , 45838)', expect: v(170.52) },
  {
    formula: '=CN.VALUE("balance", "2025-01/02", , "2025-02-01")',
    expect: none(/first published on 2025-03-07; nothing of it had been published by 2025-02-01/),
  },
  {
    formula: '=CN.VALUE("balance", "2025-01/02", , "June 30")',
    expect: bad(/Expected an as-of date/),
  },
  {
    formula: '=CN.SOURCE("balance", "2025-01/02")',
    // 170.51 and 170.52 differ at the precision both were printed with: "Sources differ"
    expect: {
      text: /^Sources differ\. balance 2025-01\/02 = 169\.21 USD bn \(revised; first released as 170\.52 USD bn on 2025-03-07\)\. Source: The Business Times.* Also: The Straits Times.* Also: finanznachrichten.* First release: /,
    },
  },
  {
    // Every report, oldest first: the first release on 2025-03-07 (serial 45723), the revision
    // printed on 2026-03-10 (serial 46091); of one day, the preferred report first, then by tier
    formula: '=CN.HISTORY("balance", "2025-01/02")',
    expect: {
      table: [
        [45723, 170.52, "Millennium Post (AP)", "first release"],
        [45723, 170.52, "Business Standard (Associated Press)", "first release"],
        [45723, 170.5, "web.lifelines.name (SCMP text)", "first release"],
        [45723, 170.52, "Daily Bangla Post (AP-based)", "first release"],
        [45723, 170.52, "LinkDaddy News (AP repost)", "first release"],
        [45723, 170.51, "EconWatcher", "first release"],
        [45723, 170.52, "Global Legal Review", "first release"],
        [46091, 169.2, "finanznachrichten.de (dpa-AFX)", "revision"],
        [46091, 169.21, "The Straits Times", "revision"],
        [46091, 169.21, "The Business Times", "revision"],
      ],
    },
  },
  {
    formula: '=CN.HISTORY({"balance";"exports"}, 2025)',
    expect: bad(/CN.HISTORY spills one figure's history, so it takes one series id, not a range/),
  },
  // Partner series, through CN.VALUE
  { formula: '=CN.VALUE("exports_us_yoy", 2025)', expect: v(-20) },
  { formula: '=CN.VALUE("exports_us_yoy", "2025-08")', expect: v(-33.1) },
  { formula: '=CN.VALUE("exports_eu_yoy", "2025-12")', expect: v(11.5) },
  // A gap stays a gap: no report of 2019 dollar exports could be sourced
  {
    formula: "=CN.EXPORTS(2019)",
    expect: none(/No USD-terms figure for Exports \(exports\) in 2019/),
  },
  { formula: '=CN.CONSENSUS("2025-11", "exports")', expect: v(3.8) },
  { formula: '=CN.YOY("2025-11")', expect: v(5.9) },
  { formula: '=CN.YOY("2025-11", "exports", "CNY")', expect: v(5.7) },
  { formula: '=CN.SURPLUS("2025-12", "CNY")', expect: v(808.8) },
  {
    formula: '=CN.YOY({"2023-03";"2023-04";"2023-01"})',
    expect: { table: [[11.4], [8.5], [{ error: "#N/A" }]] },
  },
  // Annual levels and balance (USD billions)
  { formula: "=CN.SURPLUS(2025)", expect: v(1189) },
  { formula: '=CN.SURPLUS("2025")', expect: v(1189) },
  { formula: '=CN.SURPLUS(2025, "usd")', expect: v(1189) },
  // 2024: first released as 992.2 (SCMP, AP), revised to 992.6 (Caixin, December 2025)
  { formula: "=CN.SURPLUS(2024)", expect: v(992.6) },
  { formula: '=CN.VALUE("balance", 2024, , "2025-06-30")', expect: v(992.2) },
  { formula: "=CN.EXPORTS(2025)", expect: v(3770) },
  { formula: "=CN.IMPORTS(2025)", expect: v(2580) },
  // Growth, annual and monthly, through every period form
  { formula: "=CN.YOY(2025)", expect: v(5.5) },
  { formula: '=CN.YOY(2025, "imports")', expect: v(0) },
  { formula: '=CN.YOY("2025-12")', expect: v(6.6) },
  { formula: "=CN.YOY(45992)", expect: v(6.6) },
  { formula: "=CN.YOY(46022.75)", expect: v(6.6) },
  { formula: '=CN.YOY("Dec 2025")', expect: v(6.6) },
  { formula: '=CN.YOY("December 2025")', expect: v(6.6) },
  { formula: '=CN.YOY("2025M12")', expect: v(6.6) },
  { formula: '=CN.YOY("12/2025")', expect: v(6.6) },
  { formula: '=CN.YOY("2025-11")', expect: v(5.9) },
  { formula: '=CN.YOY("2025-11", "exports", "USD")', expect: v(5.9) },
  { formula: '=CN.YOY("2025-12", "IMPORTS")', expect: v(5.7) },
  { formula: '=CN.YOY("Nov 2025", "imports")', expect: v(1.9) },
  { formula: '=CN.YOY("2025-9", "imports")', expect: v(7.4) },
  // Consensus and surprise (percent points)
  { formula: '=CN.CONSENSUS("2025-12")', expect: v(3) },
  { formula: '=CN.CONSENSUS("2025-12", "imports")', expect: v(0.9) },
  { formula: '=CN.SURPRISE("2025-12")', expect: v(3.6) },
  { formula: '=CN.SURPRISE(45992, "imports")', expect: v(4.8) },
  // Forecasts
  { formula: '=CN.FORECAST(2026, "exports_yoy")', expect: v(3) },
  { formula: '=CN.FORECAST(2026, "exports_yoy", "Natixis")', expect: v(3) },
  { formula: '=CN.FORECAST("2026", "balance", "natixis")', expect: v(1000) },
  // Any series by id, macro context included
  { formula: '=CN.VALUE("balance", 2025)', expect: v(1189) },
  { formula: '=CN.VALUE("EXPORTS_YOY", "2025-12")', expect: v(6.6) },
  { formula: '=CN.VALUE("exports_yoy_consensus", "2025-12")', expect: v(3) },
  { formula: '=CN.VALUE("gdp_growth_target", 2025)', expect: v(5) },
  { formula: '=CN.VALUE("gdp_yoy_consensus", "2025-Q4")', expect: v(4.5) },
  { formula: '=CN.VALUE("gdp_yoy_consensus", "Q4 2025")', expect: v(4.5) },
  { formula: '=CN.VALUE("cpi_yoy", 2025)', expect: v(0) },
  { formula: '=CN.VALUE("cpi_target", 2025)', expect: v(2) },
  { formula: '=CN.VALUE("gdp_nominal", 2024)', expect: v(19) },
  // Tables and text
  {
    formula: '=CN.SERIES("exports_yoy", "2025-11", "2025-12")',
    expect: {
      table: [
        ["2025-11", 5.9],
        ["2025-12", 6.6],
      ],
    },
  },
  {
    formula: '=CN.SERIES("balance", 2024, 2025)',
    expect: {
      table: [
        ["2024", 992.6],
        ["2025", 1189],
      ],
    },
  },
  {
    formula: '=CN.SOURCE("exports_yoy", "2025-12")',
    expect: {
      text: /^(?=.*The Independent)(?=.*CNBC \(reposted by MEXC News.*LSEG)exports_yoy 2025-12 = 6\.6%/,
    },
  },
  {
    // 1189, "$1.19 trillion" and "almost $1.2 trillion" agree as each was rounded
    formula: '=CN.SOURCE("balance", 2025)',
    expect: {
      text: /^balance 2025 = 1189 USD bn\. Source: .*giving 1190 USD bn.*giving almost 1200 USD bn/,
    },
  },
  {
    formula: "=CN.VINTAGE()",
    expect: {
      text: /^CN Trade dataset \d{4}\.\d{2}\.\d{2}(?:\.\d+)?, figures as of \d{4}-\d{2}-\d{2}$/,
    },
  },
  // Ranges: one answer per cell, broadcast like Excel's own functions
  { formula: '=CN.YOY({"2025-11";"2025-12"})', expect: { table: [[5.9], [6.6]] } },
  {
    formula: '=CN.YOY({"2025-11";"2025-12"}, {"exports","imports"})',
    expect: {
      table: [
        [5.9, 1.9],
        [6.6, 5.7],
      ],
    },
  },
  { formula: '=CN.YOY({"2025-12";"soon"})', expect: { table: [[6.6], [{ error: "#VALUE!" }]] } },
  {
    formula: "=CN.SURPLUS({2024,2025,2030})",
    expect: { table: [[992.6, 1189, { error: "#N/A" }]] },
  },
  // Unreadable input: #VALUE! saying what was expected
  { formula: '=CN.YOY("2025-13")', expect: bad(/Expected a period such as 2025, "2025-12"/) },
  { formula: '=CN.YOY("next year")', expect: bad(/Expected a period/) },
  { formula: "=CN.YOY(TRUE)", expect: bad(/Expected a period.*got true/) },
  { formula: '=CN.YOY("")', expect: bad(/A period is required/) },
  { formula: "=CN.YOY(-1)", expect: bad(/Expected a period/) },
  { formula: '=CN.YOY("2025-12", "services")', expect: bad(/"exports" or "imports"/) },
  { formula: '=CN.SURPLUS(2025, "EUR")', expect: bad(/"USD" or "CNY"/) },
  {
    formula: '=CN.VALUE("nonsense", 2025)',
    expect: bad(/Unknown series "nonsense"\. Known series: exports/),
  },
  { formula: '=CN.VALUE("cpi_yoy", 2025, "USD")', expect: bad(/not measured in a currency/) },
  { formula: '=CN.SERIES("exports_yoy", "2025-12", "2025-09")', expect: bad(/after the end/) },
  { formula: '=CN.FORECAST("soon", "exports_yoy")', expect: bad(/Expected a period/) },
  // Valid input without data: #N/A saying what the dataset has
  {
    formula: "=CN.SURPLUS(2030)",
    expect: none(
      /No USD-terms figure for Trade balance \(balance\) in 2030\. The dataset has annual/
    ),
  },
  {
    formula: '=CN.YOY("1999-05")',
    expect: none(/No USD-terms figure for Exports, change y\/y \(exports_yoy\) in May 1999/),
  },
  { formula: '=CN.VALUE("exports_yoy_consensus", "2025-12", "CNY")', expect: none(/in USD terms/) },
  {
    formula: '=CN.VALUE("exports_yoy", 2026)',
    expect: none(/forecasts exist: =CN\.FORECAST\(2026, "exports_yoy"\)/),
  },
  {
    formula: '=CN.FORECAST(2027, "exports_yoy")',
    expect: none(/No forecast of exports_yoy for 2027.*exports_yoy 2026 by Natixis/),
  },
  { formula: '=CN.FORECAST(2026, "exports_yoy", "Nobody")', expect: none(/forecasters: Natixis/) },
  {
    formula: '=CN.CONSENSUS("2023-12", "imports")',
    expect: none(/No USD-terms figure for Imports y\/y, analysts' consensus/),
  },
  {
    formula: '=CN.SERIES("exports_yoy", 2010, 2012)',
    expect: none(/No annual figures for exports_yoy between 2010 and 2012/),
  },
];
