/* Pacing in the speaker view of a session deck (written for Refleks). Every slide's share
   of its agenda item is in data-timing, so reveal.js' own "Tempo" line in the speaker view
   counts down the current slide; this script turns the agenda line in each slide's notes
   into the time left for the agenda item and for the whole meeting, counted from when the
   deck was opened. The speaker view copies a slide's notes when the slide is shown, so the
   lines are kept current every few seconds. Nothing is loaded or sent anywhere. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || typeof Reveal === "undefined") return;
  var total = parseInt(me.getAttribute("data-total"), 10);
  var template = me.getAttribute("data-mal");
  var late = me.getAttribute("data-mal-over");
  var opened = Date.now();
  if (total > 0) Reveal.configure({totalTime: total * 60});

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
  }

  function update() {
    var used = (Date.now() - opened) / 60000;
    document.querySelectorAll(".reveal aside.notes .refleks-tempo").forEach(function (line) {
      var end = parseInt(line.getAttribute("data-slutt"), 10);
      var left = Math.ceil(end - used);
      var values = {
        navn: line.getAttribute("data-punkt"),
        punkt: Math.max(left, 0),
        over: Math.max(-left, 0),
        mote: Math.max(Math.ceil(total - used), 0)
      };
      line.textContent = fill(left >= 0 ? template : late, values);
    });
  }
  update();
  setInterval(update, 5000);
  Reveal.on("slidechanged", update);
})();
