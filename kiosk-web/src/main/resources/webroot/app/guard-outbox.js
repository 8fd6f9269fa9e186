// The guard console's check-ins when the server does not answer: after a short wait the console marks itself
// offline and keeps each check-in on the device (the kiosk's queue, a database of its own), with its client id
// and the time it happened, and sends them in order once the server answers again. The server stores each
// id once, so a check-in whose answer was lost (stored, but the server hung before replying) lands once too.
import { api } from '../shared/api.js';
import { openQueue, flush } from './queue.js';

const SEND_TIMEOUT_MS = 4000; // past this the check-in is kept on the device instead of waited for
const PROBE_MS = 5000; // while offline or with items kept, how often the server is tried again

export class Outbox {
  /**
   * post(path, body, timeoutMs) → the answer, as the console's signed-in fetch; user() the signed-in user (each
   * one's check-ins are sent with their own sign-in); serverNow() the time on the server's clock, ms;
   * onChange({online, queued}) after every change; onSynced(n) after kept check-ins were stored; onRefused(item,
   * error) for a kept check-in the server refused (a repeat scan, a name it does not take): the guard is told.
   */
  constructor({ post, user, serverNow, onChange, onSynced, onRefused }) {
    this.queue = openQueue('guard-offline');
    this.post = post;
    this.user = user;
    this.serverNow = serverNow;
    this.onChange = onChange;
    this.onSynced = onSynced;
    this.onRefused = onRefused;
    this.online = true;
    this.queued = 0;
    this.flushing = false;
    this.timer = setInterval(() => this.retry(), PROBE_MS);
    window.addEventListener('online', () => this.retry());
    this.count();
  }

  /**
   * Sends a check-in body (with its client id); resolves to the server's answer, or to {queued: true} when it
   * was kept on the device. A refusal (4xx) is thrown as the ApiError it is.
   */
  async send(body, label) {
    const occurredAt = new Date(this.serverNow()).toISOString();
    if (this.online && this.queued === 0) {
      try {
        return await this.post('/api/v1/checkins', body, SEND_TIMEOUT_MS);
      } catch (e) {
        if (!e.transient || e.status === 429) throw e;
        this.setOnline(false);
      }
    }
    // Queued behind the others (a later check-in must not overtake an earlier one of the same person).
    await this.queue.enqueue({ id: body.id, body: { ...body, occurredAt }, queuedAt: occurredAt, label: label || '',
      user: this.user() });
    await this.count();
    this.retry();
    return { queued: true, occurredAt };
  }

  async retry() {
    if (this.flushing || !this.user()) return;
    if (this.queued === 0 && this.online) return;
    this.flushing = true;
    try {
      if (this.queued === 0) {
        await api('/health', { timeoutMs: 3000 });
        this.setOnline(true);
        return;
      }
      const me = this.user();
      const { sent, stopped } = await flush(this.queue, (item) => this.post('/api/v1/checkins', item.body, 10000),
        {
          only: (item) => item.user === me,
          onItem: (item, answer, refused) => {
            if (refused) this.onRefused(item, refused);
            return this.count();
          },
        });
      this.setOnline(!stopped || !stopped.transient);
      if (sent) this.onSynced(sent);
    } catch (e) {
      this.setOnline(false);
    } finally {
      this.flushing = false;
      await this.count();
    }
  }

  setOnline(on) {
    if (this.online === on) return;
    this.online = on;
    this.onChange(this);
  }

  async count() {
    const me = this.user();
    try {
      this.queued = me ? (await this.queue.pending()).filter((i) => i.user === me).length : 0;
    } catch (e) { /* no IndexedDB */ }
    this.onChange(this);
  }
}
