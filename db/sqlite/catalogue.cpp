// SQLite Store, catalogue: device categories with their tied consumables (seeded from shared/ at
// every open) and the device models the unit buys (GTIN, price in øre, IEC 62353 class and applied part).
#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

Category read_category(const sql::Row& row) {
    return {row.text("code"),
            row.text("name"),
            row.text("name_no"),
            row.flag("site_check_required"),
            row.flag("electrical"),
            row.number("inspection_interval_months"),
            row.number("default_loan_days")};
}

Model read_model(const sql::Row& row) {
    return {row.integer("id"),   row.text("gtin"),      row.text("manufacturer"),     row.text("name"),
            row.text("category"), row.integer("price_ore"), row.text("protection_class"), row.text("applied_part")};
}

constexpr const char* category_columns =
    "SELECT code, name, name_no, site_check_required, electrical, inspection_interval_months, default_loan_days "
    "FROM categories ";
constexpr const char* model_columns =
    "SELECT id, gtin, manufacturer, name, category, price_ore, protection_class, applied_part FROM models ";

}  // namespace

// Replaces the category's row and its consumables (kept in the given order).
void SqliteTransaction::upsert_category(const Category& category, const std::vector<std::string>& consumables) {
    sql::execute(session_,
                 "INSERT INTO categories (code, name, name_no, site_check_required, electrical, "
                 "inspection_interval_months, default_loan_days) VALUES (?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_no = excluded.name_no, "
                 "site_check_required = excluded.site_check_required, electrical = excluded.electrical, "
                 "inspection_interval_months = excluded.inspection_interval_months, "
                 "default_loan_days = excluded.default_loan_days",
                 sql::params(category.code, category.name, category.name_no, category.site_check_required,
                             category.electrical, category.inspection_interval_months, category.default_loan_days));
    sql::execute(session_, "DELETE FROM category_consumables WHERE category = ?", sql::params(category.code));
    int position = 0;
    for (const std::string& consumable : consumables) {
        sql::execute(session_, "INSERT INTO category_consumables (category, consumable, position) VALUES (?, ?, ?)",
                     sql::params(category.code, consumable, ++position));
    }
}

std::vector<Category> SqliteTransaction::categories() {
    return sql::query(session_, std::string(category_columns) + "ORDER BY code").map<Category>(read_category);
}

std::optional<Category> SqliteTransaction::category(const std::string& code) {
    return sql::query(session_, std::string(category_columns) + "WHERE code = ?", sql::params(code))
        .first<Category>(read_category);
}

std::vector<std::string> SqliteTransaction::category_consumables(const std::string& code) {
    return sql::query(session_, "SELECT consumable FROM category_consumables WHERE category = ? ORDER BY position",
                      sql::params(code))
        .map<std::string>([](const sql::Row& row) { return row.text("consumable"); });
}

Id SqliteTransaction::insert_model(const Model& model) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO models (gtin, manufacturer, name, category, price_ore, protection_class, applied_part) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(model.gtin, model.manufacturer, model.name, model.category, model.price_ore,
                    model.protection_class, model.applied_part));
}

std::vector<Model> SqliteTransaction::models() {
    return sql::query(session_, std::string(model_columns) + "ORDER BY id").map<Model>(read_model);
}

std::optional<Model> SqliteTransaction::model(Id id) {
    return sql::query(session_, std::string(model_columns) + "WHERE id = ?", sql::params(id))
        .first<Model>(read_model);
}

std::optional<Model> SqliteTransaction::model_by_gtin(const std::string& gtin) {
    return sql::query(session_, std::string(model_columns) + "WHERE gtin = ?", sql::params(gtin))
        .first<Model>(read_model);
}

}  // namespace bhm::db
