//! Element ids unique within the page, so labels, descriptions and regions point at their
//! own elements even when several widgets, or several forms, share one document.

use std::cell::Cell;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(0) };
}

/// A fresh id starting `kindred-{purpose}-`.
pub fn unique_id(purpose: &str) -> String {
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n.wrapping_add(1));
        n
    });
    format!("kindred-{purpose}-{n}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_never_repeat() {
        let (first, second) = (unique_id("form"), unique_id("form"));
        assert!(first.starts_with("kindred-form-"), "{first}");
        assert_ne!(first, second);
    }
}
