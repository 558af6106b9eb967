/* Refleks self-study: "Mitt svar" under every question, the role choice, the progress line
   per reflection set and the page "Mine refleksjoner". Written for Refleks.

   Everything stays in this browser: answers and the chosen role are kept in localStorage
   under keys "refleks:<site>:...". No cookie, no request. Texts come from the question index
   (sporsmal.js, window.REFLEKS_SELVSTUDIUM), and every text is put in with textContent,
   never as HTML. Without JavaScript the pages show the questions and nothing else. */
(function () {
  "use strict";
  var data = window.REFLEKS_SELVSTUDIUM;
  if (!data || !document.querySelector) return;
  var T = data.tekster;
  var prefix = "refleks:" + data.nettsted + ":";
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(prefix + "test", "1");
    store.removeItem(prefix + "test");
  } catch (e) {
    return; // storage turned off: no boxes rather than boxes that forget
  }

  /* the site root, from this script's own address: works from file:// and over http */
  var script = document.currentScript;
  var root = script ? script.src.replace(/assets\/refleks\/selvstudium\.js.*$/, "") : "";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
  }

  /* --- storage */
  function answerKey(id) { return prefix + "svar:" + id; }
  function readAnswer(id) {
    try {
      var v = JSON.parse(store.getItem(answerKey(id)) || "null");
      return v && typeof v.svar === "string" ? v : null;
    } catch (e) { return null; }
  }
  function writeAnswer(id, text) {
    if (!text.trim()) { store.removeItem(answerKey(id)); return; }
    var q = data.sporsmal[id] || {};
    store.setItem(answerKey(id), JSON.stringify({
      svar: text, tekst: q.tekst || "", tema: q.tema || "", sett: q.sett || "",
      oppdatert: new Date().toISOString()
    }));
  }
  function answeredIds() {
    var ids = [];
    for (var i = 0; i < store.length; i++) {
      var key = store.key(i);
      if (key && key.indexOf(prefix + "svar:") === 0) ids.push(key.slice((prefix + "svar:").length));
    }
    return ids.filter(function (id) { return readAnswer(id) !== null; });
  }
  function chosenRole() { return store.getItem(prefix + "rolle") || ""; }

  /* --- progress per reflection set */
  function progressText(setId) {
    var all = 0, done = 0;
    Object.keys(data.sporsmal).forEach(function (id) {
      if (data.sporsmal[id].sett !== setId) return;
      all += 1;
      if (readAnswer(id)) done += 1;
    });
    return format(T.fremdrift, {besvart: done, alle: all});
  }
  function updateProgress() {
    document.querySelectorAll("[data-refleks-fremdrift]").forEach(function (p) {
      var set = data.sett[p.getAttribute("data-refleks-fremdrift")];
      p.textContent = set.tittel + ": " + progressText(p.getAttribute("data-refleks-fremdrift"));
    });
  }
  function progressLines(setIds) {
    var box = el("div", {"class": "refleks-fremdrift"});
    setIds.forEach(function (id) {
      if (data.sett[id]) box.appendChild(el("p", {"data-refleks-fremdrift": id}));
    });
    return box;
  }

  /* --- the role choice */
  function rolePicker(onChange) {
    var box = el("p", {"class": "refleks-rollevalg"});
    var select = el("select", {id: "refleks-rollevalg"});
    select.appendChild(el("option", {value: ""}, T.rollevalg_ingen));
    data.roller.forEach(function (r) {
      var option = el("option", {value: r.id}, r.navn);
      if (r.id === chosenRole()) option.selected = true;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      if (select.value) store.setItem(prefix + "rolle", select.value);
      else store.removeItem(prefix + "rolle");
      if (onChange) onChange();
    });
    box.appendChild(el("label", {"for": "refleks-rollevalg"}, T.rollevalg + " "));
    box.appendChild(select);
    return box;
  }

  /* theme pages: each role's part runs from its heading (id rolle-<id>) to the next heading */
  function roleSections(content) {
    var sections = [];
    content.querySelectorAll("h3[id^='rolle-']").forEach(function (h) {
      var nodes = [h];
      for (var n = h.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling) {
        nodes.push(n);
      }
      sections.push({role: h.id.slice("rolle-".length), nodes: nodes});
    });
    return sections;
  }
  function orderRoles(content, original) {
    if (!original.length) return;
    var anchor = original[original.length - 1].nodes;
    var after = anchor[anchor.length - 1].nextSibling;
    var parent = original[0].nodes[0].parentNode;
    var chosen = chosenRole();
    var ordered = original.filter(function (s) { return s.role === chosen; })
      .concat(original.filter(function (s) { return s.role !== chosen; }));
    ordered.forEach(function (s) {
      var heading = s.nodes[0];
      var mark = heading.querySelector(".refleks-din-rolle");
      if (mark) mark.remove();
      heading.classList.toggle("refleks-valgt-rolle", s.role === chosen);
      if (s.role === chosen) heading.appendChild(el("span", {"class": "refleks-din-rolle"}, T.din_rolle));
      s.nodes.forEach(function (n) { parent.insertBefore(n, after); });
    });
  }

  /* --- "Mitt svar" under a question */
  function answerBox(li, id, noteId) {
    var box = el("div", {"class": "refleks-svar"});
    var fieldId = (li.id || "q") + "-svar";
    var status = el("p", {"class": "refleks-svar-status", role: "status"});
    var field = el("textarea", {id: fieldId, rows: "3", "aria-describedby": noteId});
    var saved = readAnswer(id);
    if (saved) field.value = saved.svar;
    var timer = null;
    function save() {
      clearTimeout(timer);
      var had = !!readAnswer(id);
      writeAnswer(id, field.value);
      status.textContent = field.value.trim() ? T.lagret : (had ? T.slettet_ett : "");
      updateProgress();
    }
    field.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(save, 500); });
    field.addEventListener("change", save);
    box.appendChild(el("label", {"for": fieldId}, T.svar));
    box.appendChild(field);
    box.appendChild(status);
    li.appendChild(box);
  }

  function questionPages(content) {
    var items = content.querySelectorAll("li[data-refleks-sporsmal]");
    if (!items.length) return;
    var first = items[0].closest("ol") || items[0];
    var sets = [];
    items.forEach(function (li) {
      var set = li.getAttribute("data-refleks-sporsmal").split("/")[0];
      if (sets.indexOf(set) < 0) sets.push(set);
    });
    var heading = content.querySelector("h1");
    var top = el("div", {"class": "refleks-selvstudium"});
    var sections = roleSections(content);
    top.appendChild(progressLines(sets));
    if (sections.length > 1) {
      top.appendChild(rolePicker(function () { orderRoles(content, sections); }));
      top.appendChild(el("p", {"class": "refleks-hint"}, T.rolle_valgt));
    }
    if (heading) heading.parentNode.insertBefore(top, heading.nextSibling);
    var note = el("p", {"class": "refleks-personvern", id: "refleks-personvern"}, T.personvern + " ");
    var link = el("a", {href: root + data.journalside}, T.mine_refleksjoner);
    note.appendChild(link);
    var firstSection = sections.length ? sections[0].nodes[0] : first;
    firstSection.parentNode.insertBefore(note, firstSection);
    items.forEach(function (li) { answerBox(li, li.getAttribute("data-refleks-sporsmal"), note.id); });
    if (sections.length > 1) orderRoles(content, sections);
    updateProgress();
  }

  /* --- the reflection set's own page: its progress line */
  function setPage(content) {
    var here = decodeURI(location.pathname);
    Object.keys(data.sett).forEach(function (id) {
      var page = data.sett[id].side;
      if (here.slice(-page.length - 1) === "/" + page) {
        var heading = content.querySelector("h1");
        if (heading) heading.parentNode.insertBefore(progressLines([id]), heading.nextSibling);
      }
    });
    updateProgress();
  }

  /* --- "Mine refleksjoner" */
  function roleName(id) {
    var r = data.roller.filter(function (x) { return x.id === id; })[0];
    return r ? r.navn : id;
  }
  function groups() {
    var answered = answeredIds();
    var bySet = {};
    var order = [];
    Object.keys(data.sporsmal).forEach(function (id) {
      if (answered.indexOf(id) < 0) return;
      var set = data.sporsmal[id].sett;
      if (!bySet[set]) { bySet[set] = []; order.push(set); }
      bySet[set].push(id);
    });
    var gone = answered.filter(function (id) { return !data.sporsmal[id]; }).sort();
    return {order: order, bySet: bySet, gone: gone};
  }
  function questionText(id) {
    return data.sporsmal[id] ? data.sporsmal[id].tekst : readAnswer(id).tekst;
  }

  function asMarkdown() {
    var g = groups();
    var lines = ["# " + T.mine_refleksjoner, "",
      T.eksportert + " " + data.tittel + ", " + new Date().toISOString().slice(0, 10) + ".", ""];
    g.order.forEach(function (setId) {
      var set = data.sett[setId];
      lines.push("## " + set.tittel, "", T.kilde + ": " + set.kilde, "");
      if (set.skrevetForRefleks) lines.push(T.skrevet_for_refleks, "");
      var theme = null;
      g.bySet[setId].forEach(function (id) {
        var q = data.sporsmal[id];
        if (q.tema !== theme) { theme = q.tema; lines.push("### " + theme, ""); }
        lines.push("**" + q.tekst + "** (" + T.til_rolle + " " + roleName(q.rolle) + ")", "");
        lines.push(readAnswer(id).svar.trim(), "");
      });
    });
    if (g.gone.length) {
      lines.push("## " + T.finnes_ikke, "");
      g.gone.forEach(function (id) { lines.push("**" + questionText(id) + "**", "", readAnswer(id).svar.trim(), ""); });
    }
    return lines.join("\n");
  }

  function download() {
    var blob = new Blob([asMarkdown()], {type: "text/markdown;charset=utf-8"});
    var a = el("a", {href: URL.createObjectURL(blob), download: T.filnavn});
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function renderEntry(list, id) {
    var q = data.sporsmal[id];
    var item = el("li", {"class": "refleks-svar-oppforing"});
    var question = el("p", {"class": "refleks-svar-sporsmal"});
    question.appendChild(el("strong", {}, questionText(id)));
    if (q) question.appendChild(document.createTextNode(" (" + T.til_rolle + " " + roleName(q.rolle) + ")"));
    item.appendChild(question);
    item.appendChild(el("p", {"class": "refleks-svar-tekst"}, readAnswer(id).svar.trim()));
    if (q) item.appendChild(el("p", {"class": "refleks-lenke-tema"}, "")).appendChild(el("a", {href: root + q.temaside + "#q-" + id.replace(/\//g, "-")}, T.les_tema + ": " + q.tema));
    list.appendChild(item);
  }

  function renderJournal(box, status) {
    box.querySelectorAll(".refleks-journal-innhold").forEach(function (n) { n.remove(); });
    var body = el("div", {"class": "refleks-journal-innhold"});
    // on paper only: the day the answers were printed
    var now = new Date(), two = function (n) { return (n < 10 ? "0" : "") + n; };
    var day = two(now.getDate()) + "." + two(now.getMonth() + 1) + "." + now.getFullYear();
    body.appendChild(el("p", {"class": "refleks-utskriftsdato"}, T.utskrevet.replace("{dato}", day)));
    var g = groups();
    if (!g.order.length && !g.gone.length) body.appendChild(el("p", {}, T.journal_tom));
    g.order.forEach(function (setId) {
      var set = data.sett[setId];
      body.appendChild(el("h2", {}, set.tittel));
      body.appendChild(el("p", {"class": "refleks-kilde"}, T.kilde + ": " + set.kilde));
      if (set.skrevetForRefleks) body.appendChild(el("p", {}, T.skrevet_for_refleks));
      body.appendChild(el("p", {"class": "refleks-fremdrift-linje"}, progressText(setId)));
      var theme = null, list = null;
      g.bySet[setId].forEach(function (id) {
        if (data.sporsmal[id].tema !== theme) {
          theme = data.sporsmal[id].tema;
          body.appendChild(el("h3", {}, theme));
          list = body.appendChild(el("ul", {"class": "refleks-svarliste"}));
        }
        renderEntry(list, id);
      });
    });
    if (g.gone.length) {
      body.appendChild(el("h2", {}, T.finnes_ikke));
      var rest = body.appendChild(el("ul", {"class": "refleks-svarliste"}));
      g.gone.forEach(function (id) { renderEntry(rest, id); });
    }
    box.insertBefore(body, status);
  }

  function journalPage(box) {
    box.querySelectorAll(".refleks-uten-skript").forEach(function (n) { n.remove(); });
    var status = el("p", {"class": "refleks-svar-status", role: "status"});
    var buttons = el("p", {"class": "refleks-knapper refleks-journal-knapper"});
    var print = el("button", {type: "button", "class": "md-button"}, T.skriv_ut);
    var save = el("button", {type: "button", "class": "md-button md-button--primary"}, T.last_ned);
    var wipe = el("button", {type: "button", "class": "md-button"}, T.slett_alt);
    print.addEventListener("click", function () { window.print(); });
    save.addEventListener("click", download);
    wipe.addEventListener("click", function () {
      if (!window.confirm(T.slett_sporsmal)) return;
      answeredIds().forEach(function (id) { store.removeItem(answerKey(id)); });
      renderJournal(box, status);
      status.textContent = T.alt_slettet;
    });
    [save, print, wipe].forEach(function (b) { buttons.appendChild(b); });
    box.appendChild(rolePicker(null));
    box.appendChild(buttons);
    box.appendChild(status);
    renderJournal(box, status);
  }

  var content = document.querySelector(".md-content article") || document.querySelector("main") || document.body;
  var journal = document.querySelector("[data-refleks-journal]");
  if (journal) journalPage(journal);
  else if (content.querySelector("li[data-refleks-sporsmal]")) questionPages(content);
  else setPage(content);
})();
