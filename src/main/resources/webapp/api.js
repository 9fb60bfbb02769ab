// Talks to the server's public API. Paths are absolute: the page lives under the webapp's
// base path (e.g. /alexa/), the API under /api/public/ on the same host, behind the same proxy.

const TOKEN_KEY = 'alexa.token';

/** The server refused the token (missing, expired or from another key): log in again. */
export class Unauthorized extends Error {}

/** The server could not be reached at all (offline, proxy down, server stopped). */
export class Unreachable extends Error {}

/** The server answered with an error; the message is its RFC 9457 detail when there is one. */
export class ServerError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/**
 * The token kept from the last login, so a reload stays logged in.
 * @returns {{token: ?string, expired: boolean}}
 */
export function storedSession() {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token && isExpired(token)) {
    localStorage.removeItem(TOKEN_KEY);
    return { token: null, expired: true };
  }
  return { token, expired: false };
}

export function forgetToken() {
  localStorage.removeItem(TOKEN_KEY);
}

/** A token whose exp claim has passed; a token that cannot be read is left for the server to judge. */
function isExpired(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now();
  } catch {
    return false;
  }
}

/**
 * Trades the password for a token and keeps it, so a reload stays logged in.
 * @throws Unauthorized for wrong credentials
 */
export async function login(username, password) {
  const response = await send('/api/public/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const { token } = await response.json();
  localStorage.setItem(TOKEN_KEY, token);
  return token;
}

/**
 * Sends one utterance (16 kHz, 16-bit little-endian mono PCM).
 * @returns {Promise<{status: string, command: string, next: string, audio_b64: ?string}>}
 */
export async function speak(token, pcm) {
  const response = await send('/api/public/stt', {
    method: 'POST',
    headers: {
      'Authorization': `Bearer ${token}`,
      'Content-Type': 'application/octet-stream',
      'x-audio-codec': 'pcm',
      'x-audio-sample-rate': '16000',
      'x-audio-bits': '16',
      'x-audio-channel': '1',
    },
    body: pcm,
  });
  return response.json();
}

/**
 * Sends a typed command; the answer is the same as for speech.
 * @returns {Promise<{status: string, command: string, next: string, audio_b64: ?string, answer: string}>}
 */
export async function chat(token, command) {
  const response = await send('/api/public/chat', {
    method: 'POST',
    headers: { 'Authorization': `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ command }),
  });
  return response.json();
}

async function send(path, options) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (error) {
    throw new Unreachable(error.message);
  }
  if (response.status === 401) {
    throw new Unauthorized(await detail(response));
  }
  if (!response.ok) {
    const type = response.headers.get('Content-Type') || '';
    if (response.status >= 502 && response.status <= 504 && !type.includes('json')) {
      // The reverse proxy answers for a server that is down.
      throw new Unreachable(`HTTP ${response.status}`);
    }
    throw new ServerError(response.status, await detail(response));
  }
  return response;
}

async function detail(response) {
  try {
    const problem = await response.json();
    return problem.detail || problem.title || `HTTP ${response.status}`;
  } catch {
    // A proxy's own error page is HTML, not a problem body.
    return `HTTP ${response.status}`;
  }
}
