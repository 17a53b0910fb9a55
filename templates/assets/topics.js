// Topic directory filter: hides topics whose name or code does not contain the typed text.
// The page lists every topic without it; this only narrows the list.
(function () {
  var box = document.getElementById("topic-filter");
  if (!box) { return; }
  var items = document.querySelectorAll(".topic-list li[data-filter]");
  var sections = document.querySelectorAll(".topic-kind");
  function apply() {
    var q = box.value.trim().toLowerCase();
    items.forEach(function (li) { li.hidden = q !== "" && li.getAttribute("data-filter").indexOf(q) < 0; });
    sections.forEach(function (s) { s.hidden = q !== "" && !s.querySelector(".topic-list li:not([hidden])"); });
  }
  box.addEventListener("input", apply);
  apply();
})();
