// The camera as a QR reader: the browser's BarcodeDetector where it exists,
// else jsQR in a Web Worker, else frames sent to the server's decode endpoint.
import { api } from '../shared/api.js';

const MAX_SIDE = 720;

export class Scanner {
  /**
   * video: a <video> element to show the camera in; onText(text) is called for each QR read
   * (the same text again only after repeatMs). token: bearer for the server fallback.
   */
  constructor({ video, onText, facingMode = 'user', repeatMs = 4000, token = null, fps = 6 }) {
    this.video = video;
    this.onText = onText;
    this.facingMode = facingMode;
    this.repeatMs = repeatMs;
    this.token = token;
    this.interval = 1000 / fps;
    this.stream = null;
    this.running = false;
    this.last = { text: null, at: 0 };
    this.busy = false;
    this.engine = null;
    this.canvas = document.createElement('canvas');
  }

  static available() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  }

  async start() {
    if (this.running) return true;
    if (!Scanner.available()) return false;
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: this.facingMode, width: { ideal: 1280 }, height: { ideal: 720 } },
      });
    } catch (e) {
      return false;
    }
    this.video.srcObject = this.stream;
    this.video.muted = true;
    this.video.setAttribute('playsinline', '');
    try { await this.video.play(); } catch (e) { /* autoplay of a muted stream is allowed */ }
    this.engine = await this.pickEngine();
    this.running = true;
    this.loop();
    return true;
  }

  stop() {
    this.running = false;
    if (this.stream) this.stream.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.video.srcObject = null;
    if (this.worker) { this.worker.terminate(); this.worker = null; }
  }

  async pickEngine() {
    if ('BarcodeDetector' in window) {
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (formats.includes('qr_code')) {
          const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
          return { name: 'native', decode: async () => {
            const codes = await detector.detect(this.video);
            return codes.length ? codes[0].rawValue : null;
          } };
        }
      } catch (e) { /* fall through */ }
    }
    try {
      this.worker = new Worker('/app/scan-worker.js');
      let seq = 0;
      const pending = new Map();
      this.worker.onmessage = (e) => {
        const resolve = pending.get(e.data.id);
        pending.delete(e.data.id);
        if (resolve) resolve(e.data.text);
      };
      this.worker.onerror = () => { this.engine = this.serverEngine(); };
      return { name: 'jsqr', decode: () => new Promise((resolve) => {
        const frame = this.frame();
        if (!frame) { resolve(null); return; }
        const id = ++seq;
        pending.set(id, resolve);
        setTimeout(() => { if (pending.delete(id)) resolve(null); }, 2000);
        this.worker.postMessage({ id, width: frame.width, height: frame.height, buffer: frame.data.buffer }, [frame.data.buffer]);
      }) };
    } catch (e) {
      return this.serverEngine();
    }
  }

  serverEngine() {
    this.interval = Math.max(this.interval, 1000);
    return { name: 'server', decode: async () => {
      if (!this.token || !navigator.onLine) return null;
      const blob = await new Promise((resolve) => { this.drawFrame(); this.canvas.toBlob(resolve, 'image/jpeg', 0.8); });
      if (!blob) return null;
      try {
        const r = await api('/api/v1/qr/decode', { method: 'POST', raw: blob, token: this.token, timeoutMs: 5000 });
        return r && r.text;
      } catch (e) {
        return null;
      }
    } };
  }

  drawFrame() {
    const v = this.video;
    const w = v.videoWidth;
    const h = v.videoHeight;
    if (!w || !h) return false;
    const scale = Math.min(1, MAX_SIDE / Math.max(w, h));
    this.canvas.width = Math.round(w * scale);
    this.canvas.height = Math.round(h * scale);
    const g = this.canvas.getContext('2d', { willReadFrequently: true });
    g.drawImage(v, 0, 0, this.canvas.width, this.canvas.height);
    return g;
  }

  frame() {
    const g = this.drawFrame();
    return g ? g.getImageData(0, 0, this.canvas.width, this.canvas.height) : null;
  }

  async loop() {
    while (this.running) {
      const t0 = performance.now();
      if (!this.busy && this.video.readyState >= 2 && document.visibilityState !== 'hidden') {
        this.busy = true;
        try {
          const text = await this.engine.decode();
          if (text) this.found(text);
        } catch (e) {
          // one bad frame is no reason to stop
        } finally {
          this.busy = false;
        }
      }
      const wait = Math.max(20, this.interval - (performance.now() - t0));
      await new Promise((r) => setTimeout(r, wait));
    }
  }

  found(text) {
    const now = Date.now();
    if (text === this.last.text && now - this.last.at < this.repeatMs) {
      this.last.at = now; // still held up: keep ignoring it
      return;
    }
    this.last = { text, at: now };
    this.onText(text);
  }
}

/**
 * A USB / Bluetooth QR reader in keyboard mode types the code fast and ends with Enter.
 * Calls onText for such bursts typed outside form fields.
 */
export function keyboardWedge(onText, { maxGapMs = 250, minLength = 8 } = {}) {
  let buf = '';
  let lastAt = 0;
  document.addEventListener('keydown', (e) => {
    const target = e.target;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) return;
    const now = performance.now();
    if (now - lastAt > maxGapMs) buf = '';
    lastAt = now;
    if (e.key === 'Enter') {
      if (buf.length >= minLength) {
        const text = buf;
        buf = '';
        e.preventDefault();
        onText(text);
      }
      buf = '';
      return;
    }
    if (e.key.length === 1) buf += e.key;
  });
}

/**
 * The same reader on a screen with form fields (the guard console): the focus is usually in a field, so a
 * burst is caught there too. A burst is minLength characters or more, each within maxGapMs of the last, ended
 * by Enter; when {@code accept(text)} takes it, the Enter does not submit the form and the field gets back the
 * value it had before the burst, and onText(text) is called. Characters a reader cannot type as keys (the
 * Vietnamese letters of a name) arrive as text input, which is counted too.
 */
export function codeReader(onText, { accept = () => true, maxGapMs = 100, minLength = 8 } = {}) {
  let buf = '';
  let lastAt = -Infinity;
  let field = null; // the field the burst began in, and its value then
  let before = '';
  let keyed = null; // the character of the last keydown: its own input event is not counted twice
  const editable = (n) => n && (n.tagName === 'INPUT' || n.tagName === 'TEXTAREA') ? n : null;
  const tick = (target) => {
    const now = performance.now();
    if (now - lastAt > maxGapMs) {
      buf = '';
      field = editable(target);
      before = field ? field.value : '';
    }
    lastAt = now;
  };
  document.addEventListener('keydown', (e) => {
    tick(e.target);
    keyed = null;
    if (e.key === 'Enter') {
      const text = buf;
      buf = '';
      lastAt = -Infinity;
      if (text.length >= minLength && accept(text)) {
        e.preventDefault();
        e.stopPropagation();
        if (field) field.value = before;
        onText(text);
      }
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      buf += e.key;
      keyed = e.key;
    }
  }, true);
  document.addEventListener('beforeinput', (e) => {
    if (e.inputType !== 'insertText' || !e.data) return;
    if (keyed !== null && e.data === keyed) { keyed = null; return; }
    tick(e.target);
    buf += e.data;
  }, true);
}
