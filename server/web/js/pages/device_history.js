// One device: its state, model and labels, and its audit trail told in plain words ("Returned by
// warehouse at lager-1, 3 Nov 2026 14:02") rather than raw events. Technicians and the warehouse
// can open a service order here.
import { h, field, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post, ApiProblem } from '../api.js';
import { stateText } from '../parts/labels.js';
import { problemText, ruleText } from '../parts/problem_text.js';
import * as session from '../session.js';
import { sentence } from '../parts/history_sentence.js';
import { attemptInto } from '../parts/refusal_box.js';

// A form that posts one write and then reloads the page's data, or shows the refusal with its rule.
function writeForm({ id, title, hint, fields, submit, send }) {
  const out = h('div', { id: `${id}-out` });
  const form = h('form', { class: 'card', id, novalidate: true, 'aria-labelledby': `${id}-h` }, h('h2', { id: `${id}-h`, text: title }),
    hint ? h('p', { class: 'hint', text: hint }) : null, fields, h('button', { type: 'submit', id: `${id}-submit`, text: submit }), out);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (await attemptInto(out, send)) location.reload();
  });
  return form;
}

// At the patient's home: a technician's service visit (the device stays on loan), or an exchange.
function atHome(device) {
  const parts = [];
  if (session.hasRole('warehouse', 'caseworker', 'manager', 'admin'))
    parts.push(h('p', {}, h('a', { href: `#/cases/${device.loan.case_id}/exchange?device=${device.id}`, id: 'device-exchange', text: t('device.exchange') })));
  if (session.hasRole('technician', 'manager', 'admin')) {
    const work = h('textarea', { id: 'visit-work', rows: 2 });
    const used = h('input', { id: 'visit-parts' });
    parts.push(writeForm({ id: 'home-visit', title: t('device.home_visit'), hint: t('device.home_visit_hint'),
      fields: [field(t('service.work'), work, t('service.no_national_id')), field(t('service.parts'), used)], submit: t('device.home_visit_record'),
      send: () => post(`/devices/${device.id}/home-visits`, { work: work.value.trim(), parts: used.value.trim() || undefined }) }));
  }
  return parts;
}

function lostForm(device) {
  const note = h('textarea', { id: 'lost-note', rows: 2 });
  return writeForm({ id: 'lost', title: t('device.lost'), hint: t(device.state === 'on_loan' ? 'device.lost_on_loan_hint' : 'device.lost_hint'),
    fields: field(t('device.lost_note'), note, t('service.no_national_id')), submit: t('device.lost_record'),
    send: () => post(`/devices/${device.id}/lost`, { note: note.value.trim() || undefined }) });
}

function writeOffForm(device) {
  const reason = h('textarea', { id: 'write-off-reason', rows: 2 });
  return writeForm({ id: 'write-off', title: t('device.write_off'), hint: t('device.write_off_hint'),
    fields: field(t('device.write_off_reason'), reason, t('service.no_national_id')), submit: t('device.write_off_record'),
    send: () => post(`/devices/${device.id}/write-off`, { reason: reason.value.trim() }) });
}

export default {
  title: 'device.title',
  async render(main, { id }) {
    const [device, history] = await Promise.all([get(`/devices/${id}`), get(`/devices/${id}/history`)]);
    const model = device.model || {};
    main.append(h('h1', { text: t('device.heading', { tag: device.asset_tag }) }),
      h('dl', { class: 'card facts' },
        h('dt', { text: t('device.model') }), h('dd', { text: `${model.manufacturer || ''} ${model.name || ''}` }),
        h('dt', { text: t('device.serial') }), h('dd', { text: device.serial }),
        h('dt', { text: t('device.state') }), h('dd', { id: 'device-state', text: stateText(device.state) }),
        h('dt', { text: t('device.location') }), h('dd', { text: device.location || '–' }),
        h('dt', { text: t('device.inspection_due') }), h('dd', { text: device.inspection_due ? formatDate(device.inspection_due) : t('inspection.never') }),
        h('dt', { text: t('device.label') }), h('dd', { class: 'row' }, ['png', 'svg', 'zpl'].map((f) =>
          h('a', { href: `/api/v1/devices/${device.id}/label.${f}`, download: `${device.asset_tag}.${f}`, text: f.toUpperCase() })))));
    if ((device.recall_holds || []).length) {
      main.append(h('section', { class: 'card recall-hold', id: 'device-recall-holds', 'aria-labelledby': 'holds-h' },
        h('h2', { id: 'holds-h', text: t('recall.device_held') }), h('p', { text: t('recall.device_held_hint') }),
        h('ul', {}, device.recall_holds.map((x) => h('li', { 'data-notice': x.notice_id },
          h('a', { href: `#/recalls/${x.notice_id}`, text: x.reference }), ` — ${t(`recall.action_${x.action}`)}`)))));
    }
    if (session.hasRole('warehouse', 'technician', 'manager', 'admin') && ['received', 'returned', 'in_service'].includes(device.state) && !device.cleaned) {
      const said = h('span', { role: 'status' });
      main.append(h('p', { class: 'row' }, h('button', { type: 'button', id: 'device-cleaned', text: t('device.record_cleaning'), onclick: async () => {
        try { await post(`/devices/${device.id}/cleaning`); location.reload(); } catch (err) {
          if (!(err instanceof ApiProblem)) throw err;
          said.textContent = `${problemText(err.body)} ${ruleText(err.body)}`;
        }
      } }), said));
    }
    if (session.hasRole('technician', 'manager', 'admin') && !['lost', 'retired'].includes(device.state))
      main.append(h('p', {}, h('a', { href: `#/inspect/${device.id}`, id: 'device-inspect',
        text: t(device.state === 'on_loan' ? 'device.inspect_at_home' : 'inspections.inspect') })));
    if (device.state === 'on_loan' && device.loan) main.append(...atHome(device));
    if (session.hasRole('warehouse', 'technician', 'manager', 'admin') && ['available', 'returned', 'received'].includes(device.state)) {
      const fault = h('textarea', { id: 'device-fault', rows: 2 });
      const said = h('div', { role: 'status' });
      const form = h('form', { class: 'card' }, h('h2', { text: t('service.open_title') }),
        field(t('service.fault'), fault, t('service.no_national_id')),
        h('button', { type: 'submit', text: t('service.open') }), said);
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        clear(said);
        try {
          await post(`/devices/${device.id}/service-orders`, { fault: fault.value.trim() });
          said.append(h('p', { class: 'ok-text', text: t('service.opened_ok') }), h('a', { href: '#/service', text: t('nav.service') }));
        } catch (err) {
          if (!(err instanceof ApiProblem)) throw err;
          said.append(h('p', { class: 'error', text: `${problemText(err.body)} ${ruleText(err.body)}` }));
        }
      });
      main.append(form);
    }
    if (session.hasRole('warehouse', 'manager', 'admin') && !['lost', 'retired'].includes(device.state)) main.append(lostForm(device));
    if (session.hasRole('manager', 'admin') && device.state !== 'retired') main.append(writeOffForm(device));
    main.append(h('h2', { text: t('device.history') }),
      h('ol', { class: 'timeline', id: 'device-history' }, [...history.events].reverse().map((e) => h('li', { 'data-kind': e.kind, text: sentence(e) }))));
  },
};
