//! The model and the application state stay apart from the terminal, the file system and the
//! clock: a test, so that the rooms stay apart as the code grows.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn model_and_app_touch_no_terminal_files_or_clock() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for room in ["model", "app"] {
        rust_files(&src.join(room), &mut files);
        let module = src.join(format!("{room}.rs"));
        if module.exists() {
            files.push(module);
        }
    }
    assert!(files.len() > 3, "found the model's files");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for forbidden in [
            "ratatui",
            "crossterm",
            "std::fs",
            "std::io::stdin",
            "Instant::now",
            "SystemTime",
            "std::process",
        ] {
            assert!(
                !text.contains(forbidden),
                "{} mentions {forbidden}",
                file.display()
            );
        }
    }
}

#[test]
fn the_readme_lists_every_key() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    for binding in dossier::keymap::BINDINGS {
        assert!(
            readme.contains(binding.help),
            "README does not describe the key for {:?} ({})",
            binding.action,
            binding.help
        );
    }
}
