// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Provider videos: load the third-party player only when the visitor asks for it.
  document.querySelectorAll(".video__consent").forEach(function (box) {
    var button = box.querySelector(".video__play");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "video__frame";
      frame.src = box.dataset.embedUrl;
      frame.title = box.dataset.title;
      frame.allow = "autoplay; fullscreen; picture-in-picture";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      box.replaceWith(frame);
      frame.focus();
    });
  });
})();
