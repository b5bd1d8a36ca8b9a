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
    if let Some(domain) = s.strip_prefix("\"\"@") {
        return email(&format!("\"a\"@{domain}"));
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
