// Small shared pieces of wording: a device's state, an inspection verdict, a date that may be missing.
import { h } from '../dom.js';
import { t, formatDate } from '../i18n.js';

export function stateText(state) { return t(`state.${state}`); }

export function deviceLink(device) {
  return h('a', { href: `#/devices/${device.id}`, text: device.asset_tag });
}

export function dueText(due, overdue) {
  if (!due) return h('span', { class: 'pill fail', text: t('inspection.never') });
  return h('span', { class: overdue ? 'pill fail' : 'pill warn', text: formatDate(due) });
}

export function categoryName(categories, code) {
  const c = categories.find((x) => x.code === code);
  return c ? (document.documentElement.lang === 'nb' ? c.name_no : c.name) : code;
}
