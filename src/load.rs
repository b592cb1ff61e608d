//! The only code that touches the file system: walk folders, read files, decode and sanitise
//! them, and hand the text to the model. Files are opened read-only; nothing is ever written,
//! renamed or locked.

pub mod decode;

use rayon::prelude::*;
use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::ingest::{self, Document, Format};
use crate::model::sanitize::sanitize;
use crate::model::{Corpus, Skipped, Source};
use decode::Decoded;

/// Extensions read when walking folders.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "jsonl", "ndjson"];

/// Extensions of JSON Lines files: one source per line.
const RECORD_EXTENSIONS: &[&str] = &["jsonl", "ndjson"];

/// Files larger than this are skipped unless the user raises the cap.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_size: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// The sample corpus, compiled into the binary.
const BUNDLED: &[(&str, &str)] = &[
    (
        "000_c913cf1023a538cf.txt",
        include_str!("../assets/000_c913cf1023a538cf.txt"),
    ),
    (
        "001_508e187d9efd2fdc.txt",
        include_str!("../assets/001_508e187d9efd2fdc.txt"),
    ),
    (
        "002_f514365add965c11.txt",
        include_str!("../assets/002_f514365add965c11.txt"),
    ),
    (
        "003_57aad015201fb72d.txt",
        include_str!("../assets/003_57aad015201fb72d.txt"),
    ),
    (
        "004_62a5ab54de7c5f0b.txt",
        include_str!("../assets/004_62a5ab54de7c5f0b.txt"),
    ),
];

/// Open the bundled sample corpus (New Zealand and NATO, 2023-2024).
pub fn load_bundled() -> Corpus {
    let sources = BUNDLED
        .iter()
        .map(|(name, text)| {
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            let text = sanitize(text);
            ingest::ingest(Document {
                id: stem.to_string(),
                path: format!("<sample>/{name}"),
                text: &text,
                format: Format::from_extension(ext),
                warnings: vec![],
            })
        })
        .collect();
    Corpus::new(sources, vec![], 0)
}

/// A file found by the walk, with the id it will get.
#[derive(Debug)]
struct Found {
    path: PathBuf,
    id: String,
}

/// Open the given files and folders (folders recursively). Problems with single files are
/// collected in `Corpus::skipped`; they never stop the rest from loading.
pub fn load_paths(paths: &[PathBuf], options: &LoadOptions) -> Corpus {
    let mut found = Vec::new();
    let mut skipped = Vec::new();
    let mut ignored = 0;
    for path in paths {
        walk_input(path, &mut found, &mut skipped, &mut ignored);
    }
    let results: Vec<Result<Source, Skipped>> = found
        .par_iter()
        .flat_map_iter(|f| read_sources(f, options))
        .collect();
    let mut sources = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(source) => sources.push(source),
            Err(skip) => skipped.push(skip),
        }
    }
    Corpus::new(sources, skipped, ignored)
}

/// Sanitised, displayable form of a path.
pub fn display_path(path: &Path) -> String {
    sanitize(&path.to_string_lossy()).into_owned()
}

fn skip(path: &Path, reason: impl Into<String>) -> Skipped {
    Skipped {
        path: display_path(path),
        reason: reason.into(),
    }
}

fn walk_input(
    path: &Path,
    found: &mut Vec<Found>,
    skipped: &mut Vec<Skipped>,
    ignored: &mut usize,
) {
    // A path given by the user is followed even when it is a symlink: they named it.
    let meta = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            skipped.push(skip(path, io_reason(&e)));
            return;
        }
    };
    if meta.is_dir() {
        let root = match fs::canonicalize(path) {
            Ok(r) => r,
            Err(e) => {
                skipped.push(skip(path, io_reason(&e)));
                return;
            }
        };
        let mut visited = HashSet::new();
        let mut files = Vec::new();
        let root_ref = Root {
            given: path,
            canonical: &root,
        };
        walk_dir(
            path,
            &root,
            &root_ref,
            &mut visited,
            &mut files,
            skipped,
            ignored,
        );
        files.sort();
        found.extend(files.into_iter().map(|(rel, path)| Found { id: rel, path }));
    } else if meta.is_file() {
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy())
            .unwrap_or_default();
        found.push(Found {
            path: path.to_path_buf(),
            id: sanitize(&stem).into_owned(),
        });
    } else {
        skipped.push(skip(
            path,
            "not a regular file (a FIFO, socket or device); not opened",
        ));
    }
}

