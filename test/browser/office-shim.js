/* eslint-disable no-undef */
/*
 * A stand-in for Office.js and Excel in the browser tests, installed before the page runs.
 * window.__shim holds a workbook of one sheet: cells by A1 address with a formula and a value,
 * the active cell, selection handlers, and the links the pane asked Office to open.
 * window.__shimHost chooses what Office.onReady reports: "Excel" (default) or null (a browser).
 */
(() => {
  const shim = (window.__shim = {
    cells: {},
    active: "A1",
    handlers: [],
    opened: [],
    sheet: "Sheet1",
  });
  const host = window.__shimHost === undefined ? "Excel" : window.__shimHost;

  const colIndex = (letters) =>
    [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  const colLetters = (i) =>
    (i < 26 ? "" : colLetters(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));
  const parse = (a1) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(a1);
    if (!m) throw new Error(`The shim cannot read the address ${a1}`);
    return { row: Number(m[2]) - 1, col: colIndex(m[1]) };
  };
  const a1 = (row, col) => `${colLetters(col)}${row + 1}`;

  function range(top, left, bottom, right) {
    const addresses = () => {
      const rows = [];
      for (let r = top; r <= bottom; r++) {
        const row = [];
        for (let c = left; c <= right; c++) row.push(a1(r, c));
        rows.push(row);
      }
      return rows;
    };
    const obj = {
      load() {
        return obj;
      },
      get address() {
        const first = a1(top, left);
        const last = a1(bottom, right);
        return `${shim.sheet}!${first === last ? first : `${first}:${last}`}`;
      },
      get cellCount() {
        return (bottom - top + 1) * (right - left + 1);
      },
      get formulas() {
        return addresses().map((row) =>
          row.map((a) =>
            shim.cells[a] ? (shim.cells[a].formula ?? shim.cells[a].value ?? "") : ""
          )
        );
      },
      set formulas(rows) {
        addresses().forEach((row, r) =>
          row.forEach((a, c) => (shim.cells[a] = { formula: rows[r][c] }))
        );
      },
      get values() {
        return addresses().map((row) =>
          row.map((a) => (shim.cells[a] ? (shim.cells[a].value ?? "") : ""))
        );
      },
      clear() {
        addresses()
          .flat()
          .forEach((a) => delete shim.cells[a]);
      },
      getCell(r, c) {
        return range(top + r, left + c, top + r, left + c);
      },
      getResizedRange(dr, dc) {
        return range(top, left, bottom + dr, right + dc);
      },
    };
    return obj;
  }
  function rangeAt(address) {
    const [first, last = first] = address.split(":");
    const a = parse(first);
    const b = parse(last);
    return range(
      Math.min(a.row, b.row),
      Math.min(a.col, b.col),
      Math.max(a.row, b.row),
      Math.max(a.col, b.col)
    );
  }
  const worksheet = { getRange: rangeAt };
  const context = {
    workbook: {
      getActiveCell: () => rangeAt(shim.active),
      worksheets: {
        getItem(name) {
          if (name !== shim.sheet) throw new Error(`No sheet ${name}`);
          return worksheet;
        },
        getActiveWorksheet: () => worksheet,
      },
      onSelectionChanged: { add: (handler) => shim.handlers.push(handler) },
    },
    sync: () => Promise.resolve(),
  };
  shim.select = (address) => {
    shim.active = address;
    shim.handlers.forEach((handler) => handler({ address }));
  };

  window.Excel = { run: (callback) => Promise.resolve().then(() => callback(context)) };
  window.Office = {
    HostType: { Excel: "Excel" },
    onReady(callback) {
      const info = { host, platform: host ? "OfficeOnline" : null };
      return Promise.resolve().then(() => {
        if (callback) callback(info);
        return info;
      });
    },
    context: {
      ui: { openBrowserWindow: (url) => shim.opened.push(url) },
      officeTheme: window.__shimTheme,
    },
  };
  if (host) {
    window.__functions = {};
    window.CustomFunctions = {
      associate: (id, fn) => {
        window.__functions[id.toUpperCase()] = fn;
      },
      Error: function (code, message) {
        this.code = code;
        this.message = message;
      },
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
  }
})();
