//! Building an [`Identity`] from decoded JWT claims.

use std::fmt;

use serde_json::Value;

use crate::identity::{Identity, IdentityError, OrgId, UserId};

/// Why decoded JWT claims do not give an [`Identity`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ClaimsError {
    /// The user claim is absent or null (or the claims are not a JSON object).
    Missing {
        /// The claim's name.
        claim: String,
    },
    /// The claim is present but not a JSON string.
    NotAString {
        /// The claim's name.
        claim: String,
    },
    /// The claim is a string that breaks the identity rule (empty, too long).
    Invalid {
        /// The claim's name.
        claim: String,
        /// What is wrong with it.
        source: IdentityError,
    },
}

impl fmt::Display for ClaimsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing { claim } => write!(f, "claim `{claim}` is missing"),
            Self::NotAString { claim } => write!(f, "claim `{claim}` is not a string"),
            Self::Invalid { claim, source } => write!(f, "claim `{claim}` is invalid: {source}"),
        }
    }
}

impl std::error::Error for ClaimsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Invalid { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads claim `name` as a string: `Ok(None)` when absent or null.
fn string_claim<'a>(claims: &'a Value, name: &str) -> Result<Option<&'a str>, ClaimsError> {
    match claims.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(ClaimsError::NotAString {
            claim: name.to_owned(),
        }),
    }
}

/// Wraps an [`IdentityError`] with the claim it came from.
fn invalid(name: &str) -> impl FnOnce(IdentityError) -> ClaimsError + '_ {
    move |source| ClaimsError::Invalid {
        claim: name.to_owned(),
        source,
    }
}

impl Identity {
    /// Builds an identity from decoded JWT claims (a JSON object).
    ///
    /// `user_claim` names the user claim (`sub` by default in the catalog config) and
    /// `org_claim` the organisation claim (`org_id` by default). A missing, null,
    /// non-string, empty or too-long user claim is an error; a missing or null org claim
    /// means no organisation; a present but invalid org claim is an error.
    ///
    /// ```
    /// use contractc_runtime::Identity;
    /// let claims = serde_json::json!({"sub": "u-1", "org_id": "acme"});
    /// let identity = Identity::from_claims(&claims, "sub", "org_id").unwrap();
    /// assert_eq!(identity.quota_source().to_string(), "org:acme");
    /// ```
    pub fn from_claims(
        claims: &Value,
        user_claim: &str,
        org_claim: &str,
    ) -> Result<Identity, ClaimsError> {
        let user = string_claim(claims, user_claim)?.ok_or_else(|| ClaimsError::Missing {
            claim: user_claim.to_owned(),
        })?;
        let user_id = UserId::new(user).map_err(invalid(user_claim))?;
        let org_id = match string_claim(claims, org_claim)? {
            Some(org) => Some(OrgId::new(org).map_err(invalid(org_claim))?),
            None => None,
        };
        Ok(Identity::new(user_id, org_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn from(claims: Value) -> Result<Identity, ClaimsError> {
        Identity::from_claims(&claims, "sub", "org_id")
    }

    #[test]
    fn user_and_org() {
        let id = from(json!({"sub": "u", "org_id": "o"})).unwrap();
        assert_eq!(id.user_id.as_str(), "u");
        assert_eq!(id.org_id.unwrap().as_str(), "o");
    }

    #[test]
    fn absent_or_null_org_means_none() {
        assert_eq!(from(json!({"sub": "u"})).unwrap().org_id, None);
        assert_eq!(
            from(json!({"sub": "u", "org_id": null})).unwrap().org_id,
            None
        );
    }

    #[test]
    fn user_claim_errors() {
        let missing = ClaimsError::Missing {
            claim: "sub".into(),
        };
        assert_eq!(from(json!({})), Err(missing.clone()));
        assert_eq!(from(json!({"sub": null})), Err(missing.clone()));
        assert_eq!(from(json!("not an object")), Err(missing));
        let not_string = from(json!({"sub": 7})).unwrap_err();
        assert_eq!(not_string.to_string(), "claim `sub` is not a string");
        let empty = from(json!({"sub": ""})).unwrap_err();
        assert_eq!(
            empty.to_string(),
            "claim `sub` is invalid: must not be empty"
        );
        assert!(std::error::Error::source(&empty).is_some());
        assert!(matches!(
            from(json!({"sub": "x".repeat(256)})),
            Err(ClaimsError::Invalid {
                source: IdentityError::TooLong { len: 256, .. },
                ..
            })
        ));
    }

    #[test]
    fn present_but_invalid_org_is_an_error() {
        let wrong_type = from(json!({"sub": "u", "org_id": ["o"]})).unwrap_err();
        assert_eq!(
            wrong_type,
            ClaimsError::NotAString {
                claim: "org_id".into()
            }
        );
        let empty = from(json!({"sub": "u", "org_id": ""})).unwrap_err();
        assert_eq!(
            empty.to_string(),
            "claim `org_id` is invalid: must not be empty"
        );
        assert!(from(json!({"sub": "u", "org_id": "o".repeat(256)})).is_err());
    }

    #[test]
    fn custom_claim_names() {
        let claims = json!({"uid": "u", "tenant": "t", "sub": ""});
        let id = Identity::from_claims(&claims, "uid", "tenant").unwrap();
        assert_eq!(id.quota_source().to_string(), "org:t");
    }
}
