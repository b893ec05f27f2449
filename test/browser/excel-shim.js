/* eslint-disable no-undef */
/*
 * What cannot run outside Excel, added on top of Microsoft's office.js (the browser tests append
 * this file to the package's office.js, so it runs right after it, never instead of it):
 *  - the host Office reports (Excel, or null for a plain browser: window.__shimHost);
 *  - the requirement sets the host supports (window.__shimSets) and what they bring
 *    (Office.context.ui.openBrowserWindow with OpenBrowserWindowApi 1.1);
 *  - Office's theme (window.__shimTheme);
 *  - Excel.run over a workbook of one sheet, strict as Excel is: a property read before load()
 *    and context.sync() throws PropertyNotLoaded, and writes apply at sync.
 * It also records when office.js had run and when each function was registered (the benchmark).
 * window.__shim holds the workbook (cells by A1 address: formula and value), the active cell, the
 * selection handlers and the links the pane asked Office to open.
 */
(() => {
  // For the benchmark: when office.js had run, and when each custom function was registered.
  window.__officeLoadedAt = performance.now();
  window.__associatedAt = [];
  if (window.CustomFunctions && typeof CustomFunctions.associate === "function") {
    const associate = CustomFunctions.associate.bind(CustomFunctions);
    CustomFunctions.associate = (...args) => {
      const result = associate(...args);
      window.__associatedAt.push(performance.now());
      return result;
    };
  }
  const host = window.__shimHost === undefined ? "Excel" : window.__shimHost;
  const sets = window.__shimSets || { SharedRuntime: "1.1", OpenBrowserWindowApi: "1.1" };
  const sheet1 = {};
  const shim = (window.__shim = {
    /** Cells of every sheet, by sheet name then A1 address; `cells` is the active sheet's at start. */
    sheets: { Sheet1: sheet1 },
    cells: sheet1,
    /** Tables added, by sheet name: { name, address, hasHeaders }. */
    tables: {},
    calculations: 0,
    active: "A1",
    handlers: [],
    opened: [],
    sheet: "Sheet1",
    syncs: 0,
  });
  if (!host) return;

  const version = (v) =>
    String(v || "1.1")
      .split(".")
      .map(Number);
  const atLeast = (have, want) => {
    const [a, b] = [version(have), version(want)];
    return a[0] > b[0] || (a[0] === b[0] && (a[1] || 0) >= (b[1] || 0));
  };
  // Office.context exists once office.js has initialised, which onReady waits for.
  const installContext = () => {
    Office.context.requirements = {
      isSetSupported: (name, want) => name in sets && atLeast(sets[name], want),
    };
    Office.context.ui = sets.OpenBrowserWindowApi
      ? { openBrowserWindow: (url) => shim.opened.push(url) }
      : {};
    if (window.__shimTheme) Office.context.officeTheme = window.__shimTheme;
  };
  const realOnReady = Office.onReady.bind(Office);
  Office.onReady = (callback) =>
    realOnReady().then((info) => {
      installContext();
      const reported = {
        ...info,
        host: Office.HostType.Excel,
        platform: Office.PlatformType.OfficeOnline,
      };
      if (callback) callback(reported);
      return reported;
    });

  const colIndex = (letters) =>
    [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const colLetters = (i) =>
    (i < 26 ? "" : colLetters(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));
  const parse = (a1) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1);
    return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : undefined;
  };
  const a1 = (row, col) => `${colLetters(col)}${row + 1}`;

  function notLoaded(name) {
    const error = new Error(
      `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
    );
    error.code = "PropertyNotLoaded";
    return error;
  }

  /** A request context: objects record what they load and what they write until sync. */
  function requestContext() {
    const queue = [];
    const tracked = [];
    let failure;

    /**
     * An object whose properties can be read only after load() and sync(), as in Excel; writers
     * are properties that can be set at any time and apply at sync.
     */
    function proxy(readers, writers = {}) {
      const loaded = new Set();
      const pending = new Set();
      const obj = {
        load(props) {
          const names =
            props === undefined
              ? Object.keys(readers)
              : Array.isArray(props)
                ? props
                : String(props)
                    .split(",")
                    .map((p) => p.trim());
          names.forEach((n) => pending.add(n));
          return obj;
        },
      };
      for (const [name, read] of Object.entries(readers)) {
        Object.defineProperty(obj, name, {
          get() {
            if (!loaded.has(name)) throw notLoaded(name);
            return read();
          },
          set: writers[name] ? (value) => queue.push(() => writers[name](value)) : undefined,
          enumerable: true,
          configurable: true,
        });
      }
      tracked.push(() => {
        pending.forEach((n) => loaded.add(n));
        pending.clear();
      });
      return obj;
    }

    function range(top, left, bottom, right, sheetName = shim.sheet) {
      const addresses = () => {
        const rows = [];
        for (let r = top; r <= bottom; r++) {
          const row = [];
          for (let c = left; c <= right; c++) row.push(a1(r, c));
          rows.push(row);
        }
        return rows;
      };
      const cells = () => shim.sheets[sheetName] || {};
      const cell = (a) => cells()[a] || {};
      const obj = proxy(
        {
          address: () => {
            const first = a1(top, left);
            const last = a1(bottom, right);
            const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName)
              ? sheetName
              : `'${sheetName.replace(/'/g, "''")}'`;
            return `${quoted}!${first === last ? first : `${first}:${last}`}`;
          },
          cellCount: () => (bottom - top + 1) * (right - left + 1),
          formulas: () =>
            addresses().map((row) => row.map((a) => cell(a).formula ?? cell(a).value ?? "")),
          values: () => addresses().map((row) => row.map((a) => cell(a).value ?? "")),
          hyperlink: () => cell(addresses()[0][0]).hyperlink,
        },
        {
          formulas: (rows) =>
            addresses().forEach((row, r) =>
              row.forEach((a, c) => (cells()[a] = { formula: rows[r][c] }))
            ),
          values: (rows) =>
            addresses().forEach((row, r) =>
              row.forEach((a, c) => (cells()[a] = { value: rows[r][c] }))
            ),
          hyperlink: (link) =>
            addresses()
              .flat()
              .forEach((a) => (cells()[a] = { ...cells()[a], hyperlink: link })),
        }
      );
      obj.clear = () =>
        queue.push(() =>
          addresses()
            .flat()
            .forEach((a) => delete cells()[a])
        );
      obj.select = () =>
        queue.push(() => {
          shim.sheet = sheetName;
          shim.active = a1(top, left);
        });
      obj.getCell = (r, c) => range(top + r, left + c, top + r, left + c, sheetName);
      obj.getResizedRange = (dr, dc) => range(top, left, bottom + dr, right + dc, sheetName);
      obj.sheetName = sheetName;
      obj.bounds = { top, left, bottom, right };
      return obj;
    }

    /** A sheet's used range: the bounding box of its cells, or a null object when it is empty. */
    function usedRange(sheetName) {
      const addresses = Object.keys(shim.sheets[sheetName] || {})
        .map(parse)
        .filter(Boolean);
      if (addresses.length === 0) {
        const none = proxy({});
        none.isNullObject = true;
        return none;
      }
      const rows = addresses.map((p) => p.row);
      const cols = addresses.map((p) => p.col);
      const r = range(
        Math.min(...rows),
        Math.min(...cols),
        Math.max(...rows),
        Math.max(...cols),
        sheetName
      );
      r.isNullObject = false;
      return r;
    }

    function worksheetOf(name) {
      if (!(name in shim.sheets)) {
        return {
          getRange() {
            failure = failure || new Error(`ItemNotFound: no worksheet ${name}`);
            return range(0, 0, 0, 0);
          },
          activate() {
            failure = failure || new Error(`ItemNotFound: no worksheet ${name}`);
          },
        };
      }
      const ws = proxy({ name: () => name });
      ws.getRange = (address) => rangeAt(address, name);
      ws.getUsedRangeOrNullObject = () => usedRange(name);
      ws.activate = () => queue.push(() => (shim.sheet = name));
      ws.tables = {
        add(target, hasHeaders) {
          const table = { name: "" };
          queue.push(() => {
            const { top, left, bottom, right } = target.bounds;
            shim.tables[name] = {
              name: table.name,
              address: `${a1(top, left)}:${a1(bottom, right)}`,
              hasHeaders,
            };
          });
          return table;
        },
      };
      return ws;
    }

    function rangeAt(address, sheetName = shim.sheet) {
      const [first, last = first] = address.split(":");
      const a = parse(first);
      const b = parse(last);
      if (!a || !b) {
        failure = failure || new Error(`InvalidArgument: the address ${address} cannot be read`);
        return range(0, 0, 0, 0);
      }
      return range(
        Math.min(a.row, b.row),
        Math.min(a.col, b.col),
        Math.max(a.row, b.row),
        Math.max(a.col, b.col),
        sheetName
      );
    }
    // Loading "items/name" loads the collection and each item's name, as Excel does.
    const named = (name) =>
      Object.defineProperty(worksheetOf(name), "name", { value: name, enumerable: true });
    const worksheets = proxy({ items: () => Object.keys(shim.sheets).map(named) });
    worksheets.load = (
      (load) => (props) =>
        load(props === "items/name" ? "items" : props)
    )(worksheets.load);
    worksheets.getItem = worksheetOf;
    worksheets.getActiveWorksheet = () => worksheetOf(shim.sheet);
    worksheets.add = (name) => {
      if (name in shim.sheets) failure = failure || new Error(`ItemAlreadyExists: ${name}`);
      else shim.sheets[name] = {};
      return worksheetOf(name);
    };
    return {
      workbook: {
        getActiveCell: () => rangeAt(shim.active),
        worksheets,
        application: {
          calculate: () => queue.push(() => shim.calculations++),
        },
        onSelectionChanged: { add: (handler) => queue.push(() => shim.handlers.push(handler)) },
      },
      sync() {
        shim.syncs++;
        const error = failure;
        failure = undefined;
        if (error) {
          queue.length = 0;
          return Promise.reject(error);
        }
        queue.splice(0).forEach((op) => op());
        tracked.forEach((apply) => apply());
        return Promise.resolve();
      },
    };
  }

  shim.select = (address) => {
    shim.active = address;
    shim.handlers.forEach((handler) => handler({ address }));
  };
  window.Excel = {
    run: (callback) => Promise.resolve().then(() => callback(requestContext())),
    CalculationType: { full: "Full", recalculate: "Recalculate" },
  };
})();
