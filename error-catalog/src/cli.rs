//! The `error-catalog` command line: `list`, `show`, `render`. Arguments are read by hand
//! (the grammar is small), so the tool adds no dependency.

use std::fmt;
use std::io::Write;

use error_core::{Overrides, RenderOptions, WireFormat};
use serde_json::{Map, Value, json};

use crate::markdown;
use crate::registry::{Entry, System, entries};

/// Why the tool stopped: a one-line message, a hint, and the exit code.
#[derive(Debug)]
pub struct CliError {
    /// What went wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
    /// 2 for a misuse of the tool (unknown name, bad flag), 1 for a value the error refused.
    pub exit_code: i32,
}

impl CliError {
    fn usage(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: hint.into(),
            exit_code: 2,
        }
    }

    fn value(message: impl Into<String>, hint: impl Into<String>) -> Self {
        CliError {
            message: message.into(),
            hint: hint.into(),
            exit_code: 1,
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}\nhint: {}", self.message, self.hint)
    }
}

const USAGE: &str = "\
usage: error-catalog <command>

commands:
  list [--system djblets|matrix|py42|tenable] [--format table|json|markdown]
  show NAME                      NAME: Rust name, Python reference, numeric code or errcode
  render NAME [--set FIELD=VALUE]... [--message M] [--subtype S] [--detail D] [--trace-id T]
              [--format native|problem] [--response-status N] [--response-header 'Name: value']...
              [--response-body TEXT] [--response-method M] [--response-url U]
  classify --system djblets|matrix|py42|tenable --status N [--header 'Name: value']...
              [--body-file F] [--trusted]      the body is read from stdin without --body-file
";

/// Runs the tool on `args` (without the program name), writing results to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let Some((command, rest)) = args.split_first() else {
        return Err(CliError::usage(
            "no command given",
            "run `error-catalog help` for the commands",
        ));
    };
    let text = match command.as_str() {
        "list" => list(rest)?,
        "show" => show(rest)?,
        "render" => render(rest)?,
        "classify" => classify(rest, &mut std::io::stdin().lock())?,
        "help" | "--help" | "-h" => USAGE.to_owned(),
        other => {
            return Err(CliError::usage(
                format!("unknown command `{other}`"),
                "the commands are list, show, render and classify; run `error-catalog help`",
            ));
        }
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|error| CliError::value(format!("cannot write output: {error}"), "check stdout"))
}

/// Reads `--flag value` pairs (a flag may repeat) and `--switch`es, which take no value.
struct Flags<'a> {
    positional: Vec<&'a str>,
    pairs: Vec<(&'a str, &'a str)>,
    switches: Vec<&'a str>,
}

impl<'a> Flags<'a> {
    fn parse(args: &'a [String], known: &[&str]) -> Result<Self, CliError> {
        Self::parse_with_switches(args, known, &[])
    }

    fn parse_with_switches(
        args: &'a [String],
        known: &[&str],
        switches: &[&str],
    ) -> Result<Self, CliError> {
        let mut flags = Flags {
            positional: Vec::new(),
            pairs: Vec::new(),
            switches: Vec::new(),
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            if !arg.starts_with("--") {
                flags.positional.push(arg);
                continue;
            }
            if switches.contains(&arg.as_str()) {
                flags.switches.push(arg);
                continue;
            }
            if !known.contains(&arg.as_str()) {
                let mut takes: Vec<&str> = known.to_vec();
                takes.extend_from_slice(switches);
                return Err(CliError::usage(
                    format!("unknown flag `{arg}`"),
                    format!("this command takes {}", takes.join(", ")),
                ));
            }
            let Some(value) = args.next() else {
                return Err(CliError::usage(
                    format!("`{arg}` needs a value"),
                    format!("write `{arg} VALUE`"),
                ));
            };
            flags.pairs.push((arg, value));
        }
        Ok(flags)
    }

    fn last(&self, flag: &str) -> Option<&'a str> {
        self.pairs
            .iter()
            .rev()
            .find(|(f, _)| *f == flag)
            .map(|(_, v)| *v)
    }

    fn all<'f>(&'f self, flag: &'f str) -> impl Iterator<Item = &'a str> + 'f {
        self.pairs
            .iter()
            .filter(move |(f, _)| *f == flag)
            .map(|(_, v)| *v)
    }

    fn one_name(&self, command: &str) -> Result<&'a str, CliError> {
        match self.positional.as_slice() {
            [name] => Ok(name),
            [] => Err(CliError::usage(
                format!("`{command}` needs an error name"),
                "give a Rust name, Python reference, code or errcode; `error-catalog list` shows them",
            )),
            [_, extra, ..] => Err(CliError::usage(
                format!("unexpected argument `{extra}`"),
                format!("`{command}` takes one name; quote values that contain spaces"),
            )),
        }
    }
}

