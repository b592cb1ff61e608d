//! Hostile and broken files, made by the test itself: each is reported and skipped or read
//! with a warning, the rest still loads, and nothing a terminal would act on reaches stdout.

use super::{dossier, json_lines, stderr, stdout};
use std::fs;
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    fs::write(dir.join(name), bytes).unwrap();
}

/// Nothing in `text` that a terminal would take as a command.
fn assert_terminal_safe(text: &str) {
    for (i, c) in text.char_indices() {
        let u = c as u32;
        let bad = (u < 0x20 && c != '\n')
            || (0x7f..=0x9f).contains(&u)
            || matches!(u, 0x202A..=0x202E | 0x2066..=0x2069);
        assert!(!bad, "control character U+{u:04X} at byte {i} in output");
    }
}

#[test]
fn hostile_files_are_reported_and_never_leak_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "good.md",
        b"---\ntitle: Good one\ndate: 2024-01-02\n---\nA fine body.\n",
    );
    write(d, "latin1.txt", b"Caf\xe9 headline\n\nCosts \xa3100.\n");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "UTF-16 headline\n\nBody.\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    write(d, "utf16.txt", &utf16);
    write(d, "binary.txt", b"PK\x03\x04\x00\x00\x00binary");
    write(d, "big.txt", &vec![b'a'; 1536 * 1024]);
    write(d, "escapes.txt", b"Title \x1b[31mred\x1b[0m\n\nBody \x1b]52;c;aGk=\x07 \xc2\x9b2J \xe2\x80\xae reversed \x1bP dcs \x1b_ apc \x1b^ pm \x1bX sos.\n");
    write(
        d,
        "yaml-escape.md",
        b"---\ntitle: \"bad \\e[2J \\u202E title\"\n---\nBody.\n",
    );
    write(
        d,
        "unclosed.md",
        b"---\ntitle: never closed\nBody without a closing fence.\n",
    );
    write(
        d,
        "malformed.md",
        b"---\ntitle: [unclosed\n: : :\n---\nKept body.\n",
    );
    write(
        d,
        "dupes.md",
        b"---\ntitle: one\ntitle: two\ndate: [1, 2]\n---\nBody.\n",
    );
    let laughs = "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n---\nLaughs body.\n";
    write(d, "laughs.md", laughs.as_bytes());
    write(
        d,
        "nested.md",
        format!(
            "---\nx: {}{}\n---\nNested body.\n",
            "[".repeat(50_000),
            "]".repeat(50_000)
        )
        .as_bytes(),
    );
    let records = format!(
        "{}\n\n{}\n{}\n{}\n{}\n{{\"headline\": \"Big\", \"text\": \"{}\"}}\n",
        r#"{"headline": "First record", "date": "2022-09-23", "link": "https://example.org/a", "text": "One.\n\nTwo."}"#,
        r#"{"headline": "Evil \u001b[2J title", "body": "Body \u001b]52;c;aGk=\u0007 \u202e end."}"#,
        r#"{"headline": "broken"#,
        r#"["an", "array"]"#,
        r#"{"headline": "No body", "category": "WORLD"}"#,
        "a".repeat(1536 * 1024)
    );
    write(d, "records.jsonl", records.as_bytes());
    write(d, "name\x1b[31m.txt", b"Evil name\n\nBody.\n");
    write(d, "notes.pdf", b"%PDF");
    let outside = tempfile::tempdir().unwrap();
    let unreadable = d.join("unreadable.txt");
    write(d, "unreadable.txt", b"Secret\n\nBody.\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::{PermissionsExt, symlink};
        fs::set_permissions(&unreadable, fs::Permissions::from_mode(0o000)).unwrap();
        write(outside.path(), "secret.txt", b"Outside\n\nBody.\n");
        symlink(outside.path().join("secret.txt"), d.join("outside.txt")).unwrap();
        fs::create_dir(d.join("loop")).unwrap();
        symlink(d, d.join("loop/back")).unwrap();
        let fifo = d.join("fifo.txt");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .map(|s| s.success())
            .unwrap_or(false);
        assert!(
            made || !Path::new("/usr/bin/mkfifo").exists(),
            "mkfifo failed"
        );
    }

    let o = dossier(&[
        "sources",
        "--json",
        "--max-file-size",
        "1M",
        d.to_str().unwrap(),
    ]);
    let out = stdout(&o);
    let err = stderr(&o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "partial success is success: {err}"
    );
    assert_terminal_safe(&out);
    assert_terminal_safe(&err);

    let rows = json_lines(&o);
    let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
    for expected in [
        "good",
        "latin1",
        "utf16",
        "escapes",
        "yaml-escape",
        "unclosed",
        "malformed",
        "dupes",
        "laughs",
        "nested",
    ] {
        assert!(
            ids.contains(&expected),
            "{expected} should load: {ids:?}\n{err}"
        );
    }
    assert!(
        ids.iter().any(|id| id.starts_with("name␛[31m")),
        "the file name is neutralised: {ids:?}"
    );
    assert!(
        !ids.contains(&"outside"),
        "symlinks out of the root are not followed"
    );

    let reason = |name: &str| {
        err.lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no report for {name}:\n{err}"))
            .to_string()
    };
    assert!(reason("binary.txt").contains("binary"));
    // A JSON Lines file: each record is a source; a bad record costs only its own line.
    assert!(reason("records.jsonl:4").contains("is not JSON"));
    assert!(reason("records.jsonl:5").contains("an array"));
    assert!(reason("records.jsonl:7").contains("size cap"));
    assert!(ids.contains(&"records/1") && ids.contains(&"records/3") && ids.contains(&"records/6"));
    assert!(reason("big.txt").contains("size cap"));
    assert!(reason("outside.txt").contains("outside the folder"));
    if Path::new(&d.join("fifo.txt")).exists() {
        assert!(reason("fifo.txt").contains("not a regular file"));
    }
    assert!(
        !err.contains("notes.pdf"),
        "other extensions are only counted"
    );
    assert!(err.contains("ignored 1 files"), "{err}");

    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(row("latin1")["title"], "Café headline");
    assert!(
        row("latin1")["warnings"][0]
            .as_str()
            .unwrap()
            .contains("Windows-1252")
    );
    assert_eq!(row("utf16")["title"], "UTF-16 headline");
    assert!(
        row("unclosed")["warnings"][0]
            .as_str()
            .unwrap()
            .contains("no closing")
    );
    assert!(
        row("malformed")["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not valid YAML")
    );
    let dupes = row("dupes")["warnings"].to_string();
    assert!(
        dupes.contains("repeats the key(s) title") && dupes.contains("not a date"),
        "{dupes}"
    );
    assert_eq!(row("dupes")["title"], "two");
    for bomb in ["laughs", "nested"] {
        assert!(
            !row(bomb)["warnings"].as_array().unwrap().is_empty(),
            "{bomb} was refused with a warning"
        );
        assert_eq!(row(bomb)["paragraphs"], 1, "{bomb} keeps its body");
    }
    assert!(row("escapes")["title"].as_str().unwrap().contains("␛[31m"));
    let first = row("records/1");
    assert_eq!(first["title"], "First record");
    assert_eq!(first["date"], "2022-09-23");
    assert_eq!(first["url"], "https://example.org/a");
    assert_eq!(first["paragraphs"], 2);
    assert!(row("records/3")["title"].as_str().unwrap().contains("␛[2J"));
    assert!(
        row("records/6")["warnings"][0]
            .as_str()
            .unwrap()
            .contains("no text")
    );
    let o = dossier(&["show", "records/3", d.to_str().unwrap()]);
    assert_terminal_safe(&stdout(&o));
    assert!(stdout(&o).contains("⟨U+202E⟩"), "{}", stdout(&o));

    // `show` prints the neutralised text too.
    let o = dossier(&["show", "escapes", d.to_str().unwrap()]);
    assert_terminal_safe(&stdout(&o));
    assert!(stdout(&o).contains("⟨U+202E⟩"));

    // Never written: the files are as they were.
    assert_eq!(
        fs::read(d.join("good.md")).unwrap(),
        b"---\ntitle: Good one\ndate: 2024-01-02\n---\nA fine body.\n"
    );
}

#[test]
fn unreadable_files_are_skipped_with_the_reason() {
    // Root reads everything, so only an ordinary user can see this skip.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "ok.txt", b"Fine\n\nBody.\n");
    write(d, "locked.txt", b"Locked\n\nBody.\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(d.join("locked.txt"), fs::Permissions::from_mode(0o000)).unwrap();
    }
    let o = dossier(&["sources", "--json", d.to_str().unwrap()]);
    assert!(o.status.success());
    let readable_anyway = fs::read(d.join("locked.txt")).is_ok();
    let ids: Vec<String> = json_lines(&o)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert!(ids.contains(&"ok".to_string()));
    if !readable_anyway {
        assert!(
            stderr(&o).contains("locked.txt: permission denied"),
            "{}",
            stderr(&o)
        );
    }
}
