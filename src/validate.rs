//! Validators for the strings users hand to mlk (names, label values, keys, env names,
//! image references, durations, `K=V` pairs), shared by the generators, which check input
//! before printing anything, and by the linter, which checks what others wrote.
//!
//! Each validator returns `Err` with a lowercase message saying what is allowed, without a
//! trailing period. Where Kubernetes has a validator for the same thing, the rule and the
//! message follow apimachinery's `pkg/util/validation`, and several problems with one value
//! are joined with `; ` as the API server joins them.

/// Longest RFC 1123 / RFC 1035 label (most object names, container and port names).
pub const DNS1123_LABEL_MAX: usize = 63;
/// Longest RFC 1123 subdomain (most object names, key prefixes).
pub const DNS1123_SUBDOMAIN_MAX: usize = 253;
/// Longest label value, and longest name part of a qualified name.
pub const LABEL_VALUE_MAX: usize = 63;
/// Longest repository name in an image reference (distribution/reference).
pub const IMAGE_NAME_MAX: usize = 255;
/// Longest image tag.
pub const IMAGE_TAG_MAX: usize = 128;

const DNS1123_LABEL_FMT: &str = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
const DNS1123_SUBDOMAIN_FMT: &str =
    r"[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
const DNS1035_LABEL_FMT: &str = "[a-z]([-a-z0-9]*[a-z0-9])?";
const LABEL_VALUE_FMT: &str = "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?";
const QUALIFIED_NAME_FMT: &str = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const ENV_VAR_NAME_FMT: &str = "[-._a-zA-Z][-._a-zA-Z0-9]*";

const QUALIFIED_NAME_MSG: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/// apimachinery's `RegexError`: the rule, examples, and the regular expression.
fn regex_error(msg: &str, fmt: &str, examples: &[&str]) -> String {
    let examples: Vec<String> = examples.iter().map(|e| format!("'{e}'")).collect();
    format!(
        "{msg} (e.g. {}, regex used for validation is '{fmt}')",
        examples.join(" or ")
    )
}

fn max_len_error(max: usize) -> String {
    format!("must be no more than {max} characters")
}

fn collect(errors: Vec<String>) -> Result<(), String> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("; "))
    }
}

fn is_lower_alnum(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`, or with `first` deciding the first character.
fn is_label(s: &str, first: fn(u8) -> bool) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => {
            first(f) && is_lower_alnum(l) && b.iter().all(|&c| is_lower_alnum(c) || c == b'-')
        }
        _ => false,
    }
}

fn is_subdomain(s: &str) -> bool {
    s.split('.').all(|part| is_label(part, is_lower_alnum))
}

/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`
fn is_qualified_name_part(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) => {
            f.is_ascii_alphanumeric()
                && l.is_ascii_alphanumeric()
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
        }
        _ => false,
    }
}

/// An RFC 1123 label: what most object names that appear in DNS must be (Service and
/// Namespace names, container and port names).
pub fn dns1123_label(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    if s.len() > DNS1123_LABEL_MAX {
        errors.push(max_len_error(DNS1123_LABEL_MAX));
    }
    if !is_label(s, is_lower_alnum) {
        errors.push(regex_error(
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character",
            DNS1123_LABEL_FMT,
            &["my-name", "123-abc"],
        ));
    }
    collect(errors)
}

/// An RFC 1123 subdomain: the default rule for object names (Jobs, ConfigMaps, ...).
pub fn dns1123_subdomain(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    if s.len() > DNS1123_SUBDOMAIN_MAX {
        errors.push(max_len_error(DNS1123_SUBDOMAIN_MAX));
    }
    if !is_subdomain(s) {
        errors.push(regex_error(
            "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character",
            DNS1123_SUBDOMAIN_FMT,
            &["example.com"],
        ));
    }
    collect(errors)
}

/// An RFC 1035 label: Service names, which must not start with a digit.
pub fn dns1035_label(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    if s.len() > DNS1123_LABEL_MAX {
        errors.push(max_len_error(DNS1123_LABEL_MAX));
    }
    if !is_label(s, |b| b.is_ascii_lowercase()) {
        errors.push(regex_error(
            "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character",
            DNS1035_LABEL_FMT,
            &["my-name", "abc-123"],
        ));
    }
    collect(errors)
}

