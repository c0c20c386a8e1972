use std::borrow::Cow;

use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value, embedded_object};

declare_rule! {
    /// ## What it does
    /// Reports plain (unquoted) scalars, values and keys alike, that YAML 1.1 and YAML 1.2
    /// read differently. Kubernetes reads manifests with `sigs.k8s.io/yaml` (go-yaml v2),
    /// which follows YAML 1.1, while editors, formatters and most other tools follow 1.2:
    /// - `yes`, `no`, `on`, `off`, `y`, `n` and their capitalised forms are booleans for
    ///   Kubernetes and strings in YAML 1.2;
    /// - `0755` is the octal 493 for Kubernetes and the decimal 755 in YAML 1.2;
    /// - `1_000` and `0b101` are integers for Kubernetes and strings in YAML 1.2;
    /// - `0o17` is an integer for Kubernetes but a string for strict YAML 1.1 tools;
    /// - `1:20` is the sexagesimal number 80 for YAML 1.1 tools such as PyYAML but a
    ///   string for Kubernetes.
    ///
    /// For an octal file mode (`defaultMode`, or `mode` in a volume), an integer field, the
    /// help gives the decimal to write instead, never quoting.
    ///
    /// ## Why is this bad?
    /// The value that reaches the API server is not the one the author (or the next tool in
    /// the pipeline) sees: the country code `NO` becomes `false`, a file mode written as
    /// `0644` in a tool that writes YAML 1.2 comes back as 644, and a string field given
    /// `yes` is rejected because it received a boolean.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: settings
    ///   labels:
    ///     country: NO
    /// data:
    ///   mode: "0644"
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: settings
    ///   labels:
    ///     country: "NO"
    /// data:
    ///   mode: "0644"
    /// ```
    ///
    /// ## References
    /// - <https://yaml.org/type/bool.html>
    /// - <https://yaml.org/spec/1.2.2/#1032-tag-resolution>
    /// - <https://github.com/kubernetes-sigs/yaml>
    pub AmbiguousScalar {
        name: "ambiguous-scalar",
        category: Yaml,
        level: Warning,
        summary: "unquoted scalar that YAML 1.1 and YAML 1.2 read differently",
    }
}

impl Rule for AmbiguousScalar {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        let mut walk = Walk {
            text: cx.text,
            base: &cx.object.path,
            stack: Vec::new(),
            sink,
            skip: embedded_object(cx.object),
        };
        walk.node(cx.object.node);
    }
}

enum Seg<'a> {
    Key(Cow<'a, str>),
    Index(usize),
}

struct Walk<'a, 's> {
    text: &'a str,
    base: &'a Path,
    /// The path to the node being visited, turned into a [`Path`] only on a report.
    stack: Vec<Seg<'a>>,
    sink: &'s mut Sink,
    /// An object written inside this one, checked as an object of its own.
    skip: Option<&'a Node>,
}

impl<'a> Walk<'a, '_> {
    fn node(&mut self, node: &'a Node) {
        if self.skip.is_some_and(|s| std::ptr::eq(s, node)) {
            return;
        }
        match &node.value {
            Value::Map(entries) => {
                for (key, value) in entries {
                    let Some(text) = key.key_text() else {
                        continue;
                    };
                    if let Some((message, help)) = ambiguity(key, self.text) {
                        let path = self.path().key(&text);
                        self.sink
                            .report_span(path, key.span, format!("key {message}"))
                            .help(help);
                    }
                    self.stack.push(Seg::Key(text));
                    self.node(value);
                    self.stack.pop();
                }
            }
            Value::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.stack.push(Seg::Index(i));
                    self.node(item);
                    self.stack.pop();
                }
            }
            _ => {
                if let Some((message, mut help)) = ambiguity(node, self.text) {
                    // A file mode is an integer field: quoting it would be rejected.
                    let in_volumes = || {
                        self.stack
                            .iter()
                            .any(|s| matches!(s, Seg::Key(k) if k == "volumes"))
                    };
                    if let (Some(Seg::Key(key)), Value::Int(i)) = (self.stack.last(), &node.value)
                        && (key == "defaultMode" || (key == "mode" && in_volumes()))
                    {
                        help = format!(
                            "write `{i}`: a file mode is an integer, and its decimal form reads the same in every YAML version"
                        );
                    }
                    let path = self.path();
                    self.sink
                        .report_span(path, node.span, format!("value {message}"))
                        .help(help);
                }
            }
        }
    }

    fn path(&self) -> Path {
        let mut path = self.base.clone();
        for seg in &self.stack {
            path = match seg {
                Seg::Key(k) => path.key(k),
                Seg::Index(i) => path.index(*i),
            };
        }
        path
    }
}