fn list(args: &[String]) -> Result<String, CliError> {
    let flags = Flags::parse(args, &["--system", "--format"])?;
    if let Some(extra) = flags.positional.first() {
        return Err(CliError::usage(
            format!("unexpected argument `{extra}`"),
            "list takes only --system and --format",
        ));
    }
    let system = match flags.last("--system") {
        None => None,
        Some(name) => Some(System::from_name(name).ok_or_else(|| {
            CliError::usage(
                format!("unknown system `{name}`"),
                "the systems are djblets, matrix, py42 and tenable",
            )
        })?),
    };
    let selected: Vec<&Entry> = entries()
        .iter()
        .filter(|entry| system.is_none_or(|system| entry.system == system))
        .collect();
    match flags.last("--format").unwrap_or("table") {
        "table" => Ok(table(&selected)),
        "json" => Ok(pretty(&Value::Array(
            selected.iter().map(|e| entry_json(e)).collect(),
        ))),
        "markdown" => Ok(match system {
            None => markdown::page(),
            Some(system) => {
                let mut page = String::new();
                markdown::section(&mut page, system, &selected);
                page
            }
        }),
        other => Err(CliError::usage(
            format!("unknown format `{other}`"),
            "the formats are table, json and markdown",
        )),
    }
}

fn table(selected: &[&Entry]) -> String {
    let rows: Vec<[String; 6]> = selected
        .iter()
        .map(|entry| {
            let d = entry.descriptor;
            [
                entry.system.name().to_owned(),
                entry.name.to_owned(),
                entry.reference.to_owned(),
                d.code
                    .map(|c| c.to_string())
                    .unwrap_or_else(|| "-".to_owned()),
                d.status.as_u16().to_string(),
                d.errcode.unwrap_or("-").to_owned(),
            ]
        })
        .collect();
    let header = ["SYSTEM", "NAME", "REFERENCE", "CODE", "HTTP", "ERRCODE"].map(str::to_owned);
    let mut widths = [0; 6];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut text = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(widths)
            .map(|(cell, width)| format!("{cell:width$}"))
            .collect();
        text.push_str(cells.join("  ").trim_end());
        text.push('\n');
    }
    text
}

/// An entry as `list --format json` and `show` print it.
pub fn entry_json(entry: &Entry) -> Value {
    let d = entry.descriptor;
    let fields: Vec<Value> = d
        .fields
        .iter()
        .map(|field| json!({"name": field.name, "type": field.ty}))
        .collect();
    json!({
        "system": entry.system.name(),
        "name": entry.name,
        "reference": entry.reference,
        "code": d.code,
        "http": d.status.as_u16(),
        "errcode": d.errcode,
        "error_type": d.error_type,
        "parent": entry.parent_reference(),
        "fields": fields,
        "message": d.message,
        "doc": d.doc,
    })
}

fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string());
    text.push('\n');
    text
}

/// The entry `name` designates: a Rust name (with or without the module), a Python
/// reference, a numeric code or an errcode, in that order of preference.
pub fn find(name: &str) -> Option<&'static Entry> {
    let all = entries();
    let by = |matches: &dyn Fn(&Entry) -> bool| all.iter().find(|entry| matches(entry));
    by(&|e| e.name == name)
        .or_else(|| by(&|e| e.reference == name))
        .or_else(|| by(&|e| e.name.rsplit("::").next() == Some(name)))
        .or_else(|| by(&|e| e.reference.rsplit('.').next() == Some(name)))
        .or_else(|| {
            let code = name.parse::<i64>().ok()?;
            by(&|e| e.descriptor.code == Some(code))
        })
        .or_else(|| by(&|e| e.descriptor.errcode == Some(name)))
}

fn find_or_fail(name: &str) -> Result<&'static Entry, CliError> {
    find(name).ok_or_else(|| {
        CliError::usage(
            format!("no error named `{name}`"),
            "give a Rust name, Python reference, code or errcode; `error-catalog list` shows them",
        )
    })
}

fn show(args: &[String]) -> Result<String, CliError> {
    let flags = Flags::parse(args, &[])?;
    let entry = find_or_fail(flags.one_name("show")?)?;
    Ok(pretty(&entry_json(entry)))
}

