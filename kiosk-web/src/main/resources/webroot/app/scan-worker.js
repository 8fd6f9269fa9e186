// Decodes QR codes in camera frames off the main thread (vendored jsQR).
/* global jsQR */
importScripts('/vendor/jsQR.js');

self.onmessage = (e) => {
  const { id, width, height, buffer } = e.data;
  let text = null;
  try {
    const found = jsQR(new Uint8ClampedArray(buffer), width, height, { inversionAttempts: 'attemptBoth' });
    text = found ? found.data : null;
  } catch (err) {
    text = null;
  }
  self.postMessage({ id, text });
};
