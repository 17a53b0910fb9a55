// Topic directory filter: hides topics whose name or code does not contain the typed text.
// The page lists every topic without it; this only narrows the list. While a filter is typed the
// folded rest of each kind is opened, so that a match there is seen.
(function () {
  var box = document.getElementById("topic-filter");
  if (!box) { return; }
  var items = document.querySelectorAll(".topic-list li[data-filter]");
  var sections = document.querySelectorAll(".topic-kind");
  var folded = document.querySelectorAll("details.topic-more");
  function apply() {
    var q = box.value.trim().toLowerCase();
    items.forEach(function (li) { li.hidden = q !== "" && li.getAttribute("data-filter").indexOf(q) < 0; });
    sections.forEach(function (s) { s.hidden = q !== "" && !s.querySelector(".topic-list li:not([hidden])"); });
    folded.forEach(function (d) {
      d.open = q !== "" && d.querySelector("li:not([hidden])") !== null;
    });
  }
  box.addEventListener("input", apply);
  apply();
})();