const RENDER_FLAGS: &[&str] = &[
    "--set",
    "--message",
    "--subtype",
    "--detail",
    "--trace-id",
    "--format",
    "--response-status",
    "--response-header",
    "--response-body",
    "--response-method",
    "--response-url",
];

fn render(args: &[String]) -> Result<String, CliError> {
    let flags = Flags::parse(args, RENDER_FLAGS)?;
    let entry = find_or_fail(flags.one_name("render")?)?;
    let mut fields = Map::new();
    for assignment in flags.all("--set") {
        let (name, raw) = assignment.split_once('=').ok_or_else(|| {
            CliError::usage(
                format!("`--set {assignment}` has no `=`"),
                "write `--set FIELD=VALUE`",
            )
        })?;
        let field = entry.descriptor.field(name).ok_or_else(|| {
            CliError::value(
                format!("{} has no field `{name}`", entry.name),
                fields_hint(entry),
            )
        })?;
        let value = parse_value(field.ty, raw).map_err(|problem| {
            CliError::value(
                format!("bad value for `{name}` ({}): {problem}", field.ty),
                fields_hint(entry),
            )
        })?;
        fields.insert(name.to_owned(), value);
    }
    if let Some(record) = response_record(&flags)? {
        let field = entry
            .descriptor
            .fields
            .iter()
            .find(|field| field.ty.contains("ResponseRecord"))
            .ok_or_else(|| {
                CliError::value(
                    format!("{} does not wrap an HTTP response", entry.name),
                    "leave out the --response-* flags for this error",
                )
            })?;
        fields.insert(field.name.to_owned(), record);
    }
    let overrides = Overrides {
        message: flags.last("--message").map(|m| m.to_owned().into()),
        error_subtype: flags.last("--subtype").map(|s| s.to_owned().into()),
        detail: flags.last("--detail").map(|d| d.to_owned().into()),
        trace_id: flags.last("--trace-id").map(|t| t.to_owned().into()),
        ..Overrides::default()
    };
    let error = (entry.build)(fields, overrides).map_err(|problem| {
        CliError::value(
            format!("cannot build {}: {problem}", entry.name),
            fields_hint(entry),
        )
    })?;
    let format = match flags.last("--format").unwrap_or("native") {
        "native" => None,
        "problem" => Some(WireFormat::Problem),
        other => {
            return Err(CliError::usage(
                format!("unknown format `{other}`"),
                "the formats are native and problem",
            ));
        }
    };
    let response = error
        .render_dyn(&RenderOptions {
            format,
            ..RenderOptions::default()
        })
        .map_err(|problem| {
            CliError::value(
                format!("cannot render {}: {problem}", entry.name),
                "check header values for CR or LF",
            )
        })?;
    let headers = headers_json(response.headers());
    let body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    Ok(pretty(&json!({
        "status": response.status().as_u16(),
        "headers": headers,
        "body": body,
        "message": error.to_string(),
    })))
}

fn fields_hint(entry: &Entry) -> String {
    let fields: Vec<String> = entry
        .descriptor
        .fields
        .iter()
        .map(|f| format!("{}: {}", f.name, f.ty))
        .collect();
    if fields.is_empty() {
        format!("{} has no fields", entry.name)
    } else {
        format!("the fields of {} are {}", entry.name, fields.join(", "))
    }
}

/// A field value from its text, read as the field's Rust type says.
pub fn parse_value(ty: &str, raw: &str) -> Result<Value, String> {
    let (optional, inner) = match ty.strip_prefix("Option<").and_then(|t| t.strip_suffix('>')) {
        Some(inner) => (true, inner),
        None => (false, ty),
    };
    if optional && (raw == "null" || raw == "None") {
        return Ok(Value::Null);
    }
    match inner {
        "String" | "&'static str" | "Cow<'static, str>" => Ok(Value::String(raw.to_owned())),
        "i8" | "i16" | "i32" | "i64" | "isize" => raw
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("`{raw}` is not an integer")),
        "u8" | "u16" | "u32" | "u64" | "usize" => raw
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| format!("`{raw}` is not a non-negative integer")),
        "f32" | "f64" => raw
            .parse::<f64>()
            .ok()
            .and_then(|n| serde_json::Number::from_f64(n).map(Value::Number))
            .ok_or_else(|| format!("`{raw}` is not a number")),
        "bool" => raw
            .parse::<bool>()
            .map(Value::Bool)
            .map_err(|_| format!("`{raw}` is not true or false")),
        // Any other type is read as JSON; text that is not JSON is a string, so a field of a
        // type that holds text (py42's `PyValue`) needs no quotes.
        _ => Ok(serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned()))),
    }
}

