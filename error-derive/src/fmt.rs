//! Message templates: `"Field {name} is invalid"`, `"{0}"`, `"{value:?}"`, as thiserror's
//! `#[error("…")]` reads them. Only the argument names are read here; format specs are left
//! to rustc, which checks them better.

use darling::Error;

/// A field a template interpolates.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    Named(String),
    Index(usize),
}

impl Member {
    /// The local a generated `match` binds the field to: the field's own name, or `__field0`.
    pub fn binding_name(&self) -> String {
        match self {
            Member::Named(name) => name.clone(),
            Member::Index(index) => format!("__field{index}"),
        }
    }
}

impl std::fmt::Display for Member {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Member::Named(name) => f.write_str(name),
            Member::Index(index) => write!(f, "{index}"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Template {
    /// The template as the user wrote it.
    pub lit: syn::LitStr,
    /// The format string for `write!`, tuple members renamed to their bindings.
    pub format: String,
    /// The text with `{{` and `}}` unescaped, for templates without arguments.
    pub literal_text: String,
    /// The fields used, in order of first use.
    pub members: Vec<Member>,
    /// Whether every placeholder is a bare `{field}` or `{0}`, no spec and no spaces, so the
    /// template can be filled at run time by `__private::write_template`.
    pub plain: bool,
}

impl Template {
    pub fn parse(lit: &syn::LitStr) -> Result<Self, Error> {
        let text = lit.value();
        let mut format = String::with_capacity(text.len());
        let mut literal_text = String::with_capacity(text.len());
        let mut members = Vec::new();
        let mut plain = true;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    format.push_str("{{");
                    literal_text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    format.push_str("}}");
                    literal_text.push('}');
                }
                '}' => {
                    return Err(template_error(
                        lit,
                        "unmatched `}` in message template; write `}}` for a literal brace",
                    ));
                }
                '{' => {
                    let mut name = String::new();
                    while let Some(&next) = chars.peek() {
                        if next == '}' || next == ':' {
                            break;
                        }
                        name.push(next);
                        chars.next();
                    }
                    let mut spec = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some(next) => spec.push(next),
                            None => {
                                return Err(template_error(
                                    lit,
                                    "unclosed `{` in message template; write `{{` for a literal brace",
                                ));
                            }
                        }
                    }
                    let member = member_of(lit, name.trim())?;
                    plain &= spec.is_empty() && name == member.to_string();
                    format.push('{');
                    format.push_str(&member.binding_name());
                    format.push_str(&spec);
                    format.push('}');
                    if !members.contains(&member) {
                        members.push(member);
                    }
                }
                c => {
                    format.push(c);
                    literal_text.push(c);
                }
            }
        }
        Ok(Template {
            lit: lit.clone(),
            format,
            literal_text,
            members,
            plain,
        })
    }
}

fn member_of(lit: &syn::LitStr, name: &str) -> Result<Member, Error> {
    if name.is_empty() {
        return Err(template_error(
            lit,
            "`{}` does not say which field to show: write `{field}` or `{0}`",
        ));
    }
    if let Ok(index) = name.parse::<usize>() {
        return Ok(Member::Index(index));
    }
    let is_ident = name.starts_with(|c: char| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if is_ident {
        Ok(Member::Named(name.to_owned()))
    } else {
        Err(template_error(
            lit,
            &format!("`{{{name}}}` is not a field: a template can show `{{field}}` or `{{0}}`"),
        ))
    }
}

fn template_error(lit: &syn::LitStr, message: &str) -> Error {
    Error::custom(message).with_span(lit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Template, Error> {
        Template::parse(&syn::LitStr::new(text, proc_macro2::Span::call_site()))
    }

    #[test]
    fn reads_named_indexed_and_debug_members() {
        let template = parse("{name} at {0} is {value:?}; {name}").ok();
        let template = template.as_ref();
        assert_eq!(
            template.map(|t| t.members.clone()),
            Some(vec![
                Member::Named("name".into()),
                Member::Index(0),
                Member::Named("value".into())
            ])
        );
        assert_eq!(
            template.map(|t| t.format.as_str()),
            Some("{name} at {__field0} is {value:?}; {name}")
        );
    }

    #[test]
    fn only_bare_placeholders_are_plain() {
        for (text, plain) in [
            ("{name} at {0} {{x}}", true),
            ("no fields", true),
            ("{value:?}", false),
            ("{ name }", false),
            ("{00}", false),
        ] {
            assert_eq!(parse(text).ok().map(|t| t.plain), Some(plain), "{text}");
        }
    }

    #[test]
    fn escaped_braces_are_text() {
        let template = parse("{{not a field}}").ok();
        assert_eq!(template.as_ref().map(|t| t.members.len()), Some(0));
        assert_eq!(
            template.as_ref().map(|t| t.literal_text.as_str()),
            Some("{not a field}")
        );
    }

    #[test]
    fn positional_unclosed_and_unmatched_braces_are_errors() {
        for bad in ["{}", "{name", "name}", "{a.b}"] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
