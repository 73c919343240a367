// Progressive enhancement for the search box: suggestions while typing (WAI-ARIA combobox).
// Without JavaScript the form works as it is.
(function () {
  "use strict";
  document.querySelectorAll("[data-autocomplete-url]").forEach(function (wrapper) {
    var input = wrapper.querySelector("input");
    if (!input || !window.fetch) { return; }
    var url = wrapper.getAttribute("data-autocomplete-url");
    var list = document.createElement("ul");
    var listId = input.id + "-suggesties";
    var status = document.createElement("div");
    var items = [];
    var active = -1;
    var timer = null;
    var lastQuery = "";

    list.id = listId;
    list.className = "portal-autocomplete";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggesties");
    list.hidden = true;
    status.className = "portal-visually-hidden";
    status.setAttribute("role", "status");
    wrapper.appendChild(list);
    wrapper.appendChild(status);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function render(results) {
      list.textContent = "";
      items = results;
      results.forEach(function (result, i) {
        var li = document.createElement("li");
        li.id = listId + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = result.titel;
        li.addEventListener("mousedown", function (event) {
          event.preventDefault();
          window.location.href = result.url;
        });
        list.appendChild(li);
      });
      if (results.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = results.length + (results.length === 1 ? " suggestie" : " suggesties") + ", kies met de pijltjestoetsen.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function move(step) {
      if (!items.length) { return; }
      active = (active + step + items.length) % items.length;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", listId + "-" + active);
    }

    input.addEventListener("input", function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 2) { render([]); return; }
      timer = setTimeout(function () {
        lastQuery = q;
        fetch(url + "?q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (results) { if (q === lastQuery) { render(results); } })
          .catch(function () { render([]); });
      }, 150);
    });

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0 && items[active]) {
        event.preventDefault();
        window.location.href = items[active].url;
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  });
})();
