//! The `errwire-catalog` command line: `list`, `show`, `render`, `classify`, `contract`,
//! `diff`. clap reads the
//! grammar (and answers `--help` on every command); the messages of a misuse keep the tool's
//! own two-line form (`error: …` then `hint: …`, exit 2), which scripts read, so clap's
//! errors are translated into it (`from_clap`).

use std::ffi::OsStr;
use std::fmt;
use std::io::Write;

use clap::builder::{PossibleValue, TypedValueParser};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Args, CommandFactory, Parser, Subcommand};
use errwire::{Encoding, Overrides, RenderOptions, WireFormat};
use serde_json::{Map, Value, json};

use crate::markdown;
use crate::registry::{Entry, Kind, Shape, System, entries};

/// Why the tool stopped: a one-line message, a hint, and the exit code.
#[derive(Clone, Debug)]
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

// A value parser's `CliError` travels inside clap's error as its source, so that the
// translation can give it back unchanged.
impl std::error::Error for CliError {}

/// The overview `errwire-catalog help` (and `--help`, `-h`) prints. It is written by hand, not
/// generated, because scripts and users have read it byte for byte since before clap; a test
/// checks that it names every command and flag clap knows, so the two cannot drift apart.
const USAGE: &str = "\
usage: errwire-catalog <command>

commands:
  list [--system djblets|matrix|py42|tenable] [--format table|json|markdown]
  show NAME                      NAME: Rust name, Python reference, numeric code or errcode
  render NAME [--set FIELD=VALUE]... [--message M] [--subtype S] [--detail D] [--trace-id T]
              [--format native|problem] [--response-status N] [--response-header 'Name: value']...
              [--response-body TEXT] [--response-method M] [--response-url U]
              [--accept VALUE] [--query QUERY] [--header 'Name: value']... [--extra KEY=JSON]...
              [--synapse-config msc3848]...   answered as a server would: body_text is the body sent
  classify --system djblets|matrix|py42|tenable --status N [--header 'Name: value']...
              [--reason TEXT] [--body-file F] [--trusted | --client]   the body is stdin without --body-file
  contract [--system djblets|matrix|py42|tenable] [--format json|markdown|openapi]
  diff OLD NEW                   the changes between two contract files; exit 1 if one breaks
";

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "errwire-catalog",
    override_help = USAGE,
    subcommand_required = true,
    // A flag given twice takes its last value, as the tool always did.
    args_override_self = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Lists the declared errors, as a table, JSON or the Markdown of CATALOG.md.
    List(ListArgs),
    /// Shows one error's declaration as JSON.
    Show(ShowArgs),
    /// Renders one error as the HTTP response its library sends: status, headers, body.
    Render(Box<RenderArgs>),
    /// Reads a received response (the body from stdin or --body-file) as the typed catalog
    /// error, by the rules of one library.
    Classify(ClassifyArgs),
    /// Exports the error contract of the declared errors: JSON, Markdown (CATALOG.md) or
    /// OpenAPI components.
    Contract(ContractArgs),
    /// Prints the changes between two contract files; exits 1 when one breaks clients.
    Diff(DiffArgs),
}

#[derive(Debug, Args)]
struct ContractArgs {
    /// Only the errors of this library.
    #[arg(long, value_name = "SYSTEM", allow_hyphen_values = true, value_parser = system_parser())]
    system: Option<System>,
    /// How to write the contract.
    #[arg(long, value_name = "FORMAT", allow_hyphen_values = true, default_value = "json", value_parser = Choice::<ContractFormat>::new())]
    format: ContractFormat,
}

#[derive(Debug, Args)]
struct DiffArgs {
    /// The contract file clients were written against.
    old: std::path::PathBuf,
    /// The contract file of the new version.
    new: std::path::PathBuf,
}

// Every option takes the next argument as its value even when it starts with `-` (a message
// `--message -1`), as the tool always did.

#[derive(Debug, Args)]
struct ListArgs {
    /// Only the errors of this library.
    #[arg(long, value_name = "SYSTEM", allow_hyphen_values = true, value_parser = system_parser())]
    system: Option<System>,
    /// How to print the list.
    #[arg(long, value_name = "FORMAT", allow_hyphen_values = true, default_value = "table", value_parser = Choice::<ListFormat>::new())]
    format: ListFormat,
}

#[derive(Debug, Args)]
struct ShowArgs {
    /// A Rust name (with or without its module), a Python reference, a numeric code or an
    /// errcode.
    name: String,
}

