// The query side of Warta's Indonesian search: each word the reader types is looked up in
// the map of the site's words to their dictionary roots that the search stage writes into
// the bundle (generator/search/vocabulary.py), and the root is what Pagefind searches for:
// the index carries the same root after each such word (`pemerintah ⸨perintah⸩`). The map
// is split by a hash of the word, so a query fetches `roots/index.json` once and one small
// shard per new word. search.js loads this file on the first search only.
(function () {
  "use strict";

  var EDGE = /^[^\p{L}]+|[^\p{L}]+$/gu;

  // 32-bit FNV-1a over UTF-16 code units, as generator/search/vocabulary.py computes it.
  function fnv1a(word) {
    var hash = 0x811c9dc5;
    for (var i = 0; i < word.length; i++) {
      hash ^= word.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash;
  }

  // The forms of a typed word to look up: the word, and for a reduplication whose halves
  // are the same word (`anak-anak`) that word, which Pagefind would otherwise read as
  // the one term `anakanak`.
  function keys(token) {
    var word = token.toLowerCase().replace(EDGE, "");
    var parts = word.split("-");
    var same = parts.length > 1 && parts.every(function (part) { return part === parts[0]; });
    return same ? [word, parts[0]] : [word];
  }

  function WartaRoots(bundle) {
    this.bundle = bundle;
    this.manifest = null;
    this.shards = {};
  }

  WartaRoots.prototype.loadManifest = function () {
    if (!this.manifest) {
      this.manifest = fetch(this.bundle + "roots/index.json")
        .then(function (response) { return response.ok ? response.json() : { shards: 0 }; })
        .catch(function () { return { shards: 0 }; });
    }
    return this.manifest;
  };

  // Fetch the shards the term's words need; resolves true when a shard came in.
  WartaRoots.prototype.prepare = function (term) {
    var self = this;
    return this.loadManifest().then(function (manifest) {
      self.count = manifest.shards || 0;
      if (!self.count) return false;
      var wanted = {};
      String(term || "").split(/\s+/).forEach(function (token) {
        keys(token).forEach(function (key) {
          if (key) wanted[fnv1a(key) % self.count] = true;
        });
      });
      var missing = Object.keys(wanted).filter(function (n) { return !(n in self.shards); });
      return Promise.all(missing.map(function (n) {
        self.shards[n] = fetch(self.bundle + "roots/" + n + ".json")
          .then(function (response) { return response.ok ? response.json() : {}; })
          .catch(function () { return {}; })
          .then(function (shard) { self.shards[n] = shard; });
        return self.shards[n];
      })).then(function () { return missing.length > 0; });
    });
  };

  WartaRoots.prototype.lookup = function (key) {
    if (!this.count) return null;
    var shard = this.shards[fnv1a(key) % this.count];
    return shard && !shard.then && Object.prototype.hasOwnProperty.call(shard, key)
      ? shard[key] : null;
  };

  // The term with each word the map knows replaced by its root; at once, from the shards
  // fetched so far (Pagefind's interface calls this synchronously).
  WartaRoots.prototype.rewrite = function (term) {
    var self = this;
    return String(term || "").split(/\s+/).filter(Boolean).map(function (token) {
      var forms = keys(token);
      for (var i = 0; i < forms.length; i++) {
        var root = self.lookup(forms[i]);
        if (root) return root;
      }
      return forms.length > 1 ? forms[1] : token;
    }).join(" ");
  };

  window.WartaRoots = WartaRoots;
})();
