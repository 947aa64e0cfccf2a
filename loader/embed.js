/*! Kindred embed loader: mounts the widget into [data-kindred] placeholders and <kindred-*> elements. */
// A classic script, so brands can include it with a plain <script src async> anywhere, even
// twice. It reserves each placeholder's place with a skeleton at once, loads the widget's
// files from its own directory only when the first placeholder comes within about a viewport
// of being seen (one wasm instance for the whole page), mounts each placeholder as it comes
// near, follows placeholders that single-page apps add and remove, and never lets a failure
// escape into the host page. `cargo xtask dist` minifies it.
(() => {
  "use strict";
  if (window.Kindred) return; // included twice: the first copy does the work

  // Names of the widget's content-hashed files beside this script.
  var FILES = { "glue": "kindred.js", "wasm": "kindred_bg.wasm", "css": "kindred.css" };

  // The loader's own look: a skeleton as tall as the placeholder's min-height (which the page
  // sets to reserve the widget's place) or 24rem, and the message when loading failed.
  const CSS =
    ":host{display:block}.k{box-sizing:border-box;height:24rem;min-height:inherit;padding:16px;" +
    "display:grid;gap:12px;align-content:start}" +
    ".k i{height:72px;border-radius:12px;background:var(--kindred-color-surface,#f0f2f5)}" +
    ".k button{justify-self:start;font:inherit;padding:8px 16px;border:1px solid;border-radius:8px}";

  // What a placeholder says when the widget's files cannot load, in the widget's languages.
  const FAILED = {
    en: ["This content couldn’t load.", "Try again"],
    de: ["Dieser Inhalt konnte nicht geladen werden.", "Erneut versuchen"],
    fr: ["Ce contenu n’a pas pu être chargé.", "Réessayer"],
    ar: ["تعذّر تحميل هذا المحتوى.", "أعد المحاولة"],
  };

  // Attributes of <kindred-*> elements that, when changed, mount the widget afresh.
  const OPTIONS = ["api", "site", "board", "feed", "form", "view", "layout", "locale", "theme",
    "stylesheet", "eager", "timeout", "paging", "tag", "product"];

  const script = document.currentScript;
  const here = script && script.src ? script.src : location.href;
  const attrs = (script && script.dataset) || {};
  const absolute = (url) => new URL(url, location.href).href.replace(/\/+$/, "");
  const api = absolute(attrs.api || "/");
  const live = new Map(); // host element -> its entry
  let loading, sheet, widgetSheet, nearby, glue, loaded;
  let token = null; // the signed-in user's SSO token, handed to the widget once it loads
  const ready = new Promise((resolve) => (loaded = resolve));

  // Tells the loaded widget who the visitor is.
  const signIn = () => glue && (token ? glue.identify(token) : glue.logout());

  // Loads the glue, the wasm it imports and the stylesheet, once, in parallel. The widget's
  // stylesheet is built here, shared by every widget on the page, and adopted into the
  // skeletons as soon as it arrives: the browser parses it and puts it to use while the wasm
  // downloads, rather than when the widget first renders.
  const load = () => {
    if (!loading) {
      const url = (name) => new URL(FILES[name], here).href;
      loading = Promise.all([
        import(url("glue")).then((module) =>
          module.default({ module_or_path: url("wasm") }).then(() => {
            glue = module;
            signIn();
            return module;
          }),
        ),
        fetch(url("css")).then((response) => {
          if (!response.ok) throw new Error("stylesheet: HTTP " + response.status);
          return response.text();
        }).then((css) => {
          widgetSheet = new CSSStyleSheet();
          widgetSheet.replaceSync(css);
          live.forEach((entry, el) => {
            if (!entry.widget && el.shadowRoot && sheet) el.shadowRoot.adoptedStyleSheets = [widgetSheet, sheet];
          });
          return widgetSheet;
        }),
      ]);
      loading.then(() => loaded(window.Kindred), (error) => {
        loading = null; // a later mount may retry
        console.error("[kindred] could not load the widget", error);
      });
    }
    return loading;
  };

  // The options the widget reads: the script's api and site, then the element's own
  // (data-* on placeholders, plain attributes on <kindred-*> elements), then `extra`.
  const optionsFor = (el, extra) => {
    const options = { api, site: attrs.site || "" };
    if (el.localName.startsWith("kindred-")) {
      options.kind = el.localName.slice(8);
      for (const { name, value } of el.attributes) {
        options[name.replace(/^data-/, "").replace(/-([a-z])/g, (_, c) => c.toUpperCase())] = value;
      }
    } else {
      Object.assign(options, el.dataset);
      options.kind = options.kindred;
      delete options.kindred;
    }
    for (const key in extra) options[key] = String(extra[key]);
    options.api = absolute(options.api);
    return options;
  };

  // Shows a fresh box in `el`'s shadow root, styled by the loader's stylesheet (after the
  // widget's, once loaded), unless `only` is set and the root already shows something;
  // answers the box.
  const show = (el, only) => {
    const box = document.createElement("div");
    const root = el.shadowRoot || (el.attachShadow && el.attachShadow({ mode: "open" }));
    if (!root || (only && root.childNodes.length)) return box;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
    }
    root.adoptedStyleSheets = widgetSheet ? [widgetSheet, sheet] : [sheet];
    box.className = "k";
    root.replaceChildren(box);
    return box;
  };

  const add = (parent, tag, text = "") => {
    const child = parent.appendChild(document.createElement(tag));
    child.textContent = text;
    return child;
  };

  // The skeleton that holds `el`'s place until the widget renders.
  const reserve = (el, only) => {
    const box = show(el, only);
    box.setAttribute("part", "skeleton");
    box.setAttribute("aria-hidden", "true");
    for (let i = 0; i < 3; i++) add(box, "i");
  };

  // Says in `entry`'s placeholder that the widget could not load, with a retry unless the
  // page's policy refused the wasm (retrying cannot change that).
  const fail = (entry, error) => {
    const el = entry.el;
    const lang = el.dataset.locale || el.getAttribute("locale") ||
      (el.closest("[lang]") || {}).lang || navigator.language || "";
    const words = FAILED[lang.slice(0, 2).toLowerCase()] || FAILED.en;
    const box = show(el);
    box.setAttribute("role", "alert");
    box.setAttribute("part", "error");
    add(box, "p", words[0]);
    if (error && error.name === "CompileError") return;
    const retry = add(box, "button", words[1]);
    retry.type = "button";
    retry.setAttribute("part", "retry-button");
    retry.onclick = () => {
      reserve(el);
      start(entry);
    };
  };

  // Loads the widget for `entry` and mounts it, unless it was unmounted meanwhile.
  const start = (entry) => {
    if (nearby) nearby.unobserve(entry.el);
    load().then(([module, styles]) => {
      if (live.get(entry.el) === entry) {
        entry.widget = module.mount(entry.el, JSON.stringify(optionsFor(entry.el, entry.extra)), styles);
      }
    }, (error) => live.get(entry.el) === entry && fail(entry, error));
  };

  // Starts `entry` at once when eager, else when it comes within a viewport of being seen.
  const observe = (entry) => {
    const el = entry.el;
    if ("eager" in el.dataset || el.hasAttribute("eager") || (entry.extra || {}).eager ||
      "eager" in attrs || !window.IntersectionObserver) return start(entry);
    nearby = nearby || new IntersectionObserver((seen) => {
      for (const each of seen) {
        const entry = live.get(each.target);
        if (each.isIntersecting && entry) start(entry);
      }
    }, { rootMargin: "100% 0px" });
    nearby.observe(el);
  };

  const unmount = (el) => {
    const entry = live.get(el);
    if (!entry) return;
    live.delete(el);
    if (nearby) nearby.unobserve(el);
    if (entry.widget) {
      entry.widget.unmount();
    } else if (el.shadowRoot) {
      el.shadowRoot.replaceChildren();
      el.shadowRoot.adoptedStyleSheets = [];
    }
  };

  /** Mounts a widget into `el`; `options` override its attributes. Answers a handle. */
  const mount = (el, options) => {
    if (!live.has(el)) {
      const entry = { el, extra: options, connected: el.isConnected };
      live.set(el, entry);
      reserve(el, true);
      observe(entry);
    }
    /** `unmount()` removes the widget; `el` may be mounted again later. */
    return { element: el, unmount: () => unmount(el) };
  };

  const scan = (node) => {
    if (node.nodeType !== 1) return;
    if (node.matches("[data-kindred]")) mount(node);
    node.querySelectorAll("[data-kindred]").forEach((found) => mount(found));
  };

  // Placeholders added later are mounted; those taken out of the page are unmounted (an
  // element moved within one task stays connected, so it keeps its widget).
  new MutationObserver((records) => {
    for (const record of records) record.addedNodes.forEach(scan);
    live.forEach((entry, el) => {
      if (el.isConnected) entry.connected = true;
      else if (entry.connected && !entry.custom) unmount(el);
    });
  }).observe(document, { childList: true, subtree: true });

  for (const kind of ["ideas", "feed", "form"]) {
    const name = "kindred-" + kind;
    if (window.customElements && !customElements.get(name)) {
      customElements.define(name, class extends HTMLElement {
        static get observedAttributes() { return OPTIONS; }
        connectedCallback() { mount(this); live.get(this).custom = true; }
        disconnectedCallback() { unmount(this); }
        attributeChangedCallback() {
          if (live.has(this)) {
            unmount(this);
            this.connectedCallback();
          }
        }
      });
    }
  }

  window.Kindred = {
    mount,
    /** Identifies the visitor to every widget with the brand's SSO token. */
    identify: (jwt) => {
      token = jwt ? String(jwt) : null;
      signIn();
    },
    /** Signs the visitor out of every widget. */
    logout: () => {
      token = null;
      signIn();
    },
    /** Resolves with this object once the widget's code has loaded. */
    ready,
  };

  scan(document.documentElement);
})();
