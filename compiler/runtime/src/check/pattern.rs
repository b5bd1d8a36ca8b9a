//! [`Pattern`]: a `pattern` check that scans bytes for the common anchored shape
//! (`^[a-f0-9]{32}$`, `^[A-Z][A-Z0-9_]{2,63}$`) and uses the regex crate for the rest.

use regex::Regex;

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
/// exact; `None` for anything else.
fn scanner(source: &str) -> Option<Vec<Run>> {
    let body = source.strip_prefix('^')?.strip_suffix('$')?;
    let chars: Vec<char> = body.chars().collect();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (set, next) = atom(&chars, i)?;
        let (min, max, next) = quantifier(&chars, next)?;
        let table = std::array::from_fn(|b| b < 128 && set & (1 << b) != 0);
        runs.push(Run {
            set,
            min,
            max,
            table,
        });
        i = next;
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

/// A class `[...]` or one literal character at `i`: its set and the index after it.
fn atom(chars: &[char], i: usize) -> Option<(u128, usize)> {
    match *chars.get(i)? {
        '[' => class(chars, i + 1),
        '\\' => Some((bit(punct(*chars.get(i + 1)?)?)?, i + 2)),
        c if c.is_ascii_alphanumeric() || "_-,:;'\"/@#%&=<>!~` ".contains(c) => {
            Some((bit(c)?, i + 1))
        }
        _ => None,
    }
}

/// The members of a class whose body starts at `i` (no negation, no escapes but punctuation).
fn class(chars: &[char], mut i: usize) -> Option<(u128, usize)> {
    let mut set = 0u128;
    let member = |chars: &[char], i: usize| -> Option<(char, usize)> {
        match *chars.get(i)? {
            '\\' => Some((punct(*chars.get(i + 1)?)?, i + 2)),
            '[' | '^' | '&' | '~' => None,
            c => Some((c, i + 1)),
        }
    };
    if chars.get(i) == Some(&']') {
        return None;
    }
    while *chars.get(i)? != ']' {
        if chars[i] == '-' && chars.get(i + 1) == Some(&'-') {
            return None; // `--` is set difference in the regex crate
        }
        let (lo, next) = member(chars, i)?;
        if chars.get(next) == Some(&'-') && chars.get(next + 1).is_some_and(|&c| c != ']') {
            let (hi, after) = member(chars, next + 1)?;
            if !lo.is_ascii() || !hi.is_ascii() || lo > hi {
                return None;
            }
            for c in lo..=hi {
                set |= bit(c)?;
            }
            i = after;
        } else {
            set |= bit(lo)?;
            i = next;
        }
    }
    Some((set, i + 1))
}

/// `{n}`, `{n,m}`, `{n,}`, `?`, `*`, `+` or nothing at `i`: bounds and the index after.
fn quantifier(chars: &[char], i: usize) -> Option<(usize, usize, usize)> {
    let (min, max, next) = match chars.get(i) {
        Some('?') => (0, 1, i + 1),
        Some('*') => (0, usize::MAX, i + 1),
        Some('+') => (1, usize::MAX, i + 1),
        Some('{') => {
            let close = i + chars[i..].iter().position(|&c| c == '}')?;
            let inner: String = chars[i + 1..close].iter().collect();
            let number = |s: &str| {
                (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                    .then(|| s.parse::<usize>().ok())
                    .flatten()
            };
            let (min, max) = match inner.split_once(',') {
                None => (number(&inner)?, number(&inner)?),
                Some((lo, "")) => (number(lo)?, usize::MAX),
                Some((lo, hi)) => (number(lo)?, number(hi)?),
            };
            (min, max, close + 1)
        }
        _ => (1, 1, i),
    };
    // A lazy or possessive suffix, or an inverted range, is left to the regex crate.
    let plain = !matches!(chars.get(next), Some('?' | '+' | '*' | '{'));
    (plain && min <= max).then_some((min, max, next))
}

/// An escaped ASCII punctuation character stands for itself.
fn punct(c: char) -> Option<char> {
    c.is_ascii_punctuation().then_some(c)
}

/// The bit of an ASCII character.
fn bit(c: char) -> Option<u128> {
    c.is_ascii().then(|| 1u128 << (c as u32))
}

#[cfg(test)]
#[path = "pattern_tests.rs"]
mod tests;
