use base64::Engine;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

use crate::declare_rule;
use crate::lint::{ObjectCx, Rule, RuleMeta, Sink};
use crate::manifest::{Node, Path, Value};
use crate::validate;

declare_rule! {
    /// ## What it does
    /// Reports the data of Secrets and ConfigMaps that the API server rejects:
    /// - a key that is not a valid config key (letters, digits, `-`, `_` and `.`, at most
    ///   253, not `.` or starting with `..`);
    /// - a value of a Secret's `data` or a ConfigMap's `binaryData` that is not base64
    ///   (standard alphabet, padded; line breaks are ignored, as Go's decoder ignores them);
    /// - a number or boolean in a Secret's `stringData` or a ConfigMap's `data`, which hold
    ///   strings only: `port: 8080` must be quoted;
    /// - a key in both `data` and `binaryData` of a ConfigMap;
    /// - more than 1 MiB of data in one object (decoded, for a Secret's `data`).
    ///
    /// A value with `${VAR}` or `$VAR` placeholders is a template for `envsubst` and friends:
    /// it is checked as written, since that is what `kubectl apply` would send.
    ///
    /// ## Why is this bad?
    /// `kubectl apply` fails on the object ("illegal base64 data", "cannot unmarshal number
    /// into Go struct field", "a valid config key must consist of ..."), and the pods that
    /// mount or read it cannot start: a model server waits forever for its token or config.
    ///
    /// ## Example
    /// ```yaml
    /// apiVersion: v1
    /// kind: Secret
    /// metadata:
    ///   name: hf-token
    /// data:
    ///   token: hf_abcdefghijklmnop
    /// ---
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: vllm-config
    /// data:
    ///   max-model-len: 8192
    /// ```
    ///
    /// Use instead:
    /// ```yaml
    /// apiVersion: v1
    /// kind: Secret
    /// metadata:
    ///   name: hf-token
    /// stringData:
    ///   token: hf_abcdefghijklmnop
    /// ---
    /// apiVersion: v1
    /// kind: ConfigMap
    /// metadata:
    ///   name: vllm-config
    /// data:
    ///   max-model-len: "8192"
    /// ```
    ///
    /// ## References
    /// - <https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data>
    /// - <https://kubernetes.io/docs/concepts/configuration/configmap/#configmap-object>
    pub InvalidConfigData {
        name: "invalid-config-data",
        category: Correctness,
        level: Error,
        summary: "`Secret` or `ConfigMap` data that the API server rejects",
    }
}

/// `core.MaxSecretSize`, which ConfigMaps share.
const MAX_BYTES: usize = 1024 * 1024;

/// Go's `base64.StdEncoding`: padded, and lenient about the unused bits of the last
/// character.
const STD: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::RequireCanonical)
        .with_decode_allow_trailing_bits(true),
);

/// How the values of one data map are written.
#[derive(Clone, Copy, PartialEq)]
enum Encoding {
    Base64,
    Text,
}

impl Rule for InvalidConfigData {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check_object(&self, cx: &ObjectCx<'_>, sink: &mut Sink) {
        if cx.object.group() != Some("") {
            return;
        }
        let maps: &[(&str, Encoding)] = match cx.object.kind {
            Some("Secret") => &[("data", Encoding::Base64), ("stringData", Encoding::Text)],
            Some("ConfigMap") => &[("data", Encoding::Text), ("binaryData", Encoding::Base64)],
            _ => return,
        };
        let node = cx.object.node;
        let mut total = 0usize;
        let mut text_keys = Vec::new();
        for &(field, encoding) in maps {
            let Some(entries) = node.get(field).and_then(Node::as_map) else {
                continue;
            };
            for (key, value) in entries {
                let Some(name) = key.as_str() else {
                    continue;
                };
                let at = || cx.path(&[field]).key(name);
                if let Err(e) = validate::config_key(name) {
                    sink.report_span(
                        at(),
                        key.span,
                        format!("invalid key `{name}` in `{field}`: {e}"),
                    )
                    .help("name data keys with letters, digits, '-', '_' and '.' only");
                }
                total += size(sink, at(), field, name, value, encoding);
                if cx.object.kind == Some("ConfigMap") {
                    if encoding == Encoding::Text {
                        text_keys.push(name);
                    } else if text_keys.contains(&name) {
                        sink.report_span(
                            at(),
                            key.span,
                            format!("key `{name}` is in both `data` and `binaryData`"),
                        )
                        .help("keep each key in one of the two maps");
                    }
                }
            }
        }
        if total > MAX_BYTES {
            let field = maps
                .iter()
                .map(|(f, _)| *f)
                .find(|f| node.get(f).is_some())
                .unwrap_or("data");
            sink.report(
                cx.path(&[field]),
                format!(
                    "the {} holds {total} bytes of data, more than the 1048576 the API server accepts",
                    cx.object.kind.unwrap_or("object")
                ),
            )
            .help("split the data over several objects, or keep large files in a volume or an object store");
        }
    }
}

