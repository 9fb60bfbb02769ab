// The page's connection to /ws/public: the server registers the tab like a device and sends
// it the same commands (display, listen, idle, restart). Reconnects with a growing delay.

const UNAUTHORIZED = 4001;
const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30000;
const NAME_KEY = 'alexa.deviceName';

export class ServerSocket {
  /**
   * @param {{onState: function(string, number=), onCommand: function(object), onUnauthorized: function()}} listeners
   *   onState gets 'connecting' | 'connected' | 'retrying' (with the seconds until the next try)
   */
  constructor(token, listeners) {
    this.token = token;
    this.listeners = listeners;
    this.retryMs = FIRST_RETRY_MS;
    this.closed = false;
    this.timer = null;
  }

  open() {
    this.closed = false;
    this.connect();
    this.online = () => this.reconnectNow();
    window.addEventListener('online', this.online);
  }

  /** The network is back: no need to wait for the next try. */
  reconnectNow() {
    if (!this.closed && this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
      this.connect();
    }
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = null;
    window.removeEventListener('online', this.online);
    this.socket?.close(1000, 'logged out');
    this.socket = null;
  }

  connect() {
    this.timer = null;
    this.listeners.onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(`${scheme}//${location.host}/ws/public?token=${encodeURIComponent(this.token)}`);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = FIRST_RETRY_MS;
      // The name lets the LAN console tell this tab apart and send it commands.
      socket.send(JSON.stringify({ hello: { hostname: deviceName(), hw_type: 'webapp' } }));
      this.listeners.onState('connected');
    };
    socket.onmessage = (event) => {
      try {
        this.listeners.onCommand(JSON.parse(event.data));
      } catch (error) {
        console.warn('Ignoring a message from the server', error);
      }
    };
    socket.onclose = (event) => {
      if (this.socket !== socket || this.closed) {
        return;
      }
      if (event.code === UNAUTHORIZED) {
        this.closed = true;
        this.listeners.onUnauthorized();
        return;
      }
      this.retry();
    };
  }

  retry() {
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, LONGEST_RETRY_MS);
    let seconds = Math.ceil(wait / 1000);
    this.listeners.onState('retrying', seconds);
    const tick = () => {
      seconds -= 1;
      if (this.closed) {
        return;
      }
      if (seconds <= 0) {
        this.connect();
      } else {
        this.listeners.onState('retrying', seconds);
        this.timer = setTimeout(tick, 1000);
      }
    };
    this.timer = setTimeout(tick, Math.min(wait, 1000));
  }
}

/** A stable name per browser, e.g. webapp-3f9a. */
function deviceName() {
  let name = localStorage.getItem(NAME_KEY);
  if (!name) {
    const random = crypto.getRandomValues(new Uint16Array(1))[0].toString(16).padStart(4, '0');
    name = `webapp-${random}`;
    localStorage.setItem(NAME_KEY, name);
  }
  return name;
}
