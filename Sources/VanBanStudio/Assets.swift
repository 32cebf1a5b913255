/// The studio's stylesheet and script, served from `/assets/` (no CDN).
enum Assets {
    /// `/assets/studio.css`.
    static let css = """
    :root { --ink: #1d2330; --muted: #5b6475; --line: #d5d9e0; --accent: #0b5cad; --warn: #8a5a00; --err: #b3261e; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.45 "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
    header.top { display: flex; gap: 1.5em; align-items: center; padding: .6em 1.2em; background: #fff; border-bottom: 1px solid var(--line); }
    header.top .brand { font-weight: bold; color: var(--accent); text-decoration: none; }
    header.top nav a { margin-right: 1em; }
    header.top form.logout { margin-left: auto; }
    main { padding: 1em 1.2em; }
    h1 { font-size: 1.4em; margin: .2em 0 .6em; }
    h2 { font-size: 1.15em; }
    table { border-collapse: collapse; background: #fff; }
    th, td { border: 1px solid var(--line); padding: .3em .6em; text-align: left; vertical-align: top; }
    td.status.issued { color: #1b6e20; font-weight: bold; }
    form.inline { display: inline; }
    .desk { display: grid; grid-template-columns: minmax(320px, 1fr) minmax(360px, 1.1fr); gap: 1.2em; align-items: start; }
    @media (max-width: 900px) { .desk { grid-template-columns: 1fr; } }
    #draft-form { background: #fff; padding: .8em; border: 1px solid var(--line); }
    .toolbar { position: sticky; top: 0; background: #fff; padding: .4em 0; border-bottom: 1px solid var(--line); margin-bottom: .6em; z-index: 1; }
    .field { margin: .5em 0; }
    .field > label { display: block; font-weight: bold; font-size: .92em; margin-bottom: .15em; }
    .field input[type=text], .field textarea, .field select { width: 100%; padding: .3em; font: inherit; }
    .field textarea.json { font-family: "DejaVu Sans Mono", monospace; font-size: .85em; }
    fieldset { border: 1px solid var(--line); margin: .3em 0; padding: .4em .7em; }
    legend { font-weight: bold; }
    ol.rows { padding-left: 1.2em; margin: .2em 0; }
    .row-controls { white-space: nowrap; margin-left: .4em; }
    .row-action { padding: 0 .4em; }
    .required { color: var(--err); }
    ul.field-problems, ul#problems { margin: .2em 0; padding-left: 1.1em; }
    ul.field-problems:empty, ul#problems:empty { display: none; }
    li.problem.warning { color: var(--warn); }
    li.problem.error { color: var(--err); }
    li.problem .help { color: var(--muted); }
    .preview iframe { width: 100%; height: 80vh; border: 1px solid var(--line); background: #fff; }
    .issued { background: #eef7ee; border: 1px solid #9cc79f; padding: .5em 1em; margin-bottom: 1em; }
    #issued-number { font-size: 1.2em; }
    .notice { background: #fff8e1; border: 1px solid #e5c76b; padding: .4em .8em; }
    .error-message { color: var(--err); font-weight: bold; }
    progress#batch-progress { width: 100%; height: 1.4em; }
    button { font: inherit; cursor: pointer; }
    #issue { background: var(--accent); color: #fff; border: 1px solid var(--accent); }
    """

    /// `/assets/studio.js`: makes the preview live (the form works without it), saves as
    /// the clerk types, and follows a batch's progress.
    static let js = """
    "use strict";
    (function () {
      function fill(list, html) { if (list) { list.innerHTML = html || ""; } }
      var form = document.getElementById("draft-form");
      if (form && form.dataset.preview && !form.querySelector("[disabled]")) {
        var timer = null, busy = false, again = false;
        var status = document.getElementById("autosave");
        var send = function () {
          if (busy) { again = true; return; }
          busy = true;
          var body = new URLSearchParams(new FormData(form));
          fetch(form.dataset.preview, { method: "POST", body: body, credentials: "same-origin",
                                        headers: { "Accept": "application/json" } })
            .then(function (r) { return r.json(); })
            .then(function (data) {
              if (data.error) { if (status) { status.textContent = data.error; } return; }
              var frame = document.getElementById("preview");
              if (frame) { frame.srcdoc = data.html; }
              fill(document.getElementById("problems"), data.problems);
              var fields = form.querySelectorAll("div.field[data-path]");
              for (var i = 0; i < fields.length; i++) {
                var list = fields[i].querySelector(":scope > ul.field-problems");
                fill(list, data.fields[fields[i].dataset.path]);
              }
              if (status) { status.textContent = "Đã lưu lúc " + data.saved; }
            })
            .catch(function () { if (status) { status.textContent = "Chưa lưu được: mất kết nối tới máy chủ."; } })
            .then(function () { busy = false; if (again) { again = false; send(); } });
        };
        var later = function () { if (timer) { clearTimeout(timer); } timer = setTimeout(send, 350); };
        form.addEventListener("input", later);
        form.addEventListener("change", later);
      }
      var bar = document.getElementById("batch-progress");
      if (bar && bar.dataset.status && bar.dataset.state === "running") {
        var poll = function () {
          fetch(bar.dataset.status, { credentials: "same-origin" })
            .then(function (r) { return r.json(); })
            .then(function (s) {
              bar.max = Math.max(1, s.total); bar.value = s.done;
              var label = document.getElementById("batch-count");
              if (label) { label.textContent = s.done + " / " + s.total; }
              if (s.state === "running") { setTimeout(poll, 500); } else { location.reload(); }
            })
            .catch(function () { setTimeout(poll, 2000); });
        };
        poll();
      }
    })();
    """
}
