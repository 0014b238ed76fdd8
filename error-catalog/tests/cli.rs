//! The `errwire-catalog` tool, run as a user runs it, and the committed CATALOG.md.

use std::process::Command;

use serde_json::{Value, json};

mod tool;

use tool::tool;

fn json_of(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or(Value::Null)
}

#[test]
fn list_json_has_exactly_the_documented_keys() {
    let (code, out, err) = tool(&["list", "--format", "json"]);
    assert_eq!(code, 0, "{err}");
    let entries = json_of(&out);
    let entries = entries.as_array().map_or(&[][..], Vec::as_slice);
    assert!(entries.len() >= 18, "{} entries", entries.len());
    let mut keys: Vec<&str> = entries[0]
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    keys.sort_unstable();
    assert_eq!(
        keys,
        [
            "code",
            "doc",
            "errcode",
            "error_type",
            "fields",
            "http",
            "message",
            "name",
            "parent",
            "reference",
            "system"
        ]
    );
    for entry in entries {
        assert!(
            entry["http"]
                .as_u64()
                .is_some_and(|s| (300..600).contains(&s)),
            "{entry}"
        );
        assert!(
            entry["reference"].as_str().is_some_and(|r| !r.is_empty()),
            "{entry}"
        );
        for field in entry["fields"].as_array().map_or(&[][..], Vec::as_slice) {
            assert!(
                field["name"].is_string() && field["type"].is_string(),
                "{entry}"
            );
        }
    }
}

