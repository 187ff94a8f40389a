// One case: the patient (identity only where the server sends it), the timeline with waiting days,
// the decision with the complaint-right text the patient receives, the journal note and site
// documentation, and the delivery checklist from the server's delivery gate, then the delivery.
import { h, field, clear } from '../dom.js';
import { t, formatDate, formatDateTime, currentLanguage } from '../i18n.js';
import { get, post, query, ApiProblem } from '../api.js';
import { problemText, ruleText } from '../parts/problem_text.js';
import { categoryName } from '../parts/labels.js';
import { sentence } from '../parts/history_sentence.js';
import * as session from '../session.js';
import { consumablesSection } from '../parts/case_consumables.js';

function refusal(err) {
  if (!(err instanceof ApiProblem)) throw err;
  const reasons = err.reasons.length ? err.reasons : [err.body];
  return h('div', { class: 'error', role: 'alert', id: 'refusal' }, h('p', { text: t('case.refused') }),
    h('ul', {}, reasons.map((r) => h('li', { 'data-code': r.code, text: `${problemText(r)} ${ruleText(r)}` }))));
}

function timeline(c) {
  const w = c.waiting_days || {};
  const steps = [[t('case.step_applied'), c.applied_at]];
  if (c.decision) steps.push([t(c.decision.approved ? 'case.step_approved' : 'case.step_rejected', { days: w.application_to_decision_days ?? '–' }), c.decision.decided_at]);
  for (const loan of c.loans || []) {
    steps.push([t('case.step_delivered', { days: w.decision_to_delivery_days ?? '–' }), loan.delivered_at]);
    if (loan.returned_at) steps.push([t(`case.step_ended_${loan.end_reason || 'returned'}`), loan.returned_at]);
  }
  return h('ol', { class: 'timeline', id: 'case-timeline' }, steps.map(([what, at]) => h('li', {}, h('strong', { text: what }), ' · ', formatDateTime(at))),
    w.application_to_delivery_days !== null && w.application_to_delivery_days !== undefined
      ? h('li', { text: t('case.total_wait', { days: w.application_to_delivery_days }) }) : null);
}

