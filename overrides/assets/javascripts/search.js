/*
 * Bảng tin: Material's search box, answered by Pagefind (bangtin/search.py, search-worker.js).
 *
 * Loaded before Material's bundle, this script:
 *
 * 1. hands Material our worker: Material starts "config.search" as its search worker, so the script points that
 *    setting of #__config at search-worker.js, which speaks Material's worker messages over Pagefind;
 * 2. holds back Material's one request for search/search_index.json (now only its settings) until the search box
 *    is opened or focused, a search shortcut key is pressed, or the page was opened from a search result: Material
 *    starts the worker when it has that file, and the worker then loads Pagefind, which parents who never search
 *    never download;
 * 3. shows the true number of results: the worker sends the first results only (each costs a request), so
 *    Material would count those; the worker adds the total, which replaces Material's count (and for a query of
 *    one letter, which the worker leaves for the next letter, Material's "type to start searching");
 * 4. sends Material a keyup after input events without one (text inserted by an input method, dictation or a
 *    context-menu paste), since Material reads the query on keyup.
 */
(function () {
  "use strict"

  var RESULT = 3
  var script = document.currentScript

  /* 1. Our worker */
  var configElement = document.getElementById("__config")
  if (configElement && script && script.dataset.worker) {
    var config = JSON.parse(configElement.textContent)
    config.search = new URL(script.dataset.worker, location.href).href
    configElement.textContent = JSON.stringify(config)
  }

  /* 2. The index request, held back until a reader starts to search */
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/
  var release
  var wanted = new Promise(function (resolve) { release = resolve })

  function isSearchField(target) {
    return target && target.closest && target.closest("[data-md-component=search], .md-search, label[for=__search]")
  }

  document.addEventListener("focusin", function (event) { if (isSearchField(event.target)) release() }, true)
  document.addEventListener("pointerdown", function (event) { if (isSearchField(event.target)) release() }, true)
  document.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search") release()
  }, true)
  document.addEventListener("keydown", function (event) {
    if (["s", "S", "f", "F", "/"].indexOf(event.key) >= 0) release()  /* Material's search shortcuts */
  }, true)
  if (/[?&]h=/.test(location.search)) release()  /* highlight the words of the search that led here */

  /* Material 9.8 loads the index with XMLHttpRequest: hold back send() of that one request */
  var held = new WeakSet()
  var open = XMLHttpRequest.prototype.open
  var send = XMLHttpRequest.prototype.send
  XMLHttpRequest.prototype.open = function (method, url) {
    if (INDEX.test(String(url)))
      held.add(this)
    return open.apply(this, arguments)
  }
  XMLHttpRequest.prototype.send = function () {
    var request = this
    var args = arguments
    if (!held.has(request))
      return send.apply(request, args)
    wanted.then(function () { send.apply(request, args) })
  }

  /* 3. The number of results */
  var last = {}
  var Original = window.Worker
  if (Original && config) {
    var Search = function (url, options) {
      var worker = new Original(url, options)
      if (String(url) === config.search)
        worker.addEventListener("message", function (event) {
          var data = event.data
          if (data && data.type === RESULT && data.data)
            last = data.data
        })
      return worker
    }
    Search.prototype = Original.prototype
    window.Worker = Search
  }

  function showTotal(meta) {
    var words = config && config.translations || {}
    var text = null
    if (last.short)
      text = words["search.result.placeholder"]  /* one letter: "type to start searching" */
    else if (last.total > 1 && words["search.result.other"])
      text = words["search.result.other"].replace("#", last.total.toLocaleString("vi-VN"))
    if (text && meta.textContent !== text)
      meta.textContent = text
  }

  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector(".md-search-result__meta")
    if (meta)
      new MutationObserver(function () { showTotal(meta) })
        .observe(meta, { childList: true, characterData: true, subtree: true })
  })

  /* 4. Input without keyup */
  document.addEventListener("input", function (event) {
    var el = event.target
    if (el instanceof HTMLInputElement && el.matches("[data-md-component=search-query]") && !event.isComposing)
      setTimeout(function () {
        el.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }))
      })
  }, true)
})()
