//! Python's `str()`, the one emulation the catalogs share: py42 formats the values it is
//! given with f-strings and pyTenable converts its arguments with `str()`, so both show a
//! value as Python would. [`PyValue`] is such a value; [`str_of`] reads one from JSON as its
//! text; [`OrNone`] shows an optional text as an f-string shows a missing attribute.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

/// A Python scalar: `None`, a `bool`, an `int`, a `float` or a `str`, such as py42 is given
/// for a parameter or pyTenable converts with `str()`. It is shown as Python's `str()` shows
/// it (which is also how an f-string formats it), and it reads from and writes to JSON as the
/// same scalar (`null`, `true`, `42`, `1.5`, `"text"`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum PyValue {
    /// `None` (JSON `null`): shown as `None`.
    #[default]
    None,
    /// A `bool`: shown as `True` or `False`.
    Bool(bool),
    /// An `int` (any JSON integer).
    Int(i128),
    /// A `float`, shown as Python's `repr` writes it (`1e+16`, `0.0001`, `2.0`).
    Float(f64),
    /// A `str`, shown as is.
    Str(String),
}

impl PyValue {
    /// Python's truth value: `None`, `False`, `0`, `0.0` and `""` are false. (py42 falls back
    /// to a class's default message when the message given is false: `message or default`.)
    pub fn is_truthy(&self) -> bool {
        match self {
            PyValue::None => false,
            PyValue::Bool(value) => *value,
            PyValue::Int(value) => *value != 0,
            PyValue::Float(value) => *value != 0.0,
            PyValue::Str(value) => !value.is_empty(),
        }
    }
}

impl fmt::Display for PyValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PyValue::None => f.write_str("None"),
            PyValue::Bool(true) => f.write_str("True"),
            PyValue::Bool(false) => f.write_str("False"),
            PyValue::Int(value) => write!(f, "{value}"),
            PyValue::Float(value) => f.write_str(&float_repr(*value)),
            PyValue::Str(value) => f.write_str(value),
        }
    }
}

/// Python's `repr(float)`: the shortest digits that read back the same value, in positional
/// notation for exponents from -4 to 15 and in scientific notation (`1e+16`) otherwise.
pub fn float_repr(value: f64) -> String {
    if value.is_nan() {
        return "nan".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.to_owned();
    }
    // Rust's `{:e}` gives the same shortest digits: `-1.5e20`, `1e-7`, `0e0`.
    let scientific = format!("{value:e}");
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i32 = exponent.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    if !(-4..16).contains(&exponent) {
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!(
            "{sign}{mantissa}e{exponent_sign}{:02}",
            exponent.unsigned_abs()
        );
    }
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let text = match usize::try_from(exponent) {
        // The decimal point goes after `exponent + 1` digits.
        Ok(exponent) if digits.len() > exponent + 1 => {
            let (integer, fraction) = digits.split_at(exponent + 1);
            format!("{integer}.{fraction}")
        }
        Ok(exponent) => format!("{digits}{}.0", "0".repeat(exponent + 1 - digits.len())),
        Err(_) => {
            let zeros = exponent.unsigned_abs() as usize - 1;
            format!("0.{}{digits}", "0".repeat(zeros))
        }
    };
    format!("{sign}{text}")
}

impl Serialize for PyValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            PyValue::None => serializer.serialize_unit(),
            PyValue::Bool(value) => serializer.serialize_bool(*value),
            PyValue::Int(value) => match (i64::try_from(*value), u64::try_from(*value)) {
                (Ok(value), _) => serializer.serialize_i64(value),
                (_, Ok(value)) => serializer.serialize_u64(value),
                _ => serializer.serialize_i128(*value),
            },
            PyValue::Float(value) => serializer.serialize_f64(*value),
            PyValue::Str(value) => serializer.serialize_str(value),
        }
    }
}