/// What is ambiguous about a plain scalar: the message (after "value"/"key") and the
/// help. Cheap tests on the resolved value come first, so that most scalars cost a match.
fn ambiguity(node: &Node, text: &str) -> Option<(String, String)> {
    let first = match &node.value {
        Value::Bool(_) | Value::Int(_) | Value::Float(_) => true,
        Value::Str(s) => {
            s.as_bytes()
                .first()
                .is_some_and(|b| b.is_ascii_digit() || *b == b'+' || *b == b'-')
                && s.contains(':')
        }
        _ => false,
    };
    if !first {
        return None;
    }
    let raw = node.raw(text)?;
    match &node.value {
        Value::Bool(b) => {
            if matches!(raw, "true" | "True" | "TRUE" | "false" | "False" | "FALSE") {
                return None;
            }
            Some((
                format!("`{raw}` is the boolean `{b}` for Kubernetes (YAML 1.1) but the string \"{raw}\" in YAML 1.2"),
                format!("write `{b}` for the boolean, or quote it (`\"{raw}\"`) for the string"),
            ))
        }
        Value::Int(i) => {
            let digits = raw.trim_start_matches(['+', '-']);
            let b = digits.as_bytes();
            if b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit() {
                if *i == 0 {
                    return None;
                }
                let in_1_2 = if raw.contains('_') {
                    "a string".to_string()
                } else {
                    let sign = if raw.starts_with('-') { "-" } else { "" };
                    format!("{sign}{}", digits.trim_start_matches('0'))
                };
                return Some((
                    format!("`{raw}` is the octal number {i} for Kubernetes (YAML 1.1) but {in_1_2} in YAML 1.2"),
                    format!("write `{i}` for the number Kubernetes reads, or quote it for a string"),
                ));
            }
            if b.len() > 1 && b[0] == b'0' && matches!(b[1], b'o' | b'O') {
                return Some((
                    format!("`{raw}` is the integer {i} for Kubernetes but a string for YAML 1.1 tools"),
                    format!("write `{i}`, or quote it for a string"),
                ));
            }
            if b.len() > 1 && b[0] == b'0' && matches!(b[1], b'b' | b'B') {
                return Some((
                    format!("`{raw}` is the integer {i} for Kubernetes (YAML 1.1) but a string in YAML 1.2"),
                    format!("write `{i}`, or quote it for a string"),
                ));
            }
            underscore(raw, &i.to_string())
        }
        Value::Float(f) => underscore(raw, &f.to_string()),
        Value::Str(_) => sexagesimal(raw).map(|value| {
            (
                format!("`{raw}` is the sexagesimal number {value} for YAML 1.1 tools but the string \"{raw}\" for Kubernetes"),
                format!("quote it (`\"{raw}\"`) so that every tool reads the string"),
            )
        }),
        _ => None,
    }
}

fn underscore(raw: &str, value: &str) -> Option<(String, String)> {
    raw.contains('_').then(|| {
        (
            format!(
                "`{raw}` is the number {value} for Kubernetes (YAML 1.1) but a string in YAML 1.2"
            ),
            format!("write `{value}` without underscores, or quote it for a string"),
        )
    })
}

