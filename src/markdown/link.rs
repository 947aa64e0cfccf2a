//! Which link targets may become links: an allowlist of schemes, checked on exactly the text
//! the `href` will carry, so no spelling trick (mixed case, tabs, control characters, a
//! missing scheme) slips a `javascript:` or `data:` target through.

/// Schemes a link may use.
const ALLOWED: [&str; 3] = ["http", "https", "mailto"];

/// The `href` for a link written to `destination`, or `None` when it must stay text.
///
/// Control characters and whitespace other than spaces are removed (browsers drop tabs and
/// line breaks from URLs anyway, which is how `java\tscript:` would otherwise sneak through),
/// the ends are trimmed and inner spaces are written `%20`. The result must then name one of
/// the allowed schemes, case-insensitively; relative and protocol-relative targets are
/// refused, as a brand's page would resolve them against its own address.
pub fn safe_href(destination: &str) -> Option<String> {
    let cleaned: String = destination
        .chars()
        .filter(|c| !c.is_control() && (*c == ' ' || !c.is_whitespace()))
        .collect();
    let href = cleaned.trim_matches(' ').replace(' ', "%20");
    let (scheme, rest) = href.split_once(':')?;
    let allowed = ALLOWED.iter().any(|a| scheme.eq_ignore_ascii_case(a));
    (allowed && !rest.is_empty()).then_some(href)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_and_mail_targets_are_kept() {
        for (written, href) in [
            ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),
            ("HTTP://EXAMPLE.COM", "HTTP://EXAMPLE.COM"),
            ("  https://example.com  ", "https://example.com"),
            ("mailto:team@example.com", "mailto:team@example.com"),
            ("https://example.com/a b", "https://example.com/a%20b"),
            ("https://exa\tmple.com", "https://example.com"),
        ] {
            assert_eq!(safe_href(written).as_deref(), Some(href), "{written}");
        }
    }

    #[test]
    fn scripts_data_and_relative_targets_are_refused() {
        for written in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "jav&#x09;ascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "//evil.example/x",
            "/relative/path",
            "relative",
            "#top",
            "?q=1",
            "https:",
            ":https://example.com",
            "ｊavascript:alert(1)",
            "",
        ] {
            assert_eq!(safe_href(written), None, "{written:?}");
        }
    }
}
