//! [`Pattern`]: a `pattern` check that scans bytes for the common anchored shape
//! (`^[a-f0-9]{32}$`, `^[A-Z][A-Z0-9_]{2,63}$`) and uses the regex crate for the rest.

use regex::Regex;
use regex_syntax::hir::{Class, HirKind, Literal, Look};

/// A compiled `pattern`: a byte scanner when the regex is a run of ASCII character classes
/// anchored at both ends, each repeated class disjoint from every class after it (so a greedy
/// scan is exact), else the regex itself.
///
/// ```
/// use contractc_runtime::check::Pattern;
/// let hex = Pattern::new("^[a-f0-9]{32}$").unwrap();
/// assert!(hex.is_match("0123456789abcdef0123456789abcdef"));
/// assert!(!hex.is_match("0123456789ABCDEF0123456789abcdef"));
/// let word = Pattern::new(r"^\w+$").unwrap(); // not a scanner shape: the regex decides
/// assert!(word.is_match("héllo"));
/// ```
#[derive(Debug)]
pub struct Pattern {
    source: String,
    how: How,
}

#[derive(Debug)]
enum How {
    Scan(Vec<Run>),
    Regex(Regex),
}

/// One class repeated `min..=max` times.
#[derive(Debug, Clone, Copy)]
struct Run {
    set: u128,
    min: usize,
    max: usize,
    /// `set` as a byte table (a non-ASCII byte is never a member).
    table: [bool; 256],
}

impl Pattern {
    /// Compiles `source` (regex crate syntax).
    pub fn new(source: &str) -> Result<Self, regex::Error> {
        let how = match scanner(source) {
            Some(runs) => How::Scan(runs),
            None => How::Regex(Regex::new(source)?),
        };
        Ok(Pattern {
            source: source.to_owned(),
            how,
        })
    }

    /// Whether `s` matches, as `Regex::is_match` of the same source says.
    #[inline]
    pub fn is_match(&self, s: &str) -> bool {
        match &self.how {
            How::Regex(re) => re.is_match(s),
            How::Scan(runs) => scan(runs, s.as_bytes()),
        }
    }

    /// The source the pattern was compiled from.
    pub fn as_str(&self) -> &str {
        &self.source
    }
}

/// Greedy match of every run, then the end of the text.
fn scan(runs: &[Run], bytes: &[u8]) -> bool {
    let mut pos = 0;
    for run in runs {
        let rest = &bytes[pos..];
        let limit = rest.len().min(run.max);
        let taken = members(&run.table, &rest[..limit]);
        if taken < run.min {
            return false;
        }
        pos += taken;
    }
    pos == bytes.len()
}

/// How many leading bytes of `bytes` are in `table`: eight at a time without branching,
/// then one at a time in the first chunk that breaks the run.
fn members(table: &[bool; 256], bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        if !chunk
            .iter()
            .fold(true, |all, &b| all & table[usize::from(b)])
        {
            break;
        }
        n += 8;
    }
    let tail = &bytes[n..];
    n + tail
        .iter()
        .position(|&b| !table[usize::from(b)])
        .unwrap_or(tail.len())
}

/// The runs of `^(class quantifier?)*$`, when every class is ASCII and the greedy scan is
/// exact; `None` for anything else. The shape is read from `regex-syntax`'s `Hir`, the
/// regex crate's own reading of `source`, so the scanner cannot see another pattern than
/// the regex would.
fn scanner(source: &str) -> Option<Vec<Run>> {
    let hir = regex_syntax::Parser::new().parse(source).ok()?;
    let HirKind::Concat(items) = hir.kind() else {
        return None;
    };
    if items.len() < 2 {
        return None;
    }
    let (HirKind::Look(Look::Start), HirKind::Look(Look::End)) =
        (items.first()?.kind(), items.last()?.kind())
    else {
        return None;
    };
    let mut runs = Vec::new();
    for item in &items[1..items.len() - 1] {
        match item.kind() {
            HirKind::Literal(Literal(bytes)) => {
                for &b in bytes.iter() {
                    runs.push(Run::new(byte_bit(b)?, 1, 1));
                }
            }
            HirKind::Class(class) => runs.push(Run::new(class_set(class)?, 1, 1)),
            HirKind::Repetition(rep) if rep.greedy => {
                let set = match rep.sub.kind() {
                    HirKind::Class(class) => class_set(class)?,
                    HirKind::Literal(Literal(bytes)) if bytes.len() == 1 => byte_bit(bytes[0])?,
                    _ => return None,
                };
                let max = rep.max.map_or(usize::MAX, |m| m as usize);
                runs.push(Run::new(set, rep.min as usize, max));
            }
            _ => return None,
        }
    }
    // A run of variable length must not be able to give its next character to a later
    // run: the runs up to the first that cannot be empty (which must take that character).
    for (k, run) in runs.iter().enumerate() {
        let mut next = 0;
        for later in &runs[k + 1..] {
            next |= later.set;
            if later.min > 0 {
                break;
            }
        }
        if run.min != run.max && run.set & next != 0 {
            return None;
        }
    }
    Some(runs)
}

impl Run {
    fn new(set: u128, min: usize, max: usize) -> Run {
        let table = std::array::from_fn(|b| b < 128 && set & (1 << b) != 0);
        Run {
            set,
            min,
            max,
            table,
        }
    }
}

/// The members of a class, when all are ASCII.
fn class_set(class: &Class) -> Option<u128> {
    let ranges: Vec<(u32, u32)> = match class {
        Class::Unicode(c) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
        Class::Bytes(c) => c
            .ranges()
            .iter()
            .map(|r| (u32::from(r.start()), u32::from(r.end())))
            .collect(),
    };
    ranges.into_iter().try_fold(0u128, |set, (lo, hi)| {
        (hi < 128).then(|| (lo..=hi).fold(set, |set, b| set | 1 << b))
    })
}

/// The bit of an ASCII byte.
fn byte_bit(b: u8) -> Option<u128> {
    b.is_ascii().then(|| 1u128 << b)
}

#[cfg(test)]
mod tests;
