//! Who a message is attributed to: validated identifiers, the identity pair, the quota source.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The most Unicode scalar values a [`UserId`] or [`OrgId`] may hold.
pub const MAX_LEN: usize = 255;

/// Why a string cannot be a [`UserId`] or [`OrgId`]; the wrapper names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdentityError {
    /// The string is empty.
    Empty,
    /// The string holds more than `max` Unicode scalar values.
    TooLong {
        /// Unicode scalar values in the rejected string.
        len: usize,
        /// The most allowed ([`MAX_LEN`]).
        max: usize,
    },
}

impl fmt::Display for IdentityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("must not be empty"),
            Self::TooLong { len, max } => {
                write!(f, "longer than {max} characters ({len} characters)")
            }
        }
    }
}

impl std::error::Error for IdentityError {}

/// Checks the identity rule: 1..=[`MAX_LEN`] Unicode scalar values, counted as JSON Schema does.
fn check_id(s: &str) -> Result<(), IdentityError> {
    if s.is_empty() {
        return Err(IdentityError::Empty);
    }
    // A UTF-8 string never holds more scalar values than bytes: count only when it may matter.
    if s.len() > MAX_LEN {
        let len = s.chars().count();
        if len > MAX_LEN {
            return Err(IdentityError::TooLong { len, max: MAX_LEN });
        }
    }
    Ok(())
}

/// Defines a validated identifier newtype with all its conversions and serde impls.
macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident, $field:literal) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// The wire name of the field this identifier travels in.
            pub const FIELD: &'static str = $field;

            /// Validates and wraps `value` (1..=255 Unicode scalar values).
            pub fn new(value: impl Into<String>) -> Result<Self, IdentityError> {
                let value = value.into();
                check_id(&value)?;
                Ok(Self(value))
            }

            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The identifier as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdentityError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::new(s)
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdentityError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdentityError;
            fn try_from(value: &str) -> Result<Self, Self::Error> {
                Self::new(value)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = String::deserialize(d)?;
                // In the words of the JSON Schema side: the pointer already names the field.
                Self::new(value).map_err(|e| {
                    serde::de::Error::custom(match e {
                        IdentityError::Empty => crate::check::words::shorter_than(1),
                        IdentityError::TooLong { max, .. } => crate::check::words::longer_than(max),
                    })
                })
            }
        }
    };
}

id_newtype!(
    /// The user a message is attributed to (JWT `sub`): 1..=255 Unicode scalar values.
    ///
    /// ```
    /// use contractc_runtime::UserId;
    /// assert!(UserId::new("u-1").is_ok());
    /// assert!(UserId::new("").is_err());
    /// assert!(serde_json::from_str::<UserId>(r#""""#).is_err());
    /// ```
    UserId,
    "user_id"
);

id_newtype!(
    /// The organisation a message is attributed to: 1..=255 Unicode scalar values.
    OrgId,
    "org_id"
);

/// The identity a message carries: always a user, optionally an organisation.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Identity {
    /// The user (JWT `sub`).
    pub user_id: UserId,
    /// The organisation, if the user acts for one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub org_id: Option<OrgId>,
}

impl Identity {
    /// Pairs a user with an optional organisation.
    pub fn new(user_id: UserId, org_id: Option<OrgId>) -> Self {
        Self { user_id, org_id }
    }

    /// Who pays: the organisation when there is one, else the user.
    pub fn quota_source(&self) -> QuotaSource {
        match &self.org_id {
            Some(org) => QuotaSource::Org(org.clone()),
            None => QuotaSource::User(self.user_id.clone()),
        }
    }
}

/// Who a message's usage is charged to; displays as `org:<id>` or `user:<id>`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuotaSource {
    /// Charged to an organisation.
    Org(OrgId),
    /// Charged to a user (no organisation on the message).
    User(UserId),
}

impl fmt::Display for QuotaSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Org(org) => write!(f, "org:{org}"),
            Self::User(user) => write!(f, "user:{user}"),
        }
    }
}

/// How a message declares its identity in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdentityPolicy {
    /// Carries `user_id`, and `org_id` which is required or optional.
    Attributed {
        /// Whether `org_id` must be present.
        org_required: bool,
    },
    /// Carries no identity, for the stated reason.
    Exempt {
        /// Why the message needs no identity.
        reason: &'static str,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_counts_scalar_values_not_bytes() {
        let astral = "\u{1F600}";
        assert!(UserId::new(astral.repeat(255)).is_ok());
        assert_eq!(
            UserId::new(astral.repeat(256)),
            Err(IdentityError::TooLong { len: 256, max: 255 })
        );
        assert!(OrgId::new("a".repeat(255)).is_ok());
        assert!(OrgId::new("a".repeat(256)).is_err());
        assert_eq!(UserId::new(""), Err(IdentityError::Empty));
        assert_eq!(OrgId::new(""), Err(IdentityError::Empty));
    }

    #[test]
    fn conversions_agree() {
        let id: UserId = "u1".parse().unwrap();
        assert_eq!(id, UserId::try_from("u1").unwrap());
        assert_eq!(id, UserId::try_from(String::from("u1")).unwrap());
        assert_eq!(id.as_str(), "u1");
        assert_eq!(id.as_ref(), "u1");
        assert_eq!(id.to_string(), "u1");
        assert_eq!(id.clone().into_string(), "u1");
        assert_eq!(String::from(id), "u1");
        assert!("".parse::<OrgId>().is_err());
    }

    #[test]
    fn serde_is_a_plain_string_and_validates() {
        let id = OrgId::new("o1").unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""o1""#);
        assert_eq!(serde_json::from_str::<OrgId>(r#""o1""#).unwrap(), id);
        let err = serde_json::from_str::<UserId>(r#""""#).unwrap_err();
        assert!(err.to_string().starts_with("shorter than 1 character"));
        let long = format!("\"{}\"", "x".repeat(300));
        let err = serde_json::from_str::<OrgId>(&long).unwrap_err();
        assert!(err.to_string().starts_with("longer than 255 characters"));
        assert!(serde_json::from_str::<UserId>("1").is_err());
    }

    #[test]
    fn quota_source_is_org_first() {
        let user = UserId::new("u").unwrap();
        let org = OrgId::new("o").unwrap();
        let with_org = Identity::new(user.clone(), Some(org));
        assert_eq!(with_org.quota_source().to_string(), "org:o");
        assert_eq!(
            Identity::new(user, None).quota_source().to_string(),
            "user:u"
        );
    }

    #[test]
    fn identity_round_trips_and_omits_absent_org() {
        let ident = Identity::new(UserId::new("u").unwrap(), None);
        let text = serde_json::to_string(&ident).unwrap();
        assert_eq!(text, r#"{"user_id":"u"}"#);
        assert_eq!(serde_json::from_str::<Identity>(&text).unwrap(), ident);
        assert!(serde_json::from_str::<Identity>(r#"{"user_id":"u","org_id":""}"#).is_err());
    }

    #[test]
    fn error_messages_are_clear() {
        assert_eq!(IdentityError::Empty.to_string(), "must not be empty");
        let long = IdentityError::TooLong { len: 300, max: 255 };
        assert_eq!(
            long.to_string(),
            "longer than 255 characters (300 characters)"
        );
    }
}
