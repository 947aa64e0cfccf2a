//! The inline part of the subset, inside one paragraph or list item: emphasis, strong
//! emphasis, links, bare web addresses and line breaks; everything else is text.
//!
//! Emphasis closes on the next run of the same delimiter with the same length, so
//! `*a **b** c*` nests and an unclosed delimiter stays text. The work stays linear in the
//! length of the text, whatever it holds: a delimiter kind that found no closer is not looked
//! for again in the same span, link targets are scanned a bounded distance, and nesting
//! stops at [`MAX_DEPTH`].

use super::link::safe_href;

/// Deepest nesting of emphasis and links; delimiters deeper than this stay text.
const MAX_DEPTH: usize = 6;

/// Longest link target, in bytes; a longer one is not a link.
const MAX_TARGET: usize = 2_048;

/// Characters that end a bare web address when they end it, as in "see https://a.example."
const TRAILING: &[char] = &['.', ',', ':', ';', '!', '?', '\'', '"', '*', '_'];

/// A piece of a paragraph or list item.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Text, shown as typed.
    Text(String),
    /// A line break inside the paragraph.
    LineBreak,
    /// `*emphasis*`.
    Emphasis(Vec<Inline>),
    /// `**strong emphasis**`.
    Strong(Vec<Inline>),
    /// A link to an allowed target.
    Link {
        /// Where it leads, already checked by [`safe_href`].
        href: String,
        /// What it shows.
        content: Vec<Inline>,
    },
}

/// The inline pieces of `text`, where `\n` marks a line break.
pub fn parse_inlines(text: &str) -> Vec<Inline> {
    Span::new(text, 0, false).parse()
}

/// One span of text being parsed: a paragraph, or the inside of an emphasis or link.
struct Span<'a> {
    text: &'a str,
    depth: usize,
    in_link: bool,
    out: Vec<Inline>,
    pending: String,
    /// Per delimiter kind (`*` or `_`, run of 1 to 3): no closer remains in this span.
    exhausted: [bool; 6],
}

impl<'a> Span<'a> {
    fn new(text: &'a str, depth: usize, in_link: bool) -> Self {
        Self {
            text,
            depth,
            in_link,
            out: Vec::new(),
            pending: String::new(),
            exhausted: [false; 6],
        }
    }

    fn parse(mut self) -> Vec<Inline> {
        let mut at = 0;
        while let Some(c) = self.text[at..].chars().next() {
            at = match c {
                '\\' => self.escape(at),
                '\n' => {
                    self.push(Inline::LineBreak);
                    at + 1
                }
                '[' if !self.in_link => self.link(at),
                '*' | '_' => self.emphasis(at, c),
                'h' | 'H' if !self.in_link => self.address(at),
                _ => {
                    self.pending.push(c);
                    at + c.len_utf8()
                }
            };
        }
        self.flush();
        self.out
    }

    fn flush(&mut self) {
        if !self.pending.is_empty() {
            self.out
                .push(Inline::Text(std::mem::take(&mut self.pending)));
        }
    }

    fn push(&mut self, inline: Inline) {
        self.flush();
        self.out.push(inline);
    }

    /// The inline pieces of `range` of this span, one level deeper.
    fn inner(&self, from: usize, to: usize, in_link: bool) -> Vec<Inline> {
        Span::new(&self.text[from..to], self.depth + 1, in_link).parse()
    }

    /// A backslash: the punctuation mark after it is literal.
    fn escape(&mut self, at: usize) -> usize {
        match self.text[at + 1..].chars().next() {
            Some(next) if next.is_ascii_punctuation() => {
                self.pending.push(next);
                at + 2
            }
            _ => {
                self.pending.push('\\');
                at + 1
            }
        }
    }

    /// A run of `*` or `_` at `at`: emphasis when it opens and a closer follows, else text.
    fn emphasis(&mut self, at: usize, c: char) -> usize {
        let run = run_length(self.text, at, c);
        let end = at + run;
        let kind = usize::from(c == '_') * 3 + run.min(3) - 1;
        let closer = (run <= 3
            && self.depth < MAX_DEPTH
            && !self.exhausted[kind]
            && can_open(self.text, at, end, c))
        .then(|| self.closer(end, c, run))
        .flatten();
        let Some(close) = closer else {
            if run <= 3 && can_open(self.text, at, end, c) {
                self.exhausted[kind] = true;
            }
            self.pending.extend(std::iter::repeat_n(c, run));
            return end;
        };
        let content = self.inner(end, close, self.in_link);
        self.push(match run {
            1 => Inline::Emphasis(content),
            2 => Inline::Strong(content),
            _ => Inline::Strong(vec![Inline::Emphasis(content)]),
        });
        close + run
    }

    /// Where the first run of exactly `run` `c`s that can close starts, from `from` on.
    fn closer(&self, from: usize, c: char, run: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let mut at = from;
        while at < bytes.len() {
            match bytes[at] {
                b'\\' if bytes.get(at + 1).is_some_and(u8::is_ascii_punctuation) => at += 2,
                b if b == c as u8 => {
                    let length = run_length(self.text, at, c);
                    if length == run && can_close(self.text, at, at + length, c) {
                        return Some(at);
                    }
                    at += length;
                }
                _ => at += 1,
            }
        }
        None
    }

