// Service worker for the kiosk and the public screen (root scope): keeps the shell, scripts,
// vendor files and posters so a device that loses the network, or reboots without it, keeps working.
// The API is never cached: the page queues check-ins itself (IndexedDB).
const CACHE = 'kiosk-shell-v6';
const SHELL = [
  '/kiosk',
  '/screen',
  '/guard',
  '/',
  '/kiosk-manifest.json',
  '/img/icon.svg',
  '/css/base.css',
  '/css/kiosk.css',
  '/css/screen.css',
  '/css/guard.css',
  '/css/index.css',
  '/fonts/NotoSans-Regular-vi.ttf',
  '/fonts/NotoSans-Bold-vi.ttf',
  '/app/i18n.js',
  '/shared/i18n/vi.js',
  '/shared/i18n/en.js',
  '/shared/dom.js',
  '/shared/api.js',
  '/shared/live.js',
  '/shared/campaigns.js',
  '/app/tokens.js',
  '/app/qr.js',
  '/app/sound.js',
  '/app/scanner.js',
  '/app/scan-worker.js',
  '/app/queue.js',
  '/app/problems.js',
  '/app/stores.js',
  '/app/kiosk.js',
  '/app/kiosk-scan.js',
  '/app/screen.js',
  '/app/strings-screen.js',
  '/app/schedule.js',
  '/app/guard.js',
  '/app/sms.js',
  '/app/guard-privacy.js',
  '/app/guard-i18n.js',
  '/app/inside.js',
  '/app/guard-reader.js',
  '/app/guard-outbox.js',
  '/app/guard-exits.js',
  '/app/dependants.js',
  '/css/family.css',
  '/app/privacy-i18n.js',
  '/app/notice.js',
  '/css/privacy.css',
  '/app/index.js',
  '/vendor/qrcode-generator.esm.js',
  '/vendor/jsQR.js',
  '/vendor/noble-ed25519.esm.js',
  '/vendor/sha256.min.js',
  '/vendor/sha512.min.js',
  '/posters/bluezone.svg',
  '/posters/smart-thanh-hoa.svg',
];
const NETWORK_TIMEOUT_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('kiosk-shell-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

function cacheKey(request) {
  const url = new URL(request.url);
  // Pages are cached by path: /kiosk?lang=en is the same shell as /kiosk.
  return request.mode === 'navigate' ? url.origin + url.pathname : request;
}

// Network first (so updates arrive), the cached copy when the network fails or hangs.
async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((resolve, reject) => setTimeout(() => reject(new Error('timeout')), NETWORK_TIMEOUT_MS)),
    ]);
    if (response && response.ok && response.type === 'basic') {
      cache.put(cacheKey(request), response.clone());
    }
    return response;
  } catch (e) {
    const cached = await cache.match(cacheKey(request), { ignoreSearch: request.mode === 'navigate' });
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname === '/health' || url.pathname === '/metrics') return;
  if (url.pathname.startsWith('/c/') || url.pathname === '/admin') return; // visitor pages and the dashboard stay online-only
  event.respondWith(networkFirst(request));
});
