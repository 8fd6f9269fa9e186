// Who is inside one site: read once from /occupancy, then kept from the site's events, so that a busy
// entrance does not make every open console read the whole list again after each arrival.
// A check-in puts its visitor in (replacing an earlier stay of the same person); a check-out takes its
// visit out; a record of an earlier stay ("past": synced late, or a repeated scan) moves no one. Every
// event carries the server's count of people inside ("inside"): when the list disagrees with it, events
// were missed (or came from an older server) and the list is read again.

const RECHECK_MS = 1500;

const fold = (s) => (s || '').normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase()
  .replace(/\s+/g, ' ').trim();

export class InsideList {
  /**
   * get(path) → a promise of the parsed JSON of a GET; onChange() is called after every change.
   */
  constructor(siteId, get, onChange) {
    this.siteId = siteId;
    this.get = get;
    this.onChange = onChange;
    this.rows = new Map(); // visitor id → { visitId, enteredAt, visitor: { id, name, phoneMasked } }
    this.capacity = null;
    this.skew = 0; // server clock − this clock, ms
    this.ready = false;
    this.pending = null; // events that arrive while the list is being read
    this.loading = null;
    this.again = false;
    this.recheck = null;
    this.told = undefined; // the count on the last event
    this.reloads = 0;
  }

  get inside() { return this.rows.size; }

  get atCapacity() { return !!this.capacity && this.rows.size >= this.capacity; }

  /** Longest inside first. */
  visitors() {
    return [...this.rows.values()].sort((a, b) => (a.enteredAt < b.enteredAt ? -1 : a.enteredAt > b.enteredAt ? 1 : 0));
  }

  /**
   * Those inside matching a search, longest inside first: "nguyen van" finds "Nguyễn Văn An" (without
   * diacritics, any case), digits the masked phone's visible ones ("678" in 091****678).
   */
  find(query) {
    const words = fold(query).split(' ').filter(Boolean);
    const all = this.visitors();
    if (!words.length) return all;
    return all.filter((v) => {
      const name = fold(v.visitor && v.visitor.name);
      const phone = (v.visitor && v.visitor.phoneMasked) || '';
      return words.every((w) => name.includes(w) || (/^\d+$/.test(w) && phone.includes(w)));
    });
  }

  /** Minutes inside, by the server's clock (a tablet's own clock may be off). */
  minutes(v) {
    return Math.max(0, (Date.now() + this.skew - Date.parse(v.enteredAt)) / 60000);
  }

  /** Reads the whole list; events arriving meanwhile are applied on top of it. */
  reload() {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.pending = [];
    this.reloads++;
    this.loading = this.get(`/api/v1/sites/${this.siteId}/occupancy`).then((o) => {
      this.capacity = o.capacity || null;
      if (o.asOf) this.skew = Date.parse(o.asOf) - Date.now();
      this.rows = new Map(o.visitors.map((v) => [v.visitor.id, v]));
      this.told = undefined;
      for (const e of this.pending) this.applyOne(e, false);
      this.ready = true;
    }).finally(() => {
      this.pending = null;
      this.loading = null;
      if (this.again) {
        this.again = false;
        this.reload().catch(() => {}); // the caller of the first read hears of a failure
      }
    }).then(() => this.onChange());
    return this.loading;
  }

  /** One event of the site's stream. */
  apply(e) {
    if (this.pending) {
      this.pending.push(e);
      return;
    }
    if (!this.ready) return;
    this.applyOne(e, true);
    this.onChange();
  }

  applyOne(e, check) {
    if (e.past) {
      // a record of an earlier stay (an offline kiosk's, synced late) or a repeated scan: no one moves
    } else if (e.type === 'checkin') {
      const old = this.rows.get(e.visitorId);
      this.rows.set(e.visitorId, {
        visitId: e.visitId,
        enteredAt: e.occurredAt,
        visitor: { id: e.visitorId, name: e.name, phoneMasked: old && old.visitor.phoneMasked },
      });
    } else if (e.type === 'checkout') {
      const row = this.rows.get(e.visitorId);
      if (row && row.visitId === e.visitId) this.rows.delete(e.visitorId);
    }
    if (typeof e.inside === 'number') this.told = e.inside;
    if (check && this.told !== undefined && this.told !== this.rows.size && !this.recheck) {
      // Wait a little: an event of another server may still be on its way.
      this.recheck = setTimeout(() => {
        this.recheck = null;
        if (this.told !== this.rows.size) this.reload().catch(() => {});
      }, RECHECK_MS);
    }
  }

  close() {
    clearTimeout(this.recheck);
    this.onChange = () => {};
  }
}
