/*
 * Bảng tin: the web editor's preview of an article, close to the article's page (bangtin/admin).
 *
 * Sveltia CMS shows each field by default; for an article this shows the title, the date as the site writes it
 * (dd/mm/yyyy, Vietnam time), the cover photo and the text, in the site's own styles. Sveltia exposes React's
 * createClass and h for preview templates.
 */
(function () {
  "use strict"

  /* "2025-12-07 08:30" (as the editor writes dates) → "07/12/2025 08:30" (as the site shows them) */
  function shownDate(value) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}:\d{2}))?/.exec(String(value || ""))
    return match ? match[3] + "/" + match[2] + "/" + match[1] + (match[4] ? " " + match[4] : "") : ""
  }

  var Article = createClass({
    render: function () {
      var data = this.props.entry.get("data")
      var summary = data.get("summary")
      return h("article", { className: "md-typeset bt-article bt-preview" },
        h("h1", {}, data.get("title") || ""),
        h("p", { className: "bt-article__meta" }, h("time", {}, shownDate(data.get("date")))),
        h("div", { className: "bt-cover" }, this.props.widgetFor("image")),
        summary ? h("p", { className: "bt-article__summary" }, summary) : null,
        this.props.widgetFor("body"))
    }
  })

  CMS.registerPreviewStyle("../assets/stylesheets/bangtin.css")
  CMS.registerPreviewStyle(".bt-preview { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; " +
    "line-height: 1.6; max-width: 42rem; margin: 0 auto; color: #222 } .bt-preview img { max-width: 100% }",
    { raw: true })
  CMS.registerPreviewTemplate("news", Article)
  window.bangtinPreview = { shownDate: shownDate }
})()
