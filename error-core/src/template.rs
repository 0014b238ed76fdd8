//! Message templates at run time. The derive writes `Display` for the errors whose templates
//! show fields plainly (`"error {0}: {detail}"`, no format specs) as one call here with the
//! error's template from its descriptor, instead of a `write!` each: a catalog of thousands of
//! errors of one shape then has one body for rustc to check, not thousands.

use std::fmt::{self, Display, Formatter};

/// Writes `template` with each `{name}` replaced by the value of that name in `values`, and
/// `{{`/`}}` by a brace, as `write!` would. Each value is formatted with default options, as
/// a spec-less `{name}` in `write!` is, whatever options `f` carries.
///
/// The derive has checked the template: every placeholder names a value and braces match. A
/// placeholder naming no value is written as it stands, never a panic.
pub fn write_template(
    f: &mut Formatter<'_>,
    template: &str,
    values: &[(&str, &dyn Display)],
) -> fmt::Result {
    let mut rest = template;
    while let Some(brace) = rest.find(['{', '}']) {
        let (text, from_brace) = rest.split_at(brace);
        f.write_str(text)?;
        if let Some(escaped) = from_brace
            .strip_prefix("{{")
            .or_else(|| from_brace.strip_prefix("}}"))
        {
            f.write_str(&from_brace[..1])?;
            rest = escaped;
            continue;
        }
        let placeholder = from_brace
            .strip_prefix('{')
            .and_then(|inner| inner.split_once('}'));
        let Some((name, after)) = placeholder else {
            // A lone `}`, or a `{` never closed: text.
            f.write_str(&from_brace[..1])?;
            rest = &from_brace[1..];
            continue;
        };
        match values.iter().find(|(value_name, _)| *value_name == name) {
            Some((_, value)) => write!(f, "{value}")?,
            None => f.write_str(&from_brace[..name.len() + 2])?,
        }
        rest = after;
    }
    f.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `write_template` through `Display`, with `{:>width$}` on the outside.
    struct Shown<'a>(&'a str, &'a [(&'a str, &'a dyn Display)]);

    impl Display for Shown<'_> {
        fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
            write_template(f, self.0, self.1)
        }
    }

    #[test]
    fn fills_placeholders_and_unescapes_braces() {
        let values: [(&str, &dyn Display); 2] = [("detail", &"bad"), ("0", &7)];
        let shown = Shown("error {0}: {detail} {{literal}} {0}", &values).to_string();
        assert_eq!(shown, "error 7: bad {literal} 7");
    }

    #[test]
    fn values_ignore_the_outer_options_as_write_does() {
        let values: [(&str, &dyn Display); 1] = [("n", &5)];
        let shown = format!("{:>8}|", Shown("n={n}", &values));
        assert_eq!(shown, "n=5|");
    }

    #[test]
    fn what_names_no_value_stays_as_written() {
        let values: [(&str, &dyn Display); 1] = [("a", &1)];
        for (template, shown) in [
            ("{b} {a}", "{b} 1"),
            ("open {a", "open {a"),
            ("close }", "close }"),
            ("é{a}ü}", "é1ü}"),
            ("", ""),
        ] {
            assert_eq!(Shown(template, &values).to_string(), shown, "{template}");
        }
    }
}
