// The warehouse scan station: a mode that stays after each scan, one field that keeps focus for a
// keyboard-wedge reader, a running list of answers with a sound each, "collect many, then send" with
// duplicates shown first, and an offline queue in IndexedDB that catches up once the server is back.
import { h, clear, field } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { watchScanField } from '../scan/wedge_input.js';
import { toWire, toDisplay } from '../scan/group_separator.js';
import { modes, applyScan } from '../scan/station_state.js';
import { sendScan, sendMany, startCatchUp } from '../scan/scan_sender.js';
import { play } from '../scan/sounds.js';
import { problemText, ruleText } from '../parts/problem_text.js';

const saved = (key, fallback) => { try { return localStorage.getItem(key) ?? fallback; } catch { return fallback; } };
const save = (key, value) => { try { localStorage.setItem(key, value); } catch { /* private mode */ } };

export default {
  title: 'scan.title',
  render(main) {
    const state = { mode: saved('bhm.scan.mode', 'receive'), caseNumber: null };
    if (!modes.includes(state.mode)) state.mode = 'receive';
    const collected = [];      // scans made in collect mode, not yet sent
    const rows = new Map();    // scan id → its row in the answer list
    const sources = new Map(); // scan id → 'reader' | 'keyboard'

    const modeGroup = h('fieldset', { class: 'modes' }, h('legend', { text: t('scan.mode') }),
      modes.map((m) => h('label', { class: 'mode' },
        h('input', { type: 'radio', name: 'mode', value: m, checked: m === state.mode,
          onchange: () => setMode(m) }),
        h('span', { text: t(`mode.${m}`) }))));
    const caseInput = h('input', { id: 'scan-case', autocomplete: 'off', placeholder: t('scan.case_placeholder'),
      onchange: () => { state.caseNumber = caseInput.value.trim() || null; showState(); } });
    const caseField = field(t('scan.case'), caseInput, t('scan.case_hint'));
    const station = h('input', { id: 'scan-station-name', value: saved('bhm.scan.station', 'nettleser'),
      autocomplete: 'off', onchange: () => save('bhm.scan.station', station.value.trim() || 'nettleser') });
    const quantityInput = h('input', { id: 'scan-quantity', type: 'number', min: 0, max: 100000, inputmode: 'numeric',
      onchange: () => { showState(); refocus(); } });
    const quantityField = field(t('scan.quantity'), quantityInput, t('scan.quantity_hint'));
    const collect = h('input', { type: 'checkbox', id: 'scan-collect', onchange: () => { showCollected(); refocus(); } });
    const input = h('input', { id: 'scan-code', class: 'scan-field', autocomplete: 'off', spellcheck: 'false',
      autocapitalize: 'none', enterkeyhint: 'send', 'aria-describedby': 'scan-state' });
    const stateLine = h('p', { id: 'scan-state', class: 'state', 'aria-live': 'polite' });
    const waitingLine = h('p', { id: 'scan-waiting', class: 'waiting', 'aria-live': 'polite' });
    const answers = h('ol', { id: 'scan-answers', class: 'answers', 'aria-live': 'polite', 'aria-label': t('scan.answers') });
    const collectedList = h('ol', { id: 'scan-collected', class: 'collected' });
    const sendButton = h('button', { type: 'button', id: 'scan-send-collected', class: 'primary', onclick: () => sendCollected() });
    const clearButton = h('button', { type: 'button', id: 'scan-clear-collected', onclick: () => { collected.length = 0; showCollected(); refocus(); }, text: t('scan.collect_clear') });
    const progress = h('progress', { id: 'scan-progress', max: 1, value: 0, hidden: true, 'aria-label': t('scan.progress') });
    const collectBox = h('section', { class: 'card collect', 'aria-labelledby': 'collect-h', hidden: true },
      h('h2', { id: 'collect-h', text: t('scan.collect_title') }), collectedList, h('div', { class: 'row' }, sendButton, clearButton), progress);

    main.append(h('section', { class: 'scan-station' },
      h('h1', { text: t('scan.title') }),
      h('div', { class: 'scan-controls' }, modeGroup, h('div', { class: 'scan-side' }, caseField,
        field(t('scan.station'), station), quantityField,
        h('div', { class: 'check' }, collect, h('label', { for: 'scan-collect', text: t('scan.collect') })))),
      h('div', { class: 'field scan-main' }, h('label', { for: 'scan-code', text: t('scan.field') }), input),
      stateLine, waitingLine, collectBox,
      h('h2', { text: t('scan.answers') }), answers));

    function refocus() { if (document.activeElement !== input) input.focus({ preventScroll: true }); }

    function setMode(m) {
      state.mode = m;
      state.caseNumber = null;
      save('bhm.scan.mode', m);
      for (const radio of modeGroup.querySelectorAll('input')) radio.checked = radio.value === m;
      showState();
      refocus();
    }

    function showState() {
      caseField.hidden = state.mode !== 'issue';
      caseInput.value = state.caseNumber || '';
      stateLine.textContent = state.mode === 'issue'
        ? t('scan.state_issue', { mode: t(`mode.${state.mode}`), case: state.caseNumber || t('scan.no_case') })
        : t('scan.state', { mode: t(`mode.${state.mode}`) });
      if (quantityInput.value !== '') stateLine.textContent += ` ${t('scan.state_quantity', { n: quantityInput.value })}`;
    }

    function addRow(kind, code, text, detail, scanId) {
      const row = h('li', { class: `answer ${kind}`, 'data-result': kind, 'data-sound': kind, 'data-scan-id': scanId,
        'data-source': scanId ? sources.get(scanId) : undefined },
        h('span', { class: 'badge', text: t(`scan.result_${kind}`) }),
        h('code', { class: 'code', text: toDisplay(code) }),
        h('span', { class: 'message', text }),
        detail ? h('span', { class: 'detail', text: detail }) : null);
      answers.prepend(row);
      while (answers.children.length > 200) answers.lastChild.remove();
      if (scanId) rows.set(scanId, row);
      play(kind);
      return row;
    }

    function answerRow(scan, answer, row) {
      const ok = (answer.http_status ?? 200) < 300 && (answer.result ?? 'ok') === 'ok';
      const kind = ok ? 'ok' : answer.result === 'conflict' || answer.http_status === 409 ? 'conflict' : 'refused';
      const device = answer.device;
      const lot = answer.lot;   // a consumable pack's answer names its lot instead of a device
      const text = !ok ? problemText(answer) : lot
        ? [t('scan.pack_lot', { lot: lot.lot }), lot.expiry && t('scan.pack_expiry', { expiry: formatDate(lot.expiry) }),
          t('scan.pack_in_stock', { n: lot.quantity }), lot.effective_status && lot.effective_status !== 'available' ? t(`lot.status_${lot.effective_status}`) : null]
          .filter(Boolean).join(' · ')
        : [device && device.asset_tag, device && device.model && device.model.name,
          device && t(`state.${device.state}`)].filter(Boolean).join(' · ') || answer.message;
      const reasons = Array.isArray(answer.reasons) ? answer.reasons.filter((r) => r.code !== answer.code) : [];
      const detail = ok ? (answer.replayed ? t('scan.replayed') : answer.message)
        : [ruleText(answer), ...reasons.map((r) => `${problemText(r)} ${ruleText(r)}`.trim())].filter(Boolean).join(' · ');
      if (row) {
        row.replaceWith(addRow(kind, scan.code, text, detail, scan.id));
      } else {
        addRow(kind, scan.code, text, detail, scan.id);
      }
    }

    function makeScan(code) {
      const scan = { id: crypto.randomUUID(), station: station.value.trim() || 'nettleser', mode: state.mode,
        code: toWire(code), scanned_at: new Date().toISOString() };
      if (state.mode === 'issue' && state.caseNumber) scan.case = state.caseNumber;
      // How many packs a consumable scan stands for: typed in the field or scanned as QTY:n, for this one scan.
      if (quantityInput.value !== '') { scan.quantity = Number(quantityInput.value); quantityInput.value = ''; showState(); }
      return scan;
    }

    async function onScan(raw, source) {
      const step = applyScan(state, toWire(raw));
      if (step.kind === 'mode') { setMode(step.mode); addRow('mode', raw, t('scan.mode_set', { mode: t(`mode.${step.mode}`) })); return; }
      if (step.kind === 'case') { state.caseNumber = step.caseNumber; showState(); addRow('mode', raw, t('scan.case_set', { case: step.caseNumber })); return; }
      if (step.kind === 'quantity') { quantityInput.value = String(step.quantity); showState(); addRow('mode', raw, t('scan.quantity_set', { n: step.quantity })); return; }
      if (step.kind === 'end') { state.caseNumber = null; showState(); addRow('mode', raw, t('scan.case_closed')); return; }
      if (step.kind === 'refused') { addRow('refused', raw, t(step.note)); return; }
      const scan = makeScan(raw);
      sources.set(scan.id, source);
      if (collect.checked) { collected.push({ scan, source }); showCollected(); return; }
      const row = addRow('sending', raw, t('scan.sending'), t(`scan.source_${source}`), scan.id);
      const sent = await sendScan(scan);
      if (sent.status === 'queued') {
        row.replaceWith(addRow('queued', raw, t('scan.queued'), t('scan.queued_detail'), scan.id));
        catchUp.now();
      } else {
        answerRow(scan, sent.answer, rows.get(scan.id));
      }
      refocus();
    }

    // The problems a collected list has before anything is sent: the same code twice in one mode
    // and case, and issue scans without a case.
    function problemsOf(i) {
      const { scan } = collected[i];
      const first = collected.findIndex((c) => c.scan.code === scan.code && c.scan.mode === scan.mode && c.scan.case === scan.case);
      return first !== i ? t('scan.duplicate_of', { n: first + 1 }) : '';
    }

    function showCollected() {
      collectBox.hidden = !collect.checked && collected.length === 0;
      clear(collectedList);
      collected.forEach((c, i) => {
        const problem = problemsOf(i);
        collectedList.append(h('li', { class: problem ? 'problem' : '', 'data-duplicate': problem ? 'true' : undefined },
          h('code', { text: toDisplay(c.scan.code) }), ' ', h('span', { text: t(`mode.${c.scan.mode}`) }),
          problem ? h('strong', { class: 'problem-text', text: ` ${problem}` }) : null,
          h('button', { type: 'button', class: 'link', 'aria-label': t('scan.remove_n', { n: i + 1 }),
            onclick: () => { collected.splice(i, 1); showCollected(); refocus(); }, text: t('scan.remove') })));
      });
      const good = collected.filter((_, i) => !problemsOf(i)).length;
      sendButton.textContent = t('scan.send_collected', { n: good });
      sendButton.disabled = good === 0;
      clearButton.disabled = collected.length === 0;
    }

    async function sendCollected() {
      const good = collected.filter((_, i) => !problemsOf(i)).map((c) => c.scan);
      if (!good.length) return;
      collected.length = 0;
      showCollected();
      progress.hidden = false;
      progress.max = good.length;
      progress.value = 0;
      const results = await sendMany(good, (done) => { progress.value = done; });
      results.forEach((r, i) => {
        if (r.status === 'queued') addRow('queued', good[i].code, t('scan.queued'), t('scan.queued_detail'), good[i].id);
        else answerRow(good[i], r.answer);
      });
      progress.hidden = true;
      refocus();
    }

    // Answers to queued scans, also those kept from before a reload (they have no row yet).
    const catchUp = startCatchUp((scan, answer) => answerRow(scan, answer, rows.get(scan.id)), (n) => {
      waitingLine.textContent = n ? t('scan.waiting', { n }) : '';
      waitingLine.dataset.waiting = String(n);
    });

    const stopWatching = watchScanField(input, onScan);
    const keepFocus = (e) => {
      if (!e.relatedTarget || !main.contains(e.relatedTarget)) setTimeout(() => {
        if (document.activeElement === document.body) refocus();
      }, 0);
    };
    input.addEventListener('blur', keepFocus);
    const clickFocus = (e) => { if (!e.target.closest('input, button, select, textarea, a, label')) refocus(); };
    main.addEventListener('click', clickFocus);
    window.addEventListener('focus', refocus);
    showState();
    showCollected();
    input.focus();
    return () => {
      catchUp.stop();
      stopWatching();
      main.removeEventListener('click', clickFocus);
      window.removeEventListener('focus', refocus);
    };
  },
};
