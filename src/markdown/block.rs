//! The block part of the subset: a text cut into paragraphs and lists, line by line.
//!
//! A blank line ends a paragraph. A line starting with `-`, `*` or `+` and a space is a
//! bullet item, one starting with a number, `.` or `)` and a space a numbered item; an
//! indented line continues the item above it, and a blank line between two items of the same
//! kind keeps them in one list. A numbered line interrupts a paragraph only when it starts at
//! 1, so a sentence that wraps onto "2024. was a good year" stays a sentence.

use super::inline::{parse_inlines, Inline};

/// Longest number that starts a numbered item, in digits.
const MAX_DIGITS: usize = 9;

/// A block of text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A bulleted list, one entry per item.
    Bullets(Vec<Vec<Inline>>),
    /// A numbered list counting from `start`.
    Numbered {
        /// The first item's number.
        start: u32,
        /// One entry per item.
        items: Vec<Vec<Inline>>,
    },
}

/// What starts a list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Marker {
    Bullet,
    Number(u32),
}

/// The block being gathered.
enum Open {
    Nothing,
    Paragraph(Vec<String>),
    List {
        start: Option<u32>,
        items: Vec<String>,
        after_blank: bool,
    },
}

/// The blocks of `text`.
pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open = Open::Nothing;
    for line in text.lines() {
        open = next(open, line, &mut blocks);
    }
    close(open, &mut blocks);
    blocks
}

/// The block gathered after `line` is added to `open`, closing blocks into `blocks`.
fn next(open: Open, line: &str, blocks: &mut Vec<Block>) -> Open {
    let content = line.trim();
    let marker = list_marker(line);
    match (open, marker) {
        (Open::List { start, items, .. }, _) if content.is_empty() => Open::List {
            start,
            items,
            after_blank: true,
        },
        (open, _) if content.is_empty() => {
            close(open, blocks);
            Open::Nothing
        }
        (
            Open::List {
                start, mut items, ..
            },
            Some((marker, item)),
        ) if start.is_some() == matches!(marker, Marker::Number(_)) => {
            items.push(item.to_owned());
            Open::List {
                start,
                items,
                after_blank: false,
            }
        }
        (
            Open::List {
                start,
                mut items,
                after_blank: false,
            },
            None,
        ) if line.starts_with(char::is_whitespace) => {
            if let Some(last) = items.last_mut() {
                last.push('\n');
                last.push_str(content);
            }
            Open::List {
                start,
                items,
                after_blank: false,
            }
        }
        (Open::Paragraph(mut lines), marker)
            if marker.is_none_or(|(marker, _)| !interrupts(marker)) =>
        {
            lines.push(content.to_owned());
            Open::Paragraph(lines)
        }
        (open, Some((marker, item))) => {
            close(open, blocks);
            Open::List {
                start: match marker {
                    Marker::Bullet => None,
                    Marker::Number(n) => Some(n),
                },
                items: vec![item.to_owned()],
                after_blank: false,
            }
        }
        (open, None) => {
            close(open, blocks);
            Open::Paragraph(vec![content.to_owned()])
        }
    }
}

/// Whether an item with `marker` may end the paragraph above it.
fn interrupts(marker: Marker) -> bool {
    matches!(marker, Marker::Bullet | Marker::Number(1))
}

/// Adds the gathered block, if any, to `blocks`.
fn close(open: Open, blocks: &mut Vec<Block>) {
    let inlines = |items: Vec<String>| items.iter().map(|item| parse_inlines(item)).collect();
    match open {
        Open::Nothing => {}
        Open::Paragraph(lines) => blocks.push(Block::Paragraph(parse_inlines(&lines.join("\n")))),
        Open::List {
            start: None, items, ..
        } => blocks.push(Block::Bullets(inlines(items))),
        Open::List {
            start: Some(start),
            items,
            ..
        } => blocks.push(Block::Numbered {
            start,
            items: inlines(items),
        }),
    }
}

