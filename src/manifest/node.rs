//! A YAML tree that remembers where every node came from.
//!
//! [`Node`]s are built by [`super::load()`] from `saphyr_parser` events. Every node keeps its
//! [`Span`] so that a finding can point at the exact line and column of a field, and every
//! scalar keeps its [`Style`] and [`Tag`] so that the `yaml` rules can tell `on` from `"on"`.
//!
//! # Scalar resolution
//!
//! Kubernetes reads YAML through `sigs.k8s.io/yaml`, which decodes with go-yaml v2 and so
//! follows YAML 1.1, not the YAML 1.2 core schema. Plain (unquoted, untagged) scalars resolve
//! here exactly as go-yaml v2 resolves them, so that rules see what the API server sees:
//!
//! | plain text | value |
//! |---|---|
//! | `y Y yes Yes YES on On ON true True TRUE` | `Bool(true)` |
//! | `n N no No NO off Off OFF false False FALSE` | `Bool(false)` |
//! | empty, `~ null Null NULL` | `Null` |
//! | `12`, `+12`, `-12`, `1_000`, `0x1F`, `0o17`, `0b101`, `0755` (octal: 493) | `Int` |
//! | `1.5`, `1e3`, `.5`, `08` (not octal, so a float), `.inf -.Inf .NaN` | `Float` |
//! | anything else, including timestamps and integers beyond `i64` | `Str` (or `Float` for big integers) |
//!
//! Quoted and block scalars are always strings. A core-schema tag forces its type when the
//! text allows it (`!!str 12` is a string, `!!int "12"` an integer); custom tags (`!Ref x`)
//! leave the text a string, as go-yaml does. Mixed-case words such as `yEs` stay strings.
//! Integers that overflow `i64` become floats, which is also what their JSON form becomes.
use std::borrow::Cow;
use std::fmt;

use compact_str::CompactString;

/// Where a node is in its file.
///
/// `start` and `end` are byte offsets into the file's text (`end` exclusive); `line` and `col`
/// are 1-based and describe `start`, with `col` counted in characters so that it matches what
/// an editor shows for multi-byte text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Span {
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
}

impl Span {
    /// The byte range of this span, for slicing the file's text.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// How a node was written. Scalars carry their quoting; collections say block or flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
    Block,
    Flow,
}

/// The explicit tag written on a node, if any. Only the core-schema tags matter for
/// resolution, so the others are kept as a kind rather than as text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tag {
    None,
    Str,
    Int,
    Float,
    Bool,
    Null,
    Binary,
    Timestamp,
    Seq,
    Map,
    /// `!!merge`, which makes a `<<` key a merge key even when it is quoted.
    Merge,
    /// Another `tag:yaml.org,2002:` tag, such as `!!set` or `!!omap`.
    OtherCore,
    /// The non-specific tag `!`, which makes a plain scalar a string.
    NonSpecific,
    /// A local or global tag outside the core schema, such as `!Ref`.
    Custom,
}

/// The value of a node.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Short strings (most keys and values) are stored inline, without an allocation.
    Str(CompactString),
    Seq(Box<[Node]>),
    /// Entries in source order. Keys are nodes so that findings can point at a key.
    /// A key that appeared more than once keeps only its last entry, as kubectl does.
    /// Merge keys (`<<: *defaults`) are resolved as kubectl resolves them: the merged
    /// entries keep the spans of the text they were copied from.
    Map(Box<[(Node, Node)]>),
}

/// One node of a document with its position and how it was written.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
    pub style: Style,
    pub tag: Tag,
}

