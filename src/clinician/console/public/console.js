// Keeps the transcript of an open case current: asks every 3 s, and the server answers 204 when
// nothing is new. Plain fetch, same origin, the session cookie goes along by itself.
(function () {
  var box = document.getElementById('transcript');
  if (!box) return;
  var id = box.getAttribute('data-case');
  function count() {
    var list = box.querySelector('ol.transcript');
    return list ? Number(list.getAttribute('data-count')) : 0;
  }
  function poll() {
    fetch('/clinician/cases/' + encodeURIComponent(id) + '/transcript?count=' + count(), { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) {
        if (response.status === 200) return response.text().then(function (html) { box.innerHTML = html; });
      })
      .catch(function () {})
      .then(function () { setTimeout(poll, 3000); });
  }
  setTimeout(poll, 3000);
})();
