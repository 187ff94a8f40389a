// Every refusal code the server can send (problem+json `code`, and each of a delivery's `reasons`) has a
// sentence in both catalogues (`problem.<code>` in server/web/i18n/nb.json and en.json), so a Norwegian
// page never shows the server's English sentence; that sentence stays the fallback (parts/problem_text.js).
// The codes are read from the C++ sources under shared/ and server/, in every form the code makes them:
// Refusal{"code", ...}, reasons.push_back({"code", ...}), fail(status, "code", ...), bad_request("code", ...),
// the lifecycle's refuse("code", ...), a service's refuse(RefusalKind::kind, "code", ...) and
// bad_input("code", ...), the HTTP framing's bad("code", ...) and refused(status, "code", ...),
// and the IEC 62353 limits' `measurement + "_too_high"`. A site that builds a code any other way fails this
// test until it is listed below as a pass-through (with why) or rewritten in one of those forms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { sourceRoot, webRoot } from '../support/paths.mjs';

const nb = JSON.parse(readFileSync(join(webRoot, 'i18n/nb.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(webRoot, 'i18n/en.json'), 'utf8'));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('server/demo') || path.endsWith('server/web') ? [] : sources(path);
    return /\.(cpp|h)$/.test(name) ? [path] : [];
  });
}
const files = ['shared', 'server'].flatMap((d) => sources(join(sourceRoot, d)))
  .map((path) => ({ path: relative(sourceRoot, path), text: readFileSync(path, 'utf8').replace(/\/\/[^\n]*/g, '') }));

// The calls that make a code, each with its code as a string literal in the marked place.
const literal = '"([a-z][a-z0-9_]*)"';
const makers = [
  new RegExp(`\\bRefusal\\s*\\{\\s*${literal}`, 'g'),                            // Refusal{"code", message, rule}
  new RegExp(`\\b(?:push_back|emplace_back)\\(\\s*\\{\\s*${literal}`, 'g'),      // reasons.push_back({"code", ...})
  new RegExp(`\\brefuse\\(\\s*${literal}`, 'g'),                                   // the lifecycle's refuse("code", ...)
  new RegExp(`\\b(?:bad_request|bad)\\(\\s*${literal}`, 'g'),                       // 400s
  new RegExp(`\\brefuse\\(\\s*RefusalKind::[a-z_]+\\s*,\\s*${literal}`, 'g'),         // refuse(RefusalKind::conflict, "code", ...)
  new RegExp(`\\bbad_input\\(\\s*${literal}`, 'g'),                                 // bad_input("code", ...)
  new RegExp(`\\b[345]\\d\\d\\s*,\\s*${literal}`, 'g'),                             // a status, then the code: fail(403, "code"),
                                                                                     // refused(431, ...), FramingError{400, ...}
];
// The same calls with anything but a literal where the code goes (definitions and declarations aside).
const others = [
  /\b(?<!struct )(?:Refusal|FramingError)\s*\{\s*(?!")(?!\d{3}\s*,\s*")([^}]{1,60})/g,
  /\b(?:fail|refused|problem_response|refuse_request)\(\s*(?!(?:c,\s*)?[345]\d\d\s*,\s*")(?!(?:int|const|std::string|Connection|FramingError|ParseError|ErrorKind)\b)([^;{]{1,60})/g,
  /\b(?:bad_request|bad)\(\s*(?!")(?!std::string\b)([^,)]+)/g,
];
// Where a code is passed on rather than made: its literal is at the caller, found above.
const passThrough = {
  'status, std::move(code)': 'fail(), refused(), FramingError and problem_response building the error from their own parameters',
  '400, std::move(code)': 'bad_request() and request_head\'s bad() passing their code on',
  'std::move(code)': 'the lifecycle\'s refuse() helper, whose callers give the literal',
  'refusal->code': 'fields.cpp re-wraps a shared/ refusal with the field\'s name',
  'e.refusal.code': 'scan_body.cpp re-wraps a refusal with the scan\'s place in the batch',
  'measurement + "_too_high"': 'iec62353.cpp: one code per measurement, expanded below',
  'ApiError(': 'problem_response(ApiError(...)): the Refusal inside is read on its own',
  'error.status, std::move(error.code)': 'a FramingError made above, answered',
  'error.status, error.code': 'a FramingError made above, answered',
  'c, read.error': 'http_server.cpp answering a FramingError made above',
  'c, *error': 'http_server.cpp answering a FramingError made above',
  'c, error.status, error.code': 'http_server.cpp answering a FramingError made above',
  'api_error_for(': 'api_pipeline.cpp: an exception mapped by error_mapping.cpp, whose literals are read above',
  'status, code': 'http_server.cpp answering a FramingError made above',
  '*': 'a ParseError or Refusal value made elsewhere, passed on',
};

function collect() {
  const codes = new Map();
  const unknown = [];
  const add = (code, where) => { if (!codes.has(code)) codes.set(code, new Set()); codes.get(code).add(where); };
  for (const { path, text } of files) {
    for (const re of makers) for (const m of text.matchAll(re)) add(m[1], path);
    for (const re of others) {
      for (const m of text.matchAll(re)) {
        const arg = m[1].trim();
        if (!Object.keys(passThrough).some((p) => arg.startsWith(p))) unknown.push(`${path}: ${m[0].slice(0, 80)}`);
      }
    }
    // IEC 62353: check_limit(verdict, "measurement", ...) refuses as "<measurement>_too_high".
    if (text.includes('measurement + "_too_high"'))
      for (const m of text.matchAll(/check_limit\(\s*verdict\s*,\s*"([a-z_]+)"/g)) add(`${m[1]}_too_high`, path);
  }
  return { codes, unknown };
}

test('every place that makes a refusal code is read by this test', () => {
  const { unknown } = collect();
  assert.deepEqual(unknown, [], 'a refusal code made in a form this test cannot read: use a literal, or list it in passThrough');
});

test('the codes found include the known ones (the reader still works)', () => {
  const { codes } = collect();
  for (const code of ['site_check_missing', 'csrf_refused', 'equipment_leakage_too_high', 'device_not_available',
    'transfer_reason_missing', 'instrument_out_of_calibration', 'missing_field', 'not_found'])
    assert.ok(codes.has(code), `${code} found`);
  assert.ok(codes.size > 150, `${codes.size} codes found`);
});

test('every refusal code the server can send has a sentence in both catalogues', () => {
  const { codes } = collect();
  const missing = [];
  for (const [code, where] of [...codes].sort()) {
    for (const [lang, catalogue] of [['nb', nb], ['en', en]])
      if (!catalogue[`problem.${code}`]) missing.push(`problem.${code} (${lang}; ${[...where].join(', ')})`);
  }
  assert.deepEqual(missing, []);
});

test('no catalogue sentence is kept for a code the server no longer sends', () => {
  const { codes } = collect();
  const own = new Set(['problem.rule']);   // not a code: "Regel: {rule}"
  const stale = Object.keys(nb).filter((k) => k.startsWith('problem.') && !own.has(k) && !codes.has(k.slice('problem.'.length)));
  assert.deepEqual(stale, []);
});
