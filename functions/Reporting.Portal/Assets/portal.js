// 报送平台: the upload area (drag and drop or the file picker, on a phone too) and confirmations.
// The page works from the server's HTML; this script only sends the file and shows the server's answer in place.
(function () {
  "use strict";

  function token() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.getAttribute("content") : "";
  }

  function setupUpload() {
    var form = document.getElementById("upload-form");
    if (!form) { return; }
    var input = document.getElementById("upload-file");
    var zone = document.getElementById("dropzone");
    var status = document.getElementById("upload-status");
    var result = document.getElementById("upload-result");
    var busy = false;

    // The server answers an upload with a fragment; a refusal made before the upload was read (signed out, page too
    // old, no permission) comes as a whole error page, of which only its message belongs in the upload area.
    function fragment(html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var main = page.querySelector("main");
      if (!main) { return html; }
      var notice = main.querySelector(".notice");
      return notice ? notice.outerHTML : "<p class=\"notice error\" role=\"alert\">未能接收，请刷新页面后重试。</p>";
    }

    function send(file) {
      if (!file || busy) { return; }
      busy = true;
      form.setAttribute("aria-busy", "true");
      zone.classList.add("busy");
      var data = new FormData();
      data.append("period", document.getElementById("upload-period").value);
      data.append("file", file, file.name);
      status.textContent = "正在上传并校验《" + file.name + "》，请稍候……";
      result.innerHTML = "";
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        redirect: "manual",
        headers: { "X-CSRF-TOKEN": token(), "Accept": "text/html" }
      }).then(function (response) {
        if (response.type === "opaqueredirect") {
          return { ok: false, html: "<p class=\"notice error\" role=\"alert\">登录已过期，文件未接收。请<a href=\"/portal/signin\">重新登录</a>后再上传。</p>" };
        }
        return response.text().then(function (html) { return { ok: response.ok, html: fragment(html) }; });
      }).then(function (answer) {
        // The answer is the server's own markup (every value HTML-encoded there).
        result.innerHTML = answer.html;
        status.textContent = answer.ok ? "已收到，结果如下。" : "未能接收，原因如下。";
        var heading = result.querySelector("h2, .notice");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        // The period's state and the history as they are now, from the page itself.
        return answer.ok ? fetch("/portal/", { credentials: "same-origin", redirect: "manual", headers: { "Accept": "text/html" } }) : null;
      }).then(function (response) {
        return response && response.ok ? response.text() : null;
      }).then(function (html) {
        if (!html) { return; }
        var page = new DOMParser().parseFromString(html, "text/html");
        ["#status-card", "#history"].forEach(function (selector) {
          var fresh = page.querySelector(selector);
          var shown = document.querySelector(selector);
          if (fresh && shown) { shown.innerHTML = fresh.innerHTML; }
        });
      }).catch(function () {
        status.textContent = "网络错误，文件可能未送达，请稍后重试。";
      }).then(function () {
        busy = false;
        input.value = "";
        zone.classList.remove("busy");
        form.removeAttribute("aria-busy");
      });
    }

    input.addEventListener("change", function () { send(input.files[0]); });
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      if (event.dataTransfer && event.dataTransfer.files.length > 0) { send(event.dataTransfer.files[0]); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); send(input.files[0]); });
  }

  function setupConfirmations() {
    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupUpload();
    setupConfirmations();
  });
})();