#[test]
fn list_filters_by_system_and_prints_a_table() {
    let (code, out, _) = tool(&["list", "--system", "djblets", "--format", "json"]);
    assert_eq!(code, 0);
    let entries = json_of(&out);
    let systems: Vec<&str> = entries
        .as_array()
        .map(|a| a.iter().filter_map(|e| e["system"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(systems.len(), 18);
    assert!(systems.iter().all(|s| *s == "djblets"));
    let (code, out, _) = tool(&["list", "--system", "djblets"]);
    assert_eq!(code, 0);
    assert!(out.lines().next().is_some_and(|h| h.starts_with("SYSTEM")));
    assert!(out.contains("djblets.webapi.errors.RATE_LIMIT_EXCEEDED"));
}

#[test]
fn show_finds_by_rust_name_reference_and_code() {
    for name in [
        "djblets::WebApiError::InvalidFormData",
        "djblets.webapi.errors.INVALID_FORM_DATA",
        "105",
        "InvalidFormData",
    ] {
        let (code, out, err) = tool(&["show", name]);
        assert_eq!(code, 0, "{name}: {err}");
        assert_eq!(
            json_of(&out)["reference"],
            "djblets.webapi.errors.INVALID_FORM_DATA",
            "{name}"
        );
    }
}

#[test]
fn render_builds_with_fields_and_overrides() {
    let (code, out, err) = tool(&[
        "render",
        "djblets.webapi.errors.WebAPIError",
        "--set",
        "code=300",
        "--set",
        "msg=Quota",
        "--set",
        "http_status=402",
        "--set",
        r#"headers={"Retry-After":"60"}"#,
        "--trace-id",
        "t-1",
    ]);
    assert_eq!(code, 0, "{err}");
    let rendered = json_of(&out);
    assert_eq!(rendered["status"], 402);
    assert_eq!(rendered["headers"]["retry-after"], "60");
    assert_eq!(rendered["headers"]["content-type"], "application/json");
    assert_eq!(
        rendered["body"],
        serde_json::json!({"stat": "fail", "err": {"code": 300, "msg": "Quota", "trace_id": "t-1"}})
    );
    assert_eq!(rendered["message"], "Quota");
}

#[test]
fn render_in_problem_format() {
    let (code, out, _) = tool(&[
        "render",
        "DOES_NOT_EXIST",
        "--format",
        "problem",
        "--message",
        "No such review",
    ]);
    assert_eq!(code, 0);
    let rendered = json_of(&out);
    assert_eq!(
        rendered["headers"]["content-type"],
        "application/problem+json"
    );
    assert_eq!(rendered["body"]["detail"], "No such review");
    assert_eq!(rendered["body"]["code"], 100);
}

#[test]
fn bad_values_and_unknown_fields_fail_clearly() {
    let (code, out, err) = tool(&[
        "render",
        "WebAPIError",
        "--set",
        "code=abc",
        "--set",
        "msg=m",
    ]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("bad value for `code`") && err.contains("hint:"),
        "{err}"
    );
    let (code, _, err) = tool(&["render", "WebAPIError", "--set", "nope=1"]);
    assert_eq!(code, 1);
    assert!(err.contains("has no field `nope`"), "{err}");
    let (code, _, err) = tool(&["render", "WebAPIError"]);
    assert_eq!(code, 1, "missing required fields");
    assert!(err.contains("missing field"), "{err}");
    let (code, _, err) = tool(&["render", "DOES_NOT_EXIST", "--response-status", "404"]);
    assert_eq!(code, 1);
    assert!(err.contains("does not wrap an HTTP response"), "{err}");
}

#[test]
fn tool_misuse_is_one_line_with_a_hint_and_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["show", "NO_SUCH_ERROR"],
        &["list", "--system", "nope"],
        &["list", "--colour", "red"],
        &["render", "DOES_NOT_EXIST", "--format", "xml"],
        &[],
    ] {
        let (code, out, err) = tool(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {err}");
        assert!(
            lines[0].starts_with("error: ") && lines[1].starts_with("hint: "),
            "{err}"
        );
    }
}

#[test]
fn catalog_md_is_current() {
    let committed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/CATALOG.md"))
        .unwrap_or_default();
    let current = errwire_catalog::markdown::page();
    assert!(
        committed == current,
        "CATALOG.md is stale: run `cargo run -p errwire-catalog -- list --format markdown > error-catalog/CATALOG.md`"
    );
}

fn classify(args: &[&str], body: &[u8]) -> (i32, Value, String) {
    use std::io::Write as _;
    let child = Command::new(env!("CARGO_BIN_EXE_errwire-catalog"))
        .arg("classify")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        return (-1, Value::Null, "cannot start the tool".to_owned());
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A refused body may close stdin early; the exit code tells what happened.
        let _ = stdin.write_all(body);
    }
    match child.wait_with_output() {
        Ok(output) => (
            output.status.code().unwrap_or(-1),
            json_of(&String::from_utf8_lossy(&output.stdout)),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        ),
        Err(error) => (-1, Value::Null, error.to_string()),
    }
}

#[test]
fn classify_djblets_by_code_keeping_every_value() {
    let body = br#"{"stat":"fail","err":{"code":105,"msg":"Bad form","subtype":"s","detail":"d","trace_id":"t"},"fields":{"name":["required"]}}"#;
    let (code, out, err) = classify(&["--system", "djblets", "--status", "400"], body);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out["reference"], "djblets.webapi.errors.INVALID_FORM_DATA");
    assert_eq!(out["code"], 105);
    assert_eq!(out["message"], "Bad form");
    assert_eq!(out["fields"]["fields"]["name"][0], "required");
    assert_eq!(out["ancestors"], serde_json::json!([]));
    // A code the catalog does not know is Djblets' own WebAPIError, with every value.
    let body = br#"{"stat":"fail","err":{"code":999,"msg":"New","type":"new-type"}}"#;
    let (code, out, _) = classify(&["--system", "djblets", "--status", "418"], body);
    assert_eq!(code, 0);
    assert_eq!(out["reference"], "djblets.webapi.errors.WebAPIError");
    assert_eq!(
        (out["code"].clone(), out["status"].clone()),
        (serde_json::json!(999), serde_json::json!(418))
    );
    // A body that is no error falls back to the status and reason phrase.
    let (code, out, _) = classify(
        &["--system", "djblets", "--status", "502"],
        b"<html>oops</html>",
    );
    assert_eq!(code, 0);
    assert_eq!(out["reference"], Value::Null);
    assert_eq!(out["message"], "Bad Gateway");
}

