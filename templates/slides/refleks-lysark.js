/* Starts reveal.js for a Refleks deck: 16:9 scaled to the screen, keyboard, speaker view
   (press S), nothing loaded from another host. reveal.js' own texts are made Norwegian
   when it is copied (templates/slides/reveal-nb.yaml). */
(function () {
  "use strict";
  // ?tema=a,b&rolle=c,d (from «Planlegg et møte»): only those themes and those roles'
  // questions; the other slides are taken out before reveal.js counts them
  var params = new URLSearchParams(window.location.search);
  ["tema", "rolle"].forEach(function (name) {
    var wanted = params.get(name);
    if (!wanted) return;
    var keep = wanted.split(",");
    document.querySelectorAll(".slides > section[data-refleks-" + name + "]").forEach(function (section) {
      if (keep.indexOf(section.getAttribute("data-refleks-" + name)) < 0) section.remove();
    });
  });
  if (params.get("tema") || params.get("rolle")) meeting(params);
  var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  Reveal.initialize({
    width: 1280,
    height: 720,
    margin: 0.05,
    minScale: 0.2,
    maxScale: 2.0,
    center: false,
    hash: true,
    controls: true,
    controlsTutorial: false,
    progress: true,
    slideNumber: "c/t",
    keyboard: true,
    navigationMode: "linear",
    transition: reduce ? "none" : "fade",
    transitionSpeed: "fast",
    backgroundTransition: "none",
    plugins: [RevealNotes]
  });

  /* the meeting's title slide and its summary slide (deck.html.j2, <template id="refleks-mote">) */
  function meeting(params) {
    var template = document.getElementById("refleks-mote");
    var slides = document.querySelector(".slides");
    if (!template || !slides) return;
    var content = template.content, data = template.dataset;
    var minutes = params.get("minutter") || "";
    var words = function (spans, key) {
      return Array.prototype.map.call(spans, function (span) { return span.getAttribute(key); });
    };
    var join = function (items) {
      return items.length < 2 ? items.join("") : items.slice(0, -1).join(", ") + " og " + items[items.length - 1];
    };
    var roles = (params.get("rolle") || "").split(",").filter(Boolean);
    var roleSpans = Array.prototype.filter.call(content.querySelectorAll("[data-rolle]"), function (span) {
      return !roles.length || roles.indexOf(span.getAttribute("data-rolle")) >= 0;
    });
    var labels = words(roleSpans, "data-label").map(function (l) { return l.charAt(0).toLowerCase() + l.slice(1); });
    var shown = {};
    slides.querySelectorAll("section[data-refleks-tema]").forEach(function (s) { shown[s.getAttribute("data-refleks-tema")] = true; });
    var themes = Array.prototype.filter.call(content.querySelectorAll("[data-tema]"), function (span) {
      return shown[span.getAttribute("data-tema")];
    });
    var title = document.importNode(content.querySelector("section.refleks-title"), true);
    var field = function (name) { return title.querySelector('[data-refleks-felt="' + name + '"]'); };
    var group = roleSpans.length === 1 ? roleSpans[0].getAttribute("data-address") : data.group.replace("{labels}", join(labels));
    var whole = /^[1-9][0-9]*$/.test(minutes);
    if (whole) field("meeting").textContent = data.meeting.replace("{antall}", minutes);
    field("roles").textContent = group;
    field("themes").textContent = join(words(themes, "data-title"));
    // the set's welcome note stays when the deck does not know the minutes
    if (whole) field("welcome").textContent = data.welcome.replace("{antall}", minutes).replace("{rolle}", join(labels));

    var old = slides.querySelector("section.refleks-title");
    if (old) slides.replaceChild(title, old);
    var closing = slides.querySelector("section.refleks-closing");
    slides.insertBefore(document.importNode(content.querySelector("section.refleks-summary"), true), closing);
  }
})();
