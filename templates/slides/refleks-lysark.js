/* Starts reveal.js for a Refleks deck: 16:9 scaled to the screen, keyboard, speaker view
   (press S), nothing loaded from another host. reveal.js' own texts are made Norwegian
   when it is copied (templates/slides/reveal-nb.yaml). */
(function () {
  "use strict";
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