#[test]
fn classify_matrix_never_relays_a_token_error_unless_trusted() {
    let body = br#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid token","soft_logout":true}"#;
    let (code, out, _) = classify(&["--system", "matrix", "--status", "401"], body);
    assert_eq!(code, 0);
    assert_eq!(out["reference"], "synapse.api.errors.ProxiedRequestError");
    assert_eq!(
        (out["errcode"].clone(), out["status"].clone()),
        (serde_json::json!("M_UNKNOWN"), serde_json::json!(400))
    );
    assert_eq!(out["fields"]["soft_logout"], true);
    assert_eq!(out["ancestors"][0], "synapse.api.errors.SynapseError");
    let (_, out, _) = classify(
        &["--system", "matrix", "--status", "401", "--trusted"],
        body,
    );
    assert_eq!(
        (out["errcode"].clone(), out["status"].clone()),
        (serde_json::json!("M_UNKNOWN_TOKEN"), serde_json::json!(401))
    );
}

/// `--client`: the errcode's most specific class with its fields, the retry hint from
/// `Retry-After` (a date too), and the server's own message.
#[test]
fn classify_as_a_matrix_client_gives_the_specific_error() {
    let body = br#"{"errcode":"M_UNKNOWN_TOKEN","error":"Invalid token","soft_logout":true}"#;
    let (code, out, _) = classify(&["--system", "matrix", "--status", "401", "--client"], body);
    assert_eq!(code, 0);
    assert_eq!(
        out["reference"],
        "synapse.api.errors.InvalidClientTokenError"
    );
    assert_eq!(
        (out["errcode"].clone(), out["status"].clone()),
        (serde_json::json!("M_UNKNOWN_TOKEN"), serde_json::json!(401))
    );
    assert_eq!(out["message"], "Invalid token");
    let limited = br#"{"errcode":"M_LIMIT_EXCEEDED","error":"Too many logins"}"#;
    let (code, out, _) = classify(
        &[
            "--system",
            "matrix",
            "--status",
            "429",
            "--client",
            "--header",
            "Retry-After: 3",
        ],
        limited,
    );
    assert_eq!(code, 0);
    assert_eq!(out["reference"], "synapse.api.errors.LimitExceededError");
    assert_eq!(out["message"], "Too many logins");
    assert_eq!(out["retry_after_ms"], 3000);
    // A date already past: retry now.
    let (_, out, _) = classify(
        &[
            "--system",
            "matrix",
            "--status",
            "429",
            "--client",
            "--header",
            "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT",
        ],
        limited,
    );
    assert_eq!(out["retry_after_ms"], 0);
    // `--client` and `--trusted` are two sides: together they are a usage error.
    let (code, _, err) = classify(
        &[
            "--system",
            "matrix",
            "--status",
            "429",
            "--client",
            "--trusted",
        ],
        limited,
    );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn classify_py42_and_tenable_by_status() {
    let (code, out, _) = classify(&["--system", "py42", "--status", "503"], b"down");
    assert_eq!(code, 0);
    assert_eq!(out["reference"], "py42.exceptions.Py42InternalServerError");
    assert!(
        out["ancestors"]
            .as_array()
            .is_some_and(|a| a.contains(&Value::from("py42.exceptions.Py42HTTPError")))
    );
    let (_, out, _) = classify(&["--system", "py42", "--status", "418"], b"");
    assert_eq!(out["reference"], "py42.exceptions.Py42HTTPError");
    let (code, out, _) = classify(
        &[
            "--system",
            "tenable",
            "--status",
            "404",
            "--header",
            "X-Request-Uuid: abc",
        ],
        b"{}",
    );
    assert_eq!(code, 0);
    assert_eq!(out["reference"], "tenable.errors.NotFoundError");
    assert_eq!(out["message"], "abc:404 {}");
    let (code, _, err) = classify(&["--system", "tenable", "--status", "200"], b"{}");
    assert_eq!(code, 1);
    assert!(err.contains("raises no error"), "{err}");
}

#[test]
fn classify_refuses_hostile_bodies_with_a_clear_error() {
    let big = vec![b' '; 1024 * 1024 + 10];
    let (code, _, err) = classify(&["--system", "matrix", "--status", "400"], &big);
    assert_eq!(code, 1);
    assert!(err.contains("over the 1048576-byte limit"), "{err}");
    let deep = "[".repeat(10_000);
    let (code, _, err) = classify(&["--system", "djblets", "--status", "400"], deep.as_bytes());
    assert_eq!(code, 1);
    assert!(err.contains("nests deeper than 64"), "{err}");
    let (code, out, _) = classify(&["--system", "matrix", "--status", "500"], b"\xff\xfe\x00");
    assert_eq!(code, 0);
    assert_eq!(out["errcode"], "M_UNKNOWN");
    let (code, _, err) = classify(&["--system", "matrix"], b"{}");
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: classify needs `--status N`"),
        "{err}"
    );
}

