/*
 * Bảng tin: Material's search worker, answered by Pagefind.
 *
 * Material talks to its search worker in four messages: SETUP (the index), READY, QUERY (the text in the box) and
 * RESULT (result groups: a page, then its sections). This worker speaks the same messages, so parents keep Material's
 * search box and result list, but it searches the Pagefind bundle that bangtin/search.py writes into pagefind/:
 * a query downloads only the index fragments it needs and one small file per result shown.
 *
 * - SETUP: Material's index holds only its settings now; the worker loads Pagefind and answers READY.
 * - QUERY: the query is written as the index is ("đ" as "d", see index_text in bangtin/search.py) and searched.
 *   The first FIRST results are loaded and sent, then, once no newer query has come for SETTLE ms, the rest up to
 *   PAGE, each time with the total (search.js
 *   shows it as the count) and the query answered. A query overtaken by a newer one loads nothing more and is
 *   never answered. A last word of one letter is left out until the next letter comes.
 * - What Pagefind returns is turned back into the page's text ("d" + STROKE → "đ"); words of the title matched
 *   through folding are marked as Pagefind marks them in the excerpt, and the marked words, as written on the page,
 *   become the result's terms (Material's ?h= link highlights them on the page).
 */
"use strict"

var SETUP = 0
var READY = 1
var QUERY = 2
var RESULT = 3

/* Results loaded per query: the first FIRST (a phone shows four or five) are sent as soon as they are loaded, then
   up to PAGE (Material renders ten at once, then four more each time the reader reaches the end of the list) */
var FIRST = 5
var PAGE = 20
/* Milliseconds without a newer query before the results after FIRST are loaded */
var SETTLE = 400
/* Sections listed under a page */
var SECTIONS = 3

var ROOT = new URL("../../", self.location.href)   /* this file is assets/javascripts/search-worker.js */
var STROKE = /([dD])\u0335/g
var separator = /[\s\-–—/_,;:!?=\[\](){}"'`“”‘’«»…·•%]+|\.(?!\d)|&#?[0-9A-Za-z]+;/g

var pagefind = null
var latest = 0

function fold(text) {
  return String(text)
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/(?!\u034f)\p{Mn}/gu, "")
    .normalize("NFC")
    .toLowerCase()
}

/* The query as the index is written: NFC, "đ" as "d" */
function queryText(query) {
  return String(query).normalize("NFC").replace(/đ/g, "d").replace(/Đ/g, "D")
}

/* Pagefind's text back as the page has it */
function shown(text) {
  return String(text || "").replace(STROKE, function (match, letter) {
    return letter === "d" ? "đ" : "Đ"
  })
}

function setup(config) {
  if (config && typeof config.separator === "string")
    separator = new RegExp(config.separator, "g")
  var language = config && config.lang && config.lang[0] || "vi"
  return import(new URL("pagefind/pagefind.js", ROOT).href).then(function (module) {
    return module.options({ basePath: new URL("pagefind/", ROOT).pathname, excerptLength: 24 })
      .then(function () { return module.init(language) })
      .then(function () { pagefind = module })
  })
}

/* The words Pagefind marked in an excerpt ("STEM." and "259/KH-MNHS:" are marked whole), as written */
function markedWords(html, into) {
  html.replace(/<mark>([^<]*)<\/mark>/g, function (match, marked) {
    marked.split(separator).forEach(function (word) {
      if (word)
        into[word.toLowerCase()] = true
    })
    return match
  })
  return into
}

/* Mark the words of a title whose folded form starts with a folded query word */
function markTitle(title, prefixes, found) {
  if (!prefixes.length)
    return title
  var out = ""
  var cursor = 0
  var visit = function (end) {
    var word = title.slice(cursor, end)
    var key = fold(word)
    var hit = word && prefixes.some(function (prefix) { return key.indexOf(prefix) === 0 })
    if (hit)
      found[word.toLowerCase()] = true
    out += hit ? "<mark>" + word + "</mark>" : word
  }
  var match
  separator.lastIndex = 0
  while ((match = separator.exec(title)) !== null) {
    if (match[0].length === 0) {
      separator.lastIndex++
      continue
    }
    visit(match.index)
    out += match[0]
    cursor = match.index + match[0].length
  }
  visit(title.length)
  return out
}

