/* SCORM 1.2 for a Refleks package (written for Refleks): finds the platform's API, shows
   one theme at a time, and reports cmi.core.lesson_status "completed" once every theme has
   been opened, "incomplete" before. Opened themes are kept in cmi.suspend_data, so a learner
   who comes back keeps them. Without a platform (opened from disk) the page works as a
   plain page and reports nothing. Nothing is loaded from or sent to any other place. */
(function () {
  "use strict";
  function findApi(win) {
    for (var tries = 0; win && tries < 10; tries++) {
      if (win.API) return win.API;
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  }
  var api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  var links = Array.prototype.slice.call(document.querySelectorAll("a[data-tema]"));
  var themes = links.map(function (a) { return a.getAttribute("data-tema"); });
  var status = document.getElementById("kurs-status");
  var opened = [];
  var started = false;

  if (api && String(api.LMSInitialize("")) === "true") {
    started = true;
    var saved = String(api.LMSGetValue("cmi.suspend_data") || "");
    opened = saved.split(",").filter(function (id) { return themes.indexOf(id) >= 0; });
    if (String(api.LMSGetValue("cmi.core.lesson_status")) === "not attempted" || !opened.length) {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
    }
  }

  function report() {
    var done = themes.every(function (id) { return opened.indexOf(id) >= 0; });
    if (status) {
      // outside a platform nothing is recorded: the page must not say the course is
      status.textContent = done ? status.getAttribute(started ? "data-ferdig" : "data-lokal")
        : status.getAttribute("data-mal").replace("{apnet}", opened.length).replace("{alle}", themes.length);
    }
    if (!started) return;
    api.LMSSetValue("cmi.suspend_data", opened.join(","));
    api.LMSSetValue("cmi.core.lesson_status", done ? "completed" : "incomplete");
    api.LMSCommit("");
  }

  function show(id) {
    themes.forEach(function (other) {
      var section = document.getElementById("tema-" + other);
      if (section) section.hidden = other !== id;
    });
    links.forEach(function (a) {
      if (a.getAttribute("data-tema") === id) a.setAttribute("aria-current", "true");
      else a.removeAttribute("aria-current");
    });
    if (id && opened.indexOf(id) < 0) opened.push(id);
    report();
  }

  function fromHash() {
    var id = location.hash.replace(/^#tema-/, "");
    show(themes.indexOf(id) >= 0 ? id : null);
    if (themes.indexOf(id) >= 0) {
      var heading = document.getElementById("tema-" + id + "-tittel");
      if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
    }
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();

  var finished = false;
  function finish() {
    if (!started || finished) return;
    finished = true;
    api.LMSCommit("");
    api.LMSFinish("");
  }
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
