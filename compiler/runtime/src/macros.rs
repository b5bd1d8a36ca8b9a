//! `thread_identity!`: carry identity from an upstream message into a new one.

use crate::identity::OrgId;

/// How a downstream `org_id` (`Self`) is filled from an upstream one (`U`) by
/// [`thread_identity!`]: required → required, required → optional, optional → optional.
/// There is deliberately no optional → required.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`thread_identity!` cannot fill a required `org_id` from an optional one",
    label = "the upstream `org_id` may be absent",
    note = "identity is strengthened only by explicit code: check the upstream `org_id`, then build the message by hand"
)]
pub trait ThreadOrg<U> {
    /// The downstream `org_id`.
    fn from_upstream(upstream: U) -> Self;
}

impl ThreadOrg<OrgId> for OrgId {
    fn from_upstream(upstream: OrgId) -> Self {
        upstream
    }
}

impl ThreadOrg<OrgId> for Option<OrgId> {
    fn from_upstream(upstream: OrgId) -> Self {
        Some(upstream)
    }
}

impl ThreadOrg<Option<OrgId>> for Option<OrgId> {
    fn from_upstream(upstream: Option<OrgId>) -> Self {
        upstream
    }
}

/// Builds a message whose `user_id` and `org_id` come from `upstream`, in one expression.
///
/// `upstream` is anything with pub `user_id: UserId` and `org_id: OrgId | Option<OrgId>`
/// fields (a generated message, or an [`Identity`](crate::Identity)); it may be a value or a
/// reference and is evaluated once, before the other fields, and only borrowed, so the
/// other fields may still move out of it. Required → required, required → optional and
/// optional → optional `org_id` compile; optional → required does not (the error says
/// why): identity can be strengthened only by explicit code.
///
/// ```
/// use contractc_runtime::{thread_identity, Identity, OrgId, UserId};
/// struct Upstream { user_id: UserId, org_id: OrgId, text: String }
/// struct Downstream { user_id: UserId, org_id: Option<OrgId>, text: String, n: i64 }
///
/// let up = Upstream { user_id: "u".parse()?, org_id: "o".parse()?, text: "hi".into() };
/// let n = 3;
/// let down = thread_identity!(up => Downstream { text: up.text, n });
/// assert_eq!(down.org_id.unwrap().as_str(), "o");
///
/// let identity = Identity::new("u".parse()?, None);
/// let other = thread_identity!(&identity => Downstream { text: String::new(), n: 0 });
/// assert_eq!(other.user_id.as_str(), "u");
/// # Ok::<(), contractc_runtime::IdentityError>(())
/// ```
///
/// An optional organisation cannot fill a required one:
///
/// ```compile_fail,E0277
/// use contractc_runtime::{thread_identity, Identity, OrgId, UserId};
/// struct Strict { user_id: UserId, org_id: OrgId }
/// let identity = Identity::new("u".parse().unwrap(), None);
/// let _ = thread_identity!(identity => Strict {});
/// ```
#[macro_export]
macro_rules! thread_identity {
    ($upstream:expr => $ty:path { $($field:ident $(: $value:expr)?),* $(,)? }) => {{
        let (__user_id, __org_id) = {
            let __upstream = &$upstream;
            (
                ::core::clone::Clone::clone(&__upstream.user_id),
                ::core::clone::Clone::clone(&__upstream.org_id),
            )
        };
        $ty {
            user_id: __user_id,
            org_id: $crate::macros::ThreadOrg::from_upstream(__org_id),
            $($field $(: $value)?),*
        }
    }};
}