/// A label value, which may be empty.
pub fn label_value(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    if s.len() > LABEL_VALUE_MAX {
        errors.push(max_len_error(LABEL_VALUE_MAX));
    }
    if !s.is_empty() && !is_qualified_name_part(s) {
        errors.push(regex_error(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
            LABEL_VALUE_FMT,
            &["MyValue", "my_value", "12345"],
        ));
    }
    collect(errors)
}

/// Whether `s` is a qualified name: [`qualified_name`] without the messages, for the many
/// names that are valid.
pub fn is_qualified_name(s: &str) -> bool {
    let (prefix, name) = match s.split_once('/') {
        Some((prefix, name)) => (Some(prefix), name),
        None => (None, s),
    };
    prefix.is_none_or(|p| p.len() <= DNS1123_SUBDOMAIN_MAX && is_subdomain(p))
        && name.len() <= LABEL_VALUE_MAX
        && is_qualified_name_part(name)
}

/// A label or annotation key: an optional DNS subdomain prefix and `/`, then a name of at
/// most 63 characters.
pub fn qualified_name(s: &str) -> Result<(), String> {
    if is_qualified_name(s) {
        return Ok(());
    }
    qualified_name_errors(s)
}

/// Why `s` is not a qualified name; `Ok` when it is one.
fn qualified_name_errors(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    let parts: Vec<&str> = s.split('/').collect();
    let name = match parts.as_slice() {
        [name] => *name,
        [prefix, name] => {
            if prefix.is_empty() {
                errors.push("prefix part must be non-empty".to_string());
            } else if let Err(e) = dns1123_subdomain(prefix) {
                errors.extend(e.split("; ").map(|m| format!("prefix part {m}")));
            }
            *name
        }
        _ => {
            return Err(format!(
                "a qualified name {} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
                regex_error(
                    QUALIFIED_NAME_MSG,
                    QUALIFIED_NAME_FMT,
                    &["MyName", "my.name", "123-abc"]
                )
            ));
        }
    };
    if name.is_empty() {
        errors.push("name part must be non-empty".to_string());
    } else if name.len() > LABEL_VALUE_MAX {
        errors.push(format!("name part {}", max_len_error(LABEL_VALUE_MAX)));
    }
    if !is_qualified_name_part(name) {
        errors.push(format!(
            "name part {}",
            regex_error(
                QUALIFIED_NAME_MSG,
                QUALIFIED_NAME_FMT,
                &["MyName", "my.name", "123-abc"]
            )
        ));
    }
    collect(errors)
}

/// An environment variable name, by the strict rule `[-._a-zA-Z][-._a-zA-Z0-9]*` (and not
/// `.`, `..` or starting with `..`).
///
/// KEP-4369 relaxed the API server's rule to any printable ASCII character except `=`
/// (alpha in v1.30, beta in v1.32, stable in v1.34), but a manifest using the relaxed form
/// is rejected by every older API server, and shells cannot expand such names anyway. mlk
/// generates manifests meant to apply on any supported cluster, so it accepts only names
/// that every Kubernetes version accepts.
pub fn env_var_name(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    let b = s.as_bytes();
    let valid = match b.first() {
        Some(&f) => {
            (f.is_ascii_alphabetic() || matches!(f, b'-' | b'.' | b'_'))
                && b.iter()
                    .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'))
        }
        None => false,
    };
    if !valid {
        errors.push(regex_error(
            "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
            ENV_VAR_NAME_FMT,
            &["my.env-name", "MY_ENV.NAME", "MyEnvName1"],
        ));
    }
    relative_path_errors(s, &mut errors);
    collect(errors)
}

/// Upstream's `hasChDirPrefix`: names that become paths must not be `.` or start with `..`.
fn relative_path_errors(s: &str, errors: &mut Vec<String>) {
    if s == "." {
        errors.push("must not be '.'".to_string());
    } else if s == ".." {
        errors.push("must not be '..'".to_string());
    } else if s.starts_with("..") {
        errors.push("must not start with '..'".to_string());
    }
}

