// Participation components, progressive enhancement only: every form works without this file.
// Loaded by {% participation_assets %} (participation/core/templatetags/participation_tags.py).

// === participation/comments: vote, comment and reply in place ===
// Without this the forms post and come back to the comment with a message; with it the page
// stays where it is, counts update, a new comment appears and takes the focus, and a status
// line (role="status") announces what happened.
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  if (!section || !window.fetch || !window.FormData) return;
  var status = section.querySelector("[data-comments-status]");

  function say(message, isError) {
    if (!status || !message) return;
    status.classList.toggle("comments__status--error", !!isError);
    // Empty first so the same message twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function send(form, extra) {
    var data = new FormData(form);
    if (extra && extra.name) data.append(extra.name, extra.value);
    return fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        return { ok: response.ok, body: body };
      });
    });
  }

  function failed() {
    say(section.dataset.errorMessage || "Something went wrong. Please try again.", true);
  }

  function vote(form, button) {
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    send(form, button).then(function (result) {
      if (!result.ok) { say(result.body.error, true); return; }
      form.querySelector('[data-vote-count="up"]').textContent = result.body.upvotes;
      form.querySelector('[data-vote-count="down"]').textContent = result.body.downvotes;
      buttons.forEach(function (b) {
        var value = b.value === "up" ? 1 : -1;
        b.setAttribute("aria-pressed", result.body.vote === value ? "true" : "false");
      });
      say(result.body.message);
    }).catch(failed).then(function () {
      buttons.forEach(function (b) { b.disabled = false; });
      button.focus();
    });
  }

  function showError(form, message) {
    var box = form.querySelector("[data-comment-form-error]");
    var field = form.querySelector("textarea");
    if (box && field) {
      box.id = field.id + "-error";
      box.textContent = message;
      box.hidden = false;
      field.setAttribute("aria-invalid", "true");
      if ((field.getAttribute("aria-describedby") || "").indexOf(box.id) === -1) {
        field.setAttribute("aria-describedby", (field.getAttribute("aria-describedby") || "") + " " + box.id);
      }
      field.focus();
    }
    say(message, true);
  }

  function insert(body) {
    var holder = document.createElement("template");
    holder.innerHTML = body.html.trim();
    var item = holder.content.firstElementChild;
    var list;
    if (body.parent) {
      var parent = document.getElementById("comment-" + body.parent);
      list = parent && parent.querySelector(":scope > [data-comment-replies]");
      if (parent && !list) {
        list = document.createElement("ol");
        list.className = "comment-list comment-list--replies";
        list.setAttribute("data-comment-replies", "");
        parent.appendChild(list);
      }
    }
    list = list || section.querySelector("[data-comment-list]");
    if (!body.parent && list.dataset.sort === "newest") list.insertBefore(item, list.firstChild);
    else list.appendChild(item);
    var empty = section.querySelector("[data-comments-empty]");
    if (empty) empty.remove();
    if (body.heading) section.querySelector("[data-comments-heading]").textContent = body.heading;
    return item;
  }

  function post(form) {
    var button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    send(form).then(function (result) {
      if (!result.ok) { showError(form, result.body.error || ""); return; }
      var box = form.querySelector("[data-comment-form-error]");
      if (box) { box.hidden = true; box.textContent = ""; }
      var field = form.querySelector("textarea");
      field.value = "";
      field.removeAttribute("aria-invalid");
      form.querySelectorAll('input[type="radio"]').forEach(function (radio) { radio.checked = false; });
      var details = form.closest("details");
      if (details) details.open = false;
      var item = insert(result.body);
      var card = item.querySelector("article");
      if (card) card.focus();
      say([result.body.message, result.body.notice].filter(Boolean).join(" "));
    }).catch(failed).then(function () {
      if (button) button.disabled = false;
    });
  }

  section.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches("[data-comment-vote]")) {
      event.preventDefault();
      var button = event.submitter || document.activeElement;
      vote(form, button);
    } else if (form.matches("[data-comment-form]")) {
      event.preventDefault();
      post(form);
    }
  });
})();

