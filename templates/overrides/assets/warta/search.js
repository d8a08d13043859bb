// Warta's search field (partials/search.html): Pagefind's default interface in Material's
// header. Pagefind's script, styles and index load on first use only, from this language's
// bundle, so a reader who never searches downloads none of it; so do search-roots.js and
// the shards of the word → root map it reads (Indonesian only).
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : "";
  var ROOTS_SCRIPT = here.replace(/search\.js(\?.*)?$/, "search-roots.js");

  var root = document.querySelector("[data-warta-search]");
  if (!root) return;
  var options = JSON.parse(root.querySelector(".warta-search__options").textContent);
  var button = root.querySelector(".warta-search__open");
  var panel = root.querySelector(".warta-search__panel");
  var loading = null;

  // The index holds extra word forms between these brackets (generator/search/forms.py),
  // right after the word they belong to: `memakan ⸨makan⸩`. Excerpts show the word
  // only, highlighted when its extra form matched.
  var FORM = /(\S*)\s*(<mark>)?\u2E28[^\u2E29<]*\u2E29(<\/mark>)?/g;

  function dropForms(html) {
    return String(html || "").replace(FORM, function (all, word, marked) {
      if (!marked || !word || word.indexOf("<mark>") === 0) return word;
      return "<mark>" + word + "</mark>";
    });
  }

  function formatDate(iso) {
    var parts = String(iso).split("-").map(Number);
    if (parts.length !== 3 || parts.some(isNaN)) return iso;
    var date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    var format = { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" };
    return new Intl.DateTimeFormat(options.locale, format).format(date);
  }

  // Pagefind shows every metadata key but the title as "Key: value"; show the kind and the
  // date under the page language's labels.
  function tidyResult(result) {
    var meta = result.meta || {};
    var shown = { title: meta.title };
    if (meta.kind) shown[options.labels.kind] = meta.kind;
    if (meta.date) shown[options.labels.date] = formatDate(meta.date);
    result.meta = shown;
    result.excerpt = dropForms(result.excerpt);
    (result.sub_results || []).forEach(function (sub) {
      sub.excerpt = dropForms(sub.excerpt);
    });
    return result;
  }

  function addScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("cannot load " + src)); };
      document.head.appendChild(script);
    });
  }

  // Pagefind's interface asks for the query to search synchronously (processTerm), so the
  // map's shards are fetched as the reader types, which is almost always before the
  // interface's debounce runs the search. When a shard arrives after that search, the
  // search is run again: the interface reruns only on a changed value, so a trailing space
  // (which Pagefind ignores) is added or taken away.
  function watchTyping(roots) {
    panel.addEventListener("input", function (event) {
      var field = event.target;
      if (!(field instanceof HTMLInputElement)) return;
      var typed = field.value;
      roots.prepare(typed).then(function (arrived) {
        if (!arrived || field.value !== typed || roots.rewrite(typed) === typed.trim()) return;
        field.value = /\s$/.test(typed) ? typed.replace(/\s+$/, "") : typed + " ";
        field.dispatchEvent(new Event("input", { bubbles: true }));
      });
    });
  }

  // A large language's index comes in parts (generator/search/partitions.py): the bundle's
  // top folder is the primary part, and warta-parts.json lists the others to merge, which
  // share its WebAssembly. A bundle without the list is one part.
  function loadParts() {
    return fetch(options.bundle + "warta-parts.json")
      .then(function (response) { return response.ok ? response.json() : { parts: [] }; })
      .then(function (manifest) { return Array.isArray(manifest.parts) ? manifest.parts : []; })
      .catch(function () { return []; });
  }

  function load() {
    if (loading) return loading;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = options.bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    var scripts = [addScript(options.bundle + "pagefind-ui.js"), addScript(ROOTS_SCRIPT)];
    loading = Promise.all([loadParts()].concat(scripts)).then(function (loaded) {
      // eslint-disable-next-line no-undef
      var roots = new WartaRoots(options.bundle);
      roots.loadManifest();
      watchTyping(roots);
      // eslint-disable-next-line no-undef
      return new PagefindUI({
        element: panel.querySelector(".warta-search__ui"),
        bundlePath: options.bundle,
        baseUrl: options.base,
        showSubResults: false,
        showImages: false,
        excerptLength: 24,
        processResult: tidyResult,
        processTerm: function (term) { return roots.rewrite(term); },
        mergeIndex: loaded[0].map(function (part) {
          return { bundlePath: options.bundle + part + "/", baseUrl: options.base };
        }),
      });
    });
    return loading;
  }

  function focusInput() {
    var input = panel.querySelector("input");
    if (input) input.focus();
  }

  function open() {
    panel.hidden = false;
    button.setAttribute("aria-expanded", "true");
    root.classList.add("warta-search--open");
    return load().then(focusInput);
  }

  function close() {
    panel.hidden = true;
    button.setAttribute("aria-expanded", "false");
    root.classList.remove("warta-search--open");
  }

  function isEditable(target) {
    return target instanceof HTMLElement &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  button.addEventListener("click", function () {
    if (panel.hidden) open(); else close();
  });
  root.querySelector(".warta-search__close").addEventListener("click", function () {
    close();
    button.focus();
  });
  // The path is taken when the click happens: the "load more" button the widget removes
  // while handling its own click is no longer inside the panel by the time this runs.
  document.addEventListener("click", function (event) {
    if (!panel.hidden && event.composedPath().indexOf(root) < 0) close();
  });
  // Material's own shortcuts: `/`, `s` or `f` open search, Escape closes it. Stopping the
  // event keeps Material's handler, which looks for its lunr field, out of it.
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) {
      event.stopPropagation();
      close();
      button.focus();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      event.stopPropagation();
      open();
    }
  }, true);
})();
