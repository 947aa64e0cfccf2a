//! The contract as an OpenAPI 3.1 document, generated from the handlers themselves.
//!
//! Every route module registers its handlers through `utoipa_axum::routes!`, which records each
//! handler's `#[utoipa::path]` (parameters, bodies, answers) next to the axum route, so the
//! document cannot list a route the server lacks or miss one it has. [`ApiDoc`] adds what no
//! handler knows: the title, the tags and the security schemes (`visitor`, `sso` and `admin`,
//! which handlers name in `security(...)`). The document is served at
//! `GET /v1/openapi.json` and committed as `docs/openapi.json`, which a test keeps identical.

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::OpenApi as Document;
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The parts of the document that belong to no single handler.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "Kindred",
        description = "The REST contract between Kindred's embeddable widget and a backend: \
                       idea boards, UGC feeds, co-creation forms, live updates and moderation. \
                       Errors are always `{\"error\":{\"code\",\"message\",\"fields\"}}`.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0"),
    ),
    tags(
        (name = "meta", description = "Health and this document."),
        (name = "sites", description = "A site's start-up configuration for the widget."),
        (name = "ideas", description = "Idea boards: ideas, votes, comments."),
        (name = "live", description = "Live updates as Server-Sent Events."),
        (name = "forms", description = "Co-creation forms: schemas and submissions, and their \
                                          management and CSV export with the admin key."),
        (name = "moderation", description = "The moderators' API, behind the admin key: the review \
                                              queue, decisions, curation, blocks, sites, boards, \
                                              exports and the log."),
        (name = "feeds", description = "UGC feeds: photo posts, likes, reports, and the photos themselves."),
    ),
    modifiers(&SecuritySchemes),
)]
pub struct ApiDoc;

struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut Document) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "visitor",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                kindred_api::VISITOR_HEADER,
                "An anonymous visitor's random id (UUID v4), kept in the widget's storage.",
            ))),
        );
        components.add_security_scheme(
            "sso",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "A signed-in user's token: a JWT signed with the site's SSO secret \
                         (HS256), `aud` the site's slug.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "admin",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some("The server's admin key, for the moderation API only."))
                    .build(),
            ),
        );
    }
}

/// The document route.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_show))
}

/// This document.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "meta",
    responses((status = OK, description = "The OpenAPI 3.1 document", content_type = "application/json")),
)]
async fn openapi_show(State(state): State<AppState>) -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        state.openapi.clone(),
    )
}

/// The whole document: [`ApiDoc`] plus every route [`super::router`] registers.
pub fn document() -> Document {
    super::router(crate::config::DEFAULT_UPLOAD_BODY_LIMIT).into_openapi()
}

/// [`document`] as the pretty-printed JSON the server answers and `docs/openapi.json` holds.
pub fn document_json() -> String {
    let mut json = document()
        .to_pretty_json()
        .expect("the OpenAPI document serialises");
    json.push('\n');
    json
}
