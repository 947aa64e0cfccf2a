//! A small CSV writer for exports moderators open in spreadsheets.
//!
//! Rows follow RFC 4180: fields separated by commas, lines ending in CRLF, and a field holding
//! a comma, a quote or a line break wrapped in quotes with its quotes doubled. Visitors write
//! what ends up in these cells, and spreadsheets run a cell starting with `=`, `+`, `-` or `@`
//! (or a tab or carriage return before one) as a formula, so such a cell is prefixed with `'`,
//! which spreadsheets show as text.

use axum::http::header::{self, HeaderName};

/// The media type of what [`Writer`] produces.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// A CSV answer: `document` as a download named `file_name` (which callers build from slugs,
/// so it needs no escaping inside the quotes).
pub fn download(file_name: &str, document: String) -> ([(HeaderName, String); 2], String) {
    let disposition = format!("attachment; filename=\"{file_name}\"");
    (
        [
            (header::CONTENT_TYPE, CONTENT_TYPE.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        document,
    )
}

/// Builds a CSV document row by row.
#[derive(Clone, Debug, Default)]
pub struct Writer {
    out: String,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one row.
    pub fn row<I, S>(&mut self, cells: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        for (index, cell) in cells.into_iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            self.cell(cell.as_ref());
        }
        self.out.push_str("\r\n");
    }

    /// The document.
    pub fn finish(self) -> String {
        self.out
    }

    fn cell(&mut self, text: &str) {
        let defused = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quoted = defused || text.contains([',', '"', '\r', '\n']);
        if quoted {
            self.out.push('"');
        }
        if defused {
            self.out.push('\'');
        }
        self.out.push_str(&text.replace('"', "\"\""));
        if quoted {
            self.out.push('"');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Writer;

    fn line(cells: &[&str]) -> String {
        let mut csv = Writer::new();
        csv.row(cells);
        csv.finish()
    }

    #[test]
    fn plain_cells_stay_bare() {
        assert_eq!(line(&["id", "Größe 9.5", ""]), "id,Größe 9.5,\r\n");
    }

    #[test]
    fn separators_quotes_and_line_breaks_are_quoted() {
        assert_eq!(
            line(&["a,b", "say \"hi\"", "two\nlines"]),
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn formula_starts_are_defused() {
        assert_eq!(
            line(&["=1+1", "+1", "-2", "@SUM(A1)", "\t=x", "\r=x", "a=b"]),
            "\"'=1+1\",\"'+1\",\"'-2\",\"'@SUM(A1)\",\"'\t=x\",\"'\r=x\",a=b\r\n"
        );
    }
}