/// YAML 1.1's sexagesimal integers `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+` and floats
/// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, as the value a 1.1 tool reads (integers)
/// or the text (floats).
fn sexagesimal(raw: &str) -> Option<String> {
    let (negative, body) = match raw.as_bytes().first()? {
        b'-' => (true, &raw[1..]),
        b'+' => (false, &raw[1..]),
        _ => (false, raw),
    };
    let (whole, fraction) = match body.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (body, None),
    };
    let mut parts = whole.split(':');
    let head = parts.next()?;
    let head_digits = head.replace('_', "");
    if head_digits.is_empty()
        || !head_digits.bytes().all(|b| b.is_ascii_digit())
        || !head.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if fraction.is_none() && head.starts_with('0') {
        return None;
    }
    let mut value: i128 = head_digits.parse().ok()?;
    let mut count = 0;
    for part in parts {
        let ok = matches!(part.as_bytes(), [d] if d.is_ascii_digit())
            || matches!(part.as_bytes(), [a, b] if (b'0'..=b'5').contains(a) && b.is_ascii_digit());
        if !ok {
            return None;
        }
        value = value.checked_mul(60)?.checked_add(part.parse().ok()?)?;
        count += 1;
    }
    if count == 0 {
        return None;
    }
    match fraction {
        Some(f) if f.bytes().all(|b| b.is_ascii_digit() || b == b'_') => Some(raw.to_string()),
        Some(_) => None,
        None => Some(if negative { -value } else { value }.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[track_caller]
    fn one(value: &str) -> String {
        let yaml = format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\ndata:\n  k: {value}\n"
        );
        let found = check(&AmbiguousScalar, &yaml);
        assert_eq!(found.len(), 1, "{value}: {}", render(&found));
        format!(
            "{} | {}",
            found[0].message,
            found[0].help.as_deref().unwrap_or_default()
        )
    }

    #[test]
    fn yaml_1_1_booleans() {
        assert_eq!(
            one("NO"),
            "value `NO` is the boolean `false` for Kubernetes (YAML 1.1) but the string \"NO\" in YAML 1.2 | write `false` for the boolean, or quote it (`\"NO\"`) for the string"
        );
        for v in [
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "on", "On", "ON", "off", "Off",
            "OFF",
        ] {
            one(v);
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(
            one("0755"),
            "value `0755` is the octal number 493 for Kubernetes (YAML 1.1) but 755 in YAML 1.2 | write `493` for the number Kubernetes reads, or quote it for a string"
        );
        assert!(one("-0644").contains("octal number -420 for Kubernetes (YAML 1.1) but -644"));
        assert!(one("07_55").contains("but a string in YAML 1.2"));
        assert!(one("1_000").starts_with("value `1_000` is the number 1000"));
        assert!(one("1_000.5").starts_with("value `1_000.5` is the number 1000.5"));
        assert!(one("0o17").starts_with(
            "value `0o17` is the integer 15 for Kubernetes but a string for YAML 1.1 tools"
        ));
        assert!(one("0b101").starts_with("value `0b101` is the integer 5"));
        assert_eq!(
            one("1:20"),
            "value `1:20` is the sexagesimal number 80 for YAML 1.1 tools but the string \"1:20\" for Kubernetes | quote it (`\"1:20\"`) so that every tool reads the string"
        );
        assert!(one("-1:00:00").contains("number -3600"));
        assert!(one("1:20.5").contains("number 1:20.5"));
    }

    #[test]
    fn file_modes_are_not_told_to_be_quoted() {
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  volumes:\n  - name: c\n    configMap:\n      name: c\n      defaultMode: 0777\n      items: [{key: k, path: k, mode: 0400}]\n";
        let found = check(&AmbiguousScalar, yaml);
        let helps: Vec<_> = found
            .iter()
            .map(|f| f.help.as_deref().unwrap_or_default())
            .collect();
        assert_eq!(
            helps,
            [
                "write `511`: a file mode is an integer, and its decimal form reads the same in every YAML version",
                "write `256`: a file mode is an integer, and its decimal form reads the same in every YAML version",
            ]
        );
        let elsewhere = check(
            &AmbiguousScalar,
            "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {mode: 0400}\n",
        );
        assert!(
            elsewhere[0]
                .help
                .as_deref()
                .is_some_and(|h| h.ends_with("or quote it for a string")),
            "{:?}",
            elsewhere[0].help
        );
    }

    #[test]
    fn unambiguous_scalars_pass() {
        let yaml = r#"
apiVersion: v1
kind: ConfigMap
metadata: {name: c, labels: {a: "yes", b: 'on', c: true, d: False}}
data:
  a: !!str yes
  b: |
    yes
  c: 0
  d: 00
  e: 0x1F
  f: 12
  g: 1.5
  h: 08
  i: "0755"
  j: 12:70
  k: 01:20
  l: a:1
  m: 1:2:3:
  n: yEs
  o: 10.0.0.1:8080
  p: ~
  q: .inf
  r: -12
"#;
        assert!(
            check(&AmbiguousScalar, yaml).is_empty(),
            "{}",
            render(&check(&AmbiguousScalar, yaml))
        );
    }

    #[test]
    fn keys_and_positions() {
        let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  on: \"x\"\n  list: [a, off, {n: 1}]\n";
        assert_eq!(
            render(&check(&AmbiguousScalar, yaml)),
            "6:3 [warning] key `on` is the boolean `true` for Kubernetes (YAML 1.1) but the string \"on\" in YAML 1.2 (data.true)\n\
             7:13 [warning] value `off` is the boolean `false` for Kubernetes (YAML 1.1) but the string \"off\" in YAML 1.2 (data.list[1])\n\
             7:19 [warning] key `n` is the boolean `false` for Kubernetes (YAML 1.1) but the string \"n\" in YAML 1.2 (data.list[2].false)"
        );
    }

    #[test]
    fn list_items_and_odd_documents() {
        let yaml = "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: ConfigMap, data: {a: yes}}\n---\n- no\n- {x: Off}\n---\nyes\n";
        assert_eq!(
            render(&check(&AmbiguousScalar, yaml)),
            "4:47 [warning] value `yes` is the boolean `true` for Kubernetes (YAML 1.1) but the string \"yes\" in YAML 1.2 (items[0].data.a)\n\
             7:7 [warning] value `Off` is the boolean `false` for Kubernetes (YAML 1.1) but the string \"Off\" in YAML 1.2 ([1].x)"
        );
    }

    #[test]
    fn aliases_report_the_anchor_text() {
        let yaml =
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  a: &v yes\n  b: *v\n";
        let found = check(&AmbiguousScalar, yaml);
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.message.contains("`yes`")));
    }
}
