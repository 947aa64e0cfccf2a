/*! Kindred embed loader: mounts the widget into [data-kindred] placeholders and <kindred-*> elements. */
// A classic script, so brands can include it with a plain <script src async> anywhere, even
// twice. It reserves each placeholder's place with a skeleton at once, loads the widget's
// files from its own directory only when the first placeholder comes within about a viewport
// of being seen (one wasm instance for the whole page), mounts each placeholder as it comes
// near, follows placeholders that single-page apps add and remove, and never lets a failure
// escape into the host page.
(function () {
  "use strict";
  if (window.Kindred) return; // included twice: the first copy does the work

  // Names of the widget's content-hashed files beside this script.
  var FILES = { "glue": "kindred.js", "wasm": "kindred_bg.wasm", "css": "kindred.css" };

  // The skeleton shown until the widget renders: as tall as the placeholder's own min-height
  // (which the page's stylesheet sets to reserve the widget's place), else 24rem.
  var SKELETON_CSS =
    ":host{display:block}.k{box-sizing:border-box;height:24rem;min-height:inherit;padding:16px;" +
    "display:grid;gap:12px;align-content:start}" +
    ".k i{height:72px;border-radius:12px;background:var(--kindred-color-surface,#f0f2f5)}";

  // Attributes of <kindred-*> elements that, when changed, mount the widget afresh.
  var OPTIONS = ["api", "site", "board", "feed", "form", "view", "layout", "locale", "theme",
    "stylesheet", "eager"];

  var script = document.currentScript;
  var here = script && script.src ? script.src : location.href;
  var attrs = (script && script.dataset) || {};
  var api = new URL(attrs.api || "/", location.href).href.replace(/\/+$/, "");
  var live = new Map(); // host element -> its entry
  var loading, skeleton, nearby, glue;
  var token = null; // the signed-in user's SSO token, handed to the widget once it loads
  var loaded;
  var ready = new Promise(function (resolve) { loaded = resolve; });

  function log(message, detail) {
    console.error("[kindred] " + message, detail === undefined ? "" : detail);
  }

  // Loads the glue, the wasm it imports and the stylesheet, once, in parallel.
  function load() {
    if (!loading) {
      loading = Promise.all([
        import(new URL(FILES.glue, here).href).then(function (module) {
          var wasm = new URL(FILES.wasm, here);
          return module.default({ module_or_path: wasm }).then(function () {
            glue = module;
            signIn();
            return module;
          });
        }),
        fetch(new URL(FILES.css, here).href).then(function (response) {
          if (!response.ok) throw new Error("stylesheet: HTTP " + response.status);
          return response.text();
        })
      ]);
      loading.then(function () { loaded(window.Kindred); }, function (error) {
        loading = null; // a later mount may retry
        log("could not load the widget", error);
      });
    }
    return loading;
  }

  // Tells the loaded widget who the visitor is.
  function signIn() {
    if (!glue) return;
    if (token) glue.identify(token);
    else glue.logout();
  }

  // The options the widget reads: the script's api and site, then the element's own
  // (data-* on placeholders, plain attributes on <kindred-*> elements), then `extra`.
  function optionsFor(el, extra) {
    var options = { api: api, site: attrs.site || "" };
    var custom = el.localName.indexOf("kindred-") === 0;
    var key, i, a;
    if (custom) {
      options.kind = el.localName.slice(8);
      for (i = 0; i < el.attributes.length; i++) {
        a = el.attributes[i];
        key = a.name.replace(/^data-/, "").replace(/-([a-z])/g, function (m, c) { return c.toUpperCase(); });
        options[key] = a.value;
      }
    } else {
      for (key in el.dataset) options[key] = el.dataset[key];
      if (options.kindred) options.kind = options.kindred;
      delete options.kindred;
    }
    for (key in extra || {}) options[key] = String(extra[key]);
    if (options.api !== api) options.api = new URL(options.api, location.href).href.replace(/\/+$/, "");
    return options;
  }

  // Fills `el`'s shadow root with the skeleton, unless it already shows something.
  function reserve(el) {
    var root = el.shadowRoot || (el.attachShadow && el.attachShadow({ mode: "open" }));
    if (!root || root.childNodes.length) return;
    if (!skeleton) {
      skeleton = new CSSStyleSheet();
      skeleton.replaceSync(SKELETON_CSS);
    }
    root.adoptedStyleSheets = [skeleton];
    var box = document.createElement("div");
    box.className = "k";
    box.setAttribute("part", "skeleton");
    box.setAttribute("aria-hidden", "true");
    for (var i = 0; i < 3; i++) box.appendChild(document.createElement("i"));
    root.appendChild(box);
  }

  // Starts loading for `entry` and mounts it once loaded, unless it was unmounted meanwhile.
  function start(entry) {
    if (nearby) nearby.unobserve(entry.el);
    load().then(function (files) {
      if (live.get(entry.el) !== entry) return;
      entry.widget = files[0].mount(entry.el, JSON.stringify(optionsFor(entry.el, entry.extra)), files[1]);
    }, function () {});
  }

  function observe(entry) {
    var eager = "eager" in entry.el.dataset || entry.el.hasAttribute("eager") ||
      (entry.extra && entry.extra.eager) || "eager" in attrs;
    if (eager || !window.IntersectionObserver) return start(entry);
    if (!nearby) {
      nearby = new IntersectionObserver(function (seen) {
        seen.forEach(function (each) {
          var entry = live.get(each.target);
          if (each.isIntersecting && entry) start(entry);
        });
      }, { rootMargin: "100% 0px" });
    }
    nearby.observe(entry.el);
  }

  /** Mounts a widget into `el`; `options` override its attributes. Answers a handle. */
  function mount(el, options) {
    var entry = live.get(el);
    if (!entry) {
      entry = { el: el, extra: options, connected: el.isConnected };
      live.set(el, entry);
      reserve(el);
      observe(entry);
    }
    return {
      element: el,
      /** Removes the widget; `el` may be mounted again later. */
      unmount: function () { unmount(el); }
    };
  }

  function unmount(el) {
    var entry = live.get(el);
    if (!entry) return;
    live.delete(el);
    if (nearby) nearby.unobserve(el);
    if (entry.widget) {
      entry.widget.unmount();
    } else if (el.shadowRoot) {
      el.shadowRoot.replaceChildren();
      el.shadowRoot.adoptedStyleSheets = [];
    }
  }

  function scan(node) {
    if (node.nodeType !== 1) return;
    if (node.matches("[data-kindred]")) mount(node);
    var found = node.querySelectorAll("[data-kindred]");
    for (var i = 0; i < found.length; i++) mount(found[i]);
  }

  // Placeholders added later are mounted; those taken out of the page are unmounted (an
  // element moved within one task stays connected, so it keeps its widget).
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(scan); });
    live.forEach(function (entry, el) {
      if (el.isConnected) entry.connected = true;
      else if (entry.connected && !entry.custom) unmount(el);
    });
  }).observe(document, { childList: true, subtree: true });

  ["ideas", "feed", "form"].forEach(function (kind) {
    var name = "kindred-" + kind;
    if (!window.customElements || customElements.get(name)) return;
    customElements.define(name, class extends HTMLElement {
      static get observedAttributes() { return OPTIONS; }
      connectedCallback() { mount(this); live.get(this).custom = true; }
      disconnectedCallback() { unmount(this); }
      attributeChangedCallback() {
        if (live.has(this)) { unmount(this); this.connectedCallback(); }
      }
    });
  });

  window.Kindred = {
    mount: mount,
    /** Identifies the visitor to every widget with the brand's SSO token. */
    identify: function (jwt) {
      token = jwt ? String(jwt) : null;
      signIn();
    },
    /** Signs the visitor out of every widget. */
    logout: function () {
      token = null;
      signIn();
    },
    /** Resolves with this object once the widget's code has loaded. */
    ready: ready
  };

  scan(document.documentElement);
})();