#[derive(Debug, Args)]
struct RenderArgs {
    /// The error: a Rust name, a Python reference, a numeric code or an errcode.
    name: String,
    /// A field's value (repeat for each field); text that is not JSON is a string where the
    /// field takes any value.
    #[arg(long, value_name = "FIELD=VALUE", allow_hyphen_values = true, value_parser = assignment_parser())]
    set: Vec<(String, String)>,
    /// Replaces the message.
    #[arg(long, value_name = "M", allow_hyphen_values = true)]
    message: Option<String>,
    /// Sets the error subtype.
    #[arg(long, value_name = "S", allow_hyphen_values = true)]
    subtype: Option<String>,
    /// Sets the detail.
    #[arg(long, value_name = "D", allow_hyphen_values = true)]
    detail: Option<String>,
    /// Sets the trace id.
    #[arg(long, value_name = "T", allow_hyphen_values = true)]
    trace_id: Option<String>,
    /// The wire format: the error's own, or RFC 9457 problem details.
    #[arg(long, value_name = "FORMAT", allow_hyphen_values = true, default_value = "native", value_parser = Choice::<RenderFormat>::new())]
    format: RenderFormat,
    /// For an error that wraps an HTTP response: that response's status.
    #[arg(long, value_name = "N", allow_hyphen_values = true, value_parser = status_parser("--response-status"))]
    response_status: Option<u16>,
    /// A header of the wrapped response (repeatable).
    #[arg(long, value_name = "'Name: value'", allow_hyphen_values = true, value_parser = header_parser("--response-header"))]
    response_header: Vec<(String, String)>,
    /// The body of the wrapped response.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    response_body: Option<String>,
    /// The method of the request the wrapped response answered.
    #[arg(long, value_name = "M", allow_hyphen_values = true)]
    response_method: Option<String>,
    /// The URL of the request the wrapped response answered.
    #[arg(long, value_name = "U", allow_hyphen_values = true)]
    response_url: Option<String>,
    /// The `Accept` of the request answered: `application/problem+json` preferred gives
    /// problem details, `application/xml` a Djblets error in XML.
    #[arg(long, value_name = "VALUE", allow_hyphen_values = true)]
    accept: Option<String>,
    /// The query string of the request answered (Djblets reads `api_format=json|xml` and
    /// `callback=NAME` for JSONP).
    #[arg(long, value_name = "QUERY", allow_hyphen_values = true)]
    query: Option<String>,
    /// A header of the response (repeatable), as Djblets' `WebAPIResponseError(headers=…)`:
    /// the error's own headers win, except `Content-Type`.
    #[arg(long, value_name = "'Name: value'", allow_hyphen_values = true, value_parser = header_parser("--header"))]
    header: Vec<(String, String)>,
    /// A member added to the body's root (repeatable), as Djblets' `extra_params`.
    #[arg(long, value_name = "KEY=JSON", allow_hyphen_values = true, value_parser = extra_parser())]
    extra: Vec<(String, Value)>,
    /// A Synapse homeserver option in force (repeatable), as `error_dict(config)` reads it:
    /// `msc3848` (`experimental_features.msc3848_enabled`).
    #[arg(long, value_name = "OPTION", allow_hyphen_values = true, value_parser = Choice::<SynapseOption>::new())]
    synapse_config: Vec<SynapseOption>,
}

impl RenderArgs {
    /// Whether any `--response-*` flag was given.
    fn has_response(&self) -> bool {
        self.response_status.is_some()
            || !self.response_header.is_empty()
            || self.response_body.is_some()
            || self.response_method.is_some()
            || self.response_url.is_some()
    }
}

#[derive(Debug, Args)]
struct ClassifyArgs {
    /// The library whose rules classify the response.
    #[arg(long, value_name = "SYSTEM", required = true, allow_hyphen_values = true, value_parser = system_parser())]
    system: Option<System>,
    /// The response's status.
    #[arg(long, value_name = "N", required = true, allow_hyphen_values = true, value_parser = status_parser("--status"))]
    status: Option<u16>,
    /// A response header (repeatable).
    #[arg(long, value_name = "'Name: value'", allow_hyphen_values = true, value_parser = header_parser("--header"))]
    header: Vec<(String, String)>,
    /// The response's reason phrase as received (any text, possibly empty); without it,
    /// the status's standard phrase. Synapse's fallbacks take it as the message.
    #[arg(long, value_name = "TEXT", allow_hyphen_values = true)]
    reason: Option<String>,
    /// Reads the body from this file instead of stdin.
    #[arg(long, value_name = "F", allow_hyphen_values = true)]
    body_file: Option<std::path::PathBuf>,
    /// Matrix only: relays the remote errcode and status verbatim, as Synapse does for its
    /// own workers (`unsafe_to_verbatim_synapse_error()`).
    #[arg(long, conflicts_with = "client")]
    trusted: bool,
    /// Classifies as a client of the API: for Matrix, the errcode's most specific catalog
    /// error with its fields (a rate limit with its retry fields), rather than Synapse's
    /// relay of a remote error; the same rules as without it for the other libraries.
    #[arg(long)]
    client: bool,
}

