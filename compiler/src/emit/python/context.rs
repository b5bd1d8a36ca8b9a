//! The template context: every name, annotation and literal of the Python package, computed
//! from the model; the templates only arrange them.

use super::ident;
use super::literal::{doc_lit, json_lit, str_lit};
use super::types::annotation;
use crate::model::{Catalog, Definition, Field, Identity, Kind, OrgPolicy, UnknownFields};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An enum definition.
#[derive(Debug, Serialize)]
pub(super) struct EnumCtx {
    name: String,
    doc: String,
    members: Vec<MemberCtx>,
}

#[derive(Debug, Serialize)]
struct MemberCtx {
    name: String,
    value: String,
}

/// A message or record.
#[derive(Debug, Serialize)]
pub(super) struct ModelCtx {
    name: String,
    base: &'static str,
    doc: String,
    extra: String,
    contract: String,
    fields: Vec<FieldCtx>,
    caused_by: Option<CausedByCtx>,
}

#[derive(Debug, Serialize)]
struct FieldCtx {
    name: String,
    annotation: String,
    value: String,
    noqa: bool,
}

#[derive(Debug, Serialize)]
struct CausedByCtx {
    upstream: String,
    allowed: String,
    names: String,
    params: Vec<ParamCtx>,
}

#[derive(Debug, Serialize)]
struct ParamCtx {
    name: String,
    annotation: String,
    default: String,
    noqa: bool,
}

/// A message in the `MESSAGES` registry.
#[derive(Debug, Serialize)]
pub(super) struct RegistryCtx {
    wire: String,
    name: String,
}

/// The names of the catalog in Python, computed once.
pub(super) struct Names<'a> {
    catalog: &'a Catalog,
    /// Wire name → class name.
    pub(super) classes: BTreeMap<String, String>,
    class_set: BTreeSet<String>,
}

impl<'a> Names<'a> {
    pub(super) fn new(catalog: &'a Catalog) -> Self {
        let wires: Vec<&str> = catalog.definitions.keys().map(String::as_str).collect();
        let classes: BTreeMap<String, String> = wires
            .iter()
            .map(|w| (*w).to_owned())
            .zip(ident::class_names(wires.iter().copied()))
            .collect();
        let class_set = classes.values().cloned().collect();
        Names {
            catalog,
            classes,
            class_set,
        }
    }

    fn class(&self, wire: &str) -> String {
        self.classes
            .get(wire)
            .cloned()
            .unwrap_or_else(|| wire.to_owned())
    }

    fn field_names(&self, def: &Definition) -> Vec<String> {
        ident::field_names(
            def.fields().iter().map(|f| f.name.value.as_str()),
            &self.class_set,
        )
    }

    /// The context of an enum, or `None` for a record or message.
    pub(super) fn enum_ctx(&self, def: &Definition) -> Option<EnumCtx> {
        let crate::model::Body::Enum(values) = &def.body else {
            return None;
        };
        let members = ident::member_names(values.iter().map(|v| v.value.as_str()))
            .into_iter()
            .zip(values)
            .map(|(name, value)| MemberCtx {
                name,
                value: str_lit(&value.value),
            })
            .collect();
        Some(EnumCtx {
            name: self.class(&def.name.value),
            doc: doc_lit(&class_doc(def), "    "),
            members,
        })
    }

    /// The context of a message or record.
    pub(super) fn model_ctx(&self, def: &Definition) -> ModelCtx {
        let names = self.field_names(def);
        let fields = def
            .fields()
            .iter()
            .zip(&names)
            .map(|(f, name)| self.field_ctx(f, name))
            .collect();
        let base = match &def.identity {
            _ if def.kind == Kind::Record => "_rt.Record",
            Some(Identity::Attributed {
                org: OrgPolicy::Required,
                ..
            }) => "_rt.OrgRequiredMessage",
            Some(Identity::Attributed { .. }) => "_rt.OrgOptionalMessage",
            _ => "_rt.ExemptMessage",
        };
        let extra = match def.unknown_fields {
            UnknownFields::Ignore => "\"ignore\"",
            UnknownFields::Reject => "\"forbid\"",
        };
        ModelCtx {
            name: self.class(&def.name.value),
            base,
            doc: doc_lit(&class_doc(def), "    "),
            extra: extra.to_owned(),
            contract: contract_args(def),
            fields,
            caused_by: self.caused_by(def, &names),
        }
    }

