// The search worker's frame from disk (file://), as iframe-worker's shim writes it inline,
// as a file: the site's Content-Security-Policy runs no inline script (src/refleks/site/policy.py).
(function () {
  var worker = document.currentScript.dataset.worker;
  postMessage = function (data, origin) { parent.postMessage(data, origin || "*"); };
  importScripts = function () {
    return Array.prototype.reduce.call(arguments, function (done, url) {
      return done.then(function () {
        return new Promise(function (loaded) {
          var script = document.createElement("script");
          script.src = url;
          script.onload = loaded;
          document.body.appendChild(script);
        });
      });
    }, Promise.resolve());
  };
  addEventListener("error", function (event) {
    parent.dispatchEvent(new ErrorEvent("error", {filename: worker, error: event.error}));
  });
})();