/// A value of one of a few named choices, listed in `--help`; any other value is the
/// `CliError` `unknown` makes.
trait Named: Copy + Send + Sync + 'static {
    /// Every choice, in the order `--help` lists them.
    const ALL: &'static [Self];
    /// The name on the command line.
    fn name(self) -> &'static str;
    /// The error for a value that names no choice.
    fn unknown(value: &str) -> CliError;
}

impl Named for System {
    const ALL: &'static [Self] = &System::ALL;

    fn name(self) -> &'static str {
        System::name(self)
    }

    fn unknown(value: &str) -> CliError {
        CliError::usage(
            format!("unknown system `{value}`"),
            "the systems are djblets, matrix, py42 and tenable",
        )
    }
}

#[derive(Clone, Copy, Debug)]
enum ListFormat {
    Table,
    Json,
    Markdown,
}

impl Named for ListFormat {
    const ALL: &'static [Self] = &[ListFormat::Table, ListFormat::Json, ListFormat::Markdown];

    fn name(self) -> &'static str {
        match self {
            ListFormat::Table => "table",
            ListFormat::Json => "json",
            ListFormat::Markdown => "markdown",
        }
    }

    fn unknown(value: &str) -> CliError {
        CliError::usage(
            format!("unknown format `{value}`"),
            "the formats are table, json and markdown",
        )
    }
}

#[derive(Clone, Copy, Debug)]
enum ContractFormat {
    Json,
    Markdown,
    Openapi,
}

impl Named for ContractFormat {
    const ALL: &'static [Self] = &[
        ContractFormat::Json,
        ContractFormat::Markdown,
        ContractFormat::Openapi,
    ];

    fn name(self) -> &'static str {
        match self {
            ContractFormat::Json => "json",
            ContractFormat::Markdown => "markdown",
            ContractFormat::Openapi => "openapi",
        }
    }

    fn unknown(value: &str) -> CliError {
        CliError::usage(
            format!("unknown format `{value}`"),
            "the formats are json, markdown and openapi",
        )
    }
}

#[derive(Clone, Copy, Debug)]
enum RenderFormat {
    Native,
    Problem,
}

impl Named for RenderFormat {
    const ALL: &'static [Self] = &[RenderFormat::Native, RenderFormat::Problem];

    fn name(self) -> &'static str {
        match self {
            RenderFormat::Native => "native",
            RenderFormat::Problem => "problem",
        }
    }

    fn unknown(value: &str) -> CliError {
        CliError::usage(
            format!("unknown format `{value}`"),
            "the formats are native and problem",
        )
    }
}

/// A homeserver option of Synapse's that changes error bodies (`render --synapse-config`).
#[derive(Clone, Copy, Debug)]
enum SynapseOption {
    /// `experimental_features.msc3848_enabled`.
    Msc3848,
}

impl Named for SynapseOption {
    const ALL: &'static [Self] = &[SynapseOption::Msc3848];

    fn name(self) -> &'static str {
        match self {
            SynapseOption::Msc3848 => "msc3848",
        }
    }

    fn unknown(value: &str) -> CliError {
        CliError::usage(
            format!("unknown Synapse option `{value}`"),
            "the one option that changes error bodies is msc3848",
        )
    }
}

/// The value parser of a [`Named`] choice: lists the choices in `--help`, and refuses any
/// other value with the choice's own `CliError`.
#[derive(Clone, Copy)]
struct Choice<T>(std::marker::PhantomData<T>);

impl<T> Choice<T> {
    const fn new() -> Self {
        Choice(std::marker::PhantomData)
    }
}

