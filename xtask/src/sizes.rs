//! Raw, gzip and brotli sizes of built files, as a table a person can read.

use std::io::Write;
use std::path::Path;

use crate::Result;

/// The sizes of one file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sizes {
    /// Bytes on disk.
    pub raw: usize,
    /// Bytes after `gzip -9`.
    pub gzip: usize,
    /// Bytes after brotli at quality 11.
    pub brotli: usize,
}

impl std::ops::Add for Sizes {
    type Output = Sizes;

    fn add(self, other: Sizes) -> Sizes {
        Sizes {
            raw: self.raw + other.raw,
            gzip: self.gzip + other.gzip,
            brotli: self.brotli + other.brotli,
        }
    }
}

/// Measures `bytes` raw and compressed the way a CDN would serve them.
pub fn measure(bytes: &[u8]) -> Sizes {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes).expect("writing to memory");
    let gzip = gzip.finish().expect("writing to memory").len();

    let mut brotli = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut brotli, 4096, 11, 22);
        writer.write_all(bytes).expect("writing to memory");
    }
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: brotli.len(),
    }
}

/// Measures the file at `path`.
pub fn measure_file(path: &Path) -> Result<Sizes> {
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    Ok(measure(&bytes))
}

/// Formats a byte count in KB (1000 bytes) with one decimal.
pub fn kb(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

/// One table row: a name and its three sizes.
pub fn row(name: &str, sizes: Sizes) -> String {
    format!(
        "{name:<36} {:>10} {:>10} {:>10}",
        kb(sizes.raw),
        kb(sizes.gzip),
        kb(sizes.brotli)
    )
}

/// The table's header row.
pub fn header() -> String {
    format!(
        "{:<36} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compressed_sizes_are_smaller_for_repetitive_input() {
        let sizes = measure(&b"kindred ".repeat(1000));
        assert_eq!(sizes.raw, 8000);
        assert!(sizes.gzip < 200, "{sizes:?}");
        assert!(sizes.brotli < sizes.gzip, "{sizes:?}");
    }

    #[test]
    fn sizes_add_up() {
        let a = Sizes {
            raw: 1,
            gzip: 2,
            brotli: 3,
        };
        assert_eq!(
            a + a,
            Sizes {
                raw: 2,
                gzip: 4,
                brotli: 6
            }
        );
    }
}
