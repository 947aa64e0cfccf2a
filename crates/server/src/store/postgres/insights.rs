//! PostgreSQL's pieces of the statements in [`crate::store::insights`].

use crate::store::insights::InsightSql;

/// PostgreSQL's pieces of the insight statements: times are `timestamptz` and days `date`,
/// each bound as text and cast; days and times are read back in UTC.
pub const SQL: InsightSql = InsightSql {
    param: '$',
    time_cast: "::timestamptz",
    day_cast: "::date",
    day_of,
    seen_day: "to_char(e.day, 'YYYY-MM-DD')",
    time_text,
    outcome_kind: "(s.outcome::jsonb ->> 'kind')",
};

fn day_of(column: &str) -> String {
    format!("to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')")
}

fn time_text(column: &str) -> String {
    format!(r#"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')"#)
}