fn response_record(flags: &Flags<'_>) -> Result<Option<Value>, CliError> {
    let given = [
        "--response-status",
        "--response-header",
        "--response-body",
        "--response-method",
        "--response-url",
    ]
    .iter()
    .any(|flag| flags.all(flag).next().is_some());
    if !given {
        return Ok(None);
    }
    let status = status_flag(flags, "--response-status", "a response")?;
    let headers: Vec<Value> = header_flags(flags, "--response-header")?
        .into_iter()
        .map(|(name, value)| json!([name, value]))
        .collect();
    Ok(Some(json!({
        "status": status,
        "method": flags.last("--response-method"),
        "url": flags.last("--response-url"),
        "headers": headers,
        "body": flags.last("--response-body").unwrap_or(""),
    })))
}

fn classify(args: &[String], stdin: &mut dyn std::io::Read) -> Result<String, CliError> {
    let flags = Flags::parse_with_switches(
        args,
        &["--system", "--status", "--header", "--body-file"],
        &["--trusted"],
    )?;
    if let Some(extra) = flags.positional.first() {
        return Err(CliError::usage(
            format!("unexpected argument `{extra}`"),
            "classify reads the body from --body-file or stdin",
        ));
    }
    let system = flags.last("--system").ok_or_else(|| {
        CliError::usage(
            "classify needs `--system`",
            "the systems are djblets, matrix, py42 and tenable",
        )
    })?;
    let system = System::from_name(system).ok_or_else(|| {
        CliError::usage(
            format!("unknown system `{system}`"),
            "the systems are djblets, matrix, py42 and tenable",
        )
    })?;
    let status = status_flag(&flags, "--status", "classify")?;
    let headers = header_flags(&flags, "--header")?;
    let limits = error_core::Limits::DEFAULT;
    let mut body = Vec::new();
    let read = match flags.last("--body-file") {
        Some(path) => std::fs::File::open(path).and_then(|file| {
            std::io::Read::read_to_end(
                &mut std::io::Read::take(file, limit_plus_one(&limits)),
                &mut body,
            )
        }),
        None => std::io::Read::read_to_end(
            &mut std::io::Read::take(stdin, limit_plus_one(&limits)),
            &mut body,
        ),
    };
    read.map_err(|error| {
        CliError::usage(
            format!("cannot read the body: {error}"),
            "check --body-file",
        )
    })?;
    let response = crate::classify::Response {
        status,
        headers,
        body,
        ..crate::classify::Response::default()
    };
    let trusted = flags.switches.contains(&"--trusted");
    let classification = crate::classify::classify(system, &response, trusted, &limits)
        .map_err(|problem| CliError::value(problem.to_string(), "the body must be at most 1 MiB and 64 levels deep; pyTenable raises only for non-2xx statuses"))?;
    Ok(pretty(&classification.to_json()))
}

/// Reads at most one byte past the limit: enough to know a body is too large, never more.
fn limit_plus_one(limits: &error_core::Limits) -> u64 {
    u64::try_from(limits.max_body_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
}

/// The status a `--status`-like flag gives, which `who` needs.
fn status_flag(flags: &Flags<'_>, flag: &str, who: &str) -> Result<u16, CliError> {
    let status = flags.last(flag).ok_or_else(|| {
        CliError::usage(
            format!("{who} needs `{flag} N`"),
            "give the status the response had",
        )
    })?;
    status.parse().map_err(|_| {
        CliError::usage(
            format!("`{flag} {status}` is not a status"),
            "give a number, like 404",
        )
    })
}

/// The `Name: value` headers a repeatable flag gives.
fn header_flags(flags: &Flags<'_>, flag: &str) -> Result<Vec<(String, String)>, CliError> {
    flags
        .all(flag)
        .map(|header| {
            let (name, value) = header.split_once(':').ok_or_else(|| {
                CliError::usage(
                    format!("`{flag} {header}` has no `:`"),
                    "write 'Name: value'",
                )
            })?;
            Ok((name.trim().to_owned(), value.trim().to_owned()))
        })
        .collect()
}

/// Response headers as a JSON object, names in lower case (as `http` keeps them).
pub fn headers_json(headers: &http::HeaderMap) -> Map<String, Value> {
    headers
        .iter()
        .map(|(name, value)| {
            let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), Value::String(text))
        })
        .collect()
}
