/* Runs the browser tools' own scripts (templates/tools/*.js) in node, for
   tests/test_tool_parity.py: reads {scripts, data, calls} as JSON on stdin, loads the scripts
   as the page does (window.REFLEKS_VERKTOY = data), makes each call and writes the results
   as JSON on stdout. The page around the scripts is a stand-in: every element exists, holds
   nothing and ignores events, so the scripts set themselves up without a browser. */
"use strict";
const fs = require("fs");
const vm = require("vm");

const input = JSON.parse(fs.readFileSync(0, "utf8"));

function element(id, value = "") {
  return {
    id, value, checked: false, hidden: false, dataset: {}, textContent: "", files: [],
    parentElement: { dataset: {} },
    addEventListener() {}, setAttribute() {}, getAttribute() { return null; },
    removeAttribute() {}, focus() {}, append() {},
    // mote.js reads the chosen set from the checked radio button: the data's first set
    querySelector() { return element("", input.checked || ""); },
    querySelectorAll() { return []; },
  };
}
const elements = new Map();
const document = {
  getElementById(id) { if (!elements.has(id)) elements.set(id, element(id)); return elements.get(id); },
  createElement(tag) { return element(tag); },
  body: element("body"),
};
const store = new Map();
const localStorage = {
  getItem(k) { return store.has(k) ? store.get(k) : null; },
  setItem(k, v) { store.set(k, String(v)); },
  removeItem(k) { store.delete(k); },
};
const window = { REFLEKS_VERKTOY: input.data };
const context = vm.createContext({ window, document, localStorage, console });
for (const file of input.scripts) {
  vm.runInContext(fs.readFileSync(file, "utf8"), context, { filename: file });
}

/* a call: [object, function, ...arguments], with optional visit deadline rules to use */
const results = input.calls.map(({ fn, args, deadlines }) => {
  if (deadlines) Object.assign(input.data.visit.deadlines, deadlines);
  const [object, name] = fn.split(".");
  const target = window[object];
  if (!target || typeof target[name] !== "function") throw new Error(`no function ${fn}`);
  return target[name](...args);
});
process.stdout.write(JSON.stringify(results));