/* A page address relative to the site root, as Material's documents have it */
function relative(url) {
  var path = String(url)
  return path.indexOf(ROOT.pathname) === 0 ? path.slice(ROOT.pathname.length) : path.replace(/^\//, "")
}

/* One Pagefind result as a Material result group: the page, then its best sections */
function group(result, data, prefixes) {
  var terms = {}
  var excerpt = shown(data.excerpt)
  markedWords(excerpt, terms)
  var page = {
    location: relative(data.url),
    title: markTitle(shown(data.meta && data.meta.title || data.url), prefixes, terms),
    text: excerpt,
    score: result.score,
    terms: terms
  }
  var sections = (data.sub_results || [])
    .filter(function (sub) { return sub.url && sub.url.indexOf("#") > 0 && sub.excerpt })
    .slice(0, SECTIONS)
    .map(function (sub, index) {
      var text = shown(sub.excerpt)
      markedWords(text, terms)
      return {
        location: relative(sub.url),
        title: markTitle(shown(sub.title), prefixes, terms),
        text: text,
        score: result.score / (index + 2),
        terms: terms
      }
    })
  return [page].concat(sections)
}

/* Whether query id is still the newest a moment later: the results after the first FIRST are loaded only when the
   reader has stopped typing (each costs a request) */
function later(id) {
  return new Promise(function (resolve) {
    setTimeout(function () { resolve(id === latest) }, SETTLE)
  })
}

/* The query Pagefind is asked: a last word of one letter waits for the next (it would load every chunk of words
   with that letter); "" when nothing is left */
function searchable(query) {
  var words = queryText(query).trim().split(/\s+/)
  if (words[words.length - 1].length < 2)
    words.pop()
  return words.join(" ")
}

function search(query, id, send) {
  var text = searchable(query)
  if (!text)
    return Promise.resolve(send({ items: [], total: 0, short: queryText(query).trim() !== "", query: query }))
  var prefixes = fold(text).split(separator).filter(Boolean)
  return pagefind.search(text).then(function (found) {
    var results = found && found.results || []
    var items = []
    /* the first FIRST results as soon as they are loaded, then the rest of PAGE once the reader stops typing */
    var load = function (from, to) {
      var batch = results.slice(from, to)
      return Promise.all(batch.map(function (result) { return result.data() })).then(function (data) {
        if (id !== latest)
          return null
        items = items.concat(data.map(function (item, index) { return group(batch[index], item, prefixes) }))
        send({ items: items, total: results.length, query: query })
        return to < Math.min(PAGE, results.length) ? later(id).then(function (still) {
          return still ? load(to, PAGE) : null
        }) : null
      })
    }
    if (id !== latest)
      return null
    return load(0, FIRST)
  })
}

var ready = null

addEventListener("message", function (event) {
  var message = event.data || {}
  if (message.type === SETUP) {
    ready = ready || setup(message.data && message.data.config)
    ready.then(function () { postMessage({ type: READY }) }, function (error) {
      console.warn("Bảng tin: không tải được bộ tìm kiếm", error)
    })
  } else if (message.type === QUERY) {
    var id = ++latest
    var send = function (result) {
      if (id === latest)
        postMessage({ type: RESULT, data: result })
    }
    ;(ready || Promise.reject(new Error("search not set up")))
      .then(function () { return search(message.data, id, send) })
      .then(null, function (error) {
        console.warn("Bảng tin: tìm kiếm lỗi", error)
        if (id === latest)
          postMessage({ type: RESULT, data: { items: [], total: 0, query: message.data } })
      })
  }
})
