/* Starts reveal.js for a Refleks deck: 16:9 scaled to the screen, keyboard, speaker view
   (press S), nothing loaded from another host. Labels come from the deck's HTML. */
(function () {
  "use strict";
  var root = document.querySelector(".reveal");
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
  }).then(function () {
    var labels = { "navigate-right": root.dataset.labelNext, "navigate-left": root.dataset.labelPrev };
    Object.keys(labels).forEach(function (cls) {
      root.querySelectorAll(".controls ." + cls).forEach(function (button) {
        button.setAttribute("aria-label", labels[cls]);
      });
    });
  });
})();
