-- Co-creation forms: each site's forms (schema and target kept as the JSON of the wire types,
-- which the wire crate validates), the submissions they received, and the Idempotency-Key
-- records that make a retried POST answer its first result instead of acting twice.

CREATE TABLE forms (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    site_id    INTEGER NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/forms/{form}`) carry no site, so a slug names one form across the
    -- whole server, which also makes it unique within its site.
    slug       TEXT    NOT NULL UNIQUE
               CHECK (length(slug) BETWEEN 1 AND 64 AND slug NOT GLOB '*[^a-z0-9-]*'),
    -- A `FormSchema` as JSON; its `slug` is this row's.
    schema     TEXT    NOT NULL CHECK (json_valid(schema)),
    -- A `FormTarget` as JSON: where submissions go.
    target     TEXT    NOT NULL CHECK (json_valid(target)),
    open       INTEGER NOT NULL DEFAULT 1 CHECK (open IN (0, 1)),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (site_id, slug)
) STRICT;

CREATE INDEX forms_by_site ON forms (site_id, id);

CREATE TABLE form_submissions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    form_id    INTEGER NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
    -- The cleaned answers, a JSON object keyed by field name.
    answers    TEXT    NOT NULL CHECK (json_valid(answers)),
    -- The identity key of the submitter (`visitor:<uuid>` or `user:<sub>`).
    identity   TEXT    NOT NULL CHECK (length(identity) BETWEEN 1 AND 200),
    -- A `TargetOutcome` as JSON: what the submission became.
    outcome    TEXT    NOT NULL CHECK (json_valid(outcome)),
    created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A form's submissions in arrival order, for pages and exports.
CREATE INDEX form_submissions_by_form ON form_submissions (form_id, id);

-- One row per (identity, route, key) while the key lives (24 hours). `status` is NULL while
-- the first request is being processed, then holds the answer it gave.
CREATE TABLE idempotency_keys (
    identity     TEXT    NOT NULL,
    route        TEXT    NOT NULL,
    key          TEXT    NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the request (method, path, body), hex: a reuse with another body is refused.
    fingerprint  TEXT    NOT NULL,
    status       INTEGER CHECK (status IS NULL OR status BETWEEN 100 AND 599),
    content_type TEXT,
    location     TEXT,
    body         TEXT,
    created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (identity, route, key)
) STRICT, WITHOUT ROWID;

-- Expired keys are swept by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
