// The demo set's stories: what happened to each device (received, in stock with inspections due,
// reserved, on loan with due and overdue dates, returned, in service, retired, lost) and to cases
// that have no device yet (waiting for a decision, rejected, approved and waiting, own equipment).
#pragma once

#include "server/demo/demo_history.h"

namespace bhm::server::demo {

enum class DeviceStory { received, available, reserved, on_loan, returned, in_service, retired, lost };

// A story drawn with fixed weights (mostly in stock or on loan).
DeviceStory draw_story(DemoRandom& random);

// Creates one device of `model` at `unit` and plays its story up to today.
void play_device_story(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit, const db::Model& model,
                       DeviceStory story);

// Cases without a device of ours, scaled by the unit's stock_percent.
void play_paper_cases(DemoHistory& history, DemoRandom& random, const LoadedUnit& unit);

}  // namespace bhm::server::demo