/// A key of a ConfigMap's or Secret's data (upstream's `IsConfigMapKey`): at most 253
/// characters of `[-._a-zA-Z0-9]`, and not `.` or starting with `..`.
pub fn config_key(s: &str) -> Result<(), String> {
    let mut errors = Vec::new();
    if s.len() > 253 {
        errors.push("must be no more than 253 characters".to_string());
    }
    if s.is_empty()
        || !s
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_'))
    {
        errors.push(regex_error(
            "a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
            "[-._a-zA-Z0-9]+",
            &["key.name", "KEY_NAME", "key-name"],
        ));
    }
    relative_path_errors(s, &mut errors);
    collect(errors)
}

/// The parts of a container image reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageReference<'a> {
    /// The registry host and optional port. Like Docker, the first path component counts
    /// as a registry only when it contains `.` or `:`, is `localhost`, or has an uppercase
    /// letter; otherwise the image comes from the default registry.
    pub domain: Option<&'a str>,
    /// The repository path within the registry (`library/ubuntu`, `pytorch/pytorch`).
    pub path: &'a str,
    pub tag: Option<&'a str>,
    /// `algorithm:hex`, for example `sha256:` and 64 hex digits.
    pub digest: Option<&'a str>,
}

const IMAGE_FORMAT_HELP: &str = "an image reference is [registry[:port]/]repository[:tag][@sha256:digest], where the repository is lowercase letters and digits in '/'-separated components joined by '.', '_', '__' or dashes";

impl<'a> ImageReference<'a> {
    /// Parses by the distribution/reference grammar that container runtimes use.
    pub fn parse(s: &'a str) -> Result<ImageReference<'a>, String> {
        if s.is_empty() {
            return Err(format!(
                "repository name must have at least one component: {IMAGE_FORMAT_HELP}"
            ));
        }
        let (rest, digest) = match s.split_once('@') {
            Some((rest, digest)) => {
                validate_digest(digest)?;
                (rest, Some(digest))
            }
            None => (s, None),
        };
        let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest[last_slash..].rfind(':') {
            Some(i) => {
                let tag = &rest[last_slash + i + 1..];
                validate_tag(tag)?;
                (&rest[..last_slash + i], Some(tag))
            }
            None => (rest, None),
        };
        if name.len() > IMAGE_NAME_MAX {
            return Err(format!(
                "repository name must not be more than {IMAGE_NAME_MAX} characters"
            ));
        }
        let (domain, path) = match name.split_once('/') {
            Some((first, path))
                if first.contains(['.', ':'])
                    || first == "localhost"
                    || first.bytes().any(|b| b.is_ascii_uppercase()) =>
            {
                if !is_image_domain(first) {
                    return Err(format!(
                        "invalid reference format: registry `{first}` must be a host name or [IPv6] address with an optional :port"
                    ));
                }
                (Some(first), path)
            }
            _ => (None, name),
        };
        if !path.split('/').all(is_path_component) {
            let lower = path.to_ascii_lowercase();
            return Err(if lower.split('/').all(is_path_component) {
                "repository name must be lowercase".to_string()
            } else {
                format!("invalid reference format: {IMAGE_FORMAT_HELP}")
            });
        }
        Ok(ImageReference {
            domain,
            path,
            tag,
            digest,
        })
    }
}

/// `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`
fn is_path_component(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    loop {
        let start = i;
        while i < b.len() && is_lower_alnum(b[i]) {
            i += 1;
        }
        if i == start {
            return false;
        }
        if i == b.len() {
            return true;
        }
        let sep_start = i;
        while i < b.len() && matches!(b[i], b'.' | b'_' | b'-') {
            i += 1;
        }
        let sep = &s[sep_start..i];
        let valid_sep = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|c| c == b'-');
        if !valid_sep {
            return false;
        }
    }
}

/// `host[:port]`, where host is a DNS name (any case) or a bracketed IPv6 address.
fn is_image_domain(s: &str) -> bool {
    let (host_ok, after_host) = match s.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((addr, after)) => (
                !addr.is_empty() && addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':'),
                after,
            ),
            None => return false,
        },
        None => {
            let end = s.find(':').unwrap_or(s.len());
            (s[..end].split('.').all(is_domain_component), &s[end..])
        }
    };
    let port_ok = match after_host.strip_prefix(':') {
        Some(port) => !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()),
        None => after_host.is_empty(),
    };
    host_ok && port_ok
}

