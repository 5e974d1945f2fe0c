// The console's small script (same origin only; the pages work without it):
// - the queue stays live over server-sent events, and a new emergency is shown and sounded;
// - an open case's timeline is refreshed every 3 s (204 when nothing is new);
// - the close form shows the clearance fields only for "Cleared to exercise", and requires them.
(function () {
  // --- live queue -------------------------------------------------------------------------------
  var box = document.getElementById('queue-box');
  if (box) {
    var status = document.getElementById('live-status');
    var alertBox = document.getElementById('alert');
    var soundButton = document.getElementById('sound');
    var audio = null;
    var known = emergencies();
    var title = document.title;

    function emergencies() {
      var ids = {};
      var rows = box.querySelectorAll('tr[data-urgency="emergency"][data-status="open"]');
      for (var i = 0; i < rows.length; i++) ids[rows[i].getAttribute('data-case')] = rows[i];
      return ids;
    }

    // A short two-tone alarm made in the page (Web Audio): no sound file is fetched.
    function tone() {
      if (!audio) return false;
      var start = audio.currentTime + 0.02;
      for (var i = 0; i < 3; i++) {
        var osc = audio.createOscillator();
        var gain = audio.createGain();
        osc.type = 'square';
        osc.frequency.value = i % 2 ? 660 : 880;
        gain.gain.setValueAtTime(0.0001, start + i * 0.25);
        gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.25 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.25 + 0.2);
        osc.connect(gain).connect(audio.destination);
        osc.start(start + i * 0.25);
        osc.stop(start + i * 0.25 + 0.22);
      }
      document.documentElement.setAttribute('data-tones', String(Number(document.documentElement.getAttribute('data-tones') || 0) + 1));
      return true;
    }

    if (soundButton) {
      soundButton.addEventListener('click', function () {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { soundButton.textContent = 'Sound alerts are not available in this browser'; return; }
        if (!audio) audio = new Context();
        audio.resume().then(function () {
          soundButton.textContent = 'Sound alerts on';
          soundButton.setAttribute('aria-pressed', 'true');
        });
      });
    }

    function announce(rows) {
      var parts = [];
      for (var i = 0; i < rows.length; i++) {
        var name = rows[i].querySelector('.name');
        parts.push('case #' + rows[i].getAttribute('data-case') + (name ? ' (' + name.textContent + ')' : ''));
      }
      alertBox.textContent = 'New EMERGENCY: ' + parts.join(', ') + '. Open it now.';
      alertBox.hidden = false;
      document.title = '(!) EMERGENCY · ' + title;
      if (!tone() && soundButton) soundButton.classList.add('attention');
    }

    var refreshing = false;
    var pending = false;
    function refresh() {
      if (refreshing) { pending = true; return; }
      refreshing = true;
      fetch('/clinician/queue/rows' + (box.getAttribute('data-query') || ''), { credentials: 'same-origin', headers: { accept: 'text/html' } })
        .then(function (response) {
          if (response.status === 401) { window.location.reload(); return; }
          if (response.status !== 200) return;
          return response.text().then(function (html) {
            box.innerHTML = html;
            var now = emergencies();
            var fresh = [];
            for (var id in now) if (!known[id]) fresh.push(now[id]);
            known = now;
            if (fresh.length) announce(fresh);
          });
        })
        .catch(function () {})
        .then(function () {
          refreshing = false;
          if (pending) { pending = false; refresh(); }
        });
    }

    if (window.EventSource) {
      var source = new EventSource('/clinician/events');
      source.addEventListener('ready', function () { status.textContent = 'Live updates: on'; });
      source.addEventListener('queue', refresh);
      source.onerror = function () { status.textContent = 'Live updates: reconnecting…'; };
    } else {
      status.textContent = 'Live updates: refreshing every 10 s';
      setInterval(refresh, 10000);
    }
  }

  // --- the timeline of an open case -----------------------------------------------------------------
  var timeline = document.getElementById('transcript');
  if (timeline) {
    var id = timeline.getAttribute('data-case');
    var count = function () {
      var list = timeline.querySelector('ol.transcript');
      return list ? Number(list.getAttribute('data-count')) : 0;
    };
    var poll = function () {
      fetch('/clinician/cases/' + encodeURIComponent(id) + '/transcript?count=' + count(), { credentials: 'same-origin', headers: { accept: 'text/html' } })
        .then(function (response) {
          if (response.status === 200) return response.text().then(function (html) { timeline.innerHTML = html; });
        })
        .catch(function () {})
        .then(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 3000);
  }

  // --- closing: the clearance fields belong to "Cleared to exercise" only ---------------------------
  var form = document.getElementById('close-form');
  var clearance = document.getElementById('clearance');
  if (form && clearance) {
    var outcome = document.getElementById('outcome');
    var confirmBox = document.getElementById('confirmCleared');
    var reason = document.getElementById('clearanceReason');
    var sync = function () {
      var clearing = outcome.value === 'cleared_to_exercise';
      clearance.hidden = !clearing;
      confirmBox.required = clearing;
      reason.required = clearing;
      reason.minLength = clearing ? 10 : 0;
    };
    outcome.addEventListener('change', sync);
    sync();
  }
})();
