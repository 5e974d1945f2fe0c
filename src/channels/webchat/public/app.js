// Starts Web Chat against this server's Direct Line endpoint (polling, no WebSocket).
//
// The browser keeps its conversation in localStorage: the conversation id, a Direct Line token
// (30 minutes, refreshed while the page is open) and a device key that brings the person back to
// the same conversation another day. A clinic's portal can open the page with #token=<its signed
// token> instead; then the same person gets the same conversation on every device.
(function () {
  'use strict';
  var KEY = 'discCoach.webchat';
  var REFRESH_MS = 10 * 60 * 1000;
  var nonce = document.currentScript && document.currentScript.nonce;
  var status = document.getElementById('status');
  var directLineBase = window.location.origin + '/v3/directline';
  var state = null;

  function say(text) {
    status.textContent = text;
  }

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function save(next) {
    state = next;
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch (error) {
      // Private browsing without storage: the conversation lasts as long as the tab.
    }
  }

  function forgetLocally() {
    state = null;
    try {
      window.localStorage.removeItem(KEY);
    } catch (error) {
      // nothing stored
    }
  }

  function call(method, path, body, token) {
    var headers = { 'content-type': 'application/json' };
    if (token) headers.authorization = 'Bearer ' + token;
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body) }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return {};
        })
        .then(function (json) {
          return { status: response.status, ok: response.ok, body: json };
        });
    });
  }

  function fromSession(body, previous) {
    return {
      conversationId: body.conversationId,
      token: body.token,
      expiresAt: Date.now() + body.expires_in * 1000,
      device: body.device || (previous && previous.device) || null,
      mode: body.mode || (previous && previous.mode) || 'device',
      readWatermark: body.readWatermark || null,
    };
  }

  /** A portal's token in the address (#token=…), taken out of the address at once so it is not bookmarked or shared. */
  function portalTokenFromAddress() {
    var match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
    if (!match) return null;
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
    return decodeURIComponent(match[1]);
  }

  function failure(code, message) {
    var error = new Error(message);
    error.code = code;
    return error;
  }

  function session(body, previous) {
    return call('POST', '/webchat/session', body).then(function (result) {
      if (result.ok) {
        var next = fromSession(result.body, previous);
        save(next);
        return next;
      }
      var code = result.body && result.body.error && result.body.error.code;
      throw failure(code || 'SessionFailed', (result.body && result.body.error && result.body.error.message) || 'status ' + result.status);
    });
  }

  function refresh() {
    if (!state) return Promise.resolve(null);
    return call('POST', directLineBase + '/tokens/refresh', undefined, state.token).then(function (result) {
      if (!result.ok) return null;
      var next = fromSession(result.body, state);
      next.readWatermark = state.readWatermark;
      save(next);
      return next;
    });
  }

  /** This browser's conversation: from the portal's token, the saved device key, a still-valid token, or a new one. */
  function connect() {
    var portalToken = portalTokenFromAddress();
    var saved = load();
    if (portalToken) return session({ portalToken: portalToken }, null);
    if (saved && saved.device) {
      return session({ device: saved.device }, saved).catch(function (error) {
        if (error.code !== 'DeviceForgotten' && error.code !== 'ConversationGone') throw error;
        forgetLocally();
        return session({}, null);
      });
    }
    if (saved && saved.token && saved.expiresAt - 60 * 1000 > Date.now()) {
      state = saved;
      return refresh().then(function (next) {
        if (next) return next;
        forgetLocally();
        if (saved.mode === 'portal') throw failure('PortalRequired', 'portal session ended');
        return session({}, null);
      });
    }
    if (saved && saved.mode === 'portal') {
      forgetLocally();
      return Promise.reject(failure('PortalRequired', 'portal session ended'));
    }
    return session({}, null);
  }

  /** Sequence number in a Direct Line activity id (`<conversation>|0000012`). */
  function seqOf(activity) {
    var match = /\|(\d+)$/.exec((activity && activity.id) || '');
    return match ? Number(match[1]) : 0;
  }

  // --- Web Push (check-ins when the page is closed) ---------------------------------------------
  var notifyButton = document.getElementById('notify');
  var muteButton = document.getElementById('mute');
  var pushState = document.getElementById('push-state');

  function pushSupported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && window.isSecureContext;
  }

  function keyBytes(base64url) {
    var padded = (base64url + '==='.slice(0, (4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
    var raw = window.atob(padded);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    return bytes;
  }

  function currentSubscription() {
    if (!pushSupported()) return Promise.resolve(null);
    return navigator.serviceWorker.getRegistration('/').then(function (registration) {
      return registration ? registration.pushManager.getSubscription() : null;
    });
  }

  function showPushState() {
    if (!pushSupported()) {
      pushState.textContent = 'This browser cannot show check-in notifications; open this page each day instead.';
      return Promise.resolve();
    }
    return currentSubscription().then(function (subscription) {
      notifyButton.hidden = !!subscription;
      muteButton.hidden = !subscription;
      pushState.textContent = subscription ? 'Check-in notifications are on for this device.' : '';
    });
  }

  function subscribe() {
    say('Turning on check-in notifications…');
    return Notification.requestPermission()
      .then(function (permission) {
        if (permission !== 'granted') throw failure('Denied', 'Notifications are blocked for this page in your browser settings.');
        return Promise.all([call('GET', '/webchat/push/key'), navigator.serviceWorker.register('/sw.js', { scope: '/' })]);
      })
      .then(function (results) {
        if (!results[0].ok) throw failure('Off', 'Check-in notifications are not available here.');
        return navigator.serviceWorker.ready.then(function (registration) {
          return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(results[0].body.publicKey) });
        });
      })
      .then(function (subscription) {
        var zone = (Intl.DateTimeFormat().resolvedOptions() || {}).timeZone;
        return call('POST', '/webchat/push/subscription', { subscription: subscription.toJSON(), timeZone: zone || undefined }, state.token);
      })
      .then(function (result) {
        if (!result.ok) throw failure('Refused', 'The coach could not turn on notifications.');
        say('Check-in notifications are on. You will get one a day when your check-in is waiting.');
        return showPushState();
      })
      .catch(function (error) {
        // Our own reasons are worded for people; a browser's (a DOMException) is not.
        say(typeof error.code === 'string' ? error.message : 'The coach could not turn on notifications.');
      });
  }

  function unsubscribe() {
    return currentSubscription().then(function (subscription) {
      if (!subscription) return null;
      var endpoint = subscription.endpoint;
      return subscription.unsubscribe().then(function () {
        return state ? call('DELETE', '/webchat/push/subscription', { endpoint: endpoint }, state.token) : null;
      });
    });
  }

  notifyButton.addEventListener('click', function () {
    subscribe();
  });
  muteButton.addEventListener('click', function () {
    unsubscribe().then(function () {
      say('Check-in notifications are off for this device.');
      return showPushState();
    });
  });

  // --- Forget this device ------------------------------------------------------------------------
  document.getElementById('forget').addEventListener('click', function () {
    var ok = window.confirm('Forget this device? This browser will no longer open your conversation, and its check-in notifications stop. Your coach keeps your answers.');
    if (!ok) return;
    var saved = state || load();
    currentSubscription()
      .then(function (subscription) {
        var endpoint = subscription && subscription.endpoint;
        return (subscription ? subscription.unsubscribe() : Promise.resolve()).then(function () {
          if (!saved) return null;
          var body = {};
          if (saved.device) body.device = saved.device;
          if (endpoint) body.endpoint = endpoint;
          return call('DELETE', '/webchat/session', body, saved.token);
        });
      })
      .catch(function () {
        return null;
      })
      .then(function () {
        forgetLocally();
        if (saved && saved.mode === 'portal') {
          document.getElementById('webchat').textContent = '';
          say('This device no longer opens your conversation. Open the coach again from your clinic\u2019s portal.');
        } else {
          window.location.reload();
        }
      });
  });

  // Escape closes an open header panel and returns focus to its button.
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var open = document.querySelectorAll('header.bar details[open]');
    for (var i = 0; i < open.length; i++) {
      open[i].removeAttribute('open');
      open[i].querySelector('summary').focus();
    }
  });

  // --- The chat ---------------------------------------------------------------------------------
  /**
   * On return, what arrived while the page was closed (a waiting check-in) is shown first: the
   * view starts at its first message instead of the end of a long history.
   */
  function showWaitingFirst(store, readWatermark) {
    var firstWaiting = null;
    // A new conversation starts at its greeting anyway; and once the person does anything, the view is theirs.
    var settled = readWatermark === null || Number(readWatermark) === 0;
    var cancel = function () {
      settled = true;
      cancelled = true;
    };
    var cancelled = false;
    ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function (name) {
      document.addEventListener(name, cancel, { once: true, capture: true, passive: true });
    });
    var timer = null;
    // Limits are in time, not in tries: on a busy phone timers fire late, and counting tries gave up
    // before Web Chat had drawn the history, leaving the view at its end.
    var lookUntil = 0;
    function scrollToWaiting() {
      if (settled) return;
      if (!lookUntil) lookUntil = Date.now() + 30000;
      var activities = store.getState().activities || [];
      var index = -1;
      var rendered = document.querySelectorAll('.webchat__basic-transcript__activity');
      var shown = activities.filter(function (activity) {
        return activity.type === 'message' && (activity.text || (activity.attachments && activity.attachments.length));
      });
      for (var i = 0; i < shown.length; i++) {
        if (shown[i].id === firstWaiting) {
          index = i;
          break;
        }
      }
      var element = index >= 0 && rendered.length === shown.length ? rendered[index] : null;
      var scrollable = document.querySelector('.webchat__basic-transcript__scrollable');
      if (!element || !scrollable) {
        // Web Chat may not have drawn every message yet: look again shortly.
        if (Date.now() < lookUntil) window.setTimeout(scrollToWaiting, 150);
        return;
      }
      settled = true;
      // Web Chat first glides to the end; once it has come to rest there, start the view at the
      // waiting message (and again if Web Chat glides back once more).
      var last = -1;
      var still = 0;
      var found = Date.now();
      var placed = 0;
      var target = -1;
      var wait = window.setInterval(function () {
        var waited = Date.now() - found;
        if (cancelled) {
          window.clearInterval(wait);
          return;
        }
        var top = scrollable.scrollTop;
        still = top === last ? still + 1 : 0;
        last = top;
        var atEnd = top + scrollable.clientHeight >= scrollable.scrollHeight - 2;
        if (placed > 0 && Math.abs(top - target) < 2 && still >= 5) {
          window.clearInterval(wait);
          return;
        }
        if (waited > 20000) {
          window.clearInterval(wait);
          return;
        }
        if (still < 2 || (placed === 0 && !atEnd && waited < 6000) || (placed > 0 && Math.abs(top - target) < 2)) return;
        var offset = element.getBoundingClientRect().top - scrollable.getBoundingClientRect().top;
        target = Math.max(0, top + offset - 8);
        scrollable.scrollTop = target;
        target = scrollable.scrollTop;
        placed += 1;
        still = 0;
      }, 100);
    }
    return function (activity) {
      if (settled || readWatermark === null) return;
      var from = activity.from || {};
      if (!firstWaiting && from.role === 'bot' && activity.type === 'message' && seqOf(activity) > Number(readWatermark)) firstWaiting = activity.id;
      if (!firstWaiting) return;
      // The history arrives in one poll; once it has been drawn, bring the first waiting message into view.
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        window.requestAnimationFrame(scrollToWaiting);
      }, 400);
    };
  }

  function render(conversation) {
    var directLine = window.WebChat.createDirectLine({
      domain: directLineBase,
      token: conversation.token,
      conversationId: conversation.conversationId,
      webSocket: false,
      pollingInterval: 1000,
    });
    var onIncoming = function () {};
    var store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') onIncoming(action.payload.activity);
          return next(action);
        };
      };
    });
    onIncoming = showWaitingFirst(store, conversation.readWatermark);
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: 'en-US',
        nonce: nonce,
        styleOptions: {
          hideUploadButton: true,
          suggestedActionLayout: 'flow',
          bubbleMaxWidth: 640,
          bubbleMinWidth: 0,
          primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
          fontSizeSmall: '90%',
          sendBoxTextWrap: true,
          // A long answer (a referral, an exercise) stops scrolling when its start reaches the top, so its first line is never hidden.
          autoScrollSnapOnPage: true,
          autoScrollSnapOnPageOffset: 0,
          // Timestamps and bubble colours with enough contrast (WCAG 2.2 AA).
          timestampColor: '#595959',
          subtleColor: '#595959',
          suggestedActionBorderColor: '#0b57d0',
          suggestedActionTextColor: '#0b57d0',
          accent: '#0b57d0',
        },
      },
      document.getElementById('webchat'),
    );
    window.setInterval(function () {
      refresh();
    }, REFRESH_MS);
  }

  say('Connecting to the coach…');
  connect()
    .then(function (conversation) {
      render(conversation);
      say('');
      return showPushState();
    })
    .catch(function (error) {
      if (error && error.code === 'PortalRequired') say('Please open the coach from your clinic\u2019s portal.');
      else if (error && error.code === 'PortalTokenRefused') say('Your clinic\u2019s sign-in has expired. Please open the coach again from the portal.');
      else say('Sorry, the chat could not start. Please reload the page in a minute.');
    });
})();