impl<T: Named> TypedValueParser for Choice<T> {
    type Value = T;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<T, clap::Error> {
        // A function parser wraps its error as the source of clap's, where `from_clap`
        // finds it again.
        let parse = |text: &str| {
            T::ALL
                .iter()
                .copied()
                .find(|choice| choice.name() == text)
                .ok_or_else(|| T::unknown(text))
        };
        parse.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            T::ALL
                .iter()
                .map(|choice| PossibleValue::new(choice.name())),
        ))
    }
}

fn system_parser() -> Choice<System> {
    Choice::new()
}

/// Reads a status given with `flag`.
fn status_parser(flag: &'static str) -> impl TypedValueParser<Value = u16> {
    move |text: &str| {
        text.parse::<u16>().map_err(|_| {
            CliError::usage(
                format!("`{flag} {text}` is not a status"),
                "give a number, like 404",
            )
        })
    }
}

/// Reads a `Name: value` header given with `flag`; both sides are trimmed.
fn header_parser(flag: &'static str) -> impl TypedValueParser<Value = (String, String)> {
    move |header: &str| {
        let (name, value) = header.split_once(':').ok_or_else(|| {
            CliError::usage(
                format!("`{flag} {header}` has no `:`"),
                "write 'Name: value'",
            )
        })?;
        Ok::<_, CliError>((name.trim().to_owned(), value.trim().to_owned()))
    }
}

/// Reads an `--extra KEY=JSON`: the value is JSON, or text where it is not.
fn extra_parser() -> impl TypedValueParser<Value = (String, Value)> {
    |assignment: &str| {
        let (name, raw) = assignment.split_once('=').ok_or_else(|| {
            CliError::usage(
                format!("`--extra {assignment}` has no `=`"),
                "write `--extra KEY=JSON`",
            )
        })?;
        let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned()));
        Ok::<_, CliError>((name.to_owned(), value))
    }
}

/// Reads a `--set FIELD=VALUE`, split at the first `=`.
fn assignment_parser() -> impl TypedValueParser<Value = (String, String)> {
    |assignment: &str| {
        let (name, raw) = assignment.split_once('=').ok_or_else(|| {
            CliError::usage(
                format!("`--set {assignment}` has no `=`"),
                "write `--set FIELD=VALUE`",
            )
        })?;
        Ok::<_, CliError>((name.to_owned(), raw.to_owned()))
    }
}

/// Runs the tool on `args` (without the program name), writing results to `out`.
pub fn run(args: &[String], out: &mut dyn Write) -> Result<(), CliError> {
    let program = std::iter::once("errwire-catalog");
    // A failure that still prints its text first: `diff` with a breaking change.
    let mut failure = None;
    let text = match Cli::try_parse_from(program.chain(args.iter().map(String::as_str))) {
        Ok(cli) => match cli.command {
            Command::Contract(contract_args) => contract(&contract_args)?,
            Command::Diff(diff_args) => {
                let (text, breaking) = diff(&diff_args)?;
                failure = breaking;
                text
            }
            Command::List(list_args) => list(&list_args)?,
            Command::Show(show_args) => show(&show_args)?,
            Command::Render(render_args) => render(&render_args)?,
            Command::Classify(classify_args) => {
                classify(&classify_args, &mut std::io::stdin().lock())?
            }
        },
        // `--help` and `help` are no errors: their text goes to stdout, and the tool succeeds.
        Err(error) if error.kind() == ErrorKind::DisplayHelp => error.to_string(),
        Err(error) => return Err(from_clap(&error, args)),
    };
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|error| {
            CliError::value(format!("cannot write output: {error}"), "check stdout")
        })?;
    failure.map_or(Ok(()), Err)
}

/// `contract`: the seed catalogs' error contract, of one system or all.
fn contract(args: &ContractArgs) -> Result<String, CliError> {
    let contract = crate::contract::seed(args.system);
    match args.format {
        ContractFormat::Json => Ok(contract.to_json()),
        // CATALOG.md's page, which is written from the same contract.
        ContractFormat::Markdown => list(&ListArgs {
            system: args.system,
            format: ListFormat::Markdown,
        }),
        ContractFormat::Openapi => openapi(&contract),
    }
}

#[cfg(feature = "utoipa")]
fn openapi(contract: &errwire::contract::Contract) -> Result<String, CliError> {
    let components = contract.to_openapi();
    serde_json::to_value(&components)
        .map(|value| pretty(&json!({ "components": value })))
        .map_err(|error| CliError::value(format!("cannot write OpenAPI: {error}"), "report it"))
}

