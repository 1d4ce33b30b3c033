// One reconnecting WebSocket per page. Commands carry a client id and stay queued until the
// server acknowledges them, so a command sent into a dropped network is retried on reconnect
// and applied once (the server remembers ids). Every state message carries a version; on
// (re)connect the server sends the full snapshot of this audience. A version that changes
// nothing this page shows arrives as a bare {type: "version"} message.

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 15000;
const PING_MS = 25000;
const GAP_WAIT_MS = 1500;
const CLOSE_CODES_FINAL = new Set([4401, 4403, 4404]);
const CLOSE_BUSY = 4429; // the server is busy letting others in: back off, then try again

export function newId() {
  if (globalThis.crypto && crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

export class LiveSocket {
  constructor(url, { onState, onStatus, onError, onFinal } = {}) {
    this.url = url;
    this.onState = onState || (() => {});
    this.onStatus = onStatus || (() => {});
    this.onError = onError || (() => {});
    this.onFinal = onFinal || (() => {});
    this.version = 0;
    this.pending = new Map(); // id -> {message, resolve, reject}
    this.attempt = 0;
    this.socket = null;
    this.stopped = false;
    this.clockOffset = 0; // server time minus local time, for timers
    window.addEventListener("online", () => this.reconnectNow());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.reconnectNow();
    });
    this.connect();
  }

  connect() {
    if (this.stopped) return;
    this.onStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    const socket = new WebSocket(this.url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.attempt = 0;
      this.onStatus("online");
      for (const entry of this.pending.values()) socket.send(JSON.stringify(entry.message));
      this.pingTimer = setInterval(() => this.sendRaw({ cmd: "ping" }), PING_MS);
    });
    socket.addEventListener("message", (event) => this.receive(JSON.parse(event.data)));
    socket.addEventListener("close", (event) => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket) return;
      if (CLOSE_CODES_FINAL.has(event.code)) {
        this.stopped = true;
        this.onStatus("offline");
        this.onFinal(event.code);
        return;
      }
      this.scheduleReconnect(event.code === CLOSE_BUSY ? "busy" : "reconnecting");
    });
  }

  scheduleReconnect(status = "reconnecting") {
    this.onStatus(status);
    const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** this.attempt);
    const delay = ceiling / 2 + Math.random() * (ceiling / 2); // exponential backoff with jitter
    this.attempt += 1;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  reconnectNow() {
    if (this.stopped) return;
    if (this.socket && this.socket.readyState <= WebSocket.OPEN) return;
    clearTimeout(this.retryTimer);
    this.attempt = 0;
    this.connect();
  }

  receive(message) {
    if (message.type === "state") {
      this.clockOffset = message.server_time - Date.now();
      if (message.version < this.version) return; // an older picture arrived late
      this.version = message.version;
      this.onState(message.state, message.me, message.version);
    } else if (message.type === "version") {
      // The picture already shown is still the picture of this version: nothing to draw.
      if (message.version > this.version) this.version = message.version;
    } else if ("ack" in message) {
      const entry = this.pending.get(message.ack);
      this.pending.delete(message.ack);
      if (entry) entry.resolve(message);
      // The coalesced broadcast normally follows within a fraction of a second; if it was lost
      // (the channel layer delivers at most once), ask for the snapshot ourselves.
      if (message.version > this.version) {
        setTimeout(() => {
          if (this.version < message.version) this.sendRaw({ cmd: "sync", args: { version: this.version } });
        }, GAP_WAIT_MS);
      }
    } else if (message.error) {
      const entry = this.pending.get(message.id);
      this.pending.delete(message.id);
      this.onError(message.error);
      if (entry) entry.reject(message.error);
    }
  }

  sendRaw(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
    }
  }

  // Send a command; resolves on the server's ack, rejects with {code, message} on refusal.
  send(cmd, args = {}) {
    const message = { cmd, id: newId(), args };
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { message, resolve, reject });
      this.sendRaw(message);
    });
  }

  serverNow() {
    return Date.now() + this.clockOffset;
  }
}
