//! Exporting a board for spreadsheets.
//!
//! - `GET /v1/moderation/boards/{board}/ideas.csv` → `text/csv; charset=utf-8` as an
//!   attachment: one row per listed idea, oldest first, with the columns `id, title, body,
//!   status, tags, votes, comments, author, created_at`. Cells are quoted per RFC 4180 and
//!   defused against formula injection (see [`crate::csv`]). Unknown board → 404.

use axum::extract::State;
use axum::response::IntoResponse;
use kindred_api::ErrorBody;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::admin::Admin;
use crate::csv;
use crate::error::Result;
use crate::extract::ApiPath;
use crate::routes::moderation::board;
use crate::state::AppState;

/// The header row of an idea export.
const IDEA_COLUMNS: [&str; 9] = [
    "id",
    "title",
    "body",
    "status",
    "tags",
    "votes",
    "comments",
    "author",
    "created_at",
];

/// The export routes.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(export_ideas))
}

/// A board's listed ideas as CSV.
#[utoipa::path(
    get,
    path = "/v1/moderation/boards/{board}/ideas.csv",
    tag = "moderation",
    params(("board" = String, Path, description = "The board's slug")),
    security(("admin" = [])),
    responses(
        (status = OK, description = "The ideas, one row each", content_type = "text/csv", body = String),
        (status = UNAUTHORIZED, description = "No admin key, or a wrong one", body = ErrorBody),
        (status = FORBIDDEN, description = "The server has no admin key", body = ErrorBody),
        (status = NOT_FOUND, description = "No such board", body = ErrorBody),
    ),
)]
async fn export_ideas(
    _: Admin,
    State(state): State<AppState>,
    ApiPath(slug): ApiPath<String>,
) -> Result<impl IntoResponse> {
    let board = board(&state, &slug).await?;
    let mut document = csv::Writer::new();
    document.row(IDEA_COLUMNS);
    for idea in state.store.export_ideas(board.id).await? {
        let numbers = [idea.id, idea.vote_count, idea.comment_count].map(|n| n.to_string());
        let [id, votes, comments] = &numbers;
        document.row([
            id.as_str(),
            &idea.title,
            &idea.body,
            &idea.status,
            &idea.tags,
            votes,
            comments,
            &idea.author_name,
            &idea.created_at,
        ]);
    }
    // Slugs are lowercase letters, digits and hyphens, safe inside the quoted file name.
    let file_name = format!("{}-ideas.csv", board.slug);
    Ok(csv::download(&file_name, document.finish()))
}