#[cfg(not(feature = "utoipa"))]
fn openapi(_: &errwire::contract::Contract) -> Result<String, CliError> {
    Err(CliError::usage(
        "this errwire-catalog was built without OpenAPI",
        "install it with `--features utoipa` for `--format openapi`",
    ))
}

/// `diff OLD NEW`: the report, and the failure to return after printing it when a change
/// is breaking.
fn diff(args: &DiffArgs) -> Result<(String, Option<CliError>), CliError> {
    let read = |path: &std::path::Path| {
        errwire::contract::Contract::read(path).map_err(|error| {
            CliError::usage(
                error.to_string(),
                "give two contract files, as `errwire-catalog contract` or errwire::contract write them",
            )
        })
    };
    let (old, new) = (read(&args.old)?, read(&args.new)?);
    let report = errwire::contract::diff(&old, &new);
    let breaking = report.breaking().count();
    let failure = (breaking > 0).then(|| {
        CliError::value(
            format!(
                "{breaking} breaking change{} from {} to {}",
                if breaking == 1 { "" } else { "s" },
                args.old.display(),
                args.new.display()
            ),
            "clients written against the old contract may break: keep the old values, or release a new major version",
        )
    });
    Ok((report.to_string(), failure))
}

/// clap's error for `args`, in the tool's own words: the message and hint each misuse has
/// always had, so that scripts reading stderr keep working.
fn from_clap(error: &clap::Error, args: &[String]) -> CliError {
    if let Some(own) = std::error::Error::source(error).and_then(|s| s.downcast_ref::<CliError>()) {
        return own.clone();
    }
    let command = args.first().map(String::as_str).unwrap_or_default();
    let subcommand = Cli::command()
        .get_subcommands()
        .find(|sub| sub.get_name() == command)
        .cloned();
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(text)) => Some(text.as_str()),
        Some(ContextValue::Strings(texts)) => texts.first().map(String::as_str),
        _ => None,
    };
    // clap names an argument with its value name (`--system <SYSTEM>`); the flag is before it.
    let flag = context(ContextKind::InvalidArg)
        .map(|arg| arg.split(' ').next().unwrap_or(arg).to_owned())
        .unwrap_or_default();
    match (error.kind(), subcommand) {
        (ErrorKind::MissingSubcommand, _) => CliError::usage(
            "no command given",
            "run `errwire-catalog help` for the commands",
        ),
        (ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument, None) => {
            let given = context(ContextKind::InvalidSubcommand)
                .map(str::to_owned)
                .unwrap_or(flag);
            CliError::usage(
                format!("unknown command `{given}`"),
                "the commands are list, show, render and classify; run `errwire-catalog help`",
            )
        }
        (ErrorKind::UnknownArgument, Some(sub)) if flag.starts_with('-') => {
            let takes: Vec<String> = sub
                .get_arguments()
                .filter_map(clap::Arg::get_long)
                .filter(|long| *long != "help")
                .map(|long| format!("--{long}"))
                .collect();
            let hint = if takes.is_empty() {
                format!("`{command}` takes no flags")
            } else {
                format!("this command takes {}", takes.join(", "))
            };
            CliError::usage(format!("unknown flag `{flag}`"), hint)
        }
        (ErrorKind::UnknownArgument, Some(_)) => CliError::usage(
            format!("unexpected argument `{flag}`"),
            match command {
                "list" => "list takes only --system and --format".to_owned(),
                "classify" => "classify reads the body from --body-file or stdin".to_owned(),
                _ => format!("`{command}` takes one name; quote values that contain spaces"),
            },
        ),
        (ErrorKind::InvalidValue, _) if flag.starts_with("--") => CliError::usage(
            format!("`{flag}` needs a value"),
            format!("write `{flag} VALUE`"),
        ),
        (ErrorKind::MissingRequiredArgument, _) if flag.starts_with('<') => CliError::usage(
            format!("`{command}` needs an error name"),
            "give a Rust name, Python reference, code or errcode; `errwire-catalog list` shows them",
        ),
        (ErrorKind::MissingRequiredArgument, _) if flag == "--system" => CliError::usage(
            format!("{command} needs `--system`"),
            "the systems are djblets, matrix, py42 and tenable",
        ),
        (ErrorKind::MissingRequiredArgument, _) => CliError::usage(
            format!("{command} needs `{flag} N`"),
            "give the status the response had",
        ),
        // Anything else keeps clap's own words: its first line, without its `error: `.
        _ => {
            let text = error.to_string();
            let first = text.lines().next().unwrap_or_default();
            CliError::usage(
                first.strip_prefix("error: ").unwrap_or(first),
                format!("run `errwire-catalog {command} --help`"),
            )
        }
    }
}