impl<'de> Deserialize<'de> for PyValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PyValueVisitor;

        impl<'de> Visitor<'de> for PyValueVisitor {
            type Value = PyValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text, a number, a boolean or null")
            }

            fn visit_unit<E: de::Error>(self) -> Result<PyValue, E> {
                Ok(PyValue::None)
            }

            fn visit_none<E: de::Error>(self) -> Result<PyValue, E> {
                Ok(PyValue::None)
            }

            fn visit_some<D: Deserializer<'de>>(
                self,
                deserializer: D,
            ) -> Result<PyValue, D::Error> {
                PyValue::deserialize(deserializer)
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<PyValue, E> {
                Ok(PyValue::Bool(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<PyValue, E> {
                Ok(PyValue::Int(value.into()))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<PyValue, E> {
                Ok(PyValue::Int(value.into()))
            }

            fn visit_i128<E: de::Error>(self, value: i128) -> Result<PyValue, E> {
                Ok(PyValue::Int(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<PyValue, E> {
                Ok(PyValue::Float(value))
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<PyValue, E> {
                Ok(PyValue::Str(value.to_owned()))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<PyValue, E> {
                Ok(PyValue::Str(value))
            }
        }

        deserializer.deserialize_any(PyValueVisitor)
    }
}

impl From<&str> for PyValue {
    fn from(value: &str) -> Self {
        PyValue::Str(value.to_owned())
    }
}

impl From<String> for PyValue {
    fn from(value: String) -> Self {
        PyValue::Str(value)
    }
}

impl From<bool> for PyValue {
    fn from(value: bool) -> Self {
        PyValue::Bool(value)
    }
}

impl From<i64> for PyValue {
    fn from(value: i64) -> Self {
        PyValue::Int(value.into())
    }
}

impl From<u64> for PyValue {
    fn from(value: u64) -> Self {
        PyValue::Int(value.into())
    }
}

impl From<f64> for PyValue {
    fn from(value: f64) -> Self {
        PyValue::Float(value)
    }
}

impl<T: Into<PyValue>> From<Option<T>> for PyValue {
    fn from(value: Option<T>) -> Self {
        value.map_or(PyValue::None, Into::into)
    }
}

/// An optional text as Python's `str()` shows it: the text, or `None` when absent.
#[derive(Clone, Copy, Debug)]
pub struct OrNone<'a>(pub Option<&'a str>);

impl fmt::Display for OrNone<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.unwrap_or("None"))
    }
}

/// `str(value)` of a JSON scalar, for `#[serde(deserialize_with = "…")]`: text as is, `null`
/// as `None`, booleans as `True`/`False`, numbers as Python writes them. Lists and objects
/// are refused rather than shown unlike Python's `repr`.
pub fn str_of<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    PyValue::deserialize(deserializer).map(|value| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(json: &str) -> Result<String, String> {
        let mut reader = serde_json::Deserializer::from_str(json);
        str_of(&mut reader).map_err(|error| error.to_string())
    }

    #[test]
    fn scalars_read_as_python_shows_them() {
        for (json, text) in [
            ("null", "None"),
            ("true", "True"),
            ("false", "False"),
            ("0", "0"),
            ("-42", "-42"),
            ("18446744073709551615", "18446744073709551615"),
            ("1.0", "1.0"),
            ("1.5", "1.5"),
            ("-0.0", "-0.0"),
            ("1e16", "1e+16"),
            ("1e15", "1000000000000000.0"),
            ("0.0001", "0.0001"),
            ("0.00001", "1e-05"),
            ("1.5e-7", "1.5e-07"),
            ("123456789.125", "123456789.125"),
            ("\"text\"", "text"),
            ("\"\"", ""),
        ] {
            assert_eq!(shown(json).as_deref(), Ok(text), "{json}");
        }
    }

    #[test]
    fn containers_are_refused() {
        assert!(shown("[1]").is_err());
        assert!(shown("{\"a\":1}").is_err());
    }

    #[test]
    fn floats_python_cannot_parse_back_are_named_as_python_names_them() {
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(1e300), "1e+300");
    }

    #[test]
    fn truth_and_optional_text() {
        let falsy = [
            PyValue::None,
            false.into(),
            0i64.into(),
            0.0.into(),
            "".into(),
        ];
        assert!(falsy.iter().all(|value| !value.is_truthy()));
        let truthy = [true.into(), (-1i64).into(), 0.5.into(), "0".into()];
        assert!(truthy.iter().all(PyValue::is_truthy));
        assert_eq!(OrNone(None).to_string(), "None");
        assert_eq!(OrNone(Some("GET")).to_string(), "GET");
        assert_eq!(PyValue::from(Some("x")).to_string(), "x");
        assert_eq!(PyValue::from(None::<&str>).to_string(), "None");
    }
}
