// Shared set-up for the Store tests: a fresh SQLite file in its own temp folder (removed afterwards)
// and a small organisation, model, patient and case to hang the records under test on.
#pragma once

#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "db/store.h"

namespace bhm::db::testing {

// A temp folder for one test, removed with everything in it when the test ends.
class TempFolder {
public:
    TempFolder() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() / ("bhm-db-test-" + std::to_string(random()));
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

inline Timestamp at(const char* iso) { return *parse_iso_timestamp(iso); }
inline Date on(const char* iso) { return *parse_iso_date(iso); }

// Ids of a minimal world: one region, unit UNN with a warehouse and a shelf, a CPAP model, a patient
// and an applied case.
struct World {
    Id region = 0, unit = 0, warehouse = 0, location = 0, model = 0, patient = 0, case_id = 0;
};

inline World make_world(Store& store) {
    World world;
    store.write([&](Transaction& tx) {
        world.region = tx.insert_region({0, "HN", "Helse Nord"});
        world.unit = tx.insert_unit({0, world.region, "UNN", "Seksjon for behandlingshjelpemidler, UNN"});
        world.warehouse = tx.insert_warehouse({0, world.unit, "Hovedlager"});
        world.location = tx.insert_location({0, world.warehouse, "A-01"});
        world.model = tx.insert_model({0, "07012345000019", "Respira", "SleepEase 10", "cpap", 1250000, "II", "BF"});
        world.patient = tx.insert_patient(
            {0, world.unit, "01017000027", "Test Testesen", "Storgata 1", "Tromsø", "home"});
        Case c;
        c.unit_id = world.unit;
        c.number = "UNN-2026-000001";
        c.patient_id = world.patient;
        c.category = "cpap";
        c.lymphoedema = "none";
        c.requester_role = "specialist_doctor";
        c.requester_hpr = "1234567";
        c.requester_name = "Dr. Test";
        c.applied_at = at("2026-01-05T09:00:00Z");
        world.case_id = tx.insert_case(c);
    });
    return world;
}

// An available device of the world's model, not yet stored.
inline Device make_device(const World& world, const std::string& serial, const std::string& asset_tag) {
    Device device;
    device.unit_id = world.unit;
    device.model_id = world.model;
    device.serial = serial;
    device.asset_tag = asset_tag;
    device.warehouse_id = world.warehouse;
    device.location_id = world.location;
    device.status = DeviceStatus{DeviceState::available, true, true, false};
    device.inspection_due = on("2026-12-01");
    device.received_at = at("2026-01-02T08:00:00Z");
    return device;
}

}  // namespace bhm::db::testing
