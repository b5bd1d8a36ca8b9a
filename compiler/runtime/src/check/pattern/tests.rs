//! The scanner against the regex crate: same verdict on every short string over an alphabet
//! that straddles each pattern's classes, for the catalog's patterns and tricky shapes.

use super::*;

const PATTERNS: &[&str] = &[
    r"^[a-f0-9]{32}$",
    r"^[0-9]+\.[0-9]+\.[0-9]+$",
    r"^[A-F][+-]?$",
    r"^[A-Z][A-Z0-9_]{2,63}$",
    r"^[a-z]+$",
    r"^[A-F]$",
    r"^$",
    r"^a*b?c{2}$",
    r"^[-a]{1,3}[b-]?$",
    r"^[a-c]{0,2}x[0-9]{1,}$",
    r"^ab-c$",
    r"^[\]\\a]+$",
    r"^[a-z]+[a-z]$",
    r"^[a-z]*[0-9]?[a-z]$",
    r"^\w+\d?$",
    r"^[A-Za-zÅÄÖåäöÉé'-]+$",
    r"^[^a]+$",
    r"^a+?$",
    r"^(ab)+$",
    r"^a|b$",
    r"^[a-z]",
    r"[a-z]+$",
    r"^.{2}$",
    r"^[a-z--b]$",
    r"^[0-9]+a?[0-9]$",
    r"^[A-Za-z0-9_]+[0-9]?$",
    r"^[0-9]+a[0-9]+$",
    r"^a?b*a$",
    r"^[ab]{1,2}c?[a]{2}$",
];

/// Every string of up to `len` characters over `alphabet`.
fn strings(alphabet: &[char], len: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut last = vec![String::new()];
    for _ in 0..len {
        last = last
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        all.extend(last.iter().cloned());
    }
    all
}

#[test]
fn scanner_agrees_with_the_regex_crate() {
    let alphabet = [
        'a', 'b', 'c', 'x', 'A', 'F', 'G', '0', '9', '_', '-', '+', '.', ']', '\\', 'é', '\n',
    ];
    let short = strings(&alphabet, 4);
    for source in PATTERNS {
        let pattern = Pattern::new(source).unwrap();
        let regex = Regex::new(source).unwrap();
        for s in &short {
            assert_eq!(pattern.is_match(s), regex.is_match(s), "{source} on {s:?}");
        }
        assert_eq!(pattern.as_str(), *source);
    }
}

#[test]
fn long_runs_respect_their_bounds() {
    let hex = Pattern::new(r"^[a-f0-9]{32}$").unwrap();
    let code = Pattern::new(r"^[A-Z][A-Z0-9_]{2,63}$").unwrap();
    let code_re = Regex::new(r"^[A-Z][A-Z0-9_]{2,63}$").unwrap();
    for n in 0..70 {
        let s = "a".repeat(n);
        assert_eq!(hex.is_match(&s), n == 32, "{n}");
        let c = format!("L{}", "X".repeat(n));
        assert_eq!(code.is_match(&c), code_re.is_match(&c), "{n}");
        let tail = format!("{c}\n");
        assert!(!code.is_match(&tail) && !code_re.is_match(&tail));
    }
}

#[test]
fn only_exact_shapes_scan() {
    let scans = |s: &str| matches!(Pattern::new(s).unwrap().how, How::Scan(_));
    assert!(scans(r"^[a-f0-9]{32}$"));
    assert!(scans(r"^[A-Z][A-Z0-9_]{2,63}$"));
    assert!(scans(r"^[0-9]+\.[0-9]+\.[0-9]+$"));
    // Read from the regex crate's own parse: a set difference is just another class.
    assert!(scans(r"^[a-z--b]{2}$"));
    assert!(scans(r"^ab-c$"));
    assert!(!scans(r"^[a-z]+[a-z]$"));
    assert!(!scans(r"^[A-Za-zÅÄÖåäöÉé'-]+$"));
    assert!(!scans(r"^\w+\d?$"));
    assert!(!scans(r"^[a-z]"));
    assert!(Pattern::new("^[a-").is_err());
}
