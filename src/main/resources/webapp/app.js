// The webapp: log in, push to talk (or type), hear the answer, keep talking when the
// assistant asks.
// The page's state is mirrored on <body data-view data-state> for the stylesheet (and tests).

import { t, translatePage } from './i18n.js';
import * as api from './api.js';
import { MicrophoneError, Recorder } from './recorder.js';
import { Player } from './player.js';
import { ServerSocket } from './socket.js';

const MAX_LOG_ENTRIES = 50;
const SHORTEST_UTTERANCE_BYTES = 3200; // 100 ms: a tap, not speech

const $ = (id) => document.getElementById(id);

let token = null;
let socket = null;
let context = null;
let player = null;
let recorder = null;
let state = 'idle';

function setState(next, label = t(`state.${next}`)) {
  state = next;
  document.body.dataset.state = next;
  $('talk-label').textContent = label;
  $('talk').disabled = next === 'thinking';
  $('send-command').disabled = next === 'thinking';
  if (next !== 'listening') {
    document.body.style.setProperty('--level', 0);
  }
}

// ---- views

function showLogin(message) {
  stopTalking();
  socket?.close();
  socket = null;
  token = null;
  api.forgetToken();
  document.body.dataset.view = 'login';
  $('talk-view').hidden = true;
  $('logout').hidden = true;
  $('connection').hidden = true;
  $('login-view').hidden = false;
  showLoginError(message);
  $('password').focus();
}

function showTalk() {
  document.body.dataset.view = 'talk';
  $('login-view').hidden = true;
  $('talk-view').hidden = false;
  $('logout').hidden = false;
  $('connection').hidden = false;
  setState('idle');
  socket = new ServerSocket(token, {
    onState: showConnection,
    onCommand: obey,
    onUnauthorized: () => showLogin(t('login.expired')),
  });
  socket.open();
}

function showLoginError(message) {
  $('login-error').textContent = message ?? '';
  $('login-error').hidden = !message;
}

function showConnection(connection, seconds) {
  const pill = $('connection');
  pill.dataset.connection = connection;
  pill.textContent = t(`socket.${connection}`, seconds);
}

function showError(message) {
  $('error-text').textContent = message;
  $('error').hidden = false;
}

function hideError() {
  $('error').hidden = true;
}

/**
 * Adds a conversation entry, newest first.
 * @param {'user'|'assistant'|'display'|'info'} kind
 */
function addEntry(kind, text) {
  const who = { user: t('log.you'), assistant: t('log.assistant'), display: t('log.screen'), info: '' }[kind];
  const entry = document.createElement('li');
  entry.dataset.kind = kind;
  const label = document.createElement('span');
  label.className = 'who';
  label.textContent = who;
  const time = document.createElement('time');
  const now = new Date();
  time.dateTime = now.toISOString();
  time.textContent = now.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const body = document.createElement('span');
  body.className = 'text';
  body.textContent = text;
  entry.append(label, time, body);
  const log = $('log');
  log.prepend(entry);
  while (log.children.length > MAX_LOG_ENTRIES) {
    log.lastElementChild.remove();
  }
  $('log-empty').hidden = true;
  return entry;
}

// ---- talking

/** The page's one AudioContext, made (or woken) inside a user gesture as browsers require. */
async function audio() {
  if (!context) {
    context = new AudioContext();
    player = new Player(context);
  }
  if (context.state === 'suspended') {
    await context.resume();
  }
  return context;
}

async function startListening(handsFree) {
  hideError();
  const current = new Recorder(await audio(), {
    onLevel: (rms) => document.body.style.setProperty('--level', Math.min(1, rms * 6).toFixed(3)),
    onSpeech: () => setState('listening'),
    onEnd: (reason) => {
      if (reason === 'silence') {
        cancelListening();
        addEntry('info', t('log.nothingHeard'));
      } else {
        finishUtterance();
      }
    },
  });
  recorder = current;
  setState('listening', t('state.waiting'));
  try {
    await current.start({ handsFree });
  } catch (error) {
    if (recorder === current) {
      recorder = null;
      setState('idle');
    }
    showError(microphoneMessage(error));
  }
}

function cancelListening() {
  recorder?.cancel();
  recorder = null;
  setState('idle');
}

async function finishUtterance() {
  if (!recorder) {
    return;
  }
  const current = recorder;
  recorder = null;
  setState('thinking');
  const pcm = await current.stop();
  if (pcm.byteLength < SHORTEST_UTTERANCE_BYTES) {
    setState('idle');
    return;
  }
  let reply;
  try {
    reply = await api.speak(token, pcm);
  } catch (error) {
    setState('idle');
    failed(error);
    return;
  }
  if (document.body.dataset.view === 'talk') {
    await answer(reply);
  }
}

/**
 * Shows and plays one answer.
 * @param typed the command was typed: a follow-up question is answered by typing too,
 *   so the microphone is not opened by itself
 */
