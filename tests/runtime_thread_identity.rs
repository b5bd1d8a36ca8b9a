//! `thread_identity!` with message-shaped structs, as generated code and services use it.

#![allow(clippy::unwrap_used)]

use std::cell::Cell;

use contractc_runtime::{Identity, OrgId, UserId, thread_identity};

mod messages {
    use contractc_runtime::{OrgId, UserId};

    pub struct OrgRequired {
        pub user_id: UserId,
        pub org_id: OrgId,
        pub text: String,
    }

    pub struct OrgOptional {
        pub user_id: UserId,
        pub org_id: Option<OrgId>,
        pub text: String,
        pub count: i64,
    }
}

use messages::{OrgOptional, OrgRequired};

fn user(s: &str) -> UserId {
    UserId::new(s).unwrap()
}

fn org(s: &str) -> OrgId {
    OrgId::new(s).unwrap()
}

#[test]
fn required_to_required_and_to_optional() {
    let up = OrgRequired {
        user_id: user("u"),
        org_id: org("o"),
        text: "t".into(),
    };
    let same = thread_identity!(up => messages::OrgRequired { text: "next".into() });
    assert_eq!((same.user_id.as_str(), same.org_id.as_str()), ("u", "o"));
    // The other fields may move out of the upstream value: it is only borrowed for identity.
    let weaker = thread_identity!(up => OrgOptional { text: up.text, count: 1, });
    assert_eq!(weaker.org_id, Some(org("o")));
    assert_eq!(weaker.text, "t");
}

#[test]
fn optional_to_optional_from_a_reference() {
    let up = OrgOptional {
        user_id: user("u"),
        org_id: None,
        text: String::new(),
        count: 0,
    };
    let down = thread_identity!(&up => OrgOptional { text: "x".into(), count: up.count + 1 });
    assert_eq!(down.org_id, None);
    assert_eq!(down.user_id, up.user_id);
    assert_eq!(down.count, 1);
}

#[test]
fn from_an_identity_with_field_shorthand() {
    let identity = Identity::new(user("u"), Some(org("o")));
    let text = String::from("hello");
    let count = 2;
    let down = thread_identity!(identity => OrgOptional { text, count });
    assert_eq!(
        Identity::new(down.user_id, down.org_id),
        identity,
        "the identity is carried unchanged"
    );
}

#[test]
fn upstream_expression_is_evaluated_once() {
    let calls = Cell::new(0);
    let make = || {
        calls.set(calls.get() + 1);
        Identity::new(user("u"), None)
    };
    let down = thread_identity!(make() => OrgOptional { text: String::new(), count: 0 });
    assert_eq!(calls.get(), 1);
    assert_eq!(down.user_id.as_str(), "u");
}
