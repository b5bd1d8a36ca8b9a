//! Validation results and the [`Validate`] trait: every violation, each with its JSON pointer.

use std::collections::BTreeMap;
use std::fmt;

/// One broken rule: where (a JSON pointer) and what.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Violation {
    /// RFC 6901 JSON pointer to the offending value; `""` is the document itself.
    pub pointer: String,
    /// What is wrong, e.g. `longer than 500 characters`.
    pub message: String,
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.message)
    }
}

/// Every violation found in one document, in the order found; displays joined by `; `.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Violations(Vec<Violation>);

impl Violations {
    /// No violations (allocates nothing).
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Records a violation at `path` (the only place a pointer is rendered).
    pub fn push(&mut self, path: &Path<'_>, message: impl Into<String>) {
        self.0.push(Violation {
            pointer: path.to_pointer(),
            message: message.into(),
        });
    }

    /// Records the message of a check helper, if it found a violation.
    #[inline]
    pub fn push_opt(&mut self, path: &Path<'_>, message: Option<String>) {
        if let Some(message) = message {
            self.push(path, message);
        }
    }

    /// Records an already built violation.
    pub fn push_violation(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    /// The violations, in the order found.
    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    /// How many violations there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The violations as a vector.
    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }

    /// `Ok(())` when empty, else `Err(self)`.
    pub fn into_result(self) -> Result<(), Violations> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, v) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{v}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl From<Vec<Violation>> for Violations {
    fn from(v: Vec<Violation>) -> Self {
        Self(v)
    }
}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'v> IntoIterator for &'v Violations {
    type Item = &'v Violation;
    type IntoIter = std::slice::Iter<'v, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// One step of a [`Path`]: an object key or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathSeg<'a> {
    /// An object member.
    Key(&'a str),
    /// An array element.
    Index(usize),
}

/// A JSON pointer built lazily on the stack: no allocation unless a violation is recorded.
///
/// ```
/// use contractc_runtime::Path;
/// let root = Path::ROOT;
/// let essays = root.key("essays");
/// let third = essays.index(3);
/// assert_eq!(third.key("a/b~c").to_pointer(), "/essays/3/a~1b~0c");
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Option<PathSeg<'a>>,
}

impl Path<'static> {
    /// The document itself (pointer `""`).
    pub const ROOT: Path<'static> = Path {
        parent: None,
        seg: None,
    };
}

impl<'a> Path<'a> {
    /// The member `k` of the object at this path.
    #[inline]
    pub fn key(&'a self, k: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Some(PathSeg::Key(k)),
        }
    }

    /// The element `i` of the array at this path.
    #[inline]
    pub fn index(&'a self, i: usize) -> Path<'a> {
        Path {
            parent: Some(self),
            seg: Some(PathSeg::Index(i)),
        }
    }

    /// The last step, `None` at the root.
    pub fn seg(&self) -> Option<PathSeg<'a>> {
        self.seg
    }

    /// Renders the RFC 6901 pointer (`~` as `~0`, `/` as `~1`).
    pub fn to_pointer(&self) -> String {
        let mut segs = Vec::new();
        let mut cur = Some(self);
        while let Some(p) = cur {
            segs.extend(p.seg);
            cur = p.parent;
        }
        let mut out = String::new();
        for seg in segs.iter().rev() {
            out.push('/');
            match seg {
                PathSeg::Key(k) => push_escaped(&mut out, k),
                PathSeg::Index(i) => out.push_str(&i.to_string()),
            }
        }
        out
    }
}

/// Appends `key` with RFC 6901 escaping.
pub(crate) fn push_escaped(out: &mut String, key: &str) {
    for c in key.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

/// A value that can check its own constraints, reporting every violation.
pub trait Validate {
    /// Pushes every violation of this value (located at `path`) into `out`.
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations);

    /// Every violation of this value as a document, or `Ok(())`.
    fn validate(&self) -> Result<(), Violations> {
        let mut out = Violations::new();
        self.validate_at(&Path::ROOT, &mut out);
        out.into_result()
    }
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(path, out);
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        (**self).validate_at(path, out);
    }
}

impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        if let Some(v) = self {
            v.validate_at(path, out);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        for (i, v) in self.iter().enumerate() {
            v.validate_at(&path.index(i), out);
        }
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        self.as_slice().validate_at(path, out);
    }
}

impl<T: Validate> Validate for BTreeMap<String, T> {
    fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
        for (k, v) in self {
            v.validate_at(&path.key(k), out);
        }
    }
}

/// Implements [`Validate`] as a no-op for types whose values are valid once parsed.
macro_rules! always_valid {
    ($($t:ty),* $(,)?) => {$(
        impl Validate for $t {
            #[inline]
            fn validate_at(&self, _path: &Path<'_>, _out: &mut Violations) {}
        }
    )*};
}

always_valid!(
    String,
    str,
    i64,
    f64,
    bool,
    uuid::Uuid,
    chrono::DateTime<chrono::FixedOffset>,
    chrono::DateTime<chrono::Utc>,
    chrono::NaiveDate,
    serde_json::Value,
    crate::UserId,
    crate::OrgId,
    crate::Identity,
);

#[cfg(test)]
mod tests {
    use super::*;

    struct Short(&'static str);
    impl Validate for Short {
        fn validate_at(&self, path: &Path<'_>, out: &mut Violations) {
            if self.0.len() > 2 {
                out.push(&path.key("s"), "too long");
            }
        }
    }

    #[test]
    fn pointer_escaping_and_root() {
        assert_eq!(Path::ROOT.to_pointer(), "");
        let a = Path::ROOT.key("");
        assert_eq!(a.to_pointer(), "/");
        let b = a.key("~/");
        assert_eq!(b.index(0).to_pointer(), "//~0~1/0");
        assert_eq!(b.seg(), Some(PathSeg::Key("~/")));
    }

    #[test]
    fn containers_extend_the_path() {
        let list = vec![Short("ok"), Short("bad"), Short("bad")];
        let err = list.validate().unwrap_err();
        assert_eq!(err.to_string(), "/1/s: too long; /2/s: too long");
        let mut map = BTreeMap::new();
        map.insert("a/b".to_owned(), Box::new(Short("bad")));
        let err = Some(map).validate().unwrap_err();
        assert_eq!(err.into_vec()[0].pointer, "/a~1b/s");
        assert!(None::<Short>.validate().is_ok());
        assert!(Vec::<Short>::new().validate().is_ok());
    }

    #[test]
    fn violations_display_and_accessors() {
        let mut v = Violations::new();
        assert!(v.is_empty());
        assert!(v.clone().into_result().is_ok());
        v.push(&Path::ROOT, "root problem");
        v.push_opt(&Path::ROOT.key("x"), None);
        v.push_opt(&Path::ROOT.key("x"), Some("x problem".into()));
        assert_eq!(v.len(), 2);
        assert_eq!(v.to_string(), "/: root problem; /x: x problem");
        assert_eq!(v.iter().count(), 2);
        assert_eq!((&v).into_iter().next().unwrap().pointer, "");
        assert!(v.into_result().is_err());
    }

    #[test]
    fn success_path_allocates_nothing() {
        let ok = vec![Short("a"), Short("b")];
        let mut out = Violations::new();
        ok.validate_at(&Path::ROOT, &mut out);
        assert_eq!(out.into_vec().capacity(), 0);
    }
}
