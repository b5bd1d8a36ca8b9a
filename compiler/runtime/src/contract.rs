//! The traits every generated contract implements: metadata, identity, parsing.

use std::fmt;

use crate::identity::{Identity, IdentityPolicy, OrgId, QuotaSource, UserId};
use crate::validate::{Validate, Violations};

/// What a message is for, as declared by its `kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageKind {
    /// `kind: request`.
    Request,
    /// `kind: command`.
    Command,
    /// `kind: event`.
    Event,
    /// `kind: response`.
    Response,
}

impl MessageKind {
    /// The catalog spelling (`request`, `command`, `event`, `response`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Request => "request",
            Self::Command => "command",
            Self::Event => "event",
            Self::Response => "response",
        }
    }
}

impl fmt::Display for MessageKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A definition of the catalog (message, record or enum) with its metadata.
pub trait Contract: Sized + Validate {
    /// The wire name, exactly as in the catalog.
    const NAME: &'static str;
    /// The declared (or name-implied) version.
    const VERSION: Option<u32>;
    /// The catalog `description`.
    const DESCRIPTION: Option<&'static str>;

    /// Parse from JSON bytes and validate, in one call. Ok(value) or every violation found.
    fn from_json(bytes: &[u8]) -> Result<Self, Violations>
    where
        Self: serde::de::DeserializeOwned,
    {
        crate::from_json(bytes)
    }
}

/// A message: a contract that travels between services.
pub trait Message: Contract {
    /// The emitted JSON Schema text of this message (`DIR/jsonschema/<NAME>.schema.json`).
    fn json_schema() -> &'static str;
    /// The declared `kind`.
    const KIND: MessageKind;
    /// The declared `topic` (commands and events only).
    const TOPIC: Option<&'static str>;
    /// How the message declares its identity.
    const IDENTITY: IdentityPolicy;
}

/// A message that carries identity (`user_id`, optional or required `org_id`).
pub trait Attributed: Message {
    /// The user the message is attributed to.
    fn user_id(&self) -> &UserId;
    /// The organisation, if any.
    fn org_id(&self) -> Option<&OrgId>;

    /// The identity pair (cloned).
    fn identity(&self) -> Identity {
        Identity::new(self.user_id().clone(), self.org_id().cloned())
    }

    /// Who pays: the organisation when present, else the user.
    fn quota_source(&self) -> QuotaSource {
        match self.org_id() {
            Some(org) => QuotaSource::Org(org.clone()),
            None => QuotaSource::User(self.user_id().clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::validate::Path;

    #[derive(serde::Deserialize)]
    struct Ping {
        user_id: UserId,
        org_id: Option<OrgId>,
    }
    impl Validate for Ping {
        fn validate_at(&self, _: &Path<'_>, _: &mut Violations) {}
    }
    impl Contract for Ping {
        const NAME: &'static str = "PingV1";
        const VERSION: Option<u32> = Some(1);
        const DESCRIPTION: Option<&'static str> = None;
    }
    impl Message for Ping {
        fn json_schema() -> &'static str {
            "{}"
        }
        const KIND: MessageKind = MessageKind::Event;
        const TOPIC: Option<&'static str> = Some("ping.v1");
        const IDENTITY: IdentityPolicy = IdentityPolicy::Attributed {
            org_required: false,
        };
    }
    impl Attributed for Ping {
        fn user_id(&self) -> &UserId {
            &self.user_id
        }
        fn org_id(&self) -> Option<&OrgId> {
            self.org_id.as_ref()
        }
    }

    #[test]
    fn kinds_spell_as_in_the_catalog() {
        let all = [
            MessageKind::Request,
            MessageKind::Command,
            MessageKind::Event,
            MessageKind::Response,
        ];
        let names: Vec<String> = all.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["request", "command", "event", "response"]);
    }

    #[test]
    fn attributed_defaults_use_org_first() {
        let p = Ping::from_json(br#"{"user_id": "u", "org_id": "o"}"#).unwrap();
        assert_eq!(p.quota_source().to_string(), "org:o");
        assert_eq!(p.identity().org_id.unwrap().as_str(), "o");
        let p = Ping::from_json(br#"{"user_id": "u", "org_id": null}"#).unwrap();
        assert_eq!(p.quota_source().to_string(), "user:u");
        assert_eq!(p.identity(), Identity::new(UserId::new("u").unwrap(), None));
        assert_eq!(Ping::KIND.as_str(), "event");
        let err = Ping::from_json(br#"{"user_id": ""}"#).err().unwrap();
        assert_eq!(err.to_string(), "/user_id: shorter than 1 character");
    }
}
