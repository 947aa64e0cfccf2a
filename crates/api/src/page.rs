//! Cursor pagination: every list endpoint answers `{"items":[…],"next_cursor":…}`.

use serde::{Deserialize, Serialize};

/// One page of a cursor-paginated list.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The items of this page, in the requested order.
    pub items: Vec<T>,
    /// Opaque cursor for the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}