/// The marker starting `line` as a list item, with the item's text; at most three spaces of
/// indentation, and some text after the marker.
fn list_marker(line: &str) -> Option<(Marker, &str)> {
    let trimmed = line.trim_start();
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    let (marker, rest) = match trimmed.as_bytes().first()? {
        b'-' | b'*' | b'+' => (Marker::Bullet, &trimmed[1..]),
        b'0'..=b'9' if digits <= MAX_DIGITS => {
            let rest = &trimmed[digits..];
            let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
            (Marker::Number(trimmed[..digits].parse().ok()?), rest)
        }
        _ => return None,
    };
    let item = rest.trim();
    (rest.starts_with([' ', '\t']) && !item.is_empty()).then_some((marker, item))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::Block::*;
    use super::*;
    use crate::markdown::Inline::{self, *};

    fn text(s: &str) -> Vec<Inline> {
        vec![Text(s.into())]
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_breaks_stay() {
        assert_eq!(
            parse("One\ntwo\r\n\n\n  Three  "),
            [
                Paragraph(vec![Text("One".into()), LineBreak, Text("two".into())]),
                Paragraph(text("Three")),
            ]
        );
        assert_eq!(parse(""), []);
        assert_eq!(parse("\n \n\t\n"), []);
    }

    #[test]
    fn bullet_lists() {
        assert_eq!(
            parse("Wishes:\n- laces\n* *grip*\n+ fit\n\nDone."),
            [
                Paragraph(text("Wishes:")),
                Bullets(vec![
                    text("laces"),
                    vec![Emphasis(text("grip"))],
                    text("fit")
                ]),
                Paragraph(text("Done.")),
            ]
        );
    }

    #[test]
    fn numbered_lists_keep_their_start() {
        assert_eq!(
            parse("3. three\n4) four\n\n5. five"),
            [Numbered {
                start: 3,
                items: vec![text("three"), text("four"), text("five")]
            }]
        );
    }

    #[test]
    fn indented_lines_continue_an_item() {
        assert_eq!(
            parse("- one\n  more\nafter"),
            [
                Bullets(vec![vec![
                    Text("one".into()),
                    LineBreak,
                    Text("more".into())
                ]]),
                Paragraph(text("after")),
            ]
        );
    }

    #[test]
    fn list_kinds_do_not_mix() {
        assert_eq!(
            parse("- a\n1. b"),
            [
                Bullets(vec![text("a")]),
                Numbered {
                    start: 1,
                    items: vec![text("b")]
                },
            ]
        );
    }

    #[test]
    fn only_a_first_number_interrupts_a_paragraph() {
        assert_eq!(
            parse("Since\n2024. it works"),
            [Paragraph(vec![
                Text("Since".into()),
                LineBreak,
                Text("2024. it works".into())
            ])]
        );
        assert_eq!(
            parse("Steps:\n1. lace"),
            [
                Paragraph(text("Steps:")),
                Numbered {
                    start: 1,
                    items: vec![text("lace")]
                },
            ]
        );
    }

    #[test]
    fn markers_without_text_or_space_are_text() {
        for literal in [
            "-",
            "-no space",
            "1.",
            "1.no",
            "*emphasis*",
            "    - indented",
        ] {
            assert!(
                matches!(parse(literal).as_slice(), [Paragraph(_)]),
                "{literal}"
            );
        }
        assert_eq!(
            parse("12345678901. big"),
            [Paragraph(text("12345678901. big"))]
        );
    }

    #[test]
    fn html_is_text() {
        let written = "<script>alert(1)</script>\n\n- <img src=x onerror=alert(1)>";
        assert_eq!(
            parse(written),
            [
                Paragraph(text("<script>alert(1)</script>")),
                Bullets(vec![text("<img src=x onerror=alert(1)>")]),
            ]
        );
    }

    /// Adversarial text of a few hundred kilobytes parses at once (well under a second even
    /// unoptimised), whatever it repeats.
    #[test]
    fn huge_input_parses_quickly() {
        let patterns = [
            "**a ",
            "*a _b ",
            "[a](",
            "[a](((",
            "[[[[",
            "https://a.example/",
            "- item\n",
            "1. item\n  more\n",
            "\\*",
            "_*_*",
        ];
        for pattern in patterns {
            let text = pattern.repeat(200_000 / pattern.len());
            let started = Instant::now();
            let blocks = parse(&text);
            assert!(!blocks.is_empty());
            let took = started.elapsed();
            assert!(took < Duration::from_secs(2), "{pattern:?} took {took:?}");
        }
    }
}
