// Sends scans: one at a time as they are made, a collected list through /scans/batch, and the
// offline queue once the server answers again. A scan that cannot reach the server (or finds it
// overloaded, 503) goes to the queue with its id; whatever the server answered is final.
import { api, post, ApiProblem, Unreachable } from '../api.js';
import * as queue from './offline_queue.js';

export const batchLimit = 100;   // the server's /scans/batch maximum

function keepable(e) { return e instanceof Unreachable || (e instanceof ApiProblem && e.status === 503); }

// → {status:'answered', answer} | {status:'queued'}
export async function sendScan(scan) {
  try {
    return { status: 'answered', answer: await api('POST', '/scans', scan, { quiet: true }) };
  } catch (e) {
    if (keepable(e)) { await queue.keep([scan]); return { status: 'queued' }; }
    if (e instanceof ApiProblem) return { status: 'answered', answer: { ...e.body, http_status: e.status } };
    throw e;
  }
}

// Sends up to batchLimit scans at once; each result is in the same order. onProgress(done, total).
export async function sendMany(scans, onProgress = () => {}) {
  const results = [];
  for (let i = 0; i < scans.length; i += batchLimit) {
    const part = scans.slice(i, i + batchLimit);
    try {
      const answer = await post('/scans/batch', { scans: part }, { quiet: true });
      results.push(...answer.results.map((r) => ({ status: 'answered', answer: r })));
    } catch (e) {
      if (!keepable(e)) throw e;
      await queue.keep(part);
      results.push(...part.map(() => ({ status: 'queued' })));
    }
    onProgress(Math.min(i + batchLimit, scans.length), scans.length);
  }
  return results;
}

// Every few seconds, while scans wait, sends the oldest batch; onAnswer(scan, answer) for each.
export function startCatchUp(onAnswer, onWaiting, everyMs = 2000) {
  let busy = false;
  let stopped = false;
  async function tick() {
    if (busy || stopped) return;
    busy = true;
    try {
      const waiting = await queue.oldest(batchLimit);
      if (waiting.length) {
        const scans = waiting.map(({ order, ...scan }) => scan);
        const answer = await post('/scans/batch', { scans }, { quiet: true });
        const done = answer.results.filter((r) => r.http_status !== 503);
        await queue.forget(done.map((r) => r.id));
        for (const r of done) onAnswer(scans.find((s) => s.id === r.id) || { id: r.id, code: '' }, r);
      }
    } catch (e) {
      if (!keepable(e)) console.warn('catch-up', e);
    } finally {
      busy = false;
      try { onWaiting(await queue.count()); } catch { /* IndexedDB closed */ }
    }
  }
  const timer = setInterval(tick, everyMs);
  tick();
  return { stop() { stopped = true; clearInterval(timer); }, now: tick };
}
