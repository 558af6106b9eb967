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

/* an argument "$a.b.0" is that part of the data itself (the objects the page uses, sent once) */
function resolve(arg) {
  if (typeof arg === "string" && arg.startsWith("$")) return arg.slice(1).split(".").reduce((o, k) => o[k], input.data);
  return Array.isArray(arg) ? arg.map(resolve) : arg;
}
/* a call: {fn: "Object.function", args, deadlines}, with the visit deadline rules to use */
const results = input.calls.map(({ fn, args, deadlines }) => {
  if (deadlines) Object.assign(input.data.visit.deadlines, deadlines);
  const [object, name] = fn.split(".");
  const target = window[object];
  if (!target || typeof target[name] !== "function") throw new Error(`no function ${fn}`);
  return target[name](...args.map(resolve));
});
// a theme in a result is written as its id: the results stay small
process.stdout.write(JSON.stringify(results, (key, value) => (key === "theme" && value ? value.id : value)));
