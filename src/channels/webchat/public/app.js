// Starts Web Chat against this server's Direct Line endpoint (polling, no WebSocket).
// The conversation id and its token are kept in sessionStorage, so a reload continues the same
// conversation and closing the tab forgets it.
(function () {
  'use strict';
  var KEY = 'discCoach.directLine';
  var nonce = document.currentScript && document.currentScript.nonce;
  var status = document.getElementById('status');
  var base = window.location.origin + '/v3/directline';

  function say(text) {
    status.textContent = text;
  }

  function load() {
    try {
      var saved = JSON.parse(window.sessionStorage.getItem(KEY) || 'null');
      return saved && typeof saved.conversationId === 'string' && typeof saved.token === 'string' ? saved : null;
    } catch (error) {
      return null;
    }
  }

  function resume(saved) {
    return fetch(base + '/conversations/' + encodeURIComponent(saved.conversationId), {
      headers: { authorization: 'Bearer ' + saved.token },
    })
      .then(function (response) {
        return response.ok ? saved : null;
      })
      .catch(function () {
        return null;
      });
  }

  function start() {
    return fetch(base + '/conversations', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then(function (response) {
      if (!response.ok) throw new Error('start failed: ' + response.status);
      return response.json().then(function (body) {
        var conversation = { conversationId: body.conversationId, token: body.token };
        window.sessionStorage.setItem(KEY, JSON.stringify(conversation));
        return conversation;
      });
    });
  }

  document.getElementById('restart').addEventListener('click', function () {
    window.sessionStorage.removeItem(KEY);
    window.location.reload();
  });

  say('Connecting to the coach…');
  var saved = load();
  (saved ? resume(saved) : Promise.resolve(null))
    .then(function (conversation) {
      return conversation || start();
    })
    .then(function (conversation) {
      var directLine = window.WebChat.createDirectLine({
        domain: base,
        token: conversation.token,
        conversationId: conversation.conversationId,
        webSocket: false,
        pollingInterval: 1000,
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: 'en-US',
          nonce: nonce,
          styleOptions: {
            hideUploadButton: true,
            suggestedActionLayout: 'flow',
            bubbleMaxWidth: 640,
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            fontSizeSmall: '90%',
            sendBoxTextWrap: true,
          },
        },
        document.getElementById('webchat'),
      );
      say('');
    })
    .catch(function () {
      say('Sorry, the chat could not start. Please reload the page in a minute.');
    });
})();
