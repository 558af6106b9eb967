/* Refleks «Lag visittbrev»: the form (written for Refleks). Checks the visit as
   `refleks check` does, with its messages (data.js), shows each problem beside its field
   and in a summary at the top, and makes the files. Nothing leaves the browser; only the
   coordinator's own details are kept, in localStorage, when asked to. */
(function () {
  "use strict";
  if (!window.RefleksVisit) return;
  const R = window.RefleksVisit, F = window.RefleksVisitFiles, DATA = R.DATA;
  const WORDS = DATA.words;  // in the site's language (templates/pages/labels.yaml)
  const CHECKS = DATA.checks;
  const STORE = "refleks-koordinator";
  const PEOPLE = ["unit_leader", "top_leader", "visit_leader", "coordinator"];
  const REQUIRED = {
    municipality: "municipality", unit: "unit", "unit_leader-name": "name", date: "date",
    time: "time", "top_leader-name": "name", "visit_leader-name": "name", "coordinator-name": "name",
  };
  const form = document.getElementById("visittskjema");
  if (!form) return;
  const $ = (id) => document.getElementById(id);
  const value = (id) => ($(id).value || "").trim().normalize("NFC");  // as schema.Line

  function slug(text) {
    const map = { æ: "ae", ø: "o", å: "a", é: "e" };
    const s = text.toLowerCase().replace(/[æøåé]/g, (c) => map[c]).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return s.replace(/^[^a-z]+/, "");
  }

  function person(prefix) {
    const p = { name: value(`${prefix}-name`) };
    for (const f of ["title", "email", "phone"]) if ($(`${prefix}-${f}`) && value(`${prefix}-${f}`)) p[f] = value(`${prefix}-${f}`);
    return p;
  }

  /* dates and times as people write them: 13.04.2027 or 13.4.27 -> 2027-04-13, 9.30 -> 09:30
     (anything else is left as typed, and the check says what to write) */
  function isoDate(text) {
    const m = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
    if (!m) return text;
    const year = m[3].length === 2 ? `20${m[3]}` : m[3];
    return `${year}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
  }
  function clock(text) {
    const m = /^(\d{1,2})[.:](\d{2})$/.exec(text) || /^(\d{1,2})()$/.exec(text);
    return m ? `${m[1].padStart(2, "0")}:${m[2] || "00"}` : text;
  }

  let loaded = {}; // the visit file last opened: what the form does not show is kept
  function readForm() {
    const extras = Object.fromEntries(Object.entries(loaded).filter(([k]) => !F.FORM_KEYS.includes(k)));
    const visit = {
      method: loaded.method || DATA.method.id, municipality: value("municipality"), unit: value("unit"),
      unit_leader: person("unit_leader"), date: isoDate(value("date")), time: clock(value("time")),
      duration_minutes: value("duration_minutes"), location: value("location"),
      leadership: { ...(loaded.leadership || {}), top_leader: person("top_leader"), visit_leader: person("visit_leader"), coordinator: person("coordinator") },
      participants: $("participants").value.split("\n").map((s) => s.trim()).filter(Boolean),
      unit_leader_in_conversation: $("unit_leader_in_conversation").checked,
    };
    visit.id = loaded.id || (slug(`${visit.unit}-${visit.date}`) || "visitt").slice(0, 64).replace(/-+$/, "");
    return { ...visit, ...extras };
  }

  function fillForm(data) {
    for (const key of ["municipality", "unit", "date", "time", "duration_minutes", "location"]) {
      if (data[key] !== undefined && data[key] !== null) $(key).value = data[key] instanceof Date ? R.toIso(data[key]) : String(data[key]);
    }
    const leadership = data.leadership || {};
    for (const role of PEOPLE) {
      const p = (role === "unit_leader" ? data.unit_leader : leadership[role]) || {};
      for (const f of ["name", "title", "email", "phone"]) if ($(`${role}-${f}`)) $(`${role}-${f}`).value = p[f] ? String(p[f]) : "";
    }
    $("participants").value = (data.participants || []).map(String).join("\n");
    $("unit_leader_in_conversation").checked = data.unit_leader_in_conversation === true;
  }

  /* ------------------------------------------------------------------ checks */
  // the key path `refleks check` names for each field
  const LEADERS = ["top_leader", "visit_leader", "coordinator"];
  function keyPath(field) {
    const [first, rest] = field.split("-");
    const path = LEADERS.includes(first) ? `leadership.${first}` : first;
    return rest ? `${path}.${rest}` : path;
  }
  function problem(field, template, values, written) {
    const f = (t) => (t == null ? null : R.format(t, values || {}));
    return { field, path: keyPath(field), severity: template.severity || "feil", message: f(template.message), expected: f(template.expected), hint: f(template.hint), written };
  }

  /* content/schema/common.py line_problem and text_problem: a visit file opened here is
     untrusted (it may come by e-mail), so every text in it is checked, shown or not */
  const TEXT = CHECKS.text;
  const ID = new RegExp(TEXT.id_pattern);
  const FIELDS = new Set([...Object.keys(REQUIRED), "location", "duration_minutes", "participants",
    ...PEOPLE.flatMap((p) => ["title", "email", "phone"].map((f) => `${p}-${f}`))]);
  function refused(text, ranges) {
    for (const ch of text) {
      const code = ch.codePointAt(0);
      if (ranges.some(([first, last]) => code >= first && code <= last)) return ch;
    }
    return null;
  }
  function codePoint(ch) { return `U+${ch.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")}`; }
  /* errors.visible: a message shows what is there */
  function visible(text) {
    return String(text).replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu, (c) => (c === "\n" ? "\\n" : codePoint(c)));
  }
  /* the form field showing a key path, or the file field for what the form does not show */
  function fieldFor(path) {
    const parts = path.replace(/\[\d+\]/g, "").split(".");
    const id = parts[0] === "leadership" ? parts.slice(1).join("-") : parts.join("-");
    return FIELDS.has(id) ? id : "visittfil";
  }
  function* texts(data, path, dotted) {
    if (typeof data === "string") { yield [path, dotted, data]; return; }
    if (Array.isArray(data)) { for (const [i, v] of data.entries()) yield* texts(v, `${path}[${i}]`, dotted); return; }
    if (data && typeof data === "object" && !(data instanceof Date)) {
      for (const [k, v] of Object.entries(data)) yield* texts(v, path ? `${path}.${k}` : k, dotted ? `${dotted}.${k}` : k);
    }
  }
  function textProblem(field, path, template, written, values) {
    return { ...problem(field, template, values, visible(written)), path };
  }
  /* onFile: the problems of a file being opened, all shown beside the file field */
  function checkTexts(visit, onFile = false) {
    const found = [];
    for (const [path, dotted, text] of texts(visit, "", "")) {
      const field = onFile ? "visittfil" : fieldFor(path);
      if (TEXT.text_fields.includes(dotted)) {
        const bad = refused(text, TEXT.text_refused);
        if (bad) found.push(textProblem(field, path, TEXT.control, text, { tegn: codePoint(bad) }));
        continue;
      }
      const bad = refused(text, TEXT.line_refused);
      if (bad === "\n") found.push(textProblem(field, path, TEXT.line_break, text));
      else if (bad) found.push(textProblem(field, path, TEXT.one_line, text, { tegn: codePoint(bad) }));
      else if ((path === "id" || path === "method") && !ID.test(text)) found.push(textProblem(field, path, TEXT.id, text));
    }
    for (const key of Object.keys(visit)) {  // a key that is not one line could start a new key
      if (refused(key, TEXT.line_refused)) found.push(textProblem("visittfil", key, TEXT.one_line, key, { tegn: codePoint(refused(key, TEXT.line_refused)) }));
    }
    return found;
  }

  function checkSchema(visit) {
    const found = [];
    for (const [id, key] of Object.entries(REQUIRED)) {
      if (!value(id)) found.push(problem(id, { ...CHECKS.schema.missing, message: WORDS.missing, expected: WORDS.missing_expected, hint: null }, { navn: key }));
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(visit.date);
    if (visit.date && (!m || R.toIso(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) !== visit.date)) found.push(problem("date", { ...CHECKS.schema.date, expected: WORDS.date_expected }, {}, value("date")));
    if (visit.time && !/^([01]\d|2[0-3]):[0-5]\d$/.test(visit.time)) found.push(problem("time", { ...CHECKS.schema.time, expected: WORDS.time_expected }, {}, value("time")));
    if (!/^-?\d+$/.test(visit.duration_minutes)) found.push(problem("duration_minutes", CHECKS.schema.integer, {}, visit.duration_minutes));
    return found;
  }

  function isHealthProfessional(title) {
    const words = title.toLowerCase().replace(/[-/]/g, " ").split(/\s+/).filter(Boolean);
    return words.some((w) => CHECKS.health_professions.some((p) => w.endsWith(p)));
  }

  /* walkround/checks.py _people: every person in the visit with the key path to them (an
     opened visit file may name a contact, a secretary or observers the form does not show) */
  function people(visit) {
    const lead = visit.leadership || {};
    const out = [["unit_leader", visit.unit_leader]];
    if (visit.contact) out.push(["contact", visit.contact]);
    for (const role of [...LEADERS, "secretary", "medical_advisor"]) if (lead[role]) out.push([`leadership.${role}`, lead[role]]);
    (lead.observers || []).forEach((p, i) => out.push([`leadership.observers[${i}]`, p]));
    return out;
  }

  /* walkround/checks.py: the method's rules, errors and warnings */
  function checkRules(visit, today) {
    const rules = CHECKS.rules, found = [], n = visit.participants.length;
    if (visit.duration_minutes <= 0) found.push(problem("duration_minutes", rules.duration_not_positive, {}, String(visit.duration_minutes)));
    else if (visit.duration_minutes > DATA.deadlines.max_minutes) found.push(problem("duration_minutes", rules.duration_too_long, { verdi: visit.duration_minutes }, String(visit.duration_minutes)));
    if (n !== DATA.deadlines.group_size) found.push(problem("participants", rules.group_size, { antall: n }, String(n)));
    if (n && visit.participants.every(isHealthProfessional)) found.push(problem("participants", rules.no_other_staff, {}, visit.participants.join(", ")));
    if (visit.unit_leader_in_conversation) found.push(problem("unit_leader_in_conversation", rules.leader_in_conversation, {}, "true"));
    const title = (visit.unit_leader.title || "").trim().toLowerCase();
    visit.participants.forEach((p, i) => { if (title && p.trim().toLowerCase() === title) found.push({ ...problem("participants", rules.leader_in_group, {}, p), path: `participants[${i}]` }); });
    // walkround/checks.py _check_contact: the letter's contact needs a phone or an e-mail
    const contact = visit.contact || visit.leadership.coordinator;
    if (!String(contact.phone || "").trim() && !String(contact.email || "").trim()) {
      const where = visit.contact ? "contact" : "leadership.coordinator";
      found.push({ ...problem(visit.contact ? "visittfil" : "coordinator-phone", rules.contact, {}, contact.name), path: where });
    }
    // walkround/checks.py _check_emails: an address without «@» would go into the letter
    for (const [where, p] of people(visit)) {
      const email = String(p.email || "").trim();
      const field = where === "leadership.coordinator" ? "coordinator-email" : "visittfil";
      if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) found.push({ ...problem(field, rules.email, { verdi: email }, email), path: `${where}.email` });
    }
    if (visit.date < today) found.push(problem("date", rules.date_passed, { i_dag: today }, visit.date));
    if (!R.isWorkingDay(visit.date)) {
      const name = R.holidayName(visit.date);
      found.push(name ? problem("date", rules.holiday, { grunn: name }, visit.date) : problem("date", rules.weekend, {}, visit.date));
    }
    return found;
  }

  function today() {
    const now = new Date();
    return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  }

  function check() {
    const visit = readForm();
    const found = [...checkSchema(visit), ...checkTexts(visit)];
    if (!found.length) {
      visit.duration_minutes = parseInt(visit.duration_minutes, 10);
      found.push(...checkRules(visit, form.dataset.today || today()));
    }
    return { visit, problems: found };
  }

  /* ------------------------------------------------------------------ showing problems */
  function problemText(p) {
    const lines = [`${p.severity}: ${p.message}`, `nøkkel: ${p.path}`];
    if (p.written !== undefined && p.written !== null) lines.push(`skrevet: ${p.written}`);
    if (p.expected) lines.push(`forventet: ${p.expected}`);
    if (p.hint) lines.push(`tips: ${p.hint}`);
    return lines;
  }

  function clearProblems() {
    form.querySelectorAll(".refleks-feil").forEach((el) => { el.hidden = true; el.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => {
      el.removeAttribute("aria-invalid");
      el.setAttribute("aria-describedby", (el.getAttribute("aria-describedby") || "").split(" ").filter((id) => !id.endsWith("-feil")).join(" "));
      if (!el.getAttribute("aria-describedby")) el.removeAttribute("aria-describedby");
    });
    $("feiloppsummering").hidden = true;
    $("feiloppsummering-liste").textContent = "";
  }

  function showProblems(problems) {
    clearProblems();
    if (!problems.length) return;
    const list = $("feiloppsummering-liste");
    const errors = problems.some((p) => p.severity === "feil");
    $("feiloppsummering-tittel").textContent = errors ? WORDS.errors_title : WORDS.advice_title;
    for (const p of problems) {
      const input = $(p.field), box = $(`${p.field}-feil`);
      const lines = problemText(p);
      box.hidden = false;
      lines.forEach((line, i) => { const span = document.createElement("span"); span.textContent = line; box.append(span); if (i < lines.length - 1) box.append(document.createElement("br")); });
      if (p.severity === "feil") input.setAttribute("aria-invalid", "true");
      const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      if (!described.includes(box.id)) input.setAttribute("aria-describedby", [box.id, ...described].join(" "));
      const item = document.createElement("li"), link = document.createElement("a");
      link.href = `#${p.field}`;
      const label = p.field === "visittfil" ? null : form.querySelector(`label[for="${p.field}"]`);
      link.textContent = `${label ? label.textContent : p.path}: ${p.severity}: ${p.message}`;
      link.addEventListener("click", (event) => { event.preventDefault(); input.focus(); });
      item.append(link);
      list.append(item);
    }
    $("feiloppsummering").hidden = false;
    $("feiloppsummering").focus();
  }

  /* ------------------------------------------------------------------ results */
  let current = null;

  function showTimeline(visit) {
    const body = $("tidslinje").querySelector("tbody");
    body.textContent = "";
    for (const item of R.timelineItems(visit)) {
      const row = document.createElement("tr");
      const what = document.createElement("td"), strong = document.createElement("strong");
      strong.textContent = item.title;
      what.append(strong, ` – ${item.text}`);
      const date = document.createElement("td"), note = document.createElement("td");
      date.textContent = item.dateText;
      note.textContent = item.note;
      row.append(date, what, note);
      body.append(row);
    }
  }

  function download(name, blob) {
    const url = URL.createObjectURL(blob);
    const link = document.createElement("a");
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function say(text) { $("status").textContent = text; }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { visit, problems } = check();
    showProblems(problems);
    const errors = problems.filter((p) => p.severity === "feil");
    $("resultat").hidden = errors.length > 0;
    current = errors.length ? null : visit;
    if (current) {
      showTimeline(visit);
      remember();
      if (!problems.length) $("resultat-tittel").focus();
      say(WORDS.ready);
    }
  });

  /* the visit the files are made from, checked again: no file is made from a refused value */
  function checked() { return current && !checkTexts(current).length ? current : null; }

  $("skriv-ut").addEventListener("click", () => {
    if (!checked()) return;
    const html = F.letterHtml(current, DATA.letter_css);
    const url = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    const win = window.open(url, "_blank");
    if (win) win.addEventListener("load", () => win.print());
  });
  $("last-ned-docx").addEventListener("click", async () => {
    if (!checked()) return;
    download(`invitasjonsbrev-${current.id}.docx`, await F.letterDocx(current));
  });
  $("last-ned-ics").addEventListener("click", () => {
    if (!checked()) return;
    download(`tidslinje-${current.id}.ics`, new Blob([F.toIcs(current)], { type: "text/calendar" }));
  });
  $("last-ned-yaml").addEventListener("click", () => {
    if (!checked()) return;
    const header = [WORDS.yaml_header, R.format(WORDS.yaml_where, { id: current.id })];
    download(`${current.id}.yaml`, new Blob([F.toYaml(current, header)], { type: "text/yaml" }));
  });
  $("visittfil").addEventListener("change", async () => {
    const file = $("visittfil").files[0];
    if (!file) return;
    try {
      const data = F.fromYaml(await file.text());
      current = null;  // the files of the visit before are not made from this one
      $("resultat").hidden = true;
      const found = checkTexts(data, true);  // refused before any of it reaches the form
      if (found.length) {
        loaded = {};
        showProblems(found);
        say(R.format(WORDS.refused, { fil: file.name }));
        return;
      }
      clearProblems();
      fillForm(data);
      loaded = data;
      say(R.format(WORDS.loaded, { fil: file.name }));
    } catch (err) {
      say(R.format(WORDS.unreadable, { fil: file.name, feil: err.message }));
    }
  });

  /* ------------------------------------------------------------------ remember me */
  const MINE = ["coordinator-name", "coordinator-title", "coordinator-phone", "coordinator-email"];
  function remember() {
    if (!$("husk").checked) return;
    const mine = {};
    MINE.forEach((id) => { mine[id] = value(id); });
    localStorage.setItem(STORE, JSON.stringify(mine));
  }
  $("glem").addEventListener("click", () => {
    localStorage.removeItem(STORE);
    $("husk").checked = false;
    MINE.forEach((id) => { $(id).value = ""; });
    say(WORDS.forgotten);
  });
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) || "null");
    if (saved) { MINE.forEach((id) => { if (saved[id]) $(id).value = saved[id]; }); $("husk").checked = true; }
  } catch (err) { /* a broken entry is forgotten */ localStorage.removeItem(STORE); }
  window.RefleksVisitForm = { checkRules };  // for tests/js/tools.js (the parity test)
})();