impl Node {
    /// The value of the entry whose key is the string `key`, if this is a map.
    ///
    /// Only keys that resolved to strings match: `get("1")` does not find the key `1`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entry(key).map(|(_, v)| v)
    }

    /// The key and value of the entry whose key is the string `key`, if this is a map.
    pub fn entry(&self, key: &str) -> Option<&(Node, Node)> {
        self.as_map()?
            .iter()
            .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self.value {
            Value::Int(i) => Some(i),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self.value {
            Value::Float(f) => Some(f),
            Value::Int(i) => Some(i as f64),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self.value {
            Value::Bool(b) => Some(b),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(entries) => Some(entries),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self.value, Value::Null)
    }

    /// True for plain (unquoted, untagged) scalars: the only ones whose meaning depends on
    /// YAML 1.1 versus 1.2 resolution.
    pub fn is_plain_scalar(&self) -> bool {
        self.style == Style::Plain && self.tag == Tag::None
    }

    /// The text of a plain scalar as written, taken from the file's `text`.
    ///
    /// Kept out of the node itself so that the many integers and booleans of a manifest cost
    /// no allocation; a node expanded from an alias keeps the span of its anchor, so this
    /// still returns the text that was resolved.
    pub fn raw<'t>(&self, text: &'t str) -> Option<&'t str> {
        if self.is_plain_scalar() && !matches!(self.value, Value::Seq(_) | Value::Map(_)) {
            text.get(self.span.range())
        } else {
            None
        }
    }

    /// The type of this node as a message should name it (`string`, `map`, ...).
    pub fn type_name(&self) -> &'static str {
        self.value.type_name()
    }

    /// The same tree as JSON, the way `sigs.k8s.io/yaml` converts it: map keys become
    /// strings, and NaN or infinite floats (which JSON cannot hold) become `null`.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.to_string()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => {
                let mut map = serde_json::Map::with_capacity(entries.len());
                for (k, v) in entries {
                    let key = match k.key_text() {
                        Some(text) => text.into_owned(),
                        None => k.to_json().to_string(),
                    };
                    map.insert(key, v.to_json());
                }
                J::Object(map)
            }
        }
    }

    /// The string a scalar key becomes in JSON, which is also what makes two keys equal:
    /// `1` and `"1"` are the same field once Kubernetes has converted the YAML.
    /// `None` for collection keys.
    pub(crate) fn key_text(&self) -> Option<Cow<'_, str>> {
        match &self.value {
            Value::Str(s) => Some(Cow::Borrowed(s)),
            Value::Null => Some(Cow::Borrowed("null")),
            Value::Bool(b) => Some(Cow::Borrowed(if *b { "true" } else { "false" })),
            Value::Int(i) => Some(Cow::Owned(i.to_string())),
            Value::Float(f) => Some(Cow::Owned(
                serde_json::Number::from_f64(*f)
                    .map_or_else(|| "null".to_string(), |n| n.to_string()),
            )),
            Value::Seq(_) | Value::Map(_) => None,
        }
    }
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Float(_) => "number",
            Value::Str(_) => "string",
            Value::Seq(_) => "list",
            Value::Map(_) => "map",
        }
    }
}

impl fmt::Display for Value {
    /// A short rendering for messages: scalars as written in JSON, collections by type.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{x}"),
            Value::Str(s) => write!(f, "{s:?}"),
            Value::Seq(_) | Value::Map(_) => f.write_str(self.type_name()),
        }
    }
}

/// Resolves a scalar's text given how it was written; see the module docs for the table.
pub(crate) fn resolve(text: String, style: Style, tag: Tag) -> Value {
    let plain = style == Style::Plain;
    let typed = match tag {
        Tag::None if plain => resolve_plain(&text),
        Tag::Int | Tag::Float | Tag::Bool | Tag::Null => resolve_plain(&text).filter(|v| {
            matches!(
                (tag, v),
                (Tag::Int, Value::Int(_))
                    | (Tag::Float, Value::Float(_) | Value::Int(_))
                    | (Tag::Bool, Value::Bool(_))
                    | (Tag::Null, Value::Null)
            )
        }),
        _ => None,
    };
    match (typed, tag) {
        (Some(Value::Int(i)), Tag::Float) => Value::Float(i as f64),
        (Some(v), _) => v,
        (None, _) => Value::Str(CompactString::from(text)),
    }
}

/// go-yaml v2's `resolve` for an untagged plain scalar; `None` means "a string".
fn resolve_plain(s: &str) -> Option<Value> {
    let value = match s {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "y" | "Y" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" | "true" | "True" | "TRUE" => {
            Value::Bool(true)
        }
        "n" | "N" | "no" | "No" | "NO" | "off" | "Off" | "OFF" | "false" | "False" | "FALSE" => {
            Value::Bool(false)
        }
        ".nan" | ".NaN" | ".NAN" => Value::Float(f64::NAN),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Value::Float(f64::NEG_INFINITY),
        _ => return resolve_number(s),
    };
    Some(value)
}

fn resolve_number(s: &str) -> Option<Value> {
    let first = *s.as_bytes().first()?;
    if first == b'.' {
        return is_yaml_float(s).then(|| s.parse().ok().map(Value::Float))?;
    }
    if !(first.is_ascii_digit() || first == b'+' || first == b'-') {
        return None;
    }
    // go-yaml drops every underscore before trying the number parsers.
    let cleaned: Cow<'_, str> = if s.contains('_') {
        Cow::Owned(s.replace('_', ""))
    } else {
        Cow::Borrowed(s)
    };
    let n: &str = &cleaned;
    if let Some(i) = parse_go_int(n) {
        return Some(match i64::try_from(i) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Float(i as f64),
        });
    }
    if is_yaml_float(n) {
        return n.parse().ok().map(Value::Float);
    }
    None
}

