// Agent console of the lp-call-streams emulator (plain browser JS, no build step, same origin as the
// emulator). Polls GET /emulator/state every second and drives the agent control API. Errors for the
// consumer page's call app go over BroadcastChannel('lp-call-streams-standin') to the stand-in lpTag.
// Everything shown uses textContent.
(function () {
  'use strict';

  var POLL_MS = 1000;
  var CHANNEL_NAME = 'lp-call-streams-standin';
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : null;

  function $(testid) {
    return document.querySelector('[data-testid="' + testid + '"]');
  }

  function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  }

  function asArray(value) {
    return Array.isArray(value) ? value : [];
  }

  function text(value) {
    if (value === undefined || value === null) return '';
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  }

  function showResult(message) {
    $('error').textContent = '';
    $('result').textContent = message;
  }

  function showError(message) {
    $('result').textContent = '';
    $('error').textContent = message;
  }

  // ---- control API ----------------------------------------------------------------------------

  function errorText(status, body) {
    try {
      var parsed = JSON.parse(body);
      if (isObject(parsed)) {
        var detail = parsed.error !== undefined ? parsed.error : parsed.message;
        if (isObject(detail)) detail = detail.message !== undefined ? detail.message : JSON.stringify(detail);
        if (detail !== undefined) return String(detail);
      }
    } catch (_ignored) {
      // not JSON: show the text as is
    }
    return body !== '' ? body : 'HTTP ' + status;
  }

  function post(path, body, label) {
    return fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.text().then(function (bodyText) {
          if (!response.ok) {
            showError(label + ' failed (' + response.status + '): ' + errorText(response.status, bodyText));
            return;
          }
          showResult(label + ' ok' + (bodyText !== '' ? ': ' + bodyText : ''));
          refresh();
        });
      })
      .catch(function (error) {
        showError(label + ' failed: ' + (error && error.message ? error.message : String(error)));
      });
  }

  function target() {
    var conversationId = document.getElementById('conversation').value;
    return conversationId !== '' ? { conversationId: conversationId } : {};
  }

  function withTarget(extra) {
    var body = target();
    Object.keys(extra).forEach(function (key) {
      body[key] = extra[key];
    });
    return body;
  }

  document.querySelectorAll('button[data-action]').forEach(function (button) {
    button.addEventListener('click', function () {
      var action = button.getAttribute('data-action');
      var label = button.textContent;
      if (action === 'drop-sockets') return post('/emulator/drop-sockets', {}, label);
      var extra = action === 'invite' ? { mode: button.getAttribute('data-mode') } : {};
      return post('/emulator/agent/' + action, withTarget(extra), label);
    });
  });

  document.getElementById('send-text').addEventListener('click', function () {
    var input = document.getElementById('text-input');
    if (input.value.trim() === '') return showError('Send text: type a message first');
    return post('/emulator/agent/message', withTarget({ text: input.value }), 'Send text').then(function () {
      if ($('error').textContent === '') input.value = '';
    });
  });

  document.getElementById('send-error').addEventListener('click', function () {
    var id = document.getElementById('error-id').value;
    var msg = document.getElementById('error-message').value.trim();
    if (channel === null) return showError('Send error: this browser has no BroadcastChannel');
    var message = { type: 'sessionError', id: id };
    if (msg !== '') message.msg = msg;
    channel.postMessage(message);
    return showResult('Sent sessionError ' + id + ' to the consumer page(s) of this origin');
  });

  // ---- state view -----------------------------------------------------------------------------

  function cell(row, value) {
    var td = document.createElement('td');
    td.textContent = text(value);
    row.appendChild(td);
  }

  function fillTable(testid, rows, emptyText) {
    var tbody = $(testid).querySelector('tbody');
    var columns = $(testid).querySelectorAll('thead th').length;
    tbody.replaceChildren();
    if (rows.length === 0) {
      var tr = document.createElement('tr');
      var td = document.createElement('td');
      td.colSpan = columns;
      td.className = 'empty';
      td.textContent = emptyText;
      tr.appendChild(td);
      tbody.appendChild(tr);
      return;
    }
    rows.forEach(function (values) {
      var row = document.createElement('tr');
      values.forEach(function (value) {
        cell(row, value);
      });
      tbody.appendChild(row);
    });
  }

  function firstDefined(values) {
    for (var i = 0; i < values.length; i++) if (values[i] !== undefined && values[i] !== null) return values[i];
    return undefined;
  }

  function conversationId(conversation) {
    return firstDefined([conversation.conversationId, conversation.convId, conversation.id]);
  }

  function dialogsOf(conversation) {
    if (Array.isArray(conversation.dialogs)) return conversation.dialogs;
    var details = conversation.conversationDetails;
    return isObject(details) ? asArray(details.dialogs) : [];
  }

  // A dialog's call fields may sit on the dialog, in its wire `metaData` or in a stored `cobrowse` record.
  function callField(dialog, key) {
    return firstDefined([dialog[key], isObject(dialog.metaData) ? dialog.metaData[key] : undefined, isObject(dialog.cobrowse) ? dialog.cobrowse[key] : undefined]);
  }

  function expiresIn(dialog) {
    var seconds = callField(dialog, 'expires'); // wire: epoch seconds (float)
    var ms = firstDefined([callField(dialog, 'expiresAtMs'), typeof seconds === 'number' ? seconds * 1000 : undefined]);
    if (typeof ms !== 'number') return '';
    var left = Math.round((ms - Date.now()) / 1000);
    return left > 0 ? left + ' s' : 'expired';
  }

  function dialogRow(conversation, dialog) {
    var session = callField(dialog, 'sessionState');
    return [
      firstDefined([conversationId(conversation), dialog.conversationId, dialog.convId]),
      firstDefined([dialog.dialogId, dialog.id]),
      dialog.channelType,
      dialog.state,
      session,
      callField(dialog, 'mode'),
      session === 'INVITED' ? expiresIn(dialog) : '',
    ];
  }

  function renderConversationSelect(conversations) {
    var select = document.getElementById('conversation');
    var chosen = select.value;
    var ids = conversations.map(conversationId).filter(function (id) {
      return id !== undefined;
    });
    var current = Array.prototype.slice.call(select.options, 1).map(function (option) {
      return option.value;
    });
    if (ids.join('\n') === current.join('\n')) return;
    select.replaceChildren(select.options[0]);
    ids.forEach(function (id) {
      var option = document.createElement('option');
      option.value = String(id);
      option.textContent = String(id);
      select.appendChild(option);
    });
    select.value = ids.indexOf(chosen) >= 0 ? chosen : '';
  }

  function render(state) {
    var conversations = asArray(state.conversations).filter(isObject);
    renderConversationSelect(conversations);
    fillTable(
      'conversations',
      conversations.map(function (c) {
        return [conversationId(c), c.state, c.stage, dialogsOf(c).length];
      }),
      'no conversations',
    );

    var dialogRows = [];
    conversations.forEach(function (c) {
      dialogsOf(c).filter(isObject).forEach(function (d) {
        dialogRows.push(dialogRow(c, d));
      });
    });
    if (dialogRows.length === 0) {
      asArray(state.dialogs).filter(isObject).forEach(function (d) {
        dialogRows.push(dialogRow({}, d));
      });
    }
    fillTable('dialogs', dialogRows, 'no dialogs');

    fillTable(
      'connections',
      asArray(state.connections).filter(isObject).map(function (k) {
        var rest = {};
        Object.keys(k).forEach(function (key) {
          if (['id', 'connectionId', 'accountId', 'state'].indexOf(key) < 0) rest[key] = k[key];
        });
        return [k.id !== undefined ? k.id : k.connectionId, k.accountId, k.state, Object.keys(rest).length > 0 ? rest : ''];
      }),
      'no connections',
    );
    $('raw-state').textContent = JSON.stringify(state, null, 2);
  }

  // ---- polling ------------------------------------------------------------------------------

  var timer = null;

  function refresh() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    return fetch('/emulator/state', { cache: 'no-store' })
      .then(function (response) {
        if (!response.ok) throw new Error('HTTP ' + response.status);
        return response.json();
      })
      .then(function (state) {
        render(isObject(state) ? state : {});
        $('poll-status').textContent = 'live · ' + new Date().toLocaleTimeString();
        $('poll-status').className = 'poll ok';
      })
      .catch(function (error) {
        $('poll-status').textContent = 'emulator unreachable: ' + (error && error.message ? error.message : String(error));
        $('poll-status').className = 'poll down';
      })
      .then(function () {
        if (timer === null) timer = setTimeout(refresh, POLL_MS);
      });
  }

  refresh();
})();
