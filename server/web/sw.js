// The service worker keeps the pages' own files (HTML, CSS, modules, catalogues), never API answers,
// so a scan station whose server is down can still be reloaded and keep scanning into its queue.
// Network first: while the server answers, every file is fresh; only when it cannot be reached is
// the copy from the last visit used.
const cacheName = 'bhm-pages-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  event.respondWith((async () => {
    try {
      const answer = await fetch(event.request);
      // Kept for later without making the page wait for the disk.
      if (answer.ok) {
        const copy = answer.clone();
        event.waitUntil(caches.open(cacheName).then((cache) => cache.put(event.request, copy)));
      }
      return answer;
    } catch (e) {
      const kept = await caches.match(event.request, { ignoreSearch: true });
      if (kept) return kept;
      throw e;
    }
  })());
});