    /// `[text](target)` at `at`: a link when the target is allowed, its text alone when not,
    /// and a literal `[` when the brackets do not make a link.
    fn link(&mut self, at: usize) -> usize {
        let Some((close, target_end)) = link_bounds(self.text, at) else {
            self.pending.push('[');
            return at + 1;
        };
        let content = self.inner(at + 1, close, true);
        match safe_href(&self.text[close + 2..target_end]) {
            Some(href) => self.push(Inline::Link { href, content }),
            None => {
                self.flush();
                self.out.extend(content);
            }
        }
        target_end + 1
    }

    /// A bare `http://` or `https://` address at `at`, at the start of a word.
    fn address(&mut self, at: usize) -> usize {
        let starts_word = self.text[..at]
            .chars()
            .next_back()
            .is_none_or(|before| !before.is_alphanumeric());
        let rest = &self.text[at..];
        let scheme = ["https://", "http://"].into_iter().find(|scheme| {
            rest.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        });
        let link = scheme
            .filter(|_| starts_word)
            .and_then(|scheme| {
                let end = rest
                    .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
                    .unwrap_or(rest.len());
                let url = trim_address(&rest[..end]);
                (url.len() > scheme.len()).then_some(url)
            })
            .and_then(|url| Some((url, safe_href(url)?)));
        match link {
            Some((url, href)) => {
                self.push(Inline::Link {
                    href,
                    content: vec![Inline::Text(url.to_owned())],
                });
                at + url.len()
            }
            None => {
                self.pending.push(rest.chars().next().unwrap_or('h'));
                at + 1
            }
        }
    }
}

/// How many `c`s follow one another from `at`.
fn run_length(text: &str, at: usize, c: char) -> usize {
    text[at..].bytes().take_while(|&b| b == c as u8).count()
}

/// Whether the run `at..end` of `c` can open emphasis: text follows it, and an underscore
/// does not sit inside a word (`snake_case` stays as typed).
fn can_open(text: &str, at: usize, end: usize, c: char) -> bool {
    let next = text[end..].chars().next();
    let before = text[..at].chars().next_back();
    next.is_some_and(|n| !n.is_whitespace())
        && (c == '*' || before.is_none_or(|b| !b.is_alphanumeric()))
}

/// Whether the run `at..end` of `c` can close emphasis: it follows text, and an underscore
/// does not sit inside a word.
fn can_close(text: &str, at: usize, end: usize, c: char) -> bool {
    let before = text[..at].chars().next_back();
    let next = text[end..].chars().next();
    before.is_some_and(|b| !b.is_whitespace())
        && (c == '*' || next.is_none_or(|n| !n.is_alphanumeric()))
}

