-- Webhooks: each site may register URLs that are told, by a signed POST, when something
-- happens (a new idea, a status change, a threshold reached, a new post). Every event becomes
-- one delivery per matching webhook, kept with each attempt, so moderators can see what was
-- sent and what the receiver answered, and failed deliveries are retried with backoff.

CREATE TABLE webhooks (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site_id    bigint  NOT NULL REFERENCES sites (id) ON DELETE CASCADE,
    url        text    NOT NULL CHECK (url LIKE 'http%://%'),
    -- The HMAC-SHA256 key deliveries are signed with.
    secret     text    NOT NULL CHECK (length(secret) >= 16),
    -- The event types it wants, comma-separated with a comma at each end (',idea.created,').
    events     text    NOT NULL CHECK (events LIKE ',%,'),
    active     boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);

CREATE INDEX webhooks_by_site ON webhooks (site_id, id);

CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      bigint NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event           text   NOT NULL,
    -- The exact body sent, so every attempt signs and sends the same bytes.
    payload         text   NOT NULL,
    state           text   NOT NULL DEFAULT 'pending'
                    CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts        bigint NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- While a sender holds a delivery, no other sender (on any replica) takes it.
    leased_until    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
    delivered_at    timestamptz
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at);
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, id DESC);

CREATE TABLE webhook_attempts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    -- The receiver's HTTP status, or NULL when no answer came (refused, timed out).
    status      bigint,
    error       text,
    duration_ms bigint NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now())
);

CREATE INDEX webhook_attempts_by_delivery ON webhook_attempts (delivery_id, id);

-- Whether an idea has reached its board's supporter threshold: `idea.threshold_reached` is
-- announced once, the first time, however often votes later dip below and come back.
ALTER TABLE ideas ADD COLUMN threshold_reached boolean NOT NULL DEFAULT false;
UPDATE ideas SET threshold_reached = TRUE
WHERE vote_count >= (SELECT b.supporter_threshold FROM boards b WHERE b.id = ideas.board_id);
