-- Co-creation forms: each site's forms (schema and target kept as the JSON of the wire types,
-- which the wire crate validates), the submissions they received, and the Idempotency-Key
-- records that make a retried POST answer its first result instead of acting twice. The same
-- rules as migrations/sqlite/0006_forms.sql, in PostgreSQL's terms. JSON is kept as text,
-- exactly as written, like SQLite keeps it.

CREATE TABLE forms (
    id         bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id    bigint  NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    -- Public paths (`/v1/forms/{form}`) carry no site, so a slug names one form across the
    -- whole server, which also makes it unique within its site.
    slug       text    NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{1,64}$'),
    -- A `FormSchema` as JSON; its `slug` is this row's.
    schema     text    NOT NULL CHECK (schema::jsonb IS NOT NULL),
    -- A `FormTarget` as JSON: where submissions go.
    target     text    NOT NULL CHECK (target::jsonb IS NOT NULL),
    open       boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    updated_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    UNIQUE (site_id, slug)
);

CREATE INDEX forms_by_site ON forms (site_id, id);

CREATE TABLE form_submissions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    form_id    bigint NOT NULL REFERENCES forms (id) ON DELETE CASCADE,
    -- The cleaned answers, a JSON object keyed by field name.
    answers    text   NOT NULL CHECK (answers::jsonb IS NOT NULL),
    -- The identity key of the submitter (`visitor:<uuid>` or `user:<sub>`).
    identity   text   NOT NULL CHECK (length(identity) BETWEEN 1 AND 200),
    -- A `TargetOutcome` as JSON: what the submission became.
    outcome    text   NOT NULL CHECK (outcome::jsonb IS NOT NULL),
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);

-- A form's submissions in arrival order, for pages and exports.
CREATE INDEX form_submissions_by_form ON form_submissions (form_id, id);

-- One row per (identity, route, key) while the key lives (24 hours). `status` is NULL while
-- the first request is being processed, then holds the answer it gave.
CREATE TABLE idempotency_keys (
    identity     text     NOT NULL,
    route        text     NOT NULL,
    key          text     NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    -- SHA-256 of the request (method, path, body), hex: a reuse with another body is refused.
    fingerprint  text     NOT NULL,
    status       bigint   CHECK (status IS NULL OR status BETWEEN 100 AND 599),
    content_type text,
    location     text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (identity, route, key)
);

-- Expired keys are swept by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
