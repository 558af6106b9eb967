/* Refleks «Planlegg et møte» (written for Refleks): the agenda of `refleks session` for the
   chosen set, roles, themes and minutes, a link to the set's deck showing only those, and a
   handout printed from the page. The rule's numbers and messages come from data.js. */
(function () {
  "use strict";
  const DATA = (window.REFLEKS_VERKTOY || {}).session;
  const form = document.getElementById("moteskjema");
  if (!DATA || !form) return;
  const RULE = DATA.rule, MESSAGES = DATA.messages, KIT = DATA.kit;
  const WORDS = DATA.words;  // in the site's language (templates/pages/labels.yaml)
  const $ = (id) => document.getElementById(id);
  const format = (t, v) => t.replace(/\{([a-zæøå_]+)\}/g, (all, k) => (k in v ? String(v[k]) : all));

  /* session.py _shares(): whole minutes in proportion to the weights, largest remainder */
  function shares(total, weights) {
    const whole = weights.reduce((a, b) => a + b, 0);
    const exact = weights.map((w) => (total * w) / whole);
    const parts = exact.map((x) => Math.trunc(x));
    const order = weights.map((w, i) => i).sort((a, b) => (exact[b] - parts[b]) - (exact[a] - parts[a]) || a - b);
    const rest = total - parts.reduce((a, b) => a + b, 0);
    order.slice(0, rest).forEach((i) => { parts[i] += 1; });
    return parts;
  }
  /* Python's round(): halves to the even number */
  function roundHalfEven(x) {
    const floor = Math.floor(x), diff = x - floor;
    if (diff === 0.5) return floor % 2 === 0 ? floor : floor + 1;
    return Math.round(x);
  }
  /* session.py agenda(): the items' minutes add up to the meeting's minutes */
  function agenda(themes, roles, minutes) {
    const counts = themes.map((t) => roles.reduce((n, r) => n + (t.questions[r] || []).length, 0));
    const extra = minutes - RULE.opening - RULE.closing - RULE.theme_min * themes.length;
    const perTheme = shares(extra, counts.map((c) => 1 + c)).map((x) => RULE.theme_min + x);
    const items = [{ kind: "opening", start: 0, minutes: RULE.opening }];
    let clock = RULE.opening;
    themes.forEach((theme, i) => {
      const intro = Math.max(RULE.intro_min, roundHalfEven(perTheme[i] * RULE.intro_share));
      items.push({ kind: "theme_intro", start: clock, minutes: intro, theme });
      clock += intro;
      items.push({ kind: "reflection", start: clock, minutes: perTheme[i] - intro, theme, questions: counts[i] });
      clock += perTheme[i] - intro;
    });
    items.push({ kind: "closing", start: clock, minutes: RULE.closing });
    return items;
  }
  /* session.py clock_label(), and the guide's minutes from the start without a start time
     (never clock times after midnight) */
  function clock(start, minute) {
    const [h, m] = start.split(":").map(Number);
    const total = (h * 60 + m + minute) % (24 * 60);
    return `${String(Math.floor(total / 60)).padStart(2, "0")}:${String(total % 60).padStart(2, "0")}`;
  }
  function span(start, from, to) {
    if (!start) return format(KIT.time_from_start, { fra: from, til: to });
    return `${clock(start, from)}–${clock(start, to)}`;
  }

  function chosen() {
    const set = DATA.reflections.find((r) => r.id === form.querySelector("input[name=sett]:checked").value);
    const roles = DATA.roles.filter((r) => set.roles.includes(r.id) && $(`rolle-${r.id}`).checked).map((r) => r.id);
    const themes = set.themes.filter((t) => $(`tema-${set.id}-${t.id}`).checked);
    return { set, roles, themes, minutes: $("minutter").value.trim(), start: $("start").value.trim() };
  }

  function check(c) {
    const found = [];
    if (!c.roles.length) found.push(["roller", "rolle-" + DATA.roles[0].id, form.dataset.noRole]);
    if (!c.themes.length) found.push([`temaer-${c.set.id}`, `tema-${c.set.id}-${c.set.themes[0].id}`, MESSAGES.no_theme]);
    const empty = c.themes.filter((t) => !c.roles.some((r) => (t.questions[r] || []).length));
    // titles and labels where the command line names ids
    const labels = DATA.roles.filter((r) => c.roles.includes(r.id)).map((r) => r.label);
    const none = (t) => format(labels.length === 1 || !MESSAGES.none_group ? MESSAGES.none : MESSAGES.none_group,
      { tema: t.title, rolle: labels[0], roller: labels.map((l) => `«${l}»`).join(", ") });
    if (c.roles.length) empty.forEach((t) => found.push([`temaer-${c.set.id}`, `tema-${c.set.id}-${t.id}`, none(t)]));
    if (!/^\d+$/.test(c.minutes) || Number(c.minutes) === 0) {
      found.push(["minutter", "minutter", format(MESSAGES.minutes, { verdi: c.minutes })]);
    } else if (c.themes.length) {
      const needed = RULE.opening + RULE.closing + RULE.theme_min * c.themes.length;
      const template = c.themes.length === 1 ? MESSAGES.one : MESSAGES.many;
      if (Number(c.minutes) < needed) found.push(["minutter", "minutter", format(template, { minutter: c.minutes, trengs: needed, antall: c.themes.length })]);
    }
    if (c.start && !/^([01]\d|2[0-3]):[0-5]\d$/.test(c.start)) found.push(["start", "start", format(MESSAGES.start, { verdi: c.start })]);
    return found;
  }

  function showProblems(found) {
    form.querySelectorAll(".refleks-feil").forEach((el) => { el.hidden = true; el.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach((el) => el.removeAttribute("aria-invalid"));
    const list = $("feiloppsummering-liste");
    list.textContent = "";
    $("feiloppsummering").hidden = !found.length;
    for (const [box, fieldId, message] of found) {
      const el = $(`${box}-feil`);
      el.hidden = false;
      el.textContent = el.textContent ? `${el.textContent} ${message}` : message;
      const field = $(fieldId);
      if (field.type === "text") { field.setAttribute("aria-invalid", "true"); field.setAttribute("aria-describedby", `${box}-feil ${fieldId}-hjelp`); }
      const item = document.createElement("li"), link = document.createElement("a");
      link.href = `#${fieldId}`;
      link.textContent = message;
      link.addEventListener("click", (event) => { event.preventDefault(); field.focus(); });
      item.append(link);
      list.append(item);
    }
    if (found.length) $("feiloppsummering").focus();
  }

  const A = KIT.agenda;  // the words of `refleks session`'s guide (templates/handouts/)
  function itemText(item) {
    const theme = item.theme ? `${KIT.theme} ${item.theme.number}: ` : "";
    if (item.kind === "theme_intro") return `${theme}${item.theme.title} – ${A.theme_intro}`;
    if (item.kind === "reflection") return theme + (item.questions === 1 ? A.reflection_one : format(A.reflection_many, { antall: item.questions }));
    return A[item.kind];
  }
  const lower = (text) => text.charAt(0).toLowerCase() + text.slice(1);
  function joined(items) {
    return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} og ${items[items.length - 1]}`;
  }
  const el = (tag, text, className) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  };

  /* the questions as the command line's utskrift.pdf shows them: per theme, per role with
     the role's address, space to write, the mark on questions written for Refleks */
  function showQuestions(c, roles) {
    const questions = $("sporsmal");
    questions.textContent = "";
    const shown = c.themes.flatMap((t) => roles.flatMap((r) => t.refleks[r.id] || []));
    const refleks = shown.filter(Boolean).length, source = shown.length - refleks;
    for (const theme of c.themes) {
      const part = el("section", undefined, "refleks-utskrift-tema");
      part.append(el("h3", format(WORDS.theme, { nummer: theme.number, tittel: theme.title })));
      part.append(el("p", `${KIT.from} ${c.set.title}`, "refleks-fra"));
      for (const role of roles) {
        const texts = theme.questions[role.id] || [];
        if (!texts.length) continue;
        const marks = theme.refleks[role.id] || [];
        const list = el("ol");
        texts.forEach((q, i) => {
          // where only some are Refleks's, those are starred (as in utskrift.pdf)
          const item = el("li", marks[i] && source ? `${q}*` : q);
          item.append(el("div", undefined, "refleks-sporsmal-linjer"));
          list.append(item);
        });
        part.append(el("h4", role.address), list);
      }
      questions.append(part);
    }
    const origin = refleks && source ? "mixed" : refleks ? "refleks" : "source";
    const s = c.set.source;
    const lead = origin === "mixed" ? KIT.short_mixed : origin === "refleks" ? KIT.short_refleks : KIT.source;
    $("mote-kilde").textContent = `${lead} ${s.title} (${s.publisher}${s.year ? ", " + s.year : ""})`;
    $("mote-opphav").textContent = origin === "source" ? "" : origin === "mixed" ? KIT.mark_starred : KIT.mark;
    $("mote-opphav").hidden = origin === "source";
  }

  function showPlan(c) {
    const minutes = Number(c.minutes);
    const items = agenda(c.themes, c.roles, minutes);
    const roles = DATA.roles.filter((r) => c.roles.includes(r.id));
    $("mote-overtittel").textContent = format(KIT.meeting, { antall: minutes });
    $("mote-tittel").textContent = c.set.title;
    $("plan-ingress").textContent = roles.length === 1
      ? `${roles[0].address}.`
      : `${format(KIT.group, { labels: joined(roles.map((r) => lower(r.label))) })}.`;
    $("agenda-tittel").textContent = format(A.agenda_caption, { antall: minutes });
    const body = $("agenda").querySelector("tbody");
    body.textContent = "";
    for (const item of items) {
      const row = document.createElement("tr");
      row.append(el("td", span(c.start, item.start, item.start + item.minutes), "refleks-tid"),
        el("td", String(item.minutes), "refleks-tall"), el("td", itemText(item)));
      body.append(row);
    }
    $("agenda-totalt").textContent = String(minutes);
    const params = new URLSearchParams({ tema: c.themes.map((t) => t.id).join(","), rolle: c.roles.join(","), minutter: String(minutes) });
    $("lysark-lenke").href = `${form.parentElement.dataset.base}/../${c.set.deck}?${params.toString().replace(/%2C/g, ",")}`;
    showQuestions(c, roles);
    $("plan").hidden = false;
    $("plan-tittel").focus();
  }

  /* Defaults that make a valid plan at once: the page ticks a set's first two themes (as
     «Slik bruker du materiellet» advises one or two), the roles with questions in the set
     are ticked (a mixed group, as `--role alle`) until the user ticks a role, and the
     minutes follow the ticked themes (60, or the least they need) until the user types. */
  let ownRoles = false, ownMinutes = false;
  function followChoices() {
    const c = chosen();
    // only the set's roles are offered: the others have no question in it
    DATA.roles.forEach((r) => {
      const box = $(`rolle-${r.id}`), offered = c.set.roles.includes(r.id);
      box.closest(".refleks-felt").hidden = !offered;
      if (!offered) box.checked = false;
      else if (!ownRoles) box.checked = true;
    });
    if (!ownMinutes) $("minutter").value = String(Math.max(60, RULE.opening + RULE.closing + RULE.theme_min * c.themes.length));
  }
  function showSet() {
    const set = form.querySelector("input[name=sett]:checked").value;
    form.querySelectorAll(".refleks-temaer").forEach((el) => { el.hidden = el.dataset.sett !== set; });
    followChoices();
  }
  form.querySelectorAll("input[name=sett]").forEach((el) => el.addEventListener("change", showSet));
  form.querySelectorAll("input[name=tema]").forEach((el) => el.addEventListener("change", followChoices));
  form.querySelectorAll("input[name=rolle]").forEach((el) => el.addEventListener("change", () => { ownRoles = true; }));
  $("minutter").addEventListener("input", () => { ownMinutes = true; });
  showSet();
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const c = chosen(), found = check(c);
    showProblems(found);
    if (found.length) { $("plan").hidden = true; return; }
    showPlan(c);
  });
  $("skriv-ut-mote").addEventListener("click", () => window.print());
  window.RefleksMote = { agenda, shares, roundHalfEven, clock, span };
})();