/// `[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?`
fn is_domain_component(s: &str) -> bool {
    let b = s.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) => {
            f.is_ascii_alphanumeric()
                && l.is_ascii_alphanumeric()
                && b.iter().all(|&c| c.is_ascii_alphanumeric() || c == b'-')
        }
        _ => false,
    }
}

/// `[\w][\w.-]{0,127}`
fn validate_tag(tag: &str) -> Result<(), String> {
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let b = tag.as_bytes();
    let ok = b.len() <= IMAGE_TAG_MAX
        && b.first().is_some_and(|&f| word(f))
        && b.iter().all(|&c| word(c) || c == b'.' || c == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "invalid tag format: a tag is 1 to {IMAGE_TAG_MAX} letters, digits, '_', '.' or '-', and must not start with '.' or '-'"
        ))
    }
}

/// The algorithms go-digest registers, with their hex lengths; runtimes reject others.
const DIGEST_ALGORITHMS: [(&str, usize); 3] = [("sha256", 64), ("sha384", 96), ("sha512", 128)];

fn validate_digest(digest: &str) -> Result<(), String> {
    let ok = digest.split_once(':').is_some_and(|(algorithm, hex)| {
        DIGEST_ALGORITHMS
            .iter()
            .any(|&(name, len)| name == algorithm && hex.len() == len)
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    });
    if ok {
        Ok(())
    } else {
        Err("invalid digest format: use `sha256:` followed by 64 lowercase hex digits (or sha384/sha512 with 96/128)".to_string())
    }
}

/// A container image reference (`registry:5000/team/model:v1.2@sha256:...`).
pub fn image_reference(s: &str) -> Result<(), String> {
    ImageReference::parse(s).map(|_| ())
}

/// True when the reference names one image for good: a digest, or a tag other than
/// `latest`. A tag can still be moved by whoever pushes it, but a version tag is the
/// common convention; an untagged reference means `latest`. Invalid references are not
/// pinned.
pub fn image_is_pinned(s: &str) -> bool {
    ImageReference::parse(s)
        .is_ok_and(|r| r.digest.is_some() || r.tag.is_some_and(|t| t != "latest"))
}

const DURATION_HELP: &str = "a duration is a whole number of seconds, or whole numbers with the units d, h, m and s in that order, such as `90s`, `30m`, `12h`, `2d` or `1h30m`";

/// A duration in seconds: `90s`, `30m`, `12h`, `2d`, `1h30m`, or a bare number of seconds.
/// Each unit may appear once, from the largest to the smallest, so a typo such as
/// `30m1h` is an error rather than a surprise.
pub fn parse_duration(s: &str) -> Result<u64, String> {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse::<u64>()
            .map_err(|_| format!("duration `{s}` is too large"));
    }
    let mut total: u64 = 0;
    let mut rest = s;
    let mut previous_unit = u64::MAX;
    if rest.is_empty() {
        return Err(DURATION_HELP.to_string());
    }
    while !rest.is_empty() {
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, after) = rest.split_at(digits_end);
        let mut chars = after.chars();
        let unit = match chars.next() {
            Some('d') => 86_400,
            Some('h') => 3_600,
            Some('m') => 60,
            Some('s') => 1,
            _ => return Err(DURATION_HELP.to_string()),
        };
        if digits.is_empty() || unit >= previous_unit {
            return Err(DURATION_HELP.to_string());
        }
        previous_unit = unit;
        let too_large = || format!("duration `{s}` is too large");
        let count: u64 = digits.parse().map_err(|_| too_large())?;
        total = count
            .checked_mul(unit)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(too_large)?;
        rest = chars.as_str();
    }
    Ok(total)
}