/// The folder a walk started from: as the user gave it (ids are relative to it) and canonical
/// (symlinks are followed only when they stay inside it).
struct Root<'a> {
    given: &'a Path,
    canonical: &'a Path,
}

/// Walk `dir`, whose canonical form is `canonical`. Every directory is entered once, so
/// symlink loops end.
fn walk_dir(
    dir: &Path,
    canonical: &Path,
    root: &Root<'_>,
    visited: &mut HashSet<PathBuf>,
    files: &mut Vec<(String, PathBuf)>,
    skipped: &mut Vec<Skipped>,
    ignored: &mut usize,
) {
    if !visited.insert(canonical.to_path_buf()) {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(skip(dir, io_reason(&e)));
            return;
        }
    };
    for entry in entries {
        let Ok(entry) = entry else { continue };
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(file_type) = entry.file_type() else {
            skipped.push(skip(&path, "cannot read its file type"));
            continue;
        };
        let (target_canonical, is_dir, is_file) = if file_type.is_symlink() {
            match fs::canonicalize(&path) {
                Ok(target) if target.starts_with(root.canonical) => {
                    let meta = fs::metadata(&target);
                    let is_dir = meta.as_ref().is_ok_and(|m| m.is_dir());
                    let is_file = meta.as_ref().is_ok_and(|m| m.is_file());
                    (target, is_dir, is_file)
                }
                Ok(_) => {
                    if has_text_extension(&path) {
                        skipped.push(skip(
                            &path,
                            "symlink points outside the folder; not followed",
                        ));
                    }
                    continue;
                }
                Err(e) => {
                    skipped.push(skip(&path, format!("broken symlink ({})", io_reason(&e))));
                    continue;
                }
            }
        } else {
            (
                canonical.join(entry.file_name()),
                file_type.is_dir(),
                file_type.is_file(),
            )
        };
        if is_dir {
            walk_dir(
                &path,
                &target_canonical,
                root,
                visited,
                files,
                skipped,
                ignored,
            );
        } else if !has_text_extension(&path) {
            *ignored += 1;
        } else if is_file {
            let rel = path.strip_prefix(root.given).unwrap_or(&path);
            files.push((id_from_relative(rel), path.clone()));
        } else {
            skipped.push(skip(
                &path,
                "not a regular file (a FIFO, socket or device); not opened",
            ));
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

fn has_text_extension(path: &Path) -> bool {
    has_extension(path, EXTENSIONS)
}

/// `dir/sub/file.md` → `dir/sub/file`, with `/` separators, sanitised.
fn id_from_relative(rel: &Path) -> String {
    let no_ext = rel.with_extension("");
    let parts: Vec<String> = no_ext
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    sanitize(&parts.join("/")).into_owned()
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => sanitize(&e.to_string()).into_owned(),
    }
}

fn open_read_only(path: &Path) -> std::io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: should a FIFO be swapped in after the walk, opening it must not hang.
        #[cfg(target_os = "linux")]
        options.custom_flags(0o4000);
    }
    options.open(path)
}

