//! SQLite's pieces of the statements in [`crate::store::insights`].

use crate::store::insights::InsightSql;

/// SQLite's pieces of the insight statements. Stored times are fixed-width RFC 3339 text in
/// UTC, and days `YYYY-MM-DD` text, so both compare as text and a day is a time's first ten
/// characters.
pub const SQL: InsightSql = InsightSql {
    param: '?',
    time_cast: "",
    day_cast: "",
    day_of,
    seen_day: "e.day",
    time_text,
    outcome_kind: "json_extract(s.outcome, '$.kind')",
};

fn day_of(column: &str) -> String {
    format!("substr({column}, 1, 10)")
}

fn time_text(column: &str) -> String {
    column.to_owned()
}