fn list(args: &ListArgs) -> Result<String, CliError> {
    let system = args.system;
    let selected: Vec<&Entry> = entries()
        .iter()
        .filter(|entry| system.is_none_or(|system| entry.system == system))
        .collect();
    Ok(match args.format {
        ListFormat::Table => table(&selected),
        ListFormat::Json => pretty(&Value::Array(
            selected.iter().map(|e| entry_json(e)).collect(),
        )),
        ListFormat::Markdown => match system {
            None => markdown::page(),
            Some(system) => {
                let mut page = String::new();
                markdown::section(&mut page, system, &selected);
                page
            }
        },
    })
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
            "give a Rust name, Python reference, code or errcode; `errwire-catalog list` shows them",
        )
    })
}
fn show(args: &ShowArgs) -> Result<String, CliError> {
    let entry = find_or_fail(&args.name)?;
    Ok(pretty(&entry_json(entry)))
}

fn render(args: &RenderArgs) -> Result<String, CliError> {
    let entry = find_or_fail(&args.name)?;
    let mut fields = Map::new();
    for (name, raw) in &args.set {
        let field = entry.descriptor.field(name).ok_or_else(|| {
            CliError::value(
                format!("{} has no field `{name}`", entry.name),
                fields_hint(entry),
            )
        })?;
        let value = parse_value((entry.field_shape)(field.name), raw).map_err(|problem| {
            CliError::value(
                format!("bad value for `{name}` ({}): {problem}", field.ty),
                fields_hint(entry),
            )
        })?;
        fields.insert(name.clone(), value);
    }
    if let Some(record) = response_record(args)? {
        let field = entry
            .descriptor
            .fields
            .iter()
            .find(|field| wraps_response(entry, field.name, &record))
            .ok_or_else(|| {
                CliError::value(
                    format!("{} does not wrap an HTTP response", entry.name),
                    "leave out the --response-* flags for this error",
                )
            })?;
        fields.insert(field.name.to_owned(), record);
    }
    let overrides = Overrides {
        message: args.message.clone().map(Into::into),
        error_subtype: args.subtype.clone().map(Into::into),
        detail: args.detail.clone().map(Into::into),
        trace_id: args.trace_id.clone().map(Into::into),
        ..Overrides::default()
    };
    let config = homeserver_config(&args.synapse_config);
    let config_members = config.members(entry.descriptor, &fields);
    let error = (entry.build)(fields, overrides).map_err(|problem| {
        CliError::value(
            format!("cannot build {}: {problem}", entry.name),
            fields_hint(entry),
        )
    })?;
    // The request answered, as a server reads it.
    let (mut request, ()) = http::Request::new(()).into_parts();
    if let Some(accept) = &args.accept {
        let value = http::HeaderValue::from_str(accept).map_err(|_| {
            CliError::usage(
                format!("`--accept {accept:?}` is no header value"),
                "leave out CR, LF and other control characters",
            )
        })?;
        request.headers.insert(http::header::ACCEPT, value);
    }
    let djblets = errwire::negotiation::djblets(args.query.as_deref(), &request.headers);
    let native = error.descriptor().format;
    let format = match args.format {
        RenderFormat::Problem => Some(WireFormat::Problem),
        RenderFormat::Native
            if !(native == WireFormat::Djblets && djblets != Default::default())
                && errwire::negotiation::prefers_problem(&request.headers) =>
        {
            Some(WireFormat::Problem)
        }
        RenderFormat::Native => None,
    };
    let (encoding, callback) = match format.unwrap_or(native) {
        WireFormat::Djblets => (djblets.encoding, djblets.callback.as_deref()),
        _ => (Encoding::Json, None),
    };
    let mut response_headers = http::HeaderMap::new();
    for (name, value) in &args.header {
        let (Ok(name), Ok(value)) = (
            http::HeaderName::from_bytes(name.as_bytes()),
            http::HeaderValue::from_str(value),
        ) else {
            return Err(CliError::usage(
                format!("`--header {name}: {value}` is no valid header"),
                "write 'Name: value', a token name and a value without CR or LF",
            ));
        };
        response_headers.append(name, value);
    }
    let mut extra: Map<String, Value> = config_members;
    extra.extend(args.extra.iter().cloned());
    let response = error
        .render_dyn(&RenderOptions {
            format,
            request: Some(&request),
            extra: (!extra.is_empty()).then_some(&extra),
            encoding,
            callback,
            response_headers: (!response_headers.is_empty()).then_some(&response_headers),
        })
        .map_err(|problem| {
            CliError::value(
                format!("cannot render {}: {problem}", entry.name),
                "check header values for CR or LF, and that a callback is a JavaScript name",
            )
        })?;
    let headers = headers_json(response.headers());
    let body: Value = serde_json::from_slice(response.body()).unwrap_or(Value::Null);
    Ok(pretty(&json!({
        "status": response.status().as_u16(),
        "headers": headers,
        "body": body,
        "body_text": String::from_utf8_lossy(response.body()),
        "message": error.to_string(),
    })))
}

