//! `format: "email"` exactly as the `jsonschema` crate 0.61 checks it.
//!
//! Mirrors `jsonschema::keywords::format::is_valid_email(text, None)` (0.61.2): the
//! `email_address` crate (0.2.9, default options) checks the structure, then the domain is
//! checked on its own: `[IPv6:…]` / `[a.b.c.d]` literals with the standard library's address
//! parsers, anything else with `is_valid_hostname` (ported in [`super::hostname`]).

use std::net::{Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use email_address::EmailAddress;

use super::hostname::is_hostname;

/// The RFC 5321 tag of an IPv6 address literal (matched case-insensitively).
const IPV6_TAG: &str = "IPv6:";

/// Whether `s` is an e-mail address to `jsonschema` 0.61's `format: "email"`.
///
/// Mirrors `is_valid_email_impl(email, is_valid_hostname, None, false)`:
/// - `""@domain` (empty quoted local part) is checked as `"a"@domain`, because
///   `email_address` 0.2.9 rejects it while RFC 5321 allows it;
/// - the address must parse with `EmailAddress::from_str` (which also takes display
///   text such as `Name <a@b.co>` and domain literals);
/// - the local part must be ASCII (non-ASCII belongs to `idn-email`);
/// - the domain must be an address literal or a hostname.
///
/// ```
/// use contractc_runtime::check::email;
/// assert!(email("joe.bloggs@example.com"));
/// assert!(email("user@[IPv6:::1]"));
/// assert!(!email("joe.bloggs"));
/// assert!(!email("δοκιμή@example.com"));
/// ```
pub fn email(s: &str) -> bool {
    plain(s) || parsed(s)
}

/// A shortcut that only ever accepts: `local@domain` in plain ASCII, where `local` is a
/// dot-atom of letters, digits and `._+-` (1 to 64 bytes) and `domain` is dot-separated
/// labels of 1 to 63 letters, digits and inner hyphens, no `--` (so no A-label), 253 bytes at
/// most. Every such address passes [`parsed`] too; anything else is left to it.
fn plain(s: &str) -> bool {
    let atom = |b: u8| b.is_ascii_alphanumeric() || b"_+-".contains(&b);
    let label = |l: &[u8]| ldh_label(l) && !l.windows(2).any(|w| w == b"--");
    ascii_address(s, atom, label, 1)
}

/// `local@domain` in ASCII: `local` a dot-atom of 1 to 64 bytes, each accepted by `atom`;
/// `domain` 1 to 253 bytes of at least `labels` dot-separated labels, each accepted by `label`.
pub(super) fn ascii_address(
    s: &str,
    atom: impl Fn(u8) -> bool,
    label: impl Fn(&[u8]) -> bool,
    labels: usize,
) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = (1..=64).contains(&local.len())
        && local
            .as_bytes()
            .split(|&b| b == b'.')
            .all(|part| !part.is_empty() && part.iter().all(|&b| atom(b)));
    local_ok
        && (1..=253).contains(&domain.len())
        && domain.split('.').count() >= labels
        && domain.as_bytes().split(|&b| b == b'.').all(label)
}

/// A hostname label: 1 to 63 letters, digits and hyphens, starting and ending with a letter
/// or digit.
pub(super) fn ldh_label(label: &[u8]) -> bool {
    (1..=63).contains(&label.len())
        && label.first().is_some_and(u8::is_ascii_alphanumeric)
        && label.last().is_some_and(u8::is_ascii_alphanumeric)
        && label
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The full check, as `jsonschema` does it.
fn parsed(s: &str) -> bool {
    if let Some(domain) = s.strip_prefix("\"\"@") {
        return parsed(&format!("\"a\"@{domain}"));
    }
    match EmailAddress::from_str(s) {
        Ok(parsed) => parsed.local_part().is_ascii() && is_email_domain(parsed.domain()),
        Err(_) => false,
    }
}

/// Mirrors `validate_email_domain(domain, is_valid_hostname)`.
fn is_email_domain(domain: &str) -> bool {
    let Some(literal) = domain.strip_prefix('[').and_then(|d| d.strip_suffix(']')) else {
        return is_hostname(domain);
    };
    let tagged = literal
        .as_bytes()
        .get(..IPV6_TAG.len())
        .is_some_and(|tag| tag.eq_ignore_ascii_case(IPV6_TAG.as_bytes()));
    if tagged {
        literal[IPV6_TAG.len()..].parse::<Ipv6Addr>().is_ok()
    } else {
        literal.parse::<Ipv4Addr>().is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts() {
        for ok in [
            "a@b.co",
            "joe.bloggs@example.com",
            "\"joe bloggs\"@example.com",
            "\"\"@example.com",
            "user@[127.0.0.1]",
            "user@[IPv6:2001:db8::1]",
            "user@[ipv6:::1]",
            "a@localhost",
            "a@xn--bcher-kva.example",
            "Joe <joe@example.com>",
        ] {
            assert!(email(ok), "{ok} should be an e-mail address");
        }
    }

    /// The shortcut never accepts what the full parse rejects: every string of up to 5
    /// characters over an alphabet of the characters that matter, and longer shapes.
    #[test]
    fn shortcut_only_accepts_what_the_parse_accepts() {
        let alphabet = [
            'a', 'Z', '0', '.', '@', '-', '_', '+', '"', ' ', '<', 'é', '[',
        ];
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            all.extend(last.iter().cloned());
        }
        let long = |n: usize| "a".repeat(n);
        all.extend([
            format!("{}@b.co", long(64)),
            format!("{}@b.co", long(65)),
            format!("a@{}.co", long(63)),
            format!("a@{}.co", long(64)),
            format!("a@{}", [long(63), long(63), long(63), long(61)].join(".")),
            format!("a@{}", [long(63), long(63), long(63), long(62)].join(".")),
            "a@xn--bcher-kva.example".to_owned(),
            "a@ab--cd.com".to_owned(),
            "first.last+tag@mail.example-host.org".to_owned(),
        ]);
        let mut shortcut = 0;
        for s in &all {
            if plain(s) {
                shortcut += 1;
                assert!(parsed(s), "{s:?}: shortcut accepts, parse rejects");
            }
        }
        assert!(shortcut > 1000, "{shortcut}");
    }

    #[test]
    fn rejects() {
        for bad in [
            "",
            "@example.com",
            "joe@",
            "joe",
            "joe@-example.com",
            "joe@example-.com",
            "joe@example.com.",
            "joe@ex_ample.com",
            "joe@[300.0.0.1]",
            "joe@[IPv6:nope]",
            "joe@[::1]",
            "δοκιμή@example.com",
            "joe@ab--cd.com",
            "joe@xn--.com",
            "a@b@c.com",
            "joe @example.com",
        ] {
            assert!(!email(bad), "{bad} should not be an e-mail address");
        }
    }
}
