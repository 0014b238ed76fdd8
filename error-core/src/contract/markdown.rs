//! The contract as a Markdown catalog page.

use std::fmt::Write as _;

use super::{Contract, ErrorContract, FieldContract};

impl Contract {
    /// A catalog page: a heading `title`, then one table row per error (code, status,
    /// errcode, type, parent, fields, message), deprecated errors marked, documentation URLs
    /// linked, and each error's documentation below the table.
    pub fn to_markdown(&self, title: &str) -> String {
        let mut page = format!(
            "# {title}\n\n\
             | error | code | HTTP | errcode | type | parent | fields | message |\n\
             |---|---|---|---|---|---|---|---|\n"
        );
        for error in &self.errors {
            let name = match &error.doc_url {
                Some(url) => format!("[`{}`]({url})", error.name),
                None => format!("`{}`", error.name),
            };
            let name = match &error.deprecated {
                Some(_) => format!("{name} (deprecated)"),
                None => name,
            };
            let _ = writeln!(
                page,
                "| {name} | {} | {} | {} | {} | {} | {} | {} |",
                error.code.map(|c| c.to_string()).unwrap_or_default(),
                error.status,
                code_span(error.errcode.as_deref()),
                code_span(error.error_type.as_deref()),
                code_span(error.parent.as_deref()),
                fields_cell(&error.fields),
                cell(&error.message),
            );
        }
        let documented: Vec<&ErrorContract> = self
            .errors
            .iter()
            .filter(|e| !e.doc.is_empty() || e.deprecated.is_some())
            .collect();
        if !documented.is_empty() {
            page.push_str("\n## Errors\n");
            for error in documented {
                let _ = write!(page, "\n### `{}`\n\n", error.name);
                if let Some(deprecation) = &error.deprecated {
                    page.push_str("**Deprecated**");
                    if let Some(since) = &deprecation.since {
                        let _ = write!(page, " since {since}");
                    }
                    if let Some(note) = &deprecation.note {
                        let _ = write!(page, ": {note}");
                    }
                    page.push_str("\n\n");
                }
                if !error.doc.is_empty() {
                    page.push_str(&error.doc);
                    page.push('\n');
                }
            }
        }
        page
    }
}

/// The fields as a table cell: `name: Type`, and where each travels.
fn fields_cell(fields: &[FieldContract]) -> String {
    fields
        .iter()
        .map(|field| {
            let wire = match (&field.wire_name, &field.header) {
                (Some(member), Some(header)) => format!(" (member `{member}`, header `{header}`)"),
                (Some(member), None) => format!(" (member `{member}`)"),
                (None, Some(header)) => format!(" (header `{header}`)"),
                (None, None) => String::new(),
            };
            cell(&format!("`{}: {}`{wire}", field.name, field.ty))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn code_span(text: Option<&str>) -> String {
    text.map(|text| format!("`{text}`")).unwrap_or_default()
}

/// Text safe in a table cell: pipes escaped, line breaks as `<br>`.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', "<br>")
}
