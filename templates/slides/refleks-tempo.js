/* Pacing in the speaker view of a session deck (written for Refleks). Every slide's share
   of its agenda item is in data-timing, so reveal.js' own "Tempo" line in the speaker view
   counts down the current slide; this script turns the agenda line in each slide's notes
   into the time left for the agenda item and for the whole meeting, counted from when the
   deck was opened, and marks the line when the item is over time.
   reveal.js' speaker view copies a slide's notes only when the slide changes, so the line
   there is also kept current every second: the speaker view (a window opened by this page,
   same origin) makes itself known by its heartbeat message, and the line in its notes is
   rewritten in place. Nothing is loaded or sent anywhere. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me || typeof Reveal === "undefined") return;
  var total = parseInt(me.getAttribute("data-total"), 10);
  var template = me.getAttribute("data-mal");
  var late = me.getAttribute("data-mal-over");
  var opened = Date.now();
  var speaker = null;
  if (total > 0) Reveal.configure({totalTime: total * 60});

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return String(values[k]); });
  }

  function refresh(root, used) {
    if (!root) return;
    root.querySelectorAll(".refleks-tempo").forEach(function (line) {
      var left = parseInt(line.getAttribute("data-slutt"), 10) - used;
      var over = left <= 0;
      var values = {
        navn: line.getAttribute("data-punkt"),
        punkt: Math.ceil(Math.max(left, 0)),
        over: Math.max(Math.floor(-left), 1),
        mote: Math.max(Math.ceil(total - used), 0)
      };
      line.textContent = fill(over ? late : template, values);
      line.classList.toggle("refleks-tempo-over", over);
    });
  }

  function speakerNotes() {
    if (!speaker) return null;
    try {
      if (speaker.closed) throw new Error("closed");
      return speaker.document.querySelector(".speaker-controls-notes");
    } catch (e) {
      speaker = null;
      return null;
    }
  }

  function update() {
    var used = (Date.now() - opened) / 60000;
    refresh(document.querySelector(".reveal .slides"), used);
    refresh(speakerNotes(), used);
  }

  window.addEventListener("message", function (event) {
    var data = null;
    try {
      data = JSON.parse(event.data);
      if (event.source.location.origin !== window.location.origin) return;
    } catch (e) {
      return;
    }
    if (data && data.namespace === "reveal-notes" && data.type === "heartbeat") {
      speaker = event.source;
      update();
    }
  });
  update();
  setInterval(update, 1000);
  Reveal.on("slidechanged", update);
})();