/// The size one value adds to the object, after reporting what is wrong with it.
fn size(
    sink: &mut Sink,
    at: Path,
    field: &str,
    name: &str,
    value: &Node,
    encoding: Encoding,
) -> usize {
    match (&value.value, encoding) {
        (Value::Null, _) => 0,
        (Value::Str(text), Encoding::Text) => text.len(),
        (Value::Str(text), Encoding::Base64) => {
            let compact: String = text.chars().filter(|c| !matches!(c, '\r' | '\n')).collect();
            match STD.decode(compact.as_bytes()) {
                Ok(bytes) => bytes.len(),
                Err(e) => {
                    let why = match e {
                        base64::DecodeError::InvalidByte(at, byte) => format!(
                            "`{}` (character {}) is not in the base64 alphabet",
                            char::from(byte).escape_default(),
                            at + 1
                        ),
                        base64::DecodeError::InvalidLastSymbol(at, _) => {
                            format!("its last character (character {}) is invalid", at + 1)
                        }
                        base64::DecodeError::InvalidLength(_)
                        | base64::DecodeError::InvalidPadding => {
                            "its length with `=` padding is not a multiple of 4".to_string()
                        }
                    };
                    sink.report(
                        at,
                        format!("value of `{name}` in `{field}` is not base64: {why}"),
                    )
                    .help(if field == "data" {
                        "encode it with `base64 -w0`, or move it to `stringData`, which takes plain text"
                    } else {
                        "encode it with `base64 -w0`"
                    });
                    0
                }
            }
        }
        (other, _) => {
            let what = if encoding == Encoding::Base64 {
                "base64 strings"
            } else {
                "strings"
            };
            sink.report(
                at,
                format!(
                    "value of `{name}` in `{field}` is the {} {other}, but `{field}` holds {what}",
                    other.type_name(),
                ),
            )
            .help(format!("quote it: `{name}: \"{other}\"`"));
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::testing::{check, render};

    #[test]
    fn secret_data_must_be_base64_and_string_data_strings() {
        let yaml = "\
apiVersion: v1
kind: Secret
metadata: {name: s}
data:
  token: aGZfYWJj
  folded: |
    aGZf
    YWJj
  placeholder: $HUGGING_FACE_HUB_TOKEN
  unpadded: aGZfYWI
  empty: ''
  none: null
  bad key: aGZf
stringData:
  port: 8080
  debug: true
  url: http://x
";
        assert_eq!(
            render(&check(&InvalidConfigData, yaml)),
            "9:16 [error] value of `placeholder` in `data` is not base64: `$` (character 1) is not in the base64 alphabet (data.placeholder)\n\
             10:13 [error] value of `unpadded` in `data` is not base64: its length with `=` padding is not a multiple of 4 (data.unpadded)\n\
             13:3 [error] invalid key `bad key` in `data`: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name' or 'KEY_NAME' or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+') (data[\"bad key\"])\n\
             15:9 [error] value of `port` in `stringData` is the integer 8080, but `stringData` holds strings (stringData.port)\n\
             16:10 [error] value of `debug` in `stringData` is the boolean true, but `stringData` holds strings (stringData.debug)"
        );
    }

    #[test]
    fn config_map_text_binary_and_size() {
        let yaml = "\
apiVersion: v1
kind: ConfigMap
metadata: {name: c}
data:
  max-model-len: 8192
  config.json: '{}'
binaryData:
  config.json: e30=
  model.bin: 'not base64!'
";
        assert_eq!(
            render(&check(&InvalidConfigData, yaml)),
            "5:18 [error] value of `max-model-len` in `data` is the integer 8192, but `data` holds strings (data.max-model-len)\n\
             8:3 [error] key `config.json` is in both `data` and `binaryData` (binaryData[\"config.json\"])\n\
             9:14 [error] value of `model.bin` in `binaryData` is not base64: ` ` (character 4) is not in the base64 alphabet (binaryData[\"model.bin\"])"
        );
        let big = format!(
            "apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: c}}\ndata:\n  a: '{}'\n  b: '{}'\n",
            "x".repeat(600_000),
            "y".repeat(600_000)
        );
        assert_eq!(
            render(&check(&InvalidConfigData, &big)),
            "4:1 [error] the ConfigMap holds 1200000 bytes of data, more than the 1048576 the API server accepts (data)"
        );
        // Other kinds, and other groups' kinds of the same name, are not read.
        assert!(
            check(
                &InvalidConfigData,
                &yaml.replace("kind: ConfigMap", "kind: Pod")
            )
            .is_empty()
        );
        assert!(
            check(
                &InvalidConfigData,
                &yaml.replace("apiVersion: v1", "apiVersion: example.com/v1")
            )
            .is_empty()
        );
    }
}
