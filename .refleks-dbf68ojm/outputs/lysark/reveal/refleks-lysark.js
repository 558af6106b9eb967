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
})();
