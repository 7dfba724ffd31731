// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  // The phone menu: without JavaScript its button is a link to #site-menu (opened by :target);
  // here it becomes a disclosure button that says whether the menu is open.
  var menuButton = document.querySelector("[data-menu-button]");
  var menu = document.getElementById("site-menu");
  if (menuButton && menu) {
    menuButton.setAttribute("role", "button");
    menuButton.setAttribute("aria-expanded", "false");
    var toggle = function (event) {
      event.preventDefault();
      var open = menu.classList.toggle("is-open");
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
    };
    menuButton.addEventListener("click", toggle);
    menuButton.addEventListener("keydown", function (event) {
      if (event.key === " ") toggle(event);
    });
  }
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
