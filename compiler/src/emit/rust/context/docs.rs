//! Doc comment lines from `description` texts.
//!
//! Descriptions are prose written in YAML; a few Markdown shapes in them would trip the
//! default clippy doc lints of the generated crate (`tabs_in_doc_comments`,
//! `doc_lazy_continuation`, `doc_overindented_list_items`, `empty_docs`), so lines are
//! normalised here: tabs become spaces, trailing spaces go, and a line continuing a list
//! item is indented to the item's text.

/// The doc lines of a description, or `fallback` when there is none (or it is blank).
pub(crate) fn doc_lines(
    description: Option<&str>,
    fallback: impl FnOnce() -> String,
) -> Vec<String> {
    match description {
        Some(text) if !text.trim().is_empty() => normalize(text),
        _ => vec![fallback()],
    }
}

fn normalize(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Indentation of the text of the list item the current paragraph continues, if any.
    let mut item_indent: Option<usize> = None;
    for raw in text.trim_matches('\n').lines() {
        let line = raw.replace('\t', "    ");
        let line = line.trim_end();
        if line.is_empty() {
            item_indent = None;
            out.push(String::new());
            continue;
        }
        let stripped = line.trim_start();
        let indent = line.len() - stripped.len();
        if let Some(marker) = list_marker_len(stripped) {
            item_indent = Some(indent + marker);
            out.push(line.to_string());
        } else if let Some(width) = item_indent {
            out.push(format!("{}{stripped}", " ".repeat(width)));
        } else {
            out.push(line.to_string());
        }
    }
    out
}

/// Length of a Markdown list marker and its space at the start of `line` (`- `, `* `, `+ `,
/// `1. `, `2) `).
fn list_marker_len(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    if matches!(bytes, [b'-' | b'*' | b'+', b' ', ..]) {
        return Some(2);
    }
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    match bytes.get(digits..digits + 2) {
        Some([b'.' | b')', b' ']) if (1..=9).contains(&digits) => Some(digits + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_descriptions_use_the_fallback() {
        assert_eq!(doc_lines(None, || "x".into()), ["x"]);
        assert_eq!(doc_lines(Some("  \n "), || "x".into()), ["x"]);
    }

    #[test]
    fn lines_are_kept_and_cleaned() {
        assert_eq!(
            doc_lines(Some("First.\n\n\tSecond.  \n"), String::new),
            ["First.", "", "    Second."]
        );
    }

    #[test]
    fn list_continuations_are_indented_to_the_item_text() {
        assert_eq!(
            doc_lines(
                Some("Kinds:\n- one\nmore\n10. ten\n      over\n\nafter"),
                String::new
            ),
            [
                "Kinds:", "- one", "  more", "10. ten", "    over", "", "after"
            ]
        );
    }
}
