// Short result sounds with WebAudio: no files to cache, works offline.
let ctx = null;

function audio() {
  if (!ctx) {
    const AC = window.AudioContext || window.webkitAudioContext;
    if (!AC) return null;
    try { ctx = new AC(); } catch (e) { return null; }
  }
  if (ctx.state === 'suspended') ctx.resume().catch(() => {});
  return ctx;
}

/** Browsers start audio only after a user gesture: call on the first tap. */
export function unlockAudio() {
  audio();
}

const TUNES = {
  ok: [[880, 0, 0.12], [1320, 0.13, 0.16]],
  warn: [[660, 0, 0.18], [660, 0.25, 0.18]],
  error: [[220, 0, 0.35]],
};

export function beep(kind = 'ok') {
  const a = audio();
  if (!a) return;
  const now = a.currentTime;
  for (const [freq, at, len] of TUNES[kind] || TUNES.ok) {
    const osc = a.createOscillator();
    const gain = a.createGain();
    osc.type = kind === 'error' ? 'square' : 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, now + at);
    gain.gain.exponentialRampToValueAtTime(0.25, now + at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, now + at + len);
    osc.connect(gain).connect(a.destination);
    osc.start(now + at);
    osc.stop(now + at + len + 0.05);
  }
}