// ---- Proposals (participation/proposals) --------------------------------------------------
// Without this, the "Check for similar proposals" button and the plain support forms do the same.
(function () {
  "use strict";

  // Similar proposals while writing the title: fetched after a pause into a polite live region.
  var region = document.getElementById("similar-proposals");
  var title = document.getElementById("id_title");
  if (region && title && window.fetch) {
    var timer = null;
    var last = "";
    title.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = title.value.trim();
        if (text === last) return;
        last = text;
        if (text.length < 4) { region.innerHTML = ""; return; }
        var url = new URL(region.dataset.similarUrl, window.location.href);
        url.searchParams.set("title", text);
        if (region.dataset.similarExclude) url.searchParams.set("exclude", region.dataset.similarExclude);
        fetch(url, { headers: { Accept: "text/html" }, credentials: "same-origin" })
          .then(function (response) { return response.ok ? response.text() : ""; })
          .then(function (html) { if (title.value.trim() === text) region.innerHTML = html; })
          .catch(function () { /* the button still works */ });
      }, 500);
    });
  }

  // Support and withdraw support in place: the count updates, the status is announced and
  // focus stays on the (new) button.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-support-form]") || !window.fetch) return;
    var section = form.closest(".proposal-support");
    var box = form.closest("[data-support-box]");
    var status = section && section.querySelector("[data-support-status]");
    if (!box || !status) return;
    event.preventDefault();
    var button = form.querySelector("button");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin"
    })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (result) {
        status.classList.toggle("support-status--error", !result.ok);
        if (!result.ok) {
          status.textContent = result.data.error || "";
          if (button) { button.disabled = false; button.focus(); }
          return;
        }
        var holder = document.createElement("div");
        holder.innerHTML = result.data.html;
        var fresh = holder.firstElementChild;
        box.replaceWith(fresh);
        status.textContent = result.data.message;
        var next = fresh.querySelector("button") || fresh;
        if (next === fresh) fresh.setAttribute("tabindex", "-1");
        next.focus();
      })
      .catch(function () { form.submit(); });
  });
})();

// === participation/events: session times in the browser's zone ===
// The server writes each session in its own zone and, when the person saved another zone, in
// that one too ({% session_when %}). The browser knows where the visitor is now: when that zone
// differs from the session's, the "Your time" line is rewritten in it; when it is the session's
// own clock, the line goes (nothing to add).
(function () {
  "use strict";
  var marks = document.querySelectorAll("[data-session-when]");
  if (!marks.length || !window.Intl || !Intl.DateTimeFormat) return;
  var browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!browserZone) return;
  var language = document.documentElement.lang || undefined;
  var options = { dateStyle: "full", timeStyle: "short", timeZone: browserZone };

  function wallClock(date, zone) {
    return new Intl.DateTimeFormat("en-u-nu-latn", { timeZone: zone, dateStyle: "short", timeStyle: "short" }).format(date);
  }

  Array.prototype.forEach.call(marks, function (mark) {
    var start = new Date(mark.dataset.start);
    var end = new Date(mark.dataset.end);
    if (isNaN(start) || isNaN(end)) return;
    var format;
    try {
      format = new Intl.DateTimeFormat(language, options);
      // Another name for the same clock (Europe/Kiev for Europe/Kyiv): nothing to add.
      if (wallClock(start, mark.dataset.zone) === wallClock(start, browserZone) && wallClock(end, mark.dataset.zone) === wallClock(end, browserZone)) {
        mark.hidden = true;
        mark.textContent = "";
        return;
      }
    } catch (error) {
      return;  // an old browser without dateStyle, or a zone it does not know: the server's text stays
    }
    var range = format.formatRange ? format.formatRange(start, end) : format.format(start) + " – " + format.format(end);
    var zoneName = new Intl.DateTimeFormat(language, { timeZone: browserZone, timeZoneName: "long" })
      .formatToParts(start)
      .filter(function (part) { return part.type === "timeZoneName"; })
      .map(function (part) { return part.value; })[0] || browserZone;
    mark.textContent = " · " + mark.dataset.label + " " + range + " (" + zoneName + ")";
    mark.hidden = false;
  });
})();