export default {
  title: 'case.title',
  async render(main, { id }) {
    let lastDeath = null;   // the answer to a death just recorded, shown after the page reloads its data
    const reload = async () => { clear(main); await show(); };
    async function attempt(out, work) {
      clear(out);
      try { await work(); await reload(); } catch (err) { out.append(refusal(err)); }
    }

    async function show() {
      const [c, categories, history] = await Promise.all([get(`/cases/${id}`), get('/categories'), get(`/cases/${id}/history`)]);
      const p = c.patient || {};
      main.append(h('h1', { text: t('case.heading', { number: c.number }) }),
        h('p', {}, h('span', { class: 'pill', id: 'case-status', text: t(`case.status_${c.status}`) }), ' ', categoryName(categories, c.category)));
      const facts = [[t('patient.municipality'), p.municipality], [t('patient.residence'), p.residence && t(`residence.${p.residence}`)]];
      if (p.name !== undefined) facts.unshift([t('patient.name'), p.name], [t('patient.national_id'), p.national_id], [t('patient.address'), p.address]);
      main.append(h('section', { class: 'card', 'aria-labelledby': 'patient-h' }, h('h2', { id: 'patient-h', text: t('case.patient') }),
        h('dl', { class: 'facts', id: 'case-patient' }, facts.filter(([, v]) => v).map(([k, v]) => [h('dt', { text: k }), h('dd', { text: v })])),
        h('p', { class: 'hint', text: t('case.requested_by', { role: t(`requester.${c.requester.role}`), name: c.requester.name || '', hpr: c.requester.hpr_number }) })));
      main.append(h('section', { class: 'card', 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h', text: t('case.timeline') }), timeline(c)));
      main.append(decisionSection(c));
      if (c.status === 'approved') {
        main.append(journalSection(c), siteSection(c));
        main.append(await deliverySection(c));
      }
      const open = (c.loans || []).find((l) => !l.returned_at);
      if (open) main.append(reviewSection(open), await atHomeSection(c, open));
      if (['approved', 'delivered'].includes(c.status) && !c.own_equipment) main.append(await consumablesSection(c));
      if (c.transfers && c.transfers.length) main.append(transfersSection(c));
      if (open && !(c.transfers || []).some((x) => x.status === 'pending')) main.append(await transferSection(c));
      main.append(deathSection(c));
      if (c.decision) main.append(complaintSection(c));
      main.append(h('section', { class: 'card', 'aria-labelledby': 'history-h' }, h('h2', { id: 'history-h', text: t('case.history') }),
        h('ol', { class: 'timeline', id: 'case-history' }, [...history.events].reverse().map((e) => h('li', { 'data-kind': e.kind, text: sentence(e) })))));
    }

    function decisionSection(c) {
      const section = h('section', { class: 'card', 'aria-labelledby': 'decision-h' }, h('h2', { id: 'decision-h', text: t('case.decision') }));
      if (c.decision) {
        const k = c.decision.complaint;
        section.append(h('p', { text: t(c.decision.approved ? 'case.approved_by' : 'case.rejected_by', { by: c.decision.decided_by, at: formatDate(c.decision.decided_at) }) }),
          h('p', { text: t('case.grounds', { grounds: c.decision.grounds }) }),
          k ? h('div', { class: 'complaint', id: 'complaint-text' }, h('h3', { text: t('case.complaint_title') }),
            h('p', { lang: currentLanguage() === 'en' ? 'en' : 'nb', text: currentLanguage() === 'en' ? k.text_en : k.text_no }),
            h('p', { class: 'hint', text: t('case.complaint_deadline', { authority: k.authority, law: k.law, deadline: formatDate(k.deadline) }) })) : null);
        return section;
      }
      const approve = h('input', { type: 'radio', name: 'approve', id: 'd-approve', value: 'true', checked: true });
      const reject = h('input', { type: 'radio', name: 'approve', id: 'd-reject', value: 'false' });
      const grounds = h('textarea', { id: 'd-grounds', rows: 3 });
      const days = h('input', { id: 'd-days', type: 'number', min: 1, max: 3650 });
      const out = h('div');
      const form = h('form', { novalidate: true },
        h('fieldset', {}, h('legend', { text: t('case.decision_choice') }),
          h('div', { class: 'check' }, approve, h('label', { for: 'd-approve', text: t('case.approve') })),
          h('div', { class: 'check' }, reject, h('label', { for: 'd-reject', text: t('case.reject') }))),
        field(t('case.grounds_label'), grounds, t('case.grounds_hint')), field(t('case.loan_days'), days, t('case.loan_days_hint')),
        h('p', { class: 'hint', text: t('case.complaint_will_follow') }),
        h('button', { type: 'submit', class: 'primary', id: 'd-submit', text: t('case.decide') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/decision`, { approve: approve.checked, grounds: grounds.value.trim(),
          loan_days: days.value ? Number(days.value) : undefined }));
      });
      section.append(form);
      return section;
    }

    function journalSection(c) {
      const section = h('section', { class: 'card', 'aria-labelledby': 'journal-h' }, h('h2', { id: 'journal-h', text: t('case.journal') }));
      if (c.journal_note) {
        section.append(h('p', { text: t('case.journal_done', { hpr: c.journal_note.hpr_number, at: formatDateTime(c.journal_note.written_at) }) }));
        return section;
      }
      const hpr = h('input', { id: 'j-hpr', inputmode: 'numeric', autocomplete: 'off' });
      const at = h('input', { id: 'j-at', type: 'datetime-local' });
      const out = h('div');
      const form = h('form', { novalidate: true }, h('p', { class: 'hint', text: t('case.journal_hint') }),
        field(t('case.journal_hpr'), hpr), field(t('case.journal_at'), at), h('button', { type: 'submit', id: 'j-submit', text: t('case.journal_save') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/journal-note`, { hpr_number: hpr.value.trim(), written_at: at.value ? new Date(at.value).toISOString().replace(/\.\d+Z$/, 'Z') : '' }));
      });
      section.append(form);
      return section;
    }

    function siteSection(c) {
      const section = h('section', { class: 'card', 'aria-labelledby': 'site-h' }, h('h2', { id: 'site-h', text: t('case.site') }),
        h('p', { class: 'hint', text: t('case.site_hint') }));
      for (const s of c.site_checks) section.append(h('p', { text: t('case.site_done', { by: s.documented_by, on: formatDate(s.checked_on), ref: s.document_ref }) }));
      const by = h('input', { id: 's-by' });
      const on = h('input', { id: 's-on', type: 'date' });
      const ref = h('input', { id: 's-ref' });
      const out = h('div');
      const form = h('form', { novalidate: true }, field(t('case.site_by'), by), field(t('case.site_on'), on), field(t('case.site_ref'), ref),
        h('button', { type: 'submit', id: 's-submit', text: t('case.site_save') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/site-checks`, { documented_by: by.value.trim(), checked_on: on.value, document_ref: ref.value.trim() }));
      });
      section.append(form);
      return section;
    }

    // Loan review (procedure point 10): extend to a new review date, or start the return.
    function reviewSection(loan) {
      const due = h('input', { id: 'r-due', type: 'date' });
      const reason = h('textarea', { id: 'r-reason', rows: 2 });
      const out = h('div');
      const extend = h('button', { type: 'button', id: 'r-extend', text: t('case.review_extend'),
        onclick: () => attempt(out, () => post(`/loans/${loan.id}/extension`, { due_on: due.value, reason: reason.value.trim() })) });
      const back = h('button', { type: 'button', id: 'r-return', text: t('case.review_return'),
        onclick: () => attempt(out, () => post(`/loans/${loan.id}/return-request`, { reason: reason.value.trim() })) });
      return h('section', { class: 'card', 'aria-labelledby': 'review-h' }, h('h2', { id: 'review-h', text: t('case.review') }),
        h('p', { text: t('case.review_due', { due: formatDate(loan.due_on) }) }),
        field(t('case.review_new_due'), due), field(t('case.review_reason'), reason, t('service.no_national_id')),
        h('div', { class: 'row' }, extend, back), out);
    }

    // The device at the patient's home: exchange it (a faulty one goes to service, a replacement goes out
    // through the delivery gate) or open it for a home visit, from its own page.
    async function atHomeSection(c, loan) {
      const device = await get(`/devices/${loan.device_id}`);
      return h('section', { class: 'card', 'aria-labelledby': 'home-h' }, h('h2', { id: 'home-h', text: t('case.at_home') }),
        h('p', { text: t('case.at_home_device', { tag: device.asset_tag, model: device.model ? device.model.name : '', since: formatDate(loan.delivered_at) }) }),
        h('p', { class: 'row' }, h('a', { href: `#/cases/${c.id}/exchange?device=${device.id}`, id: 'case-exchange', text: t('case.exchange') }),
          h('a', { href: `#/devices/${device.id}`, text: t('case.device_page', { tag: device.asset_tag }) })));
    }

    // The case's transfers to or from another unit, with their state.
    function transfersSection(c) {
      return h('section', { class: 'card', 'aria-labelledby': 'transfers-h' }, h('h2', { id: 'transfers-h', text: t('case.transfers') }),
        h('ul', { id: 'case-transfers' }, c.transfers.map((x) => h('li', { 'data-status': x.status },
          t(`case.transfer_${x.status}`, { from: x.from_unit, to: x.to_unit,
            at: formatDateTime(x.status === 'received' ? x.received_at : x.requested_at), reason: x.reason })))),
        h('a', { href: '#/transfers', text: t('nav.transfers') }));
    }

    // The patient moves to another unit's area: the case goes over with its loan; the device's unit
    // changes only when the receiving unit receives it.
    async function transferSection(c) {
      const units = (await get('/units/directory')).filter((u) => !u.own);
      const to = h('select', { id: 't-unit' }, units.map((u) => h('option', { value: u.id, text: t('case.transfer_unit', { name: u.name, region: u.region }) })));
      const reason = h('textarea', { id: 't-reason', rows: 2 });
      const out = h('div');
      const form = h('form', { novalidate: true }, h('p', { class: 'hint', text: t('case.transfer_hint') }),
        field(t('case.transfer_to'), to), field(t('case.transfer_reason'), reason, t('service.no_national_id')),
        h('button', { type: 'submit', id: 't-submit', text: t('case.transfer_start') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/transfer`, { to_unit_id: Number(to.value), reason: reason.value.trim() }));
      });
      return h('section', { class: 'card', 'aria-labelledby': 'transfer-h' }, h('h2', { id: 'transfer-h', text: t('case.transfer') }), form);
    }

    // The patient's death: every open loan of the patient ends and each device gets a pick-up task. What
    // it did is shown after, from the server's answer.
    function deathSection(c) {
      const section = h('section', { class: 'card', 'aria-labelledby': 'death-h' }, h('h2', { id: 'death-h', text: t('case.death') }));
      if (lastDeath) {
        section.append(h('div', { class: 'ok-text', id: 'death-done', role: 'status', tabindex: -1 },
          h('p', { text: t('case.death_done', { on: formatDate(lastDeath.died_on) }) }),
          h('p', { text: lastDeath.pickup_tasks.length ? t('case.death_pickups', { n: lastDeath.pickup_tasks.length }) : t('case.death_no_loans') }),
          h('ul', { id: 'death-pickups' }, lastDeath.pickup_tasks.map((p) => h('li', { text: t('case.death_pickup', { tag: p.asset_tag, case: p.case_number, municipality: p.municipality || '' }) }))),
          session.hasRole('manager', 'admin') ? h('a', { href: '#/pickups', text: t('nav.pickups') }) : null));
      }
      if (c.patient_died_on) {
        if (!lastDeath) section.append(h('p', { id: 'death-recorded', text: t('case.death_recorded', { on: formatDate(c.patient_died_on) }) }));
        for (const p of c.pickup_tasks || []) section.append(h('p', { text: t('case.pickup_open', { tag: p.asset_tag, at: formatDateTime(p.created_at) }) }));
        return section;
      }
      const on = h('input', { id: 'death-on', type: 'date' });
      const note = h('textarea', { id: 'death-note', rows: 2 });
      const out = h('div');
      const form = h('form', { novalidate: true }, h('p', { class: 'hint', text: t('case.death_hint') }),
        field(t('case.death_on'), on), field(t('case.death_note'), note, t('service.no_national_id')),
        h('button', { type: 'submit', id: 'death-submit', text: t('case.death_record') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, async () => { lastDeath = await post(`/patients/${c.patient_id}/death`, { died_on: on.value, note: note.value.trim() || undefined }); })
          .then(() => { const done = document.getElementById('death-done'); if (done) { done.scrollIntoView({ block: 'center' }); done.focus({ preventScroll: true }); } });
      });
      section.append(form);
      return section;
    }

    // A complaint about the decision (pasient- og brukerrettighetsloven § 7-2); the server records
    // whether it came within the deadline.
    function complaintSection(c) {
      const received = h('input', { id: 'k-received', type: 'date' });
      const summary = h('textarea', { id: 'k-summary', rows: 2 });
      const out = h('div');
      const form = h('form', { novalidate: true }, field(t('case.complaint_received'), received),
        field(t('case.complaint_summary'), summary, t('service.no_national_id')),
        h('button', { type: 'submit', id: 'k-submit', text: t('case.complaint_record') }), out);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/complaints`, { received_on: received.value, summary: summary.value.trim() }));
      });
      return h('section', { class: 'card', 'aria-labelledby': 'complaint-h' }, h('h2', { id: 'complaint-h', text: t('case.complaint') }), form);
    }

    async function deliverySection(c) {
      const section = h('section', { class: 'card', 'aria-labelledby': 'delivery-h' }, h('h2', { id: 'delivery-h', text: t('case.delivery') }));
      const manual = h('input', { type: 'checkbox', id: 'l-manual' });
      const training = h('input', { type: 'checkbox', id: 'l-training' });
      const trained = h('input', { id: 'l-trained' });
      const fitted = h('input', { type: 'checkbox', id: 'l-fitted' });
      const notFitted = h('input', { id: 'l-not-fitted' });
      const handover = h('select', { id: 'l-handover' }, ['discharge', 'shipped'].map((x) => h('option', { value: x, text: t(`handover.${x}`) })));
      const list = h('ul', { class: 'checklist', id: 'delivery-checklist', 'aria-live': 'polite' });
      const picked = h('div', { id: 'delivery-device' });
      const out = h('div', { id: 'delivery-out' });
      let device = null;
      let asked = 0;
      async function check() {
        const mine = ++asked;   // only the answer to the latest question is shown
        const answer = await get(`/cases/${c.id}/delivery-check${query({ manual_included: manual.checked, training_recorded: training.checked, trained: trained.value.trim(),
          fitted_and_tested: fitted.checked, not_fitted_reason: notFitted.value.trim() })}`);
        if (mine !== asked) return;
        device = answer.device;
        clear(list);
        // A recall hold names its notice(s), so the warehouse knows which action must be done first.
        for (const hold of (device && device.recall_holds) || []) {
          list.append(h('li', { class: 'fail', 'data-item': 'recall_hold', 'data-ok': 'false' },
            h('strong', { text: t('checklist.recall_hold') }), h('span', { text: ` — ${t('recall.hold_line', { reference: hold.reference, action: t(`recall.action_${hold.action}`) })} ` }),
            h('a', { href: `#/recalls/${hold.notice_id}`, text: t('recall.open_notice') })));
        }
        for (const item of answer.items) {
          list.append(h('li', { class: item.ok ? 'pass' : 'fail', 'data-item': item.item, 'data-ok': String(item.ok) },
            h('strong', { text: t(`checklist.${item.item}`) }),
            item.missing.map((m) => h('span', { text: ` — ${problemText(m)} ${ruleText(m)}` }))));
        }
        clear(picked);
        if (device) picked.append(h('p', { text: t('case.device_picked', { tag: device.asset_tag, model: device.model ? device.model.name : '' }) }));
        else picked.append(await pickForm());
      }
      async function pickForm() {
        const available = await get(`/devices${query({ state: 'available', category: c.category, limit: 50 })}`);
        const select = h('select', { id: 'l-pick' }, available.items.map((d) => h('option', { value: d.id, text: `${d.asset_tag} · ${d.model ? d.model.name : ''}` })));
        const pickOut = h('div');
        const form = h('form', { class: 'row' }, field(t('case.pick_device'), select),
          h('button', { type: 'submit', id: 'l-pick-submit', disabled: !available.items.length, text: t('case.pick') }), pickOut);
        form.addEventListener('submit', (e) => { e.preventDefault(); attempt(pickOut, () => post(`/cases/${c.id}/reservation`, { device_id: Number(select.value) })); });
        return form;
      }
      const form = h('form', { novalidate: true }, picked,
        field(t('case.handover'), handover),
        h('div', { class: 'check' }, manual, h('label', { for: 'l-manual', text: t('checklist.manual') })),
        h('div', { class: 'check' }, training, h('label', { for: 'l-training', text: t('checklist.training') })),
        field(t('case.trained_who'), trained),
        h('div', { class: 'check' }, fitted, h('label', { for: 'l-fitted', text: t('checklist.fitted_and_tested') })),
        field(t('case.not_fitted_reason'), notFitted),
        h('h3', { text: t('case.checklist') }), list,
        h('button', { type: 'submit', class: 'primary', id: 'l-deliver', text: t('case.deliver') }), out);
      form.addEventListener('change', () => check());
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        attempt(out, () => post(`/cases/${c.id}/deliveries`, { device_id: device ? device.id : 0, handover: handover.value,
          manual_included: manual.checked, training_recorded: training.checked, trained: trained.value.trim() || undefined,
          fitted_and_tested: fitted.checked, not_fitted_reason: notFitted.value.trim() || undefined }));
      });
      section.append(form);
      await check();
      return section;
    }

    await show();
  },
};