async function answer(reply, typed = false) {
  if (!reply.command) {
    addEntry('info', t('log.notUnderstood'));
    setState('idle');
    return;
  }
  const you = addEntry('user', reply.command);
  you.dataset.typed = String(typed);
  if (!reply.audio_b64) {
    addEntry('assistant', reply.answer || t('log.noAnswer'));
    setState('idle');
    return;
  }
  let buffer;
  try {
    buffer = await player.decode(reply.audio_b64);
  } catch (error) {
    setState('idle');
    showError(t('error.playback', error.message));
    return;
  }
  // Servers before the `answer` field only sent audio: then the log says that it played.
  const said = reply.answer ? `${reply.answer} ` : '';
  const entry = addEntry('assistant', said + t('log.playing'));
  setState('speaking');
  const finished = await player.play(buffer);
  entry.querySelector('.text').textContent = said + t('log.played', buffer.duration.toFixed(1));
  entry.dataset.played = String(finished);
  entry.append(replayButton(buffer));
  if (state !== 'speaking') {
    return; // interrupted: the user is already talking again
  }
  if (finished && reply.next === 'listen' && !typed) {
    await startListening(true);
  } else {
    setState('idle');
  }
}

async function sendTyped(command) {
  hideError();
  recorder?.cancel();
  recorder = null;
  player?.stop();
  setState('thinking');
  let reply;
  try {
    // Inside the submit's user gesture, so the answer may play.
    await audio();
    reply = await api.chat(token, command);
  } catch (error) {
    setState('idle');
    failed(error);
    return;
  }
  $('command').value = '';
  if (document.body.dataset.view === 'talk') {
    await answer(reply, true);
  }
}

function replayButton(buffer) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'replay';
  button.textContent = `▶ ${t('log.replay')}`;
  button.addEventListener('click', async () => {
    if (state === 'idle') {
      await audio();
      player.play(buffer);
    }
  });
  return button;
}

function stopTalking() {
  recorder?.cancel();
  recorder = null;
  player?.stop();
  setState('idle');
}

function failed(error) {
  if (error instanceof api.Unauthorized) {
    showLogin(t('login.expired'));
  } else if (error instanceof api.Unreachable) {
    showError(t('error.unreachable'));
  } else {
    showError(t('error.server', error.message));
  }
}

function microphoneMessage(error) {
  if (!(error instanceof MicrophoneError)) {
    return t('error.mic', error.message);
  }
  return {
    denied: t('error.micDenied'),
    missing: t('error.micMissing'),
    busy: t('error.micBusy'),
    insecure: t('error.micInsecure'),
  }[error.reason] ?? t('error.mic', error.message);
}

// ---- commands from the server (the same a device gets)

function obey(message) {
  switch (message.cmd) {
    case 'display': {
      const { title = '', text = '' } = message.data ?? {};
      $('screen-title').textContent = title;
      $('screen-text').textContent = text;
      $('screen').hidden = false;
      addEntry('display', title ? `${title}: ${text}` : text);
      break;
    }
    case 'listen':
      // Browsers allow the microphone and sound only after the user touched the page.
      if (state === 'idle' && navigator.userActivation?.hasBeenActive !== false) {
        startListening(true);
      }
      break;
    case 'idle':
      if (state === 'listening') {
        cancelListening();
      }
      break;
    case 'restart':
      location.reload();
      break;
    default:
      // ota_start and anything newer are for the devices.
      break;
  }
}

// ---- wiring

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const password = $('password').value;
  if (!password) {
    $('password').focus();
    return;
  }
  $('login-submit').disabled = true;
  showLoginError(null);
  try {
    token = await api.login($('username').value.trim(), password);
    $('password').value = '';
    showTalk();
  } catch (error) {
    if (error instanceof api.Unauthorized) {
      showLoginError(t('login.wrong'));
    } else if (error instanceof api.Unreachable) {
      showLoginError(t('error.unreachable'));
    } else if (error.status === 429) {
      showLoginError(t('error.tooMany', error.message));
    } else {
      showLoginError(t('error.server', error.message));
    }
  } finally {
    $('login-submit').disabled = false;
  }
});

$('talk').addEventListener('click', () => {
  switch (state) {
    case 'idle':
      startListening(false);
      break;
    case 'listening':
      finishUtterance();
      break;
    case 'speaking':
      player.stop();
      startListening(false);
      break;
    default:
      break;
  }
});

$('type-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const field = $('command');
  const command = field.value.trim();
  if (!command || state === 'thinking') {
    field.focus();
    return;
  }
  sendTyped(command);
});

$('logout').addEventListener('click', () => showLogin(null));
$('error-close').addEventListener('click', hideError);
$('screen-close').addEventListener('click', () => {
  $('screen').hidden = true;
});

translatePage();
const session = api.storedSession();
token = session.token;
if (token) {
  showTalk();
} else {
  showLogin(session.expired ? t('login.expired') : null);
}
