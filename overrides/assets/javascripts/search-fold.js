/*
 * Bảng tin: search without diacritics for Material for MkDocs 9.8.
 *
 * The search index is folded at build time (bangtin/search.py adds "title_folded",
 * "text_folded" and "tags_folded" with the folded form of every word that has diacritics).
 * This script, loaded after Material's bundle through `extra_javascript`, does the query side
 * without forking Material:
 *
 * 1. It wraps Worker.prototype.postMessage. A search query {type: 2, data: "Kế hoạch"} is sent
 *    to the worker as "ke hoach kế hoạch": the folded words find every spelling in the folded
 *    fields, the original words also hit the unfolded title and text, so exact matches rank
 *    first. Prohibited terms (-word) and quoted (required) words are matched folded; the
 *    original words are only ever added as optional terms.
 * 2. It post-processes the worker's results ({type: 3}) before Material renders them, by
 *    wrapping the MessageEvent "data" getter for the search worker only: an original word
 *    counts as found when its folded twin was found (no "Missing: kế" under a match for
 *    "ke"), and words matched only through folding are highlighted too, in the result list
 *    and (with the search.highlight feature) on the page the result links to.
 * 3. It sends Material a keyup after input events without one (text inserted by an input
 *    method, dictation or a context-menu paste), since Material reads the query on keyup.
 *
 * fold() mirrors bangtin.text.fold: đ → d, Đ → D, NFD, drop combining marks, NFC.
 */
(function () {
  "use strict"

  var SETUP = 0
  var QUERY = 2
  var RESULT = 3
  var FOLDED = "_folded"

  /* The separator bangtin/search.py writes into the index; replaced by the index's own */
  var separator = "[\\s\\-–—/_,;:!?=\\[\\](){}\"'`“”‘’«»…·•%]+|\\.(?!\\d)|&#?[0-9A-Za-z]+;"
  var searchWorker = null

  function fold(text) {
    return String(text)
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(/(?!\u034f)\p{Mn}/gu, "")        /* marks with a combining class */
      .normalize("NFC")
  }

  /* "Kế hoạch 259/KH" → "ke hoach 259/KH kế hoạch" */
  function expandQuery(query) {
    var value = String(query).normalize("NFC")
    var folded = fold(value)
    if (folded === value)
      return value

    /* Original words, without query syntax, for the exact-diacritic ranking */
    var extra = []
    value.replace(/"/g, " ").split(/\s+/).forEach(function (token) {
      if (!token || token.charAt(0) === "-")
        return
      var word = token.replace(/^\++/, "").replace(/[~^]\d*$/, "")
      if (word && fold(word) !== word && extra.indexOf(word) < 0)
        extra.push(word)
    })
    return extra.length ? folded + " " + extra.join(" ") : folded
  }

  /* Material's result terms: {"kế": false, "ke": true} → {"kế": true} */
  function mergeTerms(terms) {
    var twins = {}
    Object.keys(terms).forEach(function (term) {
      var twin = fold(term).toLowerCase()
      if (twin !== term && Object.prototype.hasOwnProperty.call(terms, twin)) {
        terms[term] = terms[term] || terms[twin]
        twins[twin] = true
      }
    })
    Object.keys(twins).forEach(function (twin) {
      delete terms[twin]
    })
    return terms
  }

  /* Wrap words whose folded form starts with a folded query term in <mark>; collect them in found */
  function highlightFolded(html, prefixes, found) {
    if (!prefixes.length || typeof html !== "string")
      return html
    var split = new RegExp(separator, "g")
    var depth = 0
    return html.split(/(<[^>]*>)/).map(function (part, index) {
      if (index & 1) {
        if (/^<mark[\s>]/i.test(part))
          depth++
        else if (/^<\/mark>/i.test(part))
          depth = Math.max(0, depth - 1)
        return part
      }
      if (depth > 0 || !part)
        return part
      var out = ""
      var cursor = 0
      var visit = function (end) {
        var word = part.slice(cursor, end)
        var key = fold(word).toLowerCase()
        var hit = word && prefixes.some(function (prefix) {
          return key.indexOf(prefix) === 0
        })
        if (hit && found)
          found[word.toLowerCase()] = true
        out += hit ? "<mark>" + word + "</mark>" : word
      }
      var match
      split.lastIndex = 0
      while ((match = split.exec(part)) !== null) {
        if (match[0].length === 0) {
          split.lastIndex++
          continue
        }
        visit(match.index)
        out += match[0]
        cursor = match.index + match[0].length
      }
      visit(part.length)
      return out
    }).join("")
  }

  function fixResult(result) {
    if (!result || !Array.isArray(result.items))
      return
    result.items.forEach(function (group) {
      group.forEach(function (item) {
        var terms = mergeTerms(item.terms || {})
        var prefixes = Object.keys(terms)
          .filter(function (term) { return terms[term] })
          .map(function (term) { return fold(term).toLowerCase() })
        var found = {}
        item.title = highlightFolded(item.title, prefixes, found)
        item.text = highlightFolded(item.text, prefixes, found)
        /* with search.highlight, the link's ?h= lists the found terms: add the words as written */
        Object.keys(found).forEach(function (word) {
          if (!Object.prototype.hasOwnProperty.call(terms, word))
            terms[word] = true
        })
        Object.keys(item).forEach(function (key) {
          if (key.slice(-FOLDED.length) === FOLDED)
            delete item[key]
        })
      })
    })
  }

  /* 1. Queries on their way to the worker */
  if (typeof Worker !== "undefined") {
    var postMessage = Worker.prototype.postMessage
    Worker.prototype.postMessage = function (message) {
      if (message && typeof message === "object") {
        if (message.type === SETUP && message.data && message.data.config &&
            Array.isArray(message.data.docs)) {
          searchWorker = this
          if (typeof message.data.config.separator === "string")
            separator = message.data.config.separator
        } else if (message.type === QUERY && typeof message.data === "string") {
          searchWorker = searchWorker || this
          var args = Array.prototype.slice.call(arguments)
          args[0] = { type: QUERY, data: expandQuery(message.data) }
          return postMessage.apply(this, args)
        }
      }
      return postMessage.apply(this, arguments)
    }
  }

  /* 2. Results on their way to Material */
  var data = typeof MessageEvent !== "undefined" &&
    Object.getOwnPropertyDescriptor(MessageEvent.prototype, "data")
  if (data && data.get && data.configurable) {
    var seen = new WeakSet()
    Object.defineProperty(MessageEvent.prototype, "data", {
      configurable: true,
      enumerable: data.enumerable,
      get: function () {
        var value = data.get.call(this)
        if (searchWorker && this.target === searchWorker && value &&
            typeof value === "object" && value.type === RESULT && !seen.has(value)) {
          seen.add(value)
          try {
            fixResult(value.data)
          } catch (err) {
            console.warn("search-fold:", err)
          }
        }
        return value
      }
    })
  }

  /* 3. Input without keyup */
  document.addEventListener("input", function (ev) {
    var el = ev.target
    if (el instanceof HTMLInputElement && el.matches("[data-md-component=search-query]") &&
        !ev.isComposing)
      setTimeout(function () {
        el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
      })
  }, true)

  window.bangtinSearch = { fold: fold, expandQuery: expandQuery, mergeTerms: mergeTerms,
    highlightFolded: highlightFolded }
})()