/// A `KEY=VALUE` flag value. The value may be empty and may itself contain `=`; the
/// caller validates the key by what it names (env var, label key, ...).
pub fn parse_key_value(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_string(), value.to_string())),
        _ => Err("expected `KEY=VALUE` with a non-empty key before the first '='".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(result: Result<(), String>) {
        if let Err(e) = result {
            panic!("expected valid, got: {e}");
        }
    }

    #[track_caller]
    fn bad(result: Result<(), String>) -> String {
        match result {
            Ok(()) => panic!("expected an error"),
            Err(e) => {
                assert!(!e.ends_with('.'), "trailing period: {e}");
                assert!(
                    !e.starts_with(|c: char| c.is_ascii_uppercase()),
                    "not lowercase: {e}"
                );
                e
            }
        }
    }

    #[test]
    fn dns1123_labels() {
        for s in ["a", "my-name", "123-abc", "0", &"a".repeat(63)] {
            ok(dns1123_label(s));
        }
        for s in ["", "-a", "a-", "A", "my_name", "a.b", "a b", "é"] {
            bad(dns1123_label(s));
        }
        let e = bad(dns1123_label("My-Name"));
        assert_eq!(
            e,
            "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name' or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
        );
        assert_eq!(
            bad(dns1123_label(&"a".repeat(64))),
            "must be no more than 63 characters"
        );
        let both = bad(dns1123_label(&"A".repeat(64)));
        assert!(both.starts_with("must be no more than 63 characters; a lowercase"));
    }

    #[test]
    fn dns1123_subdomains() {
        for s in ["example.com", "a", "a.b-c.d", "1.2.3", &"a".repeat(253)] {
            ok(dns1123_subdomain(s));
        }
        for s in ["", ".a", "a.", "a..b", "-a.b", "a.-b", "A.b", "a_b"] {
            bad(dns1123_subdomain(s));
        }
        assert_eq!(
            bad(dns1123_subdomain(&"a".repeat(254))),
            "must be no more than 253 characters"
        );
        assert!(bad(dns1123_subdomain("a_b")).contains("'example.com'"));
    }

    #[test]
    fn dns1035_labels() {
        ok(dns1035_label("my-name"));
        ok(dns1035_label("abc-123"));
        ok(dns1035_label("a"));
        for s in ["", "1abc", "-a", "a-", "A", "a.b"] {
            bad(dns1035_label(s));
        }
        assert!(bad(dns1035_label("1abc")).starts_with("a DNS-1035 label must"));
        assert_eq!(
            bad(dns1035_label(&"a".repeat(64))),
            "must be no more than 63 characters"
        );
    }

    #[test]
    fn label_values() {
        for s in [
            "",
            "MyValue",
            "my_value",
            "12345",
            "a.b-c_d",
            "A",
            &"z".repeat(63),
        ] {
            ok(label_value(s));
        }
        for s in ["-a", "a-", "_a", "a/b", "a b", "a:b", ".", "é"] {
            bad(label_value(s));
        }
        assert_eq!(
            bad(label_value(&"z".repeat(64))),
            "must be no more than 63 characters"
        );
        assert!(bad(label_value("a/b")).starts_with("a valid label must be an empty string"));
    }

    #[test]
    fn qualified_names() {
        for s in [
            "app",
            "MyName",
            "my.name",
            "123-abc",
            "app.kubernetes.io/name",
            "ignore.mlk.dev/privileged-container",
            "kueue.x-k8s.io/queue-name",
            &format!("{}/{}", "a".repeat(253), "b".repeat(63)),
        ] {
            ok(qualified_name(s));
        }
        assert_eq!(
            bad(qualified_name("/name")),
            "prefix part must be non-empty"
        );
        let e = bad(qualified_name("example.com/"));
        assert!(
            e.starts_with("name part must be non-empty; name part must consist"),
            "{e}"
        );
        assert!(
            bad(qualified_name("Example.com/name"))
                .starts_with("prefix part a lowercase RFC 1123 subdomain")
        );
        assert_eq!(
            bad(qualified_name(&"b".repeat(64))),
            "name part must be no more than 63 characters"
        );
        assert!(bad(qualified_name("a/b/c")).starts_with("a qualified name must consist"));
        assert!(bad(qualified_name("a/b/c")).ends_with("(e.g. 'example.com/MyName')"));
        bad(qualified_name(""));
        bad(qualified_name("-name"));
        bad(qualified_name(&format!("{}/b", "a".repeat(254))));
    }

    #[test]
    fn env_var_names() {
        for s in [
            "PATH",
            "my.env-name",
            "MY_ENV.NAME",
            "MyEnvName1",
            "_x",
            "-x",
            ".x",
            "a..b",
        ] {
            ok(env_var_name(s));
        }
        for s in ["", "1ABC", "A=B", "A B", "A$", "é", "A:B"] {
            bad(env_var_name(s));
        }
        assert_eq!(bad(env_var_name(".")), "must not be '.'");
        assert_eq!(bad(env_var_name("..")), "must not be '..'");
        assert_eq!(bad(env_var_name("..a")), "must not start with '..'");
        assert!(bad(env_var_name("1ABC")).contains("'[-._a-zA-Z][-._a-zA-Z0-9]*'"));
    }

    const SHA: &str = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    #[test]
    fn image_references_that_are_valid() {
        let cases = [
            ("ubuntu", None, "ubuntu", None),
            ("ubuntu:22.04", None, "ubuntu", Some("22.04")),
            (
                "pytorch/pytorch:2.4.0-cuda12.4-cudnn9-runtime",
                None,
                "pytorch/pytorch",
                Some("2.4.0-cuda12.4-cudnn9-runtime"),
            ),
            (
                "nvcr.io/nvidia/tritonserver:24.08-py3",
                Some("nvcr.io"),
                "nvidia/tritonserver",
                Some("24.08-py3"),
            ),
            (
                "localhost:5000/team/model:v1",
                Some("localhost:5000"),
                "team/model",
                Some("v1"),
            ),
            ("localhost/model", Some("localhost"), "model", None),
            (
                "[::1]:5000/model:v1",
                Some("[::1]:5000"),
                "model",
                Some("v1"),
            ),
            ("[fe80::1]/model", Some("[fe80::1]"), "model", None),
            ("Registry/model", Some("Registry"), "model", None),
            (
                "a__b/c--d/e.f_g:TAG_1",
                None,
                "a__b/c--d/e.f_g",
                Some("TAG_1"),
            ),
            (
                "ghcr.io/org/img:_leading-underscore",
                Some("ghcr.io"),
                "org/img",
                Some("_leading-underscore"),
            ),
        ];
        for (s, domain, path, tag) in cases {
            let r = ImageReference::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(
                (r.domain, r.path, r.tag, r.digest),
                (domain, path, tag, None),
                "{s}"
            );
        }
        let with_digest = format!("ghcr.io/org/img:v1@{SHA}");
        let r = ImageReference::parse(&with_digest).unwrap();
        assert_eq!(r.tag, Some("v1"));
        assert_eq!(r.digest, Some(SHA));
        let only_digest = format!("img@{SHA}");
        assert_eq!(ImageReference::parse(&only_digest).unwrap().tag, None);
        ok(image_reference(&format!("img@sha512:{}", "a".repeat(128))));
        ok(image_reference(&format!("img:{}", "t".repeat(128))));
        ok(image_reference(&format!(
            "{}/{}",
            "a".repeat(100),
            "b".repeat(154)
        )));
    }

    #[test]
    fn image_references_that_are_invalid() {
        assert_eq!(
            bad(image_reference("Ubuntu")),
            "repository name must be lowercase"
        );
        assert_eq!(
            bad(image_reference("ghcr.io/Org/img")),
            "repository name must be lowercase"
        );
        for s in [
            "",
            "img:",
            ":tag",
            "img:.tag",
            "img:-tag",
            "img:ta g",
            "a...b",
            "a___b",
            "a-_b",
            "-a",
            "a-",
            "a//b",
            "/a",
            "a/",
            "img@",
            "img@sha256:abc",
            "img@md5:0123456789abcdef0123456789abcdef",
            "bad_host.io/img",
            "host.io:port/img",
            "host.io:/img",
            "[::1/img",
            "[]/img",
            "img:v1@sha256:x@y",
            "im g",
            "é/img",
        ] {
            bad(image_reference(s));
        }
        let upper_digest = format!("img@sha256:{}", "A".repeat(64));
        assert!(bad(image_reference(&upper_digest)).starts_with("invalid digest format"));
        let long_tag = format!("img:{}", "t".repeat(129));
        assert!(bad(image_reference(&long_tag)).starts_with("invalid tag format"));
        let long_name = format!("{}/{}", "a".repeat(100), "b".repeat(155));
        assert_eq!(
            bad(image_reference(&long_name)),
            "repository name must not be more than 255 characters"
        );
        assert!(bad(image_reference("a...b")).contains("[registry[:port]/]repository[:tag]"));
    }

    #[test]
    fn pinned_images() {
        assert!(image_is_pinned("pytorch/pytorch:2.4.0"));
        assert!(image_is_pinned(&format!("img@{SHA}")));
        assert!(image_is_pinned(&format!("img:latest@{SHA}")));
        assert!(image_is_pinned("localhost:5000/img:v1"));
        assert!(image_is_pinned("img:Latest"));
        assert!(!image_is_pinned("img"));
        assert!(!image_is_pinned("img:latest"));
        assert!(!image_is_pinned("localhost:5000/img"));
        assert!(!image_is_pinned("Bad:v1"));
        assert!(!image_is_pinned(""));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("90s"), Ok(90));
        assert_eq!(parse_duration("30m"), Ok(1_800));
        assert_eq!(parse_duration("12h"), Ok(43_200));
        assert_eq!(parse_duration("2d"), Ok(172_800));
        assert_eq!(parse_duration("1h30m"), Ok(5_400));
        assert_eq!(parse_duration("1d2h3m4s"), Ok(93_784));
        assert_eq!(parse_duration("3600"), Ok(3_600));
        assert_eq!(parse_duration("0"), Ok(0));
        assert_eq!(parse_duration("0s"), Ok(0));
        assert_eq!(parse_duration("007m"), Ok(420));
        assert_eq!(parse_duration("18446744073709551615"), Ok(u64::MAX));
        assert_eq!(
            parse_duration("213503982334601d"),
            Ok(18_446_744_073_709_526_400)
        );
        for s in [
            "", "h", "1x", "1.5h", "-1h", "+1h", "1h 30m", " 1h", "1H", "30m1h", "1h1h", "1hm",
            "1h30", "1w", "1ms", "1µs", "1h\n",
        ] {
            let e = parse_duration(s).expect_err(s);
            assert!(
                e.starts_with("a duration is a whole number of seconds"),
                "{s}: {e}"
            );
        }
        assert!(
            parse_duration("18446744073709551616")
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            parse_duration("213503982334602d")
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            parse_duration("213503982334600d1000000h")
                .unwrap_err()
                .contains("too large")
        );
        assert!(
            parse_duration("99999999999999999999999s")
                .unwrap_err()
                .contains("too large")
        );
    }

    #[test]
    fn key_values() {
        assert_eq!(parse_key_value("K=V"), Ok(("K".into(), "V".into())));
        assert_eq!(parse_key_value("K="), Ok(("K".into(), String::new())));
        assert_eq!(parse_key_value("K=a=b"), Ok(("K".into(), "a=b".into())));
        assert_eq!(parse_key_value("lr=3e-4"), Ok(("lr".into(), "3e-4".into())));
        for s in ["", "K", "=V", "="] {
            let e = parse_key_value(s).unwrap_err();
            assert!(e.starts_with("expected `KEY=VALUE`"), "{e}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_quick_qualified_name_check_agrees_with_the_messages(
            s in "[a-zA-Z0-9./_-]{0,12}(/[a-z0-9._-]{0,70})?",
        ) {
            proptest::prop_assert_eq!(is_qualified_name(&s), qualified_name_errors(&s).is_ok());
        }

        #[test]
        fn validators_never_panic(s in "\\PC{0,80}") {
            let _ = dns1123_label(&s);
            let _ = dns1123_subdomain(&s);
            let _ = dns1035_label(&s);
            let _ = label_value(&s);
            let _ = qualified_name(&s);
            let _ = env_var_name(&s);
            let _ = image_reference(&s);
            let _ = image_is_pinned(&s);
            let _ = parse_duration(&s);
            let _ = parse_key_value(&s);
        }

        #[test]
        fn image_like_strings_never_panic(s in "[a-zA-Z0-9.:/@_\\[\\]-]{0,60}") {
            let _ = image_is_pinned(&s);
        }

        #[test]
        fn durations_add_up(d in 0u64..1000, h in 0u64..1000, m in 0u64..1000, sec in 0u64..1000) {
            let text = format!("{d}d{h}h{m}m{sec}s");
            proptest::prop_assert_eq!(parse_duration(&text), Ok(d * 86_400 + h * 3_600 + m * 60 + sec));
        }
    }
}
