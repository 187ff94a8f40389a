// Exchange at the patient's home: the faulty device comes back for service and a replacement goes out on
// the same case, which stays open. The replacement passes the same delivery gate as a first delivery: the
// checklist is the server's (GET /cases/{id}/delivery-check?exchange=true), each missing item naming its rule.
import { h, field, clear } from '../dom.js';
import { t, formatDate } from '../i18n.js';
import { get, post, query } from '../api.js';
import { problemText, ruleText } from '../parts/problem_text.js';
import { attemptInto } from '../parts/refusal_box.js';

export default {
  title: 'exchange.title',
  async render(main, { id }) {
    const c = await get(`/cases/${id}`);
    const open = (c.loans || []).filter((l) => !l.returned_at);
    main.append(h('h1', { text: t('exchange.heading', { number: c.number }) }), h('p', { class: 'hint', text: t('exchange.hint') }));
    if (!open.length) {
      main.append(h('p', { class: 'error', id: 'exchange-none', text: t('exchange.no_loan') }),
        h('a', { href: '#/', text: t('notfound.home') }));
      return;
    }
    const atHome = await Promise.all(open.map((l) => get(`/devices/${l.device_id}`)));
    const returning = h('select', { id: 'x-returning' }, open.map((l, i) => h('option', { value: l.device_id,
      text: t('exchange.loan_option', { tag: atHome[i].asset_tag, model: atHome[i].model ? atHome[i].model.name : '', since: formatDate(l.delivered_at) }) })));
    const wanted = new URLSearchParams(location.hash.split('?')[1] || '').get('device');   // opened from a device page
    if (wanted) returning.value = wanted;
    const fault = h('textarea', { id: 'x-fault', rows: 2 });
    const available = await get(`/devices${query({ state: 'available', category: c.category, limit: 50 })}`);
    const replacement = h('select', { id: 'x-replacement' }, available.items.length
      ? available.items.map((d) => h('option', { value: d.id, text: `${d.asset_tag} · ${d.model ? d.model.name : ''}` }))
      : h('option', { value: '', text: t('exchange.none_available') }));
    const handover = h('select', { id: 'x-handover' }, ['shipped', 'discharge'].map((x) => h('option', { value: x, text: t(`handover.${x}`) })));
    const manual = h('input', { type: 'checkbox', id: 'x-manual' });
    const training = h('input', { type: 'checkbox', id: 'x-training' });
    const trained = h('input', { id: 'x-trained' });
    const fitted = h('input', { type: 'checkbox', id: 'x-fitted' });
    const notFitted = h('input', { id: 'x-not-fitted' });
    const list = h('ul', { class: 'checklist', id: 'exchange-checklist', 'aria-live': 'polite' });
    const out = h('div', { id: 'exchange-out' });
    const submit = h('button', { type: 'submit', class: 'primary', id: 'x-submit', text: t('exchange.submit') });
    const form = h('form', { class: 'card', novalidate: true },
      field(t('exchange.returning'), returning), field(t('exchange.fault'), fault, t('service.no_national_id')),
      field(t('exchange.replacement'), replacement), field(t('case.handover'), handover),
      h('div', { class: 'check' }, manual, h('label', { for: 'x-manual', text: t('checklist.manual') })),
      h('div', { class: 'check' }, training, h('label', { for: 'x-training', text: t('checklist.training') })),
      field(t('case.trained_who'), trained),
      h('div', { class: 'check' }, fitted, h('label', { for: 'x-fitted', text: t('checklist.fitted_and_tested') })),
      field(t('case.not_fitted_reason'), notFitted),
      h('h2', { text: t('case.checklist') }), list, submit, out);
    main.append(form);

    let asked = 0;
    async function check() {
      const mine = ++asked;   // only the answer to the latest question is shown
      clear(list);
      if (!replacement.value) { list.append(h('li', { class: 'fail', 'data-item': 'device', 'data-ok': 'false', text: t('exchange.none_available') })); return; }
      const answer = await get(`/cases/${c.id}/delivery-check${query({ exchange: true, device_id: replacement.value,
        manual_included: manual.checked, training_recorded: training.checked, trained: trained.value.trim(),
        fitted_and_tested: fitted.checked, not_fitted_reason: notFitted.value.trim() })}`);
      if (mine !== asked) return;
      clear(list);
      for (const item of answer.items) {
        list.append(h('li', { class: item.ok ? 'pass' : 'fail', 'data-item': item.item, 'data-ok': String(item.ok) },
          h('strong', { text: t(`checklist.${item.item}`) }),
          item.missing.map((m) => h('span', { 'data-code': m.code, text: ` — ${problemText(m)} ${ruleText(m)}` }))));
      }
    }
    form.addEventListener('change', () => check());
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      const done = await attemptInto(out, () => post(`/cases/${c.id}/exchanges`, {
        returning_device_id: Number(returning.value), fault: fault.value.trim(), device_id: replacement.value ? Number(replacement.value) : 0,
        handover: handover.value, manual_included: manual.checked, training_recorded: training.checked,
        trained: trained.value.trim() || undefined, fitted_and_tested: fitted.checked, not_fitted_reason: notFitted.value.trim() || undefined }));
      submit.disabled = false;
      if (!done) return;
      clear(main).append(h('h1', { text: t('exchange.heading', { number: c.number }) }),
        h('section', { class: 'card', id: 'exchange-done', 'aria-labelledby': 'done-h' }, h('h2', { id: 'done-h', text: t('exchange.done') }),
          h('ul', {},
            h('li', {}, t('exchange.done_returned', { tag: done.returned_device.asset_tag }), ' ',
              h('a', { href: '#/service', text: t('exchange.done_service', { id: done.service_order.id }) })),
            h('li', {}, t('exchange.done_delivered', { tag: done.device.asset_tag, due: formatDate(done.loan.due_on) }))),
          h('p', { class: 'row' }, h('a', { href: `#/devices/${done.device.id}`, text: t('exchange.see_device', { tag: done.device.asset_tag }) }),
            h('a', { href: `#/devices/${done.returned_device.id}`, text: t('exchange.see_device', { tag: done.returned_device.asset_tag }) }))));
      main.querySelector('h1').focus();
    });
    await check();
  },
};
