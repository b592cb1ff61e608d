//! The command line as scripts use it: JSON fields, exit codes, errors, pipes.

use super::{dossier, json_lines, stderr, stdout};
use std::io::Read;
use std::process::{Command, Stdio};

#[test]
fn sources_json_lists_the_sample_with_stable_fields() {
    let o = dossier(&["sources", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 5);
    for row in &rows {
        for field in [
            "id",
            "path",
            "title",
            "date",
            "date_kind",
            "date_precision",
            "date_evidence",
            "url",
            "outlet",
            "words",
            "paragraphs",
            "warnings",
        ] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
    }
    let by_id = |prefix: &str| {
        rows.iter()
            .find(|r| r["id"].as_str().unwrap().starts_with(prefix))
            .unwrap()
    };
    assert_eq!(by_id("000")["date"], "2024-04-04");
    assert_eq!(by_id("000")["date_kind"], "published");
    assert_eq!(by_id("004")["date"], "2024-07-05T16:18");
    assert_eq!(by_id("004")["date_kind"], "updated");
    assert_eq!(by_id("004")["date_precision"], "minute");
    assert_eq!(
        by_id("004")["date_evidence"],
        "Last updated: 05 Jul. 2024 16:18"
    );
    assert!(by_id("003")["title"].is_null());
    // Date order, the undated placed by their inferred dates.
    assert_eq!(rows[0]["id"], by_id("003")["id"]);
    assert_eq!(by_id("003")["date_kind"], "inferred");
    assert_eq!(rows[4]["id"], by_id("004")["id"]);
}

#[test]
fn timeline_places_the_undated_sources_with_evidence() {
    let o = dossier(&["timeline", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&o);
    let got: Vec<(String, String, String, String)> = rows
        .iter()
        .map(|r| {
            let s = |f: &str| r[f].as_str().unwrap_or("null").to_string();
            (
                s("source")[..3].to_string(),
                s("date"),
                s("date_kind"),
                s("date_precision"),
            )
        })
        .collect();
    let row = |id: &str, date: &str, kind: &str, precision: &str| {
        (
            id.to_string(),
            date.to_string(),
            kind.to_string(),
            precision.to_string(),
        )
    };
    assert_eq!(
        got,
        [
            row("003", "2023-04", "inferred", "month"),
            row("001", "2024-04", "inferred", "month"),
            row("002", "2024-04", "inferred", "month"),
            row("000", "2024-04-04", "published", "day"),
            row("004", "2024-07-05T16:18", "updated", "minute"),
        ]
    );
    let by_id = |prefix: &str| {
        rows.iter()
            .find(|r| r["source"].as_str().unwrap().starts_with(prefix))
            .unwrap()
    };
    let reasons = |prefix: &str| -> Vec<String> {
        by_id(prefix)["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| format!("{} {}: {}", e["bound"], e["date"], e["reason"]))
            .collect()
    };
    // 001: after the release it copies, before July's summit, at NATO's 75th anniversary.
    let r001 = reasons("001");
    assert!(
        r001.iter().any(|r| r
            .contains("\"not_before\" \"2024-04-04\": \"copies a passage of 000_c913cf1023a538cf")),
        "{r001:?}"
    );
    assert!(
        r001.iter()
            .any(|r| r.starts_with("\"not_after\" \"2024-07\"")),
        "{r001:?}"
    );
    assert!(
        r001.iter()
            .any(|r| r.contains("75th anniversary: NATO founded 1949-04-04")),
        "{r001:?}"
    );
    assert_eq!(by_id("001")["date_range"], "2024-04-04/2024-07-31");
    // 002: quotes 000's release.
    assert!(
        reasons("002")
            .iter()
            .any(|r| r.contains("copies a passage of 000_c913cf1023a538cf"))
    );
    // 003: 13 days after March 20-24 of the year one year on from the invasion of Ukraine.
    let r003 = reasons("003");
    assert!(
        r003.iter()
            .any(|r| r.contains("13 days after 2023-03-20/2023-03-24")),
        "{r003:?}"
    );
    for prefix in ["001", "002", "003"] {
        let c = by_id(prefix)["confidence"].as_f64().unwrap();
        assert!((0.5..1.0).contains(&c), "{prefix}: {c}");
    }
    assert_eq!(by_id("000")["confidence"], 1.0);
}

#[test]
fn timeline_events_tell_the_chronology_of_the_sample() {
    let o = dossier(&["timeline", "--events", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&o);
    let of = |prefix: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["source"].as_str().unwrap().starts_with(prefix))
            .map(|r| {
                format!(
                    "{} {}",
                    r["date"].as_str().unwrap(),
                    r["kind"].as_str().unwrap()
                )
            })
            .collect()
    };
    // In date order; every dated event of 004 and of 002, and nothing else.
    assert_eq!(
        of("004"),
        [
            "2001 since",
            "2012 point",
            "2014-12 point",
            "2015/2021 range",
            "2020-12 point",
            "2021 point",
            "2022 point",
            "2022 point",
            "2022 since",
            "2022-06 point",
            "2023-07 point",
        ]
    );
    assert_eq!(
        of("002"),
        ["2001 since", "2012 since", "2022-06 point", "2023-06 point"]
    );
    // 003's March 20-24 takes the year its inferred date gives; 001's July is still to come.
    assert_eq!(
        of("003"),
        ["2001/2021 range", "2023-03-20/2023-03-24 range"]
    );
    assert_eq!(of("001"), ["2024-07 point"]);
    let madrid = rows
        .iter()
        .find(|r| r["source"].as_str().unwrap().starts_with("004") && r["date"] == "2022-06")
        .unwrap();
    assert!(
        madrid["text"]
            .as_str()
            .unwrap()
            .starts_with("In June 2022, the Prime Minister")
    );
    assert_eq!(madrid["line"], 18);
    assert_eq!(madrid["precision"], "month");
    let dates: Vec<&str> = rows.iter().map(|r| r["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "in date order");
    // No number is taken for a date: 32 members, the 75th, 25 years, 13 days, 1News.
    for r in &rows {
        let text = r["text"].as_str().unwrap();
        assert!(!text.contains("32 member countries"), "{text}");
    }
}

#[test]
fn show_prints_paragraphs_with_original_lines() {
    let o = dossier(&["show", "000", "--json"]);
    assert!(o.status.success());
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 1, "one object");
    let s = &rows[0];
    assert_eq!(s["title"], "Security cooperation in challenging world");
    assert_eq!(s["metadata"]["portfolios"][0], "Foreign Affairs");
    let first = &s["paragraphs"][0];
    assert_eq!(first["line"], 11);
    assert_eq!(first["kind"], "text");
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .starts_with("New Zealand is committed")
    );

    let o = dossier(&["show", "001"]);
    let text = stdout(&o);
    assert!(text.contains("[navigation] SHARE ME"), "{text}");
    assert!(text.contains("outlet:   1News"));
}

#[test]
fn unknown_and_ambiguous_sources_are_usage_errors_with_candidates() {
    let o = dossier(&["show", "00"]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("matches 5 sources") && err.contains("004_62a5ab54de7c5f0b"),
        "{err}"
    );

    let o = dossier(&["show", "c913"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("000_c913cf1023a538cf"),
        "a near match is offered"
    );

    let o = dossier(&["show", "zzz"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no source matches `zzz`"));
}

#[test]
fn nothing_readable_and_bad_flags_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("image.png"), b"\x89PNG").unwrap();
    let o = dossier(&["sources", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("nothing readable"), "{}", stderr(&o));
    assert!(stderr(&o).contains("ignored 1 files"));

    let o = dossier(&["sources", "--no-such-flag"]);
    assert_eq!(o.status.code(), Some(2));
    let o = dossier(&["sources", "/no/such/folder"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no such file or folder"));
}

#[test]
fn every_subcommand_has_help() {
    for sub in [
        &["--help"][..],
        &["sources", "--help"],
        &["show", "--help"],
        &["quotes", "--help"],
        &["compare", "--help"],
        &["related", "--help"],
        &["timeline", "--help"],
    ] {
        let o = dossier(sub);
        assert!(o.status.success());
        assert!(stdout(&o).contains("Usage:"));
    }
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // Many sources, so that output outlasts the reader.
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        std::fs::write(
            dir.path().join(format!("{i:03}.txt")),
            format!("Headline {i}\n\nBody text {i}.\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["sources", "--json", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    out.read_exact(&mut first).unwrap();
    drop(out);
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "exit {status:?}: {err}");
    assert!(!err.contains("Broken pipe"), "{err}");
}

#[test]
fn quotes_json_lists_quotations_with_speakers_and_links() {
    let o = dossier(&["quotes", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let rows = json_lines(&o);
    assert_eq!(rows.len(), 19);
    for field in [
        "source",
        "path",
        "line",
        "paragraph",
        "text",
        "speaker",
        "cue",
        "kind",
        "confidence",
        "also_in",
        "earliest",
    ] {
        assert!(rows[0].get(field).is_some(), "{field} missing");
    }
    let fragment = rows
        .iter()
        .find(|r| r["text"] == "New Zealand must be prepared to do its part")
        .unwrap();
    assert_eq!(fragment["speaker"], "Winston Peters");
    assert_eq!(fragment["cue"], "according to");
    assert_eq!(fragment["kind"], "direct");
    assert_eq!(fragment["also_in"][0], "000_c913cf1023a538cf");
    assert_eq!(fragment["earliest"], "000_c913cf1023a538cf");
    let o = dossier(&["quotes", "--json", "--speaker", "patman"]);
    assert_eq!(json_lines(&o).len(), 5);
}

#[test]
fn compare_and_related_find_the_passages_the_sample_shares() {
    let passages = |a: &str, b: &str| json_lines(&dossier(&["compare", a, b, "--json"]));
    let strong = |rows: &[serde_json::Value]| -> Vec<String> {
        rows.iter()
            .filter(|r| r["tier"] != "phrase")
            .map(|r| r["a"]["text"].as_str().unwrap().to_string())
            .collect()
    };
    let rows = passages("000", "001");
    assert_eq!(rows[0]["tier"], "verbatim", "{rows:?}");
    assert!(
        rows[0]["a"]["text"]
            .as_str()
            .unwrap()
            .starts_with("While in Brussels, Mr Peters also had bilateral meetings")
    );
    assert!(
        rows[0]["b"]["text"]
            .as_str()
            .unwrap()
            .starts_with("While in Brussels, Peters also had")
    );
    assert!(
        rows[0]["b"]["text"]
            .as_str()
            .unwrap()
            .ends_with("the United Kingdom and the European Commission")
    );
    assert_eq!(rows[0]["a"]["line"], 23);
    assert_eq!(rows[0]["a"]["source"], "000_c913cf1023a538cf");

    let rows = passages("000", "002");
    assert!(strong(&rows).contains(&"New Zealand must be prepared to do its part".to_string()));

    let rows = passages("002", "004");
    let near = strong(&rows);
    assert!(
        near.iter().any(
            |t| t.starts_with("one of N.A.T.O.’s partners in the Indo-Pacific region")
                && t.ends_with("the Republic of Korea")
        ),
        "despite N.A.T.O. and `along with`: {near:?}"
    );
    for (a, b) in [("001", "003"), ("001", "004"), ("002", "003")] {
        assert!(
            strong(&passages(a, b)).is_empty(),
            "{a} and {b} share nothing strong"
        );
    }

    let related = json_lines(&dossier(&["related", "000", "--json"]));
    let ids: Vec<&str> = related
        .iter()
        .map(|r| r["related"].as_str().unwrap())
        .collect();
    assert_eq!(&ids[..2], ["001_508e187d9efd2fdc", "002_f514365add965c11"]);
    assert_eq!(related[0]["shared_tokens"], 26);
    assert_eq!(
        related[0]["earlier"],
        serde_json::Value::Null,
        "001 is undated"
    );
    let related = json_lines(&dossier(&["related", "002", "--json"]));
    assert_eq!(related[0]["related"], "004_62a5ab54de7c5f0b");
    assert_eq!(related[0]["tier"], "verbatim");
}

#[test]
fn find_ranks_like_fzf_filter_with_fields_and_positions() {
    let rows = json_lines(&dossier(&[
        "find",
        "prepared to do its part",
        "--in",
        "quotes",
        "--json",
    ]));
    assert_eq!(rows[0]["source"], "002_f514365add965c11");
    assert_eq!(rows[0]["scope"], "quotes");
    assert_eq!(rows[0]["line"], 5);
    let text = rows[0]["text"].as_str().unwrap();
    assert!(
        text.starts_with("New Zealand must be prepared to do its part"),
        "{text}"
    );
    let positions: Vec<usize> = rows[0]["positions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_u64().unwrap() as usize)
        .collect();
    let marked: String = text
        .chars()
        .enumerate()
        .filter(|(i, _)| positions.contains(i))
        .map(|(_, c)| c)
        .collect();
    assert_eq!(marked, "preparedtodoitspart");
    // Scores never rise down the list.
    let scores: Vec<i64> = rows.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Fields, negation and limits.
    let rows = json_lines(&dossier(&[
        "find",
        "speaker:patman !nato",
        "--in",
        "quotes",
        "--json",
    ]));
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .all(|r| r["text"].as_str().unwrap().ends_with("Robert Patman"))
    );
    assert!(
        rows.iter()
            .all(|r| !r["text"].as_str().unwrap().to_lowercase().contains("nato"))
    );
    let rows = json_lines(&dossier(&["find", "'madrid", "--in", "text", "--json"]));
    let sources: Vec<&str> = rows.iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["002_f514365add965c11", "004_62a5ab54de7c5f0b"]);
    let sentence = rows[0]["text"].as_str().unwrap();
    assert!(
        sentence.starts_with("The first participation of New Zealand in a N.A.T.O. summit"),
        "{sentence}"
    );
    let rows = json_lines(&dossier(&[
        "find", "madrid", "--in", "text", "--limit", "1", "--json",
    ]));
    assert_eq!(rows.len(), 1);
    let out = dossier(&["find", "nato", "--in", "nowhere"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an unknown scope is a usage error"
    );
}
