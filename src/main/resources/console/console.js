// The LAN console: watches the devices, the providers' health and the recent utterances,
// sends commands (typed ones too), uploads firmware and pushes OTA, lists reminders. It calls the /api/internal routes, which the
// server answers only to the LAN, so the console needs no login.

const REFRESH_MS = 2000;
const REMINDERS_REFRESH_MS = 10000;
const HEALTH_REFRESH_MS = 10000;

// The household's language (assistant.language) writes the times: 24-hour for pl-PL
// whatever the browser's language; undefined (the browser's) until the server said.
let householdLocale;

const $ = (id) => document.getElementById(id);

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** Calls an internal route; errors carry the problem body's detail. */
async function call(method, path, body) {
  const options = { method, headers: {} };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, options);
  } catch {
    throw new HttpError(0, 'The server cannot be reached.');
  }
  if (!response.ok) {
    let detail = `HTTP ${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // not a problem body
    }
    throw new HttpError(response.status, detail);
  }
  return response.status === 204 ? null : response.json();
}

function banner(message) {
  $('banner').textContent = message ?? '';
  $('banner').hidden = !message;
}

function result(id, message, ok) {
  const element = $(id);
  element.textContent = message;
  element.className = `result ${ok ? 'ok' : 'failed'}`;
}

function cell(text, className, label) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) {
    td.className = className;
  }
  if (label) {
    td.dataset.label = label;
  }
  return td;
}

function duration(seconds) {
  if (seconds < 60) {
    return `${seconds} s`;
  }
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min ${seconds % 60} s`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 24) {
    return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function clock(date) {
  return date.toLocaleTimeString(householdLocale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

async function loadHouseholdLocale() {
  try {
    const settings = await call('GET', '/api/internal/console');
    householdLocale = settings.language;
  } catch {
    // an older server: the browser's own language writes the times
  }
}

// ---- devices and firmware (GET /api/internal/status)

let firmwareNames = '';

function renderDevices(devices) {
  const rows = devices.map((device) => {
    const row = document.createElement('tr');
    row.dataset.device = device.hostname ?? device.ip;
    const since = new Date(Date.now() - device.connected_seconds * 1000);
    row.append(
      cell(device.hostname ?? '(no hello yet)', 'name', 'Name'),
      cell(device.hw_type ?? (device.webapp ? 'webapp' : '–'), '', 'Type'),
      cell(device.ip, 'nowrap', 'Address'),
      cell(`${duration(device.connected_seconds)} (since ${clock(since)})`, '', 'Connected'),
    );
    return row;
  });
  $('devices').tBodies[0].replaceChildren(...rows);
  $('device-count').textContent = devices.length;
  $('no-devices').hidden = devices.length > 0;
  fillTargets($('target'), devices);
  fillTargets($('ota-target'), devices);
  // Only devices have a speaker on the audio server; a webapp tab speaks for itself.
  fillTargets($('chat-target'), devices.filter((d) => !d.webapp), 'No device (text only)');
}

/** Keeps the chosen target while the list of devices changes around it. */
function fillTargets(select, devices, none = 'All devices') {
  const chosen = select.value;
  const wanted = [['', none], ...devices.map((d) => [d.hostname ?? d.ip, d.hostname ? `${d.hostname} (${d.ip})` : d.ip])];
  const current = [...select.options].map((o) => [o.value, o.textContent]);
  if (JSON.stringify(wanted) === JSON.stringify(current)) {
    return;
  }
  select.replaceChildren(...wanted.map(([value, label]) => new Option(label, value)));
  select.value = wanted.some(([value]) => value === chosen) ? chosen : '';
}

function renderFirmware(dir, files) {
  $('firmware-dir').textContent = dir;
  const names = JSON.stringify(files);
  if (names === firmwareNames) {
    return;
  }
  firmwareNames = names;
  const items = files.map((name) => {
    const item = document.createElement('li');
    item.dataset.firmware = name;
    const label = document.createElement('span');
    label.textContent = name;
    const push = document.createElement('button');
    push.type = 'button';
    push.textContent = 'Push OTA';
    push.addEventListener('click', () => pushOta(name, push));
    item.append(label, push);
    return item;
  });
  $('firmware-files').replaceChildren(...items);
  $('no-firmware').hidden = files.length > 0;
}

async function refreshStatus() {
  const status = await call('GET', '/api/internal/status');
  renderDevices(status.devices);
  renderFirmware(status.firmware_dir, status.firmware_files);
}

// ---- recent utterances (GET /api/internal/utterances)

let shownUtterances = '';

function renderUtterances(utterances) {
  const seen = JSON.stringify(utterances.map((u) => [u.id, u.stagesMillis, u.failure]));
  if (seen === shownUtterances) {
    return;
  }
  shownUtterances = seen;
  const rows = utterances.map((utterance) => {
    const row = document.createElement('tr');
    row.dataset.utterance = utterance.id;
    row.dataset.input = (utterance.input ?? 'SPEECH').toLowerCase();
    const said = document.createElement('td');
    const heard = document.createElement('div');
    heard.textContent = utterance.transcript || (utterance.failure ? '' : '(nothing heard)');
    if (row.dataset.input === 'text') {
      const typed = document.createElement('span');
      typed.className = 'tag';
      typed.textContent = 'typed';
      heard.prepend(typed, ' ');
    }
    const answered = document.createElement('div');
    answered.className = 'answer';
    answered.textContent = utterance.answer ? `→ ${utterance.answer}` : '';
    said.append(heard, answered);
    if (utterance.failure) {
      row.dataset.failedStage = utterance.failure.stage;
      row.classList.add('failed');
      const failure = document.createElement('div');
      failure.className = 'failure';
      failure.textContent = `✕ failed at ${utterance.failure.stage}: ${utterance.failure.reason}`;
      said.append(failure);
    }
    const stages = document.createElement('td');
    const chips = document.createElement('div');
    chips.className = 'stages';
    Object.entries(utterance.stagesMillis ?? {})
      .sort(([, a], [, b]) => a - b)
      .forEach(([stage, millis]) => {
        const chip = document.createElement('span');
        chip.className = 'stage';
        chip.dataset.stage = stage;
        chip.textContent = `${stage} ${millis}`;
        chips.append(chip);
      });
    stages.append(chips);
    row.append(cell(clock(new Date(utterance.at)), 'nowrap'), cell(utterance.source), said, cell(utterance.route), stages);
    return row;
  });
  $('utterances').tBodies[0].replaceChildren(...rows);
  $('no-utterances').hidden = utterances.length > 0;
}

async function refreshUtterances() {
  renderUtterances(await call('GET', '/api/internal/utterances'));
}

// ---- provider health (GET /actuator/health)

const PROVIDER_STATES = {
  UP: 'reachable',
  UNREACHABLE: 'unreachable',
  NOT_CONFIGURED: 'not configured',
  UNKNOWN: 'unknown',
};

/** UP without a reachability verdict: configured, not checked yet (e.g. the weather before its first call). */
function providerState(component) {
  if (component.status === 'UP' && component.details?.reachable === undefined) {
    return 'configured';
  }
  return PROVIDER_STATES[component.status] ?? component.status.toLowerCase();
}

function renderHealth(health) {
  const providers = health.components?.providers?.components ?? {};
  $('health-status').textContent = `server ${health.status}`;
  $('health-status').dataset.status = health.status;
  const rows = Object.entries(providers).map(([name, component]) => {
    const details = component.details ?? {};
    const row = document.createElement('tr');
    row.dataset.provider = name;
    row.dataset.status = component.status;
    const what = document.createElement('td');
    what.dataset.label = 'Provider';
    const title = document.createElement('div');
    title.textContent = name;
    title.className = 'name';
    const implementation = document.createElement('div');
    implementation.className = 'muted small target';
    implementation.textContent = [details.provider, details.target].filter(Boolean).join(' · ');
    what.append(title, implementation);
    const state = document.createElement('td');
    state.dataset.label = 'Status';
    const pill = document.createElement('span');
    pill.className = 'state';
    pill.dataset.status = component.status;
    pill.textContent = providerState(component);
    state.append(pill);
    if (details.detail) {
      const detail = document.createElement('div');
      detail.className = 'muted small';
      detail.textContent = details.detail;
      state.append(detail);
    }
    row.append(what, state);
    return row;
  });
  $('health').tBodies[0].replaceChildren(...rows);
  $('health-note').textContent = rows.length > 0
    ? 'Reachable: the host takes a TCP connection (checked at most every 30 s), the MQTT broker is connected, the '
      + 'weather\'s last call worked. No paid call is made.'
    : 'No provider reports its health.';
}

async function refreshHealth() {
  try {
    renderHealth(await call('GET', '/actuator/health'));
  } catch (error) {
    $('health-note').textContent = `Health could not be loaded: ${error.message}`;
  }
  setTimeout(refreshHealth, HEALTH_REFRESH_MS);
}

// ---- typed commands (POST /api/internal/chat)

$('chat').addEventListener('submit', async (event) => {
  event.preventDefault();
  const command = $('chat-command').value.trim();
  if (!command) {
    result('chat-result', 'Type a command first.', false);
    $('chat-command').focus();
    return;
  }
  const target = $('chat-target');
  $('chat-send').disabled = true;
  try {
    const answer = await call('POST', `/api/internal/chat${targetQuery(target)}`, { command });
    result('chat-result', answer.device ? `${answer.response_phrase} (spoken on ${answer.device})` : answer.response_phrase, true);
    $('chat-command').value = '';
    await refreshUtterances();
  } catch (error) {
    result('chat-result', error.message, false);
  } finally {
    $('chat-send').disabled = false;
  }
});

// ---- reminders (GET/DELETE /api/internal/reminders)

async function refreshReminders() {
  let reminders;
  try {
    reminders = await call('GET', '/api/internal/reminders');
  } catch (error) {
    $('reminders').replaceChildren();
    $('reminders-note').textContent = error.status === 404
      ? 'Reminders are not available on this server.'
      : `Reminders could not be loaded: ${error.message}`;
    $('reminders-note').hidden = false;
    return;
  }
  reminders.sort((a, b) => a.scheduled_at.localeCompare(b.scheduled_at));
  const items = reminders.map((reminder) => {
    const item = document.createElement('li');
    item.dataset.reminder = reminder.id;
    const when = document.createElement('time');
    when.dateTime = reminder.scheduled_at;
    when.textContent = reminder.scheduled_at.replace('T', ' ').slice(0, 16);
    const text = document.createElement('span');
    text.textContent = reminder.text;
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'danger';
    remove.textContent = 'Delete';
    remove.addEventListener('click', () => deleteReminder(reminder, remove));
    item.append(when, text, remove);
    return item;
  });
  $('reminders').replaceChildren(...items);
  $('reminders-note').textContent = 'No reminder is scheduled.';
  $('reminders-note').hidden = reminders.length > 0;
}

async function deleteReminder(reminder, button) {
  if (!confirm(`Delete the reminder "${reminder.text}"?`)) {
    return;
  }
  button.disabled = true;
  try {
    await call('DELETE', `/api/internal/reminders/${encodeURIComponent(reminder.id)}`);
    result('reminders-result', `Deleted "${reminder.text}".`, true);
  } catch (error) {
    result('reminders-result', error.status === 404 ? 'That reminder was already gone.' : error.message, false);
  }
  await refreshReminders();
}

// ---- commands

function targetQuery(select) {
  return select.value ? `?device=${encodeURIComponent(select.value)}` : '';
}

function targetLabel(select) {
  return select.value ? select.value : 'all devices';
}

function reached(answer) {
  return `${answer.devices_notified} of ${answer.devices_total} device${answer.devices_total === 1 ? '' : 's'}`;
}

async function command(path, body, button) {
  button.disabled = true;
  try {
    const answer = await call('POST', `${path}${targetQuery($('target'))}`, body);
    const shortened = answer.truncated
      ? ' The text was too long for the device screen (4096 bytes) and was shortened with "…".' : '';
    result('commands-result', `Sent to ${reached(answer)}.${shortened}`, true);
  } catch (error) {
    result('commands-result', error.message, false);
  } finally {
    button.disabled = false;
  }
}

$('commands').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = $('display-text').value.trim();
  if (!text) {
    result('commands-result', 'Type the text to show.', false);
    $('display-text').focus();
    return;
  }
  const title = $('display-title').value.trim();
  command('/api/internal/display', title ? { text, title } : { text }, $('send-display'));
});

$('send-listen').addEventListener('click', () => command('/api/internal/listen', undefined, $('send-listen')));

$('send-restart').addEventListener('click', () => {
  if (confirm(`Restart ${targetLabel($('target'))}?`)) {
    command('/api/internal/restart', undefined, $('send-restart'));
  }
});

$('upload').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('firmware-file').files[0];
  if (!file || !file.name.toLowerCase().endsWith('.bin')) {
    result('firmware-result', 'Choose a .bin file first.', false);
    return;
  }
  const form = new FormData();
  form.append('file', file);
  $('upload-button').disabled = true;
  try {
    const saved = await call('POST', '/api/internal/firmware', form);
    result('firmware-result', `Uploaded ${saved.firmware} (${Math.round(saved.bytes / 1024)} KiB).`, true);
    $('firmware-file').value = '';
    await refreshStatus();
  } catch (error) {
    result('firmware-result', error.message, false);
  } finally {
    $('upload-button').disabled = false;
  }
});

async function pushOta(name, button) {
  const select = $('ota-target');
  if (!confirm(`Flash ${name} on ${targetLabel(select)}?`)) {
    return;
  }
  button.disabled = true;
  try {
    const answer = await call('POST', `/api/internal/ota${targetQuery(select)}`, { filename: name });
    result('firmware-result', `OTA of ${answer.firmware} sent to ${reached(answer)}.`, true);
  } catch (error) {
    result('firmware-result', error.message, false);
  } finally {
    button.disabled = false;
  }
}

// ---- refresh loops

async function refresh() {
  try {
    await Promise.all([refreshStatus(), refreshUtterances()]);
    banner(null);
    $('updated').textContent = `Updated ${clock(new Date())}`;
  } catch (error) {
    banner(error.status === 403
      ? `The console works only from the local network: ${error.message}`
      : `The server cannot be reached (${error.message}). Retrying…`);
  }
  setTimeout(refresh, REFRESH_MS);
}

async function refreshRemindersForever() {
  await refreshReminders();
  setTimeout(refreshRemindersForever, REMINDERS_REFRESH_MS);
}

loadHouseholdLocale().finally(() => {
  refresh();
  refreshRemindersForever();
  refreshHealth();
});
