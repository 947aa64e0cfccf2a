//! PostgreSQL text of the statements in [`crate::store::forms`].

/// Creates a form, answering its id.
pub const INSERT: &str = "INSERT INTO forms (site_id, slug, schema, target, open)
                          VALUES ($1, $2, $3, $4, $5)
                          RETURNING id";

/// The start of a statement selecting forms with their submission counts.
macro_rules! select_forms {
    () => {
        r#"SELECT f.id, f.site_id, f.schema, f.target, f.open,
                  to_char(f.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
                  to_char(f.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at,
                  (SELECT COUNT(*) FROM form_submissions s WHERE s.form_id = f.id) AS submission_count
           FROM forms f"#
    };
}

/// A form with its submission count, by slug.
pub const FIND: &str = concat!(select_forms!(), " WHERE f.slug = $1");

/// A site's forms with their submission counts, oldest first.
pub const BY_SITE: &str = concat!(select_forms!(), " WHERE f.site_id = $1 ORDER BY f.id");

/// Replaces a form's definition.
pub const UPDATE: &str = "UPDATE forms
                          SET slug = $2, schema = $3, target = $4, open = $5,
                              updated_at = date_trunc('milliseconds', now())
                          WHERE id = $1";

/// Deletes a form; its submissions go with it.
pub const DELETE: &str = "DELETE FROM forms WHERE id = $1";

/// A site's open forms, slug and title, oldest first.
pub const SUMMARIES: &str = "SELECT slug, schema::jsonb ->> 'title' FROM forms
                             WHERE site_id = $1 AND open ORDER BY id";

/// A site's open forms, slug and target, oldest first.
pub const TARGETS: &str = "SELECT slug, target FROM forms WHERE site_id = $1 AND open ORDER BY id";

/// Stores a submission, answering its id.
pub const INSERT_SUBMISSION: &str =
    "INSERT INTO form_submissions (form_id, answers, identity, outcome)
                                     VALUES ($1, $2, $3, $4)
                                     RETURNING id";

/// A form's submissions after an id, in arrival order, at most $3.
pub const SUBMISSIONS: &str = r#"SELECT id, answers, identity, outcome,
                                        to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at
                                 FROM form_submissions
                                 WHERE form_id = $1 AND id > $2
                                 ORDER BY id LIMIT $3"#;
