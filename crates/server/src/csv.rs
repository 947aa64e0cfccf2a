//! CSV for spreadsheets: RFC 4180 quoting, with a defence against formula injection.
//!
//! Exports (a board's ideas, later form submissions) carry text visitors wrote. A spreadsheet
//! runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula, so
//! such a cell gets a leading `'`, which spreadsheets read as "text". Cells holding a comma,
//! a quote or a line break are quoted, quotes doubled; rows end in CRLF.

/// The media type of an export.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// A CSV document being written row by row.
#[derive(Clone, Debug, Default)]
pub struct Csv(String);

impl Csv {
    /// An empty document.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one row of `cells`.
    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) {
        for (i, cell) in cells.into_iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            self.cell(cell);
        }
        self.0.push_str("\r\n");
    }

    fn cell(&mut self, cell: &str) {
        let defused = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let quoted = cell.contains([',', '"', '\r', '\n']);
        if quoted {
            self.0.push('"');
        }
        if defused {
            self.0.push('\'');
        }
        self.0.push_str(&cell.replace('"', "\"\""));
        if quoted {
            self.0.push('"');
        }
    }

    /// The document's text.
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut csv = Csv::new();
        csv.row(cells.iter().copied());
        csv.into_string()
    }

    #[test]
    fn plain_cells_stay_bare() {
        assert_eq!(line(&["1", "Wider toe box", ""]), "1,Wider toe box,\r\n");
    }

    #[test]
    fn special_characters_are_quoted() {
        assert_eq!(
            line(&["a,b", "say \"hi\"", "two\nlines"]),
            "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n"
        );
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            line(&["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)", "\tx", "a=b"]),
            "\"'=HYPERLINK(\"\"x\"\")\",'+1,'-2,'@SUM(A1),'\tx,a=b\r\n"
        );
        assert_eq!(line(&["\rcmd"]), "\"'\rcmd\"\r\n");
    }
}
