/*! Kindred embed loader: finds [data-kindred] placeholders and mounts the widget in each. */
// A classic script, so brands can include it with a plain <script src async> anywhere.
// It reads its own URL and attributes, loads the widget's files from its own directory
// (one wasm instance for the whole page), and never lets a failure escape into the host page.
(function () {
  "use strict";
  if (window.Kindred) return; // included twice: the first copy does the work

  // Names of the widget's content-hashed files beside this script.
  var FILES = { "glue": "kindred.js", "wasm": "kindred_bg.wasm", "css": "kindred.css" };

  var script = document.currentScript;
  var here = script && script.src ? script.src : location.href;
  var attrs = (script && script.dataset) || {};
  var api = new URL(attrs.api || "/", location.href).href.replace(/\/+$/, "");
  var handles = new WeakMap();
  var loading;

  function log(message, detail) {
    console.error("[kindred] " + message, detail === undefined ? "" : detail);
  }

  // Loads the glue, the wasm it imports and the stylesheet, once, in parallel.
  function load() {
    if (!loading) {
      loading = Promise.all([
        import(new URL(FILES.glue, here).href).then(function (glue) {
          var wasm = new URL(FILES.wasm, here);
          return glue.default({ module_or_path: wasm }).then(function () { return glue; });
        }),
        fetch(new URL(FILES.css, here).href).then(function (response) {
          if (!response.ok) throw new Error("stylesheet: HTTP " + response.status);
          return response.text();
        })
      ]);
      loading.catch(function (error) {
        loading = null; // a later mount may retry
        log("could not load the widget", error);
      });
    }
    return loading;
  }

  // The options the widget reads: the script's api and site, then the element's data-*.
  function optionsFor(el, extra) {
    var options = { api: api, site: attrs.site || "" };
    var key;
    for (key in el.dataset) options[key] = el.dataset[key];
    if (options.kindred) options.kind = options.kindred;
    delete options.kindred;
    for (key in extra || {}) options[key] = extra[key];
    return options;
  }

  function mount(el, extra) {
    if (handles.has(el)) return Promise.resolve(handles.get(el));
    var pending = load().then(function (loaded) {
      var handle = loaded[0].mount(el, JSON.stringify(optionsFor(el, extra)), loaded[1]);
      handles.set(el, handle);
      return handle;
    });
    handles.set(el, pending);
    pending.catch(function () { handles.delete(el); });
    return pending;
  }

  function mountAll() {
    var found = document.querySelectorAll("[data-kindred]");
    for (var i = 0; i < found.length; i++) mount(found[i]).catch(function () {});
  }

  window.Kindred = {
    /** Mounts a widget into `el`; `options` override its data-* attributes. */
    mount: mount
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }
})();
