(function () {
  var box = document.getElementById('static-search');
  var items = window.samizdatSearchIndex || [];
  if (!box) { return; }
  var q = new URLSearchParams(location.search).get('q') || '';
  box.querySelector('input[name=q]').value = q;
  var words = q.toLowerCase().split(/\s+/).filter(Boolean).map(function (w) {
    return w.length > 5 ? w.slice(0, w.length - 2) : w;
  });
  if (!words.length) { return; }
  var hits = items.filter(function (it) {
    var text = (it[0] + ' ' + it[1]).toLowerCase();
    return words.every(function (w) { return text.indexOf(w) >= 0; });
  });
  box.querySelector('.count').textContent = (hits.length ? box.dataset.found : box.dataset.none).replace('{0}', hits.length);
  var list = box.querySelector('ol');
  hits.slice(0, 100).forEach(function (it) {
    var li = document.createElement('li');
    var a = document.createElement('a');
    a.href = it[2];
    a.textContent = it[0];
    var p = document.createElement('p');
    p.textContent = it[1];
    li.appendChild(a);
    li.appendChild(p);
    list.appendChild(li);
  });
})();
