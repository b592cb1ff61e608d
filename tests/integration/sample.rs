//! The bundled sample corpus: every title, date (kind and evidence), outlet and the furniture.

use dossier::load::load_bundled;
use dossier::model::date::{DateKind, Precision};
use dossier::model::{Furniture, ParagraphKind, Source};

fn source(prefix: &str) -> Source {
    let corpus = load_bundled();
    let i = corpus.resolve(prefix).expect("a sample source");
    corpus.sources[i].clone()
}

fn furniture(s: &Source) -> Vec<(Furniture, String)> {
    s.paragraphs_with_text()
        .filter_map(|(p, t)| match p.kind {
            ParagraphKind::Furniture(f) => Some((f, t.to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn titles() {
    assert_eq!(
        source("000").title.as_deref(),
        Some("Security cooperation in challenging world")
    );
    assert_eq!(
        source("001").title.as_deref(),
        Some("Winston Peters leaves NATO meeting – with a warning")
    );
    assert_eq!(
        source("002").title.as_deref(),
        Some("New Zealand’s Partnership With N.A.T.O. Will Be Finalized Within Months")
    );
    let fragment = source("003");
    assert_eq!(fragment.title, None, "no title is invented for a fragment");
    let (shown, untitled) = fragment.display_title(40);
    assert!(untitled);
    assert!(
        shown.starts_with("NZ has a long-standing partnership"),
        "{shown}"
    );
    assert_eq!(
        source("004").title.as_deref(),
        Some("Relations with New Zealand")
    );
}

#[test]
fn stated_dates_with_kind_precision_and_evidence() {
    let d = source("000").date.expect("000 is dated");
    assert_eq!(d.stamp.to_string(), "2024-04-04");
    assert_eq!(
        (d.kind, d.stamp.precision()),
        (DateKind::Published, Precision::Day)
    );
    assert_eq!(d.evidence, "date: 2024-04-04");

    let d = source("004").date.expect("004 is dated");
    assert_eq!(d.stamp.to_string(), "2024-07-05T16:18");
    assert_eq!(
        (d.kind, d.stamp.precision()),
        (DateKind::Updated, Precision::Minute)
    );
    assert_eq!(d.evidence, "Last updated: 05 Jul. 2024 16:18");

    for undated in ["001", "002", "003"] {
        assert_eq!(source(undated).date, None, "{undated} states no date");
    }
}

#[test]
fn outlets_urls_and_people() {
    let s = source("000");
    assert_eq!(s.outlet.as_deref(), Some("beehive.govt.nz"));
    assert_eq!(
        s.url.as_deref(),
        Some("https://www.beehive.govt.nz/release/security-cooperation-challenging-world")
    );
    assert_eq!(s.people.len(), 1);
    assert_eq!(s.people[0].name, "Winston Peters");
    assert_eq!(s.metadata["portfolios"][0], "Foreign Affairs");
    assert_eq!(source("001").outlet.as_deref(), Some("1News"));
    assert_eq!(source("002").outlet, None);
}

#[test]
fn furniture_is_marked_and_kept() {
    let f = furniture(&source("001"));
    let kinds: Vec<Furniture> = f.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        kinds,
        vec![
            Furniture::TitleRepeat,
            Furniture::Caption,
            Furniture::Caption,
            Furniture::Caption,
            Furniture::Caption,
            Furniture::Navigation,
            Furniture::Navigation,
        ]
    );
    assert!(f[1].1.ends_with("(Source: 1News)"));
    assert_eq!(f[3].1, "Foreign Minister Winston Peters.");
    assert_eq!(f[5].1, "SHARE ME");
    assert_eq!(f[6].1, "More Stories");

    let f = furniture(&source("002"));
    assert_eq!(
        f.last().map(|(k, t)| (*k, t.as_str())),
        Some((Furniture::Navigation, "Related"))
    );

    let f = furniture(&source("004"));
    assert!(f.contains(&(
        Furniture::Byline,
        "Last updated: 05 Jul. 2024 16:18".to_string()
    )));
    assert!(f.contains(&(
        Furniture::Image,
        "NATO + New Zealand flag on black".to_string()
    )));

    // 000 and 003 are all content.
    assert!(furniture(&source("000")).is_empty());
    assert!(furniture(&source("003")).is_empty());
}

#[test]
fn paragraphs_keep_their_original_lines_and_headings() {
    let s = source("000");
    let lines: Vec<u32> = s.paragraphs.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![11, 13, 15, 17, 19, 21, 23, 25, 27]);
    let s = source("003");
    let headings: Vec<&str> = s
        .paragraphs_with_text()
        .filter(|(p, _)| matches!(p.kind, ParagraphKind::Heading(_)))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        headings,
        vec![
            "Australia and New Zealand Deepening Engagement with NATO",
            "New Zealand NATO Deepening Alliance A Natural Fit"
        ]
    );
    let s = source("004");
    let list_items = s
        .paragraphs
        .iter()
        .filter(|p| p.kind == ParagraphKind::ListItem)
        .count();
    assert_eq!(list_items, 13, "the bullet `• Last updated` is a byline");
}

#[test]
fn the_nineteen_quotations_of_the_sample_with_their_speakers() {
    use dossier::model::quotes::QuoteKind;
    let mut corpus = load_bundled();
    corpus.find_quotes();
    let mut rows = Vec::new();
    for s in &corpus.sources {
        for q in &s.quotes {
            rows.push((
                s.id[..3].to_string(),
                q.kind,
                q.speaker.clone().unwrap_or_default(),
                q.text(s).into_owned(),
            ));
        }
    }
    let direct = rows.iter().filter(|r| r.1 == QuoteKind::Direct).count();
    let partial = rows.iter().filter(|r| r.1 == QuoteKind::Partial).count();
    assert_eq!((rows.len(), direct, partial), (19, 15, 4), "{rows:#?}");
    let mut speakers: Vec<&str> = rows.iter().map(|r| r.2.as_str()).collect();
    speakers.sort();
    speakers.dedup();
    assert_eq!(
        speakers,
        vec!["Diella", "Mahuta", "Robert Patman", "Winston Peters"]
    );
    let partials: Vec<&str> = rows
        .iter()
        .filter(|r| r.1 == QuoteKind::Partial)
        .map(|r| r.3.as_str())
        .collect();
    assert_eq!(
        partials,
        vec![
            "worsening strategic environment",
            "coming months.",
            "logical fit.",
            "with middle powers and small powers exercising more influence."
        ]
    );
    // The programme name in 001 is not a quotation.
    assert!(
        !rows
            .iter()
            .any(|r| r.3.contains("Individually Tailored Partnership Programme") && r.3.len() < 60)
    );
    // 000's three-paragraph quote is one quotation, joined with single spaces.
    let long = rows
        .iter()
        .find(|r| r.3.starts_with("NATO is the world’s largest"))
        .unwrap();
    assert!(
        long.3
            .contains("must be enhanced. New Zealand is committed")
            && long.3.ends_with("areas of cooperation,")
    );
    // 002 quotes a fragment of 000: linked both ways, 000 the earliest.
    let i000 = corpus.resolve("000").unwrap();
    let i002 = corpus.resolve("002").unwrap();
    let fragment = corpus.sources[i002]
        .quotes
        .iter()
        .find(|q| {
            q.text(&corpus.sources[i002])
                .starts_with("New Zealand must be prepared")
        })
        .unwrap();
    assert_eq!(fragment.also_in, vec![i000]);
    assert_eq!(corpus.earliest(i002, &fragment.also_in), Some(i000));
}