/// The sources of one file: one, or one per record of a JSON Lines file; a file or record
/// that cannot be read is skipped and named.
fn read_sources(found: &Found, options: &LoadOptions) -> Vec<Result<Source, Skipped>> {
    let path = &found.path;
    let records = has_extension(path, RECORD_EXTENSIONS);
    // A records file holds a whole corpus: the size cap applies to each record instead.
    let cap = (!records).then_some(options.max_file_size);
    let text = match read_text(path, cap) {
        Ok(text) => text,
        Err(skip) => return vec![Err(skip)],
    };
    if records {
        return read_records(found, &text.text, options.max_file_size);
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let document = Document {
        id: found.id.clone(),
        path: display_path(path),
        text: &text.text,
        format: Format::from_extension(ext),
        warnings: text.warning.into_iter().collect(),
    };
    vec![guarded(path, || ingest::ingest(document))]
}

/// A bug in a rule must cost one file (or record), not the corpus: it is skipped and named.
fn guarded(
    path: &Path,
    ingest: impl FnOnce() -> Source + std::panic::UnwindSafe,
) -> Result<Source, Skipped> {
    std::panic::catch_unwind(ingest).map_err(|_| {
        skip(
            path,
            "dossier failed on this file (a bug: please report it with the file)",
        )
    })
}

/// Each record of a JSON Lines file becomes a source with the id `FILE-ID/LINE`.
fn read_records(found: &Found, text: &str, cap: u64) -> Vec<Result<Source, Skipped>> {
    let path_shown = display_path(&found.path);
    let at_line = |line: u32| PathBuf::from(format!("{}:{line}", found.path.display()));
    let lines: Vec<(u32, &str)> = (1u32..)
        .zip(text.lines())
        .filter(|(_, l)| !l.trim().is_empty())
        .collect();
    if lines.is_empty() {
        return vec![Err(skip(
            &found.path,
            "holds no records (every line is blank)",
        ))];
    }
    lines
        .into_par_iter()
        .map(|(line, record)| {
            if record.len() as u64 > cap {
                return Err(skip(
                    &at_line(line),
                    format!(
                        "the record's {} is over the size cap of {} (--max-file-size)",
                        human_size(record.len() as u64),
                        human_size(cap)
                    ),
                ));
            }
            let fields = ingest::parse_record(record).map_err(|why| skip(&at_line(line), why))?;
            let id = format!("{}/{line}", found.id);
            let path = path_shown.clone();
            guarded(&at_line(line), move || {
                ingest::ingest_record(id, path, line, fields)
            })
        })
        .collect()
}

/// A file's bytes decoded and sanitised, or why it was skipped. `cap`: its size limit, if any.
fn read_text(path: &Path, cap: Option<u64>) -> Result<Decoded, Skipped> {
    let file = open_read_only(path).map_err(|e| skip(path, io_reason(&e)))?;
    let meta = file.metadata().map_err(|e| skip(path, io_reason(&e)))?;
    if !meta.is_file() {
        return Err(skip(
            path,
            "not a regular file (a FIFO, socket or device); not opened",
        ));
    }
    let limit = cap.unwrap_or(u64::MAX);
    if meta.len() > limit {
        return Err(skip(
            path,
            format!(
                "{} is over the size cap of {} (--max-file-size)",
                human_size(meta.len()),
                human_size(limit)
            ),
        ));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| skip(path, io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(skip(
            path,
            format!(
                "grew over the size cap of {} while being read",
                human_size(limit)
            ),
        ));
    }
    let decoded =
        decode::decode(&bytes).map_err(|_| skip(path, "binary file (contains NUL bytes)"))?;
    Ok(Decoded {
        text: sanitize(&decoded.text).into_owned(),
        warning: decoded.warning,
    })
}

/// `1536` → `1.5 KiB`.
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KiB", "MiB", "GiB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}

/// Parse a size such as `16M`, `512k`, `2G` or `1000`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let t = text.trim();
    let (digits, mult) = match t.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => {
            let unit = t[i..].trim().to_ascii_lowercase();
            let mult: u64 = match unit.trim_end_matches("ib").trim_end_matches('b') {
                "" => 1,
                "k" => 1 << 10,
                "m" => 1 << 20,
                "g" => 1 << 30,
                _ => return Err(format!("unknown size unit in `{text}` (use K, M or G)")),
            };
            (&t[..i], mult)
        }
        None => (t, 1),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size"))?;
    n.checked_mul(mult)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_size("16M"), Ok(16 << 20));
        assert_eq!(parse_size("512k"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("2GiB"), Ok(2 << 30));
        assert!(parse_size("lots").is_err());
        assert_eq!(human_size(1536), "1.5 KiB");
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(id_from_relative(Path::new("a/b/c.md")), "a/b/c");
        assert_eq!(id_from_relative(Path::new("x.y.txt")), "x.y");
    }

    #[test]
    fn the_bundled_corpus_has_five_sources() {
        let c = load_bundled();
        let ids: Vec<_> = c.sources.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids[0], "000_c913cf1023a538cf");
        assert_eq!(ids.len(), 5);
    }
}
