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

    function send(file) {
      if (!file || busy) { return; }
      busy = true;
      var data = new FormData();
      data.append("period", document.getElementById("upload-period").value);
      data.append("file", file, file.name);
      status.textContent = "正在上传并校验《" + file.name + "》……";
      result.innerHTML = "";
      fetch(form.getAttribute("action"), {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRF-TOKEN": token(), "Accept": "text/html" }
      }).then(function (response) {
        return response.text().then(function (html) { return { ok: response.ok, html: html }; });
      }).then(function (answer) {
        // The answer is the server's own markup (every value HTML-encoded there).
        result.innerHTML = answer.html;
        status.textContent = answer.ok ? "已收到，结果如下。" : "未能接收，原因如下。";
        var heading = result.querySelector("h2, .notice");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        return fetch("/portal/history", { credentials: "same-origin", headers: { "Accept": "text/html" } });
      }).then(function (response) {
        return response && response.ok ? response.text() : null;
      }).then(function (history) {
        if (history) { document.getElementById("history").innerHTML = history; }
      }).catch(function () {
        status.textContent = "网络错误，文件可能未送达，请稍后重试。";
      }).then(function () {
        busy = false;
        input.value = "";
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
