//! Where renditions live: content-hashed JPEG files in `<data dir>/media/`, served at
//! `GET /v1/media/{file}`.
//!
//! A file's name is the hash of its bytes, so a name never changes meaning (it can be cached
//! forever) and a request can only name files of that exact shape: anything else, such as a
//! path with `..`, is not a name this directory holds. Files are written to a temporary name
//! and renamed into place, so a reader never sees half a file.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use kindred_api::{ImageSource, PostImage};

use crate::error::{Error, Result};
use crate::media::Rendition;

/// The URL path renditions are served under.
pub const URL_PREFIX: &str = "/v1/media/";

/// The media directory.
#[derive(Clone, Debug)]
pub struct Storage {
    dir: PathBuf,
}

/// Whether `name` has the shape of a stored rendition: 32 lowercase hex digits and `.jpg`.
pub fn is_file_name(name: &str) -> bool {
    name.strip_suffix(".jpg").is_some_and(|hash| {
        hash.len() == 32
            && hash
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    })
}

/// The URL a stored file is served at.
pub fn url(file: &str) -> String {
    format!("{URL_PREFIX}{file}")
}

/// A photo as the API shows it, from its stored renditions as `(width, height, file)`,
/// narrowest first; `None` without any.
pub fn post_image(renditions: &[(u32, u32, String)], color: String) -> Option<PostImage> {
    let (width, height, largest) = renditions.last()?;
    Some(PostImage {
        url: url(largest),
        width: *width,
        height: *height,
        srcset: renditions
            .iter()
            .map(|(width, _, file)| ImageSource {
                url: url(file),
                width: *width,
            })
            .collect(),
        color,
    })
}

impl Storage {
    /// Media kept in `dir`, created on the first write.
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    /// Stores `renditions`; a file already there (the same bytes) is kept.
    pub async fn save(&self, renditions: &[Rendition]) -> Result<()> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        tokio::fs::create_dir_all(&self.dir)
            .await
            .map_err(|e| io_error(&self.dir, &e))?;
        for rendition in renditions {
            let path = self.dir.join(&rendition.file);
            if tokio::fs::try_exists(&path).await.unwrap_or(false) {
                continue;
            }
            let temporary = self.dir.join(format!(
                ".{}.{}.{}.tmp",
                rendition.file,
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            tokio::fs::write(&temporary, &rendition.bytes)
                .await
                .map_err(|e| io_error(&temporary, &e))?;
            tokio::fs::rename(&temporary, &path)
                .await
                .map_err(|e| io_error(&path, &e))?;
        }
        Ok(())
    }

    /// The bytes of stored file `name`, or `None` when no such file is stored (including
    /// any name that is not a rendition's).
    pub async fn read(&self, name: &str) -> Result<Option<Vec<u8>>> {
        if !is_file_name(name) {
            return Ok(None);
        }
        let path = self.dir.join(name);
        match tokio::fs::read(&path).await {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error(&path, &error)),
        }
    }
}

fn io_error(path: &Path, error: &std::io::Error) -> Error {
    Error::Internal(format!("media file {}: {error}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hash_names_are_files() {
        assert!(is_file_name("0123456789abcdef0123456789abcdef.jpg"));
        for bad in [
            "",
            "x.jpg",
            "0123456789ABCDEF0123456789abcdef.jpg",
            "0123456789abcdef0123456789abcdef.png",
            "../0123456789abcdef0123456789abcd.jpg",
            "0123456789abcdef0123456789abcdef.jpg/..",
        ] {
            assert!(!is_file_name(bad), "{bad}");
        }
    }
}
