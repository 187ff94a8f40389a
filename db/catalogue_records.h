// The store's catalogue: device categories (with the consumables that belong to them) and device
// models by GTIN. A narrow interface that Transaction inherits; the catalogue names only this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

class CatalogueRecords {
public:
    virtual ~CatalogueRecords() = default;

    // Catalogue.
    virtual void upsert_category(const Category&, const std::vector<std::string>& consumables) = 0;
    virtual std::vector<Category> categories() = 0;
    virtual std::optional<Category> category(const std::string& code) = 0;
    virtual std::vector<std::string> category_consumables(const std::string& code) = 0;
    virtual Id insert_model(const Model&) = 0;
    virtual std::vector<Model> models() = 0;
    virtual std::optional<Model> model(Id) = 0;
    virtual std::optional<Model> model_by_gtin(const std::string& gtin) = 0;
};

}  // namespace bhm::db
