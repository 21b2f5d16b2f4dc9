/*
 * Bảng tin: download the search index only when a reader starts to search.
 *
 * Material fetches search/search_index.json as soon as any page loads: hundreds of kilobytes on
 * a parent's phone for a school with years of articles, most of whom never search. Loaded before
 * Material's bundle, this script holds that one request back until the search box is opened or
 * focused (or a search shortcut key is pressed, or the page was opened from a search result);
 * Material then receives the index exactly as before. Every other request is left alone.
 */
(function () {
  "use strict"

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
})()