#[test]
fn help_on_every_command_goes_to_stdout_and_succeeds() {
    for (command, flags) in [
        ("list", &["--system", "--format"][..]),
        ("show", &[]),
        (
            "render",
            &[
                "--set",
                "--message",
                "--format",
                "--response-status",
                "--response-header",
            ],
        ),
        (
            "classify",
            &[
                "--system",
                "--status",
                "--header",
                "--body-file",
                "--trusted",
            ],
        ),
    ] {
        for args in [[command, "--help"], [command, "-h"], ["help", command]] {
            let (code, out, err) = tool(&args);
            assert_eq!(code, 0, "{args:?}: {err}");
            assert!(err.is_empty(), "{args:?}: {err}");
            assert!(
                out.contains(&format!("Usage: errwire-catalog {command}")),
                "{args:?}: {out}"
            );
            for flag in flags {
                assert!(out.contains(flag), "{args:?} does not show {flag}: {out}");
            }
        }
    }
    // `help` alone is the overview, as it always was.
    let (code, out, _) = tool(&["help"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("usage: errwire-catalog <command>\n"),
        "{out}"
    );
    assert_eq!(tool(&["--help"]).1, out);
}

#[test]
fn clap_usage_errors_keep_the_tools_two_line_form() {
    for (args, first) in [
        (&["list", "--format"][..], "error: `--format` needs a value"),
        (&["list", "--colour=red"], "error: unknown flag `--colour`"),
        (&["show"], "error: `show` needs an error name"),
        (&["show", "a", "b"], "error: unexpected argument `b`"),
        (
            &["classify", "--status", "400"],
            "error: classify needs `--system`",
        ),
        (
            &["classify", "--system", "matrix", "--status", "4x"],
            "error: `--status 4x` is not a status",
        ),
        (
            &["render", "DOES_NOT_EXIST", "--set", "novalue"],
            "error: `--set novalue` has no `=`",
        ),
        (&["--system", "matrix"], "error: unknown command `--system`"),
    ] {
        let (code, out, err) = tool(args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: {out}");
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {err}");
        assert_eq!(lines[0], first, "{args:?}");
        assert!(lines[1].starts_with("hint: "), "{args:?}: {err}");
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_refused_without_a_panic() {
    use std::os::unix::ffi::OsStrExt as _;
    let output = Command::new(env!("CARGO_BIN_EXE_errwire-catalog"))
        .arg("show")
        .arg(std::ffi::OsStr::from_bytes(b"\xff"))
        .output();
    let Ok(output) = output else {
        panic!("cannot start the tool");
    };
    assert_eq!(output.status.code(), Some(2));
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(err.starts_with("error: the argument"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn render_answers_as_a_server_would_the_request() {
    let fixture: Value =
        serde_json::from_str(include_str!("../fixtures/djblets-formats.json")).unwrap_or_default();
    let observed = fixture["cases"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|case| {
            case["category"] == "xml-all"
                && case["reference"] == "djblets.webapi.errors.DOES_NOT_EXIST"
        })
        .cloned()
        .unwrap_or_default();
    let (code, out, err) = tool(&["render", "DOES_NOT_EXIST", "--query", "api_format=xml"]);
    assert_eq!(code, 0, "{err}");
    let xml = json_of(&out);
    assert_eq!(xml["body_text"], observed["body_text"]);
    assert_eq!(xml["body"], Value::Null);
    assert_eq!(xml["headers"]["content-type"], "application/xml");
    let (_, out, _) = tool(&["render", "DOES_NOT_EXIST", "--accept", "application/xml"]);
    assert_eq!(json_of(&out)["body_text"], observed["body_text"]);
    // JSONP, response headers the error's own win over, and extra members.
    let (code, out, err) = tool(&[
        "render",
        "NOT_LOGGED_IN",
        "--query",
        "callback=cb",
        "--header",
        "X-Served-By: test",
        "--header",
        "WWW-Authenticate: Bearer",
        "--extra",
        r#"fields={"name":["required"]}"#,
    ]);
    assert_eq!(code, 0, "{err}");
    let jsonp = json_of(&out);
    let text = jsonp["body_text"].as_str().unwrap_or_default();
    assert!(text.starts_with("cb({") && text.ends_with("});"), "{text}");
    assert!(text.contains(r#""fields":{"name":["required"]}"#), "{text}");
    assert_eq!(jsonp["headers"]["x-served-by"], "test");
    assert_eq!(
        jsonp["headers"]["www-authenticate"], "Basic realm=\"Web API\"",
        "{jsonp}"
    );
    // A callback that is no JavaScript name is refused.
    let (code, _, err) = tool(&["render", "DOES_NOT_EXIST", "--query", "callback=alert(1)//"]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("JSONP callback"), "{err}");
    // A preference for problem details, read from Accept.
    let (_, out, _) = tool(&[
        "render",
        "DOES_NOT_EXIST",
        "--accept",
        "application/problem+json",
    ]);
    assert_eq!(
        json_of(&out)["headers"]["content-type"],
        "application/problem+json"
    );
}

#[test]
fn render_with_a_synapse_option_adds_what_error_dict_config_adds() {
    let base = [
        "render",
        "UnstableSpecAuthError",
        "--set",
        "code=403",
        "--set",
        "msg=Not joined",
        "--set",
        "errcode=ORG.MATRIX.MSC3848.NOT_JOINED",
    ];
    let (code, out, err) = tool(&base);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        json_of(&out)["body"],
        json!({"errcode": "M_FORBIDDEN", "error": "Not joined"})
    );
    let with: Vec<&str> = base
        .iter()
        .copied()
        .chain(["--synapse-config", "msc3848"])
        .collect();
    let (code, out, err) = tool(&with);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        json_of(&out)["body"]["org.matrix.msc3848.unstable.errcode"],
        "ORG.MATRIX.MSC3848.NOT_JOINED"
    );
    let (code, _, err) = tool(&[
        "render",
        "UnstableSpecAuthError",
        "--synapse-config",
        "msc9999",
    ]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn classify_takes_the_reason_phrase_as_received() {
    for (reason, expected) in [
        ("", ""),
        ("Zu viele Anfragen \u{2603}", "Zu viele Anfragen \u{2603}"),
        ("Custom Reason", "Custom Reason"),
    ] {
        let (code, out, err) = classify(
            &["--system", "matrix", "--status", "502", "--reason", reason],
            b"<html>busy</html>",
        );
        assert_eq!(code, 0, "{err}");
        assert_eq!(out["message"], expected, "{out}");
    }
    // Without one, the status's standard phrase.
    let (_, out, _) = classify(&["--system", "matrix", "--status", "502"], b"");
    assert_eq!(out["message"], "Bad Gateway", "{out}");
}

#[test]
fn the_readme_counts_the_listed_divergences() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"))
        .unwrap_or_default();
    let count = errwire_catalog::divergences::DIVERGENCES.len();
    assert!(
        readme.contains(&format!("{count} listed cases")),
        "README.md must say the catalogs have {count} listed divergences"
    );
}