/// For `[text](target)` starting at `at`: where `]` is and where the `)` closing the target
/// is. Link text holds no brackets; the target stays on one line, may hold parentheses one
/// level deep (`https://en.wikipedia.org/wiki/Trail_(running)`) and is at most
/// [`MAX_TARGET`] bytes long. Each byte is then read by at most two such scans.
fn link_bounds(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut close = at + 1;
    loop {
        match bytes.get(close)? {
            b'\\' if bytes.get(close + 1).is_some_and(u8::is_ascii_punctuation) => close += 2,
            b'[' => return None,
            b']' => break,
            _ => close += 1,
        }
    }
    if text[at + 1..close].trim().is_empty() || bytes.get(close + 1) != Some(&b'(') {
        return None;
    }
    let target = close + 2;
    let mut depth = 0usize;
    for (offset, &b) in bytes[target..].iter().enumerate().take(MAX_TARGET + 1) {
        match b {
            b'\n' => return None,
            b'(' if depth == 0 => depth = 1,
            b'(' => return None,
            b')' if depth == 0 => return Some((close, target + offset)),
            b')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A bare address without the punctuation that ends the sentence around it, and without a
/// closing parenthesis it did not open ("(see https://a.example/x)").
fn trim_address(mut url: &str) -> &str {
    loop {
        let trimmed = url.trim_end_matches(TRAILING);
        let unbalanced =
            trimmed.ends_with(')') && trimmed.matches(')').count() > trimmed.matches('(').count();
        let trimmed = if unbalanced {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

#[cfg(test)]
mod tests {
    use super::Inline::*;
    use super::*;

    fn text(s: &str) -> Inline {
        Text(s.into())
    }

    fn link(href: &str, content: Vec<Inline>) -> Inline {
        Link {
            href: href.into(),
            content,
        }
    }

    #[test]
    fn plain_text_stays_one_piece() {
        assert_eq!(parse_inlines("Just words."), [text("Just words.")]);
        assert_eq!(parse_inlines(""), []);
    }

    #[test]
    fn emphasis_and_strong() {
        assert_eq!(
            parse_inlines("a *b* _c_ **d** __e__ ***f***"),
            [
                text("a "),
                Emphasis(vec![text("b")]),
                text(" "),
                Emphasis(vec![text("c")]),
                text(" "),
                Strong(vec![text("d")]),
                text(" "),
                Strong(vec![text("e")]),
                text(" "),
                Strong(vec![Emphasis(vec![text("f")])]),
            ]
        );
    }

    #[test]
    fn emphasis_nests() {
        assert_eq!(
            parse_inlines("*a **b** c*"),
            [Emphasis(vec![
                text("a "),
                Strong(vec![text("b")]),
                text(" c")
            ])]
        );
        assert_eq!(
            parse_inlines("**a _b_**"),
            [Strong(vec![text("a "), Emphasis(vec![text("b")])])]
        );
    }

    #[test]
    fn unclosed_or_spaced_delimiters_stay_text() {
        for literal in [
            "*open",
            "**open",
            "a * b * c",
            "2 * 3 = 6",
            "** spaced **",
            "****",
            "snake_case_name",
            "*",
            "_",
            "**a*",
        ] {
            assert_eq!(parse_inlines(literal), [text(literal)], "{literal}");
        }
        assert_eq!(
            parse_inlines("*a **b c*"),
            [Emphasis(vec![text("a **b c")])]
        );
    }

    #[test]
    fn backslashes_keep_punctuation_literal() {
        assert_eq!(parse_inlines(r"\*not\* a\b"), [text(r"*not* a\b")]);
        assert_eq!(parse_inlines(r"\[x\](y)"), [text("[x](y)")]);
    }

    #[test]
    fn line_breaks_are_kept() {
        assert_eq!(
            parse_inlines("one\ntwo"),
            [text("one"), LineBreak, text("two")]
        );
    }

    #[test]
    fn links_to_allowed_targets() {
        assert_eq!(
            parse_inlines("see [the *docs*](https://a.example/x_(y)) now"),
            [
                text("see "),
                link(
                    "https://a.example/x_(y)",
                    vec![text("the "), Emphasis(vec![text("docs")])]
                ),
                text(" now"),
            ]
        );
        assert_eq!(
            parse_inlines("[mail]( mailto:a@b.example )"),
            [link("mailto:a@b.example", vec![text("mail")])]
        );
    }

    #[test]
    fn links_to_other_targets_keep_only_their_text() {
        for written in [
            "[x](javascript:alert(1))",
            "[x]( JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox(1))",
            "[x](//evil.example)",
            "[x](/relative)",
        ] {
            assert_eq!(parse_inlines(written), [text("x")], "{written:?}");
        }
    }

    #[test]
    fn brackets_that_make_no_link_stay_text() {
        for literal in [
            "[x]",
            "[x] (see)",
            "[](a.example)",
            "[[x](a.example",
            "[x](a.example\n)",
        ] {
            let shown: String = parse_inlines(literal)
                .into_iter()
                .map(|piece| match piece {
                    Text(text) => text,
                    LineBreak => "\n".into(),
                    other => panic!("{literal:?} gave {other:?}"),
                })
                .collect();
            assert_eq!(shown, literal);
        }
    }

    #[test]
    fn bare_addresses_become_links_without_trailing_punctuation() {
        assert_eq!(
            parse_inlines("Look: https://a.example/x?y=1. (And HTTP://b.example/z)"),
            [
                text("Look: "),
                link(
                    "https://a.example/x?y=1",
                    vec![text("https://a.example/x?y=1")]
                ),
                text(". (And "),
                link("HTTP://b.example/z", vec![text("HTTP://b.example/z")]),
                text(")"),
            ]
        );
        for literal in ["https://", "xhttps://a.example", "http:/a.example", "hello"] {
            assert_eq!(parse_inlines(literal), [text(literal)], "{literal}");
        }
        assert_eq!(
            parse_inlines("https://a.example/snake_case_url"),
            [link(
                "https://a.example/snake_case_url",
                vec![text("https://a.example/snake_case_url")]
            )]
        );
    }

    #[test]
    fn markup_is_text() {
        let html = r#"<img src=x onerror="alert(1)"><script>alert(1)</script>"#;
        assert_eq!(parse_inlines(html), [text(html)]);
    }

    /// How deeply `pieces` nest emphasis and links.
    fn depth(pieces: &[Inline]) -> usize {
        pieces
            .iter()
            .map(|piece| match piece {
                Emphasis(inner) | Strong(inner) | Link { content: inner, .. } => 1 + depth(inner),
                Text(_) | LineBreak => 0,
            })
            .max()
            .unwrap_or(0)
    }

    #[test]
    fn nesting_is_bounded() {
        let mut deep = String::from("x");
        for level in 0..60 {
            let d = ["*", "**", "_", "__"][level % 4];
            deep = format!("{d}a [{deep}](https://a.example) a{d}");
        }
        assert!(depth(&parse_inlines(&deep)) <= MAX_DEPTH + 1);
    }
}