    fn field_ctx(&self, f: &Field, name: &str) -> FieldCtx {
        let mut args = Vec::new();
        if let Some(default) = &f.default {
            args.push(format!("default={}", json_lit(&default.value)));
            args.push("validate_default=True".to_owned());
        } else if f.optional {
            args.push("default=None".to_owned());
        }
        if name != f.name.value {
            let wire = str_lit(&f.name.value);
            args.push(format!("validation_alias={wire}"));
            args.push(format!("serialization_alias={wire}"));
        }
        if let Some(d) = &f.description {
            args.push(format!("description={}", str_lit(d)));
        }
        if let Some(d) = &f.deprecated {
            args.push(format!("deprecated={}", str_lit(d)));
        }
        let value = match args.as_slice() {
            [] => String::new(),
            [only] if only == "default=None" => "None".to_owned(),
            _ => format!("_pd.Field({})", args.join(", ")),
        };
        FieldCtx {
            name: name.to_owned(),
            annotation: self.field_annotation(f),
            value,
            noqa: ident::is_ambiguous(name),
        }
    }

    fn field_annotation(&self, f: &Field) -> String {
        let ty = annotation(&f.spec, &self.classes);
        let already = f.spec.nullable || f.spec.ty == crate::model::Type::Json;
        if f.optional && !already {
            format!("{ty} | None")
        } else {
            ty
        }
    }

    /// `caused_by`, when some upstream can lend this message its identity: every attributed
    /// upstream, except optional-org ones when this message requires an org.
    fn caused_by(&self, def: &Definition, names: &[String]) -> Option<CausedByCtx> {
        let org = def.identity.as_ref()?.org()?;
        let mut upstreams: Vec<String> = def
            .caused_by
            .iter()
            .filter_map(|u| {
                let up = self.catalog.get(&u.value)?.identity.as_ref()?.org()?;
                (org == OrgPolicy::Optional || up == OrgPolicy::Required).then(|| u.value.clone())
            })
            .collect();
        upstreams.sort();
        upstreams.dedup();
        if upstreams.is_empty() {
            return None;
        }
        let classes: Vec<String> = upstreams.iter().map(|u| self.class(u)).collect();
        let params = def
            .fields()
            .iter()
            .zip(names)
            .map(|(f, name)| {
                let annotation = self.field_annotation(f);
                let (annotation, default) = match (&f.default, f.optional) {
                    (Some(_), _) => (format!("{annotation} | _rt.Unset"), "_rt.UNSET".to_owned()),
                    (None, true) => (annotation, "None".to_owned()),
                    (None, false) => (annotation, String::new()),
                };
                ParamCtx {
                    name: name.clone(),
                    annotation,
                    default,
                    noqa: ident::is_ambiguous(name),
                }
            })
            .collect();
        let allowed = if classes.len() == 1 {
            format!("{},", classes[0])
        } else {
            classes.join(", ")
        };
        Some(CausedByCtx {
            upstream: classes.join(" | "),
            allowed,
            names: upstreams.join(", "),
            params,
        })
    }

    /// The `MESSAGES` registry.
    pub(super) fn registry(&self) -> Vec<RegistryCtx> {
        self.catalog
            .messages()
            .map(|m| RegistryCtx {
                wire: str_lit(&m.name.value),
                name: self.class(&m.name.value),
            })
            .collect()
    }
}

/// The class docstring: the description (or the name), and the deprecation.
fn class_doc(def: &Definition) -> String {
    let mut doc = def
        .description
        .clone()
        .unwrap_or_else(|| format!("The {} `{}`.", def.kind.as_str(), def.name.value));
    if let Some(reason) = &def.deprecated {
        doc.push_str(&format!("\n\nDeprecated: {reason}"));
    }
    doc
}

/// The arguments of `_rt.ContractInfo(...)`.
fn contract_args(def: &Definition) -> String {
    let mut args = vec![
        format!("name={}", str_lit(&def.name.value)),
        format!("kind={}", str_lit(def.kind.as_str())),
    ];
    if let Some(v) = def.version {
        args.push(format!("version={v}"));
    }
    if let Some(t) = &def.topic {
        args.push(format!("topic={}", str_lit(&t.value)));
    }
    match &def.identity {
        Some(Identity::Attributed { org, .. }) => {
            let org = match org {
                OrgPolicy::Optional => "optional",
                OrgPolicy::Required => "required",
            };
            args.push(format!("org={}", str_lit(org)));
        }
        Some(Identity::Exempt { reason, .. }) => args.push(format!("exempt={}", str_lit(reason))),
        None => {}
    }
    if let Some(d) = &def.deprecated {
        args.push(format!("deprecated={}", str_lit(d)));
    }
    args.join(", ")
}
