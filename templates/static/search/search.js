/* The search box (templates/partials/search.html). Results are untrusted text: they are put in
   the page with textContent only, and a result link must be a path on this site. */
(function () {
  "use strict";
  var box = document.getElementById("search");
  if (!box || !window.fetch || !window.Promise) return;
  var form = box.querySelector(".search-form");
  var input = box.querySelector("input[type=search]");
  var list = box.querySelector(".search-results");
  var status = box.querySelector(".search-status");
  var fallback = box.querySelector(".search-fallback");
  var base = new URL((box.dataset.site || "") + "/", location.href).pathname.replace(/\/$/, "");
  var meili = box.dataset.meiliUrl;
  var pagefind = null;
  var latest = 0;
  var timer = null;

  function viaMeili(q) {
    var url = meili.replace(/\/$/, "") + "/indexes/" +
      encodeURIComponent(box.dataset.meiliIndex || "jobs") + "/search";
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + box.dataset.meiliKey },
      body: JSON.stringify({ q: q, limit: 10,
        attributesToRetrieve: ["url", "title", "organisation", "stage_label", "last_date_iso"] })
    }).then(function (r) {
      if (!r.ok) throw new Error("search answered " + r.status);
      return r.json();
    }).then(function (body) {
      return body.hits.map(function (h) {
        return { url: base + h.url, title: h.title, org: h.organisation, stage: h.stage_label,
                 last: h.last_date_iso };
      });
    });
  }

  function viaPagefind(q) {
    if (!pagefind) {
      pagefind = import(box.dataset.pagefind + "pagefind.js").then(function (pf) {
        return Promise.resolve(pf.options({ baseUrl: base + "/" })).then(function () { return pf; });
      });
    }
    return pagefind.then(function (pf) { return pf.search(q); }).then(function (found) {
      return Promise.all(found.results.slice(0, 10).map(function (r) { return r.data(); }));
    }).then(function (pages) {
      return pages.map(function (d) {
        return { url: d.url, title: d.meta.title, org: d.meta.organisation, stage: d.meta.stage,
                 last: d.meta.last_date };
      });
    });
  }

  function onSite(url) {
    return typeof url === "string" && url.charAt(0) === "/" && url.charAt(1) !== "/" &&
      url.charAt(1) !== "\\";
  }

  function show(items, q) {
    list.textContent = "";
    items.filter(function (it) { return onSite(it.url); }).forEach(function (it) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = it.url;
      a.textContent = it.title || it.url;
      li.appendChild(a);
      var info = [it.org, it.stage, it.last ? "last date " + it.last : ""].filter(Boolean);
      if (info.length) {
        var small = document.createElement("small");
        small.textContent = " " + info.join(" · ");
        li.appendChild(small);
      }
      list.appendChild(li);
    });
    var n = list.children.length;
    status.textContent = n ? n + (n === 1 ? " job found" : " jobs found") : "No job matches “" + q + "”.";
  }

  function run() {
    var q = input.value.trim();
    var mine = ++latest;
    if (!q) { list.textContent = ""; status.textContent = ""; return; }
    status.textContent = "Searching…";
    (meili ? viaMeili(q) : viaPagefind(q)).then(function (items) {
      if (mine === latest) show(items, q);
    }, function () {
      if (mine !== latest) return;
      list.textContent = "";
      status.textContent = "Search is not available right now.";
      fallback.hidden = false;
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 250); });
  form.hidden = false;
  fallback.hidden = true;
  var asked = new URLSearchParams(location.search).get("q");
  if (asked) { input.value = asked; run(); }
})();