/// The homeserver config the `--synapse-config` options make.
fn homeserver_config(options: &[SynapseOption]) -> crate::synapse::HomeserverConfig {
    let mut config = crate::synapse::HomeserverConfig::default();
    for option in options {
        match option {
            SynapseOption::Msc3848 => config.msc3848_enabled = true,
        }
    }
    config
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

/// A field value from its text, read as the field's type asks (its [`Shape`], from its own
/// `Deserialize`): text as is, numbers and booleans parsed, `null` or `None` for an absent
/// optional value.
pub fn parse_value(shape: Shape, raw: &str) -> Result<Value, String> {
    if shape.optional && (raw == "null" || raw == "None") {
        return Ok(Value::Null);
    }
    match shape.kind {
        Kind::Text => Ok(Value::String(raw.to_owned())),
        Kind::Signed => raw
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("`{raw}` is not an integer")),
        Kind::Unsigned => raw
            .parse::<u64>()
            .map(Value::from)
            .map_err(|_| format!("`{raw}` is not a non-negative integer")),
        Kind::Float => raw
            .parse::<f64>()
            .ok()
            .and_then(|n| serde_json::Number::from_f64(n).map(Value::Number))
            .ok_or_else(|| format!("`{raw}` is not a number")),
        Kind::Bool => raw
            .parse::<bool>()
            .map(Value::Bool)
            .map_err(|_| format!("`{raw}` is not true or false")),
        // Any other type is read as JSON; text that is not JSON is a string, so a field of a
        // type that holds text (py42's `PyValue`) needs no quotes.
        Kind::Other => {
            Ok(serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_owned())))
        }
    }
}

/// Whether field `name` of `entry` is the HTTP response the error wraps: it reads the
/// `record` the `--response-*` flags make, and refuses an object without a status, which a
/// map or an any-value field would take.
fn wraps_response(entry: &Entry, name: &str, record: &Value) -> bool {
    (entry.field_accepts)(name, record).is_ok()
        && (entry.field_accepts)(name, &Value::Object(Map::new())).is_err()
}

/// The response the `--response-*` flags describe, as a `ResponseRecord`'s JSON; `None`
/// when none is given.
fn response_record(args: &RenderArgs) -> Result<Option<Value>, CliError> {
    if !args.has_response() {
        return Ok(None);
    }
    let status = args.response_status.ok_or_else(|| {
        CliError::usage(
            "a response needs `--response-status N`",
            "give the status the response had",
        )
    })?;
    let headers: Vec<Value> = args
        .response_header
        .iter()
        .map(|(name, value)| json!([name, value]))
        .collect();
    Ok(Some(json!({
        "status": status,
        "method": args.response_method,
        "url": args.response_url,
        "headers": headers,
        "body": args.response_body.as_deref().unwrap_or(""),
    })))
}

fn classify(args: &ClassifyArgs, stdin: &mut dyn std::io::Read) -> Result<String, CliError> {
    // clap requires both flags; the types are optional only so that a missing one is
    // reported by clap, in `from_clap`'s words.
    let (Some(system), Some(status)) = (args.system, args.status) else {
        return Err(CliError::usage(
            "classify needs `--system` and `--status N`",
            "the systems are djblets, matrix, py42 and tenable",
        ));
    };
    let limits = errwire::Limits::DEFAULT;
    let mut body = Vec::new();
    let read = match &args.body_file {
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
        headers: args.header.clone(),
        body,
        reason: args.reason.clone(),
        ..crate::classify::Response::default()
    };
    let classified = if args.client {
        crate::classify::classify_client(system, &response, &limits)
    } else {
        crate::classify::classify(system, &response, args.trusted, &limits)
    };
    let classification = classified
        .map_err(|problem| CliError::value(problem.to_string(), "the body must be at most 1 MiB and 64 levels deep; pyTenable raises only for non-2xx statuses"))?;
    Ok(pretty(&classification.to_json()))
}

