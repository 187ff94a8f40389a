// Starts the real build/bin/bhm-server with --demo on a free loopback port and its own temporary
// database (serving the pages it embeds, or server/web from disk when run by hand), as tests/e2e/server_process.cpp does: waits until it prints that it listens and answers
// /health, reads the demo password and station token it prints, and stops (or restarts) it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { binDir, webRoot } from './paths.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export class BhmServer {
  constructor() {
    this.folder = mkdtempSync(join(tmpdir(), 'bhm-web-'));
    this.db = join(this.folder, 'bhm.db');
    this.printed = '';
    this.child = null;
  }

  get url() { return `http://127.0.0.1:${this.port}`; }

  async start() {
    this.port = this.port || await freePort();
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BHM_')));
    env.BHM_DEMO_PASSWORD = 'demo-pass-1';
    env.BHM_PASSWORD_ITERATIONS = '1000';   // as tests/e2e do: a test server need not spend 600,000 rounds a login
    this.printed = '';
    // Under CTest the pages embedded in the binary are tested (what ships); run by hand, the files on disk.
    const pages = process.env.BHM_WEB_TESTS_EMBEDDED === '1' ? [] : ['--web-root', webRoot];
    this.child = spawn(join(binDir, 'bhm-server'), ['--demo', '--bind', '127.0.0.1', '--port', String(this.port),
      '--db', this.db, ...pages], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout.on('data', (d) => { this.printed += d; });
    this.child.stderr.on('data', () => {});
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.exited = exited;
    const listening = `listening on http://127.0.0.1:${this.port}/`;
    const deadline = Date.now() + 30000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`bhm-server exited: ${this.printed.slice(-1500)}`);
      if (this.printed.includes(listening)) {
        try { if ((await fetch(`${this.url}/api/v1/health`)).ok) break; } catch { /* not yet */ }
      }
      await sleep(100);
    }
    if (!this.printed.includes(listening)) throw new Error(`bhm-server did not start: ${this.printed.slice(-1500)}`);
    const password = /Demo users \(password '([^']+)'\)/.exec(this.printed);
    if (password) this.password = password[1];
    const token = /Demo scan station '([^']+)' token: (\S+)/.exec(this.printed);
    if (token) { this.stationName = token[1]; this.stationToken = token[2]; }
    return this;
  }

  async stop() {
    if (!this.child || this.child.exitCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10000);
    await this.exited;
    clearTimeout(timer);
  }

  async restart() { await this.stop(); await this.start(); }

  async dispose() { await this.stop(); rmSync(this.folder, { recursive: true, force: true }); }

  // A bearer token for API set-up and checks beside the browser.
  async token(username) {
    const res = await fetch(`${this.url}/api/v1/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: this.password }) });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return (await res.json()).token;
  }

  async api(tokenOrUser, method, path, body) {
    const token = tokenOrUser.length > 40 ? tokenOrUser : await this.token(tokenOrUser);
    const res = await fetch(`${this.url}/api/v1${path}`, { method, headers: { Authorization: `Bearer ${token}`,
      ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }
}
