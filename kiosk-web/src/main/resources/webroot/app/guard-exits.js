// "Đánh dấu ra" with an undo: the exit is sent only when the few seconds to undo it are over. Sending it at once
// and reversing it on undo would put an exit that never happened into the audit trail, the day's figures and
// the traces (visit events are never deleted); waiting records only what the guard meant, a few seconds late.
// If the console goes away meanwhile (closed, reloaded, hidden), the exits waiting are sent at once.

export const UNDO_MS = 5000;

export class PendingExits {
  /** send(v, {keepalive}) → a promise (the POST of the exit); onChange(visitId) after each change of one. */
  constructor({ send, onChange }) {
    this.send = send;
    this.onChange = onChange;
    this.items = new Map(); // visitId → {v, until, timer}
    this.ticker = null;
    const now = () => this.sendAll();
    window.addEventListener('pagehide', now);
    document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') now(); });
  }

  has(visitId) {
    return this.items.has(visitId);
  }

  /** Whole seconds left to undo. */
  left(visitId) {
    const p = this.items.get(visitId);
    return p ? Math.max(0, Math.ceil((p.until - Date.now()) / 1000)) : 0;
  }

  start(v) {
    if (this.items.has(v.visitId)) return;
    const timer = setTimeout(() => this.commit(v.visitId), UNDO_MS);
    this.items.set(v.visitId, { v, until: Date.now() + UNDO_MS, timer });
    this.tick();
    this.onChange(v.visitId);
  }

  undo(visitId) {
    const p = this.items.get(visitId);
    if (!p) return null;
    clearTimeout(p.timer);
    this.items.delete(visitId);
    this.onChange(visitId);
    return p.v;
  }

  commit(visitId, opts = {}) {
    const p = this.items.get(visitId);
    if (!p) return Promise.resolve();
    clearTimeout(p.timer);
    this.items.delete(visitId);
    this.onChange(visitId);
    return this.send(p.v, opts);
  }

  sendAll() {
    return Promise.all([...this.items.keys()].map((id) => this.commit(id, { keepalive: true })));
  }

  /** The countdown on the rows: once a second while any exit waits. */
  tick() {
    if (this.ticker) return;
    this.ticker = setInterval(() => {
      if (!this.items.size) { clearInterval(this.ticker); this.ticker = null; return; }
      for (const id of this.items.keys()) this.onChange(id);
    }, 1000);
  }
}