/// Reads at most one byte past the limit: enough to know a body is too large, never more.
fn limit_plus_one(limits: &errwire::Limits) -> u64 {
    u64::try_from(limits.max_body_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written overview names every command and every flag clap accepts, so a flag
    /// added to the grammar cannot be left out of `errwire-catalog help`.
    #[test]
    fn usage_names_every_command_and_flag() {
        let cli = Cli::command();
        let mut missing = Vec::new();
        for sub in cli.get_subcommands() {
            let line = USAGE
                .lines()
                .skip_while(|line| !line.trim_start().starts_with(sub.get_name()))
                .take_while(|line| {
                    line.trim_start().starts_with(sub.get_name()) || line.starts_with("      ")
                })
                .collect::<Vec<_>>()
                .join(" ");
            if line.is_empty() {
                missing.push(sub.get_name().to_owned());
            }
            for long in sub.get_arguments().filter_map(clap::Arg::get_long) {
                if long != "help" && !line.contains(&format!("--{long}")) {
                    missing.push(format!("{} --{long}", sub.get_name()));
                }
            }
        }
        assert!(missing.is_empty(), "USAGE does not name {missing:?}");
    }

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    fn run_args(args: &[&str]) -> Result<String, CliError> {
        let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
        let mut out = Vec::new();
        run(&args, &mut out).map(|()| String::from_utf8_lossy(&out).into_owned())
    }

    #[test]
    fn a_value_parser_error_comes_back_as_the_tools_own() {
        let error = run_args(&["list", "--system", "nope"]).err();
        let error = error.map(|e| (e.exit_code, e.to_string()));
        assert_eq!(
            error,
            Some((
                2,
                "error: unknown system `nope`\nhint: the systems are djblets, matrix, py42 and tenable"
                    .to_owned()
            ))
        );
    }

    /// The response field is found by what the field reads, whatever its name or type.
    #[test]
    fn the_response_field_is_the_one_that_reads_a_response() {
        let record = json!({"status": 404, "headers": [], "body": ""});
        let wrapping = |reference: &str| {
            let entry = entries().iter().find(|e| e.reference == reference)?;
            entry
                .descriptor
                .fields
                .iter()
                .find(|field| wraps_response(entry, field.name, &record))
                .map(|field| field.name)
        };
        assert_eq!(wrapping("tenable.errors.NotFoundError"), Some("response"));
        assert_eq!(
            wrapping("py42.exceptions.Py42NotFoundError"),
            Some("exception")
        );
        assert_eq!(
            wrapping("synapse.api.errors.HttpResponseException"),
            Some("response")
        );
        // A map of extra members and a Python exception read objects too, but no response.
        assert_eq!(wrapping("synapse.api.errors.SynapseError"), None);
        assert_eq!(
            wrapping("synapse.api.errors.InteractiveAuthIncompleteError"),
            None
        );
        assert_eq!(
            wrapping("py42.exceptions.Py42SessionInitializationError"),
            None
        );
    }

    #[test]
    fn values_are_parsed_by_shape() {
        let shape = |optional, kind| Shape { optional, kind };
        assert_eq!(parse_value(shape(false, Kind::Text), "42"), Ok(json!("42")));
        assert_eq!(parse_value(shape(false, Kind::Other), "42"), Ok(json!(42)));
        assert_eq!(
            parse_value(shape(false, Kind::Other), "a b"),
            Ok(json!("a b"))
        );
        assert_eq!(
            parse_value(shape(true, Kind::Unsigned), "None"),
            Ok(Value::Null)
        );
        assert_eq!(
            parse_value(shape(false, Kind::Unsigned), "-1"),
            Err("`-1` is not a non-negative integer".to_owned())
        );
        assert_eq!(parse_value(shape(false, Kind::Signed), "-1"), Ok(json!(-1)));
        assert_eq!(
            parse_value(shape(false, Kind::Float), "1e16"),
            Ok(json!(1e16))
        );
        assert!(parse_value(shape(false, Kind::Bool), "yes").is_err());
    }

    #[test]
    fn the_last_of_a_repeated_flag_wins() {
        let text = run_args(&["list", "--format", "table", "--format", "json"]);
        assert!(text.is_ok_and(|text| text.starts_with('[')));
    }
}
