/* Bảng tin: a pasted video or map loads from its site only when the reader taps it (bangtin/embeds.py). */
(function () {
  if (window.btEmbed) return;
  window.btEmbed = true;
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".bt-embed__play");
    if (!button) return;
    var figure = button.closest(".bt-embed");
    var frame = document.createElement("iframe");
    frame.src = figure.getAttribute("data-bt-embed");
    frame.title = figure.getAttribute("data-bt-title");
    frame.setAttribute("allow", "autoplay; encrypted-media; picture-in-picture; fullscreen");
    frame.setAttribute("allowfullscreen", "");
    frame.className = "bt-embed__frame";
    button.replaceWith(frame);
    frame.focus();
  });
})();
