// Scans the server has not answered yet, kept in IndexedDB so they survive a reload or a closed
// tab. Each keeps the UUID it was made with; the server applies an id once, so a resend after a
// lost answer is harmless, and a scan leaves this queue only once its answer has come back.
const dbName = 'bhm-scan-station';
const storeName = 'waiting';
let opened = null;

function open() {
  if (opened) return opened;
  opened = new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore(storeName, { keyPath: 'id' });
      store.createIndex('order', 'order');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return opened;
}

async function run(mode, work) {
  const db = await open();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(storeName, mode);
    let result;
    Promise.resolve(work(tx.objectStore(storeName))).then((r) => { result = r; });
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function requestValue(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export async function keep(scans) {
  const base = Date.now() * 1000;
  await run('readwrite', (store) => {
    scans.forEach((scan, i) => store.put({ ...scan, order: base + i }));
  });
}

// The oldest `limit` scans, in the order they were made.
export async function oldest(limit = 100) {
  return run('readonly', (store) => requestValue(store.index('order').getAll(null, limit)));
}

export async function forget(ids) {
  await run('readwrite', (store) => { for (const id of ids) store.delete(id); });
}

export async function count() {
  return run('readonly', (store) => requestValue(store.count()));
}
