
/* Refleks (written for Refleks): search finds «kollegastøtte» from «kollegastotte», «på» from
   «pa». Appended to Material's lunr.no.min.js when the site is built (src/refleks/site/
   engine.py), so it runs in the search worker after lunr's Norwegian support: the index
   holds every word folded (æ as ae, ø as o, accents left out), and every query term is
   folded the same way. Zensical's search folds letters by itself. */
(function () {
  if (typeof lunr === "undefined" || !lunr.no || lunr.no.refleksFolded) return;
  var fold = function (text) {
    return text.toLowerCase().replace(/æ/g, "ae").replace(/ø/g, "o")
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  };
  var foldToken = function (token) { return token.update(fold); };
  lunr.Pipeline.registerFunction(foldToken, "refleksFold");
  var norwegian = lunr.no;
  lunr.no = function () {
    norwegian.apply(this, arguments);
    this.pipeline.add(foldToken);
  };
  for (var key in norwegian) lunr.no[key] = norwegian[key];
  lunr.no.refleksFolded = true;
  // query terms: Material's search adds a wildcard, and lunr runs no pipeline on those
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (entry) {
    if (entry && typeof entry.term === "string") entry.term = fold(entry.term);
    return clause.call(this, entry);
  };
})();
