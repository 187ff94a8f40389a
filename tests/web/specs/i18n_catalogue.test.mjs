// Every string the pages show comes from server/web/i18n/<lang>.json. This fails when the two
// catalogues differ in keys, when a key written in a page is missing, or when a family of keys built
// at run time (`mode.${m}`) lacks one of its members. No browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { webRoot } from '../support/paths.mjs';

const nb = JSON.parse(readFileSync(join(webRoot, 'i18n/nb.json'), 'utf8'));
const en = JSON.parse(readFileSync(join(webRoot, 'i18n/en.json'), 'utf8'));

function sources(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.js') ? [path] : [];
  });
}

// Keys built from a value at run time, with every value the pages can give them.
const families = {
  'mode.': ['receive', 'issue', 'return', 'inspect', 'count'],
  'state.': ['received', 'available', 'reserved', 'on_loan', 'returned', 'in_service', 'lost', 'retired'],
  'role.': ['warehouse', 'technician', 'caseworker', 'manager', 'admin'],
  'scan.result_': ['ok', 'refused', 'conflict', 'queued', 'sending', 'mode'],
  'scan.source_': ['reader', 'keyboard'],
  'case.status_': ['applied', 'approved', 'rejected', 'delivered', 'closed'],
  'requester.': ['specialist_doctor', 'private_doctor_with_agreement', 'gp', 'nursing_home_doctor', 'physiotherapist', 'specialist_physiotherapist'],
  'residence.': ['home', 'institution'],
  'lymphoedema.': ['none', 'primary', 'secondary'],
  'handover.': ['discharge', 'shipped'],
  'case.step_ended_': ['returned', 'lost', 'written_off', 'death', 'exchanged'],
  'transfers.status_': ['pending', 'received', 'cancelled'],
  'case.transfer_': ['pending', 'received', 'cancelled'],
  'checklist.': ['decision', 'device', 'inspection', 'site_check', 'manual', 'training', 'fitted_and_tested', 'journal_note', 'recall_hold'],
  'service.status_': ['open', 'in_progress'],
  'inspect.method_': ['direct', 'differential', 'alternative'],
  'inspect.': ['protective_earth_ohm', 'pe_device_ohm', 'pe_cord_ohm', 'equipment_leakage_ua', 'applied_part_leakage_ua', 'insulation_mohm', 'insulation_min_mohm'],
  'dashboard.': ['overdue_loans', 'inspections_overdue', 'inspections_due_soon', 'cases_awaiting_decision', 'cases_awaiting_delivery'],
  'dashboard.list_': ['overdue-loans', 'inspections-overdue', 'inspections-soon', 'awaiting-decision', 'awaiting-delivery'],
  'event.': ['received', 'moved', 'counted', 'service_work', 'case_delivered', 'case_closed', 'record_cleaning', 'pass_inspection',
    'fail_inspection', 'reserve', 'release_reservation', 'deliver', 'take_return', 'open_service', 'close_service', 'retire',
    'report_lost', 'report_found', 'case_applied', 'case_approved', 'case_rejected', 'journal_note', 'site_check', 'own_equipment', 'patient_registered',
    'case_device_exchanged', 'complaint_received', 'decision_reversed', 'device_written_off', 'home_visit', 'loan_ended_by_death', 'loan_extended',
    'loan_return_started', 'patient_death_recorded', 'reservation_released', 'service_order_opened', 'journal_note_corrected', 'site_check_corrected',
    'transfer_started', 'transfer_received', 'transfer_cancelled', 'recall_registered', 'recall_hold', 'recall_action_done',
    'recall_lot_action_done', 'recall_closed', 'consumable_added', 'consumable_received', 'lot_status_changed', 'lot_counted',
    'consumables_ordered', 'consumables_picked', 'consumables_delivered', 'consumables_issued', 'standing_order_created', 'stock_level_set'],
  'report.col_': ['unit', 'category', 'devices_in_use_at_year_end', 'devices_received', 'new_assignments', 'returns', 'average_loan_days',
    'average_days_application_to_decision', 'average_days_application_to_delivery', 'device_cost_ore', 'transferred_in', 'transferred_out',
    'consumables_issued', 'consumable_cost_unit_paid_ore', 'consumable_cost_municipality_paid_ore'],
  'lot.status_': ['available', 'on_hold', 'quarantined', 'recalled', 'expired'],
  'payer.': ['device_tied', 'municipality'],
  'order.status_': ['open', 'picked', 'delivered'],
  'recall.action_': ['inspect', 'modify', 'replace', 'stop_using', 'return'],
  'recall.coverage_': ['all_serials', 'serial_range', 'serial_list', 'lot_list'],
  'recall.status_': ['open', 'closed'],
  'recall.where_': ['in_stock', 'reserved', 'on_loan', 'in_service', 'returned', 'written_off'],
};

test('both catalogues have the same keys', () => {
  const onlyNb = Object.keys(nb).filter((k) => !(k in en));
  const onlyEn = Object.keys(en).filter((k) => !(k in nb));
  assert.deepEqual(onlyNb, [], `keys missing in en.json: ${onlyNb.join(', ')}`);
  assert.deepEqual(onlyEn, [], `keys missing in nb.json: ${onlyEn.join(', ')}`);
});

test('every key written in a page is in both catalogues', () => {
  const namespaces = new Set(Object.keys(nb).map((k) => k.split('.')[0]));
  const missing = [];
  for (const file of sources(join(webRoot, 'js'))) {
    const text = readFileSync(file, 'utf8');
    for (const [, key] of text.matchAll(/'([a-z]+\.[a-z0-9_.-]+)'/g)) {
      if (!namespaces.has(key.split('.')[0]) || key.endsWith('.js')) continue;
      if (!(key in nb) || !(key in en)) missing.push(`${key} (${file.slice(webRoot.length)})`);
    }
  }
  assert.deepEqual(missing, []);
});

test('every member of a key family built at run time is in both catalogues', () => {
  const missing = [];
  for (const [prefix, values] of Object.entries(families))
    for (const v of values) if (!(`${prefix}${v}` in nb) || !(`${prefix}${v}` in en)) missing.push(`${prefix}${v}`);
  assert.deepEqual(missing, []);
});

test('no catalogue text is left untranslated by accident in English', () => {
  const same = Object.keys(nb).filter((k) => nb[k] && nb[k] === en[k] && nb[k].length > 12 && !/[{}]/.test(nb[k]));
  assert.deepEqual(same, []);
});
