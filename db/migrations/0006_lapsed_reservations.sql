-- Devices still tied to a case though no longer reserved (they failed an inspection before that untied
-- them): untie them, so a death or a reversal on the case finds nothing half-released. From now on
-- server/services/loans.cpp release_picked_for_case unties such a device in its state.
UPDATE devices SET reserved_case_id = NULL WHERE reserved_case_id IS NOT NULL AND state <> 'reserved';