/// Go's `strconv.ParseInt(s, 0, 64)` (and `ParseUint` for the values above `i64::MAX`):
/// an optional sign, then `0x`, `0o`, `0b` or a leading `0` (octal) selecting the base.
fn parse_go_int(s: &str) -> Option<i128> {
    let (negative, unsigned) = match s.as_bytes().first()? {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (digits, radix) = match unsigned.as_bytes() {
        [b'0', b'x' | b'X', ..] => (&unsigned[2..], 16),
        [b'0', b'o' | b'O', ..] => (&unsigned[2..], 8),
        [b'0', b'b' | b'B', ..] => (&unsigned[2..], 2),
        [b'0', _, ..] => (&unsigned[1..], 8),
        _ => (unsigned, 10),
    };
    if digits.is_empty() || !digits.bytes().all(|b| (b as char).is_digit(radix)) {
        return None;
    }
    let magnitude = i128::from(u64::from_str_radix(digits, radix).ok()?);
    let value = if negative { -magnitude } else { magnitude };
    // Below i64::MIN both ParseInt and ParseUint fail; above i64::MAX ParseUint succeeds.
    (value >= i128::from(i64::MIN)).then_some(value)
}

/// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
fn is_yaml_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    } else {
        if digits(&mut i) == 0 {
            return false;
        }
        if b.get(i) == Some(&b'.') {
            i += 1;
            digits(&mut i);
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(s: &str) -> Value {
        resolve(s.to_string(), Style::Plain, Tag::None)
    }

    #[test]
    fn nodes_stay_small() {
        // Every byte of a node is copied for each value of every file; boxed slices let a
        // value share its tag with the inline string's spare bits.
        assert_eq!(std::mem::size_of::<Value>(), 24);
        assert_eq!(std::mem::size_of::<Node>(), 48);
    }

    #[test]
    fn yaml_1_1_booleans_and_nulls() {
        for t in [
            "y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE",
        ] {
            assert_eq!(plain(t), Value::Bool(true), "{t}");
        }
        for f in [
            "n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE",
        ] {
            assert_eq!(plain(f), Value::Bool(false), "{f}");
        }
        for n in ["", "~", "null", "Null", "NULL"] {
            assert_eq!(plain(n), Value::Null, "{n}");
        }
        for s in [
            "yEs",
            "oN",
            "nULL",
            "tRUE",
            "nope",
            "-",
            "+",
            ".",
            "0x",
            "1:20",
            "2024-01-01",
        ] {
            assert_eq!(plain(s), Value::Str(s.into()), "{s}");
        }
    }

    #[test]
    fn yaml_1_1_numbers() {
        let ints = [
            ("12", 12),
            ("+12", 12),
            ("-12", -12),
            ("0", 0),
            ("1_000", 1000),
            ("0x1F", 31),
            ("0o17", 15),
            ("0b101", 5),
            ("0755", 493),
            ("-0755", -493),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
        ];
        for (s, i) in ints {
            assert_eq!(plain(s), Value::Int(i), "{s}");
        }
        let floats = [
            ("1.5", 1.5),
            ("1e3", 1000.0),
            ("-2.5E-1", -0.25),
            (".5", 0.5),
            ("1.", 1.0),
            ("08", 8.0),
            ("0.0", 0.0),
            ("18446744073709551615", 18446744073709551615.0),
            ("99999999999999999999999", 1e23),
        ];
        for (s, f) in floats {
            assert_eq!(plain(s), Value::Float(f), "{s}");
        }
        assert_eq!(plain(".inf"), Value::Float(f64::INFINITY));
        assert_eq!(plain("-.Inf"), Value::Float(f64::NEG_INFINITY));
        assert!(matches!(plain(".NaN"), Value::Float(f) if f.is_nan()));
        for s in ["1e", "1.2.3", "0x1G", "12abc", "1e3.5"] {
            assert_eq!(plain(s), Value::Str(s.into()), "{s}");
        }
    }

    #[test]
    fn quoting_and_tags_decide_before_the_table() {
        for style in [
            Style::SingleQuoted,
            Style::DoubleQuoted,
            Style::Literal,
            Style::Folded,
        ] {
            assert_eq!(
                resolve("on".into(), style, Tag::None),
                Value::Str("on".into())
            );
        }
        assert_eq!(
            resolve("12".into(), Style::Plain, Tag::Str),
            Value::Str("12".into())
        );
        assert_eq!(
            resolve("12".into(), Style::DoubleQuoted, Tag::Int),
            Value::Int(12)
        );
        assert_eq!(
            resolve("12".into(), Style::Plain, Tag::Float),
            Value::Float(12.0)
        );
        assert_eq!(
            resolve("x".into(), Style::Plain, Tag::Int),
            Value::Str("x".into())
        );
        assert_eq!(
            resolve("yes".into(), Style::Plain, Tag::Custom),
            Value::Str("yes".into())
        );
        assert_eq!(
            resolve("12".into(), Style::Plain, Tag::NonSpecific),
            Value::Str("12".into())
        );
    }
}
